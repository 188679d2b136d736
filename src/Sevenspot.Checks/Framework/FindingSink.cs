namespace Sevenspot.Checks;

/// <summary>Where a check puts its findings. Not thread-safe: each file and check gets its own.</summary>
public sealed class FindingSink
{
    private readonly List<Finding> _findings = [];

    public IReadOnlyList<Finding> Findings => _findings;

    /// <summary>A lock-order graph a check built, for pages that draw it.</summary>
    public LockOrderGraph? LockOrder { get; private set; }

    public void Report(Finding finding) => _findings.Add(finding);

    public void ReportGraph(LockOrderGraph graph) => LockOrder = graph;
}
