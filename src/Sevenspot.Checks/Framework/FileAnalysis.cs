namespace Sevenspot.Checks;

/// <summary>
/// What one file gave a run: findings of the file checks, facts for the tree checks (one slot
/// per tree check), what was skipped, and how many functions it defines.
/// </summary>
public sealed class FileAnalysis
{
    internal FileAnalysis(string path, IReadOnlyList<Finding> findings, object?[] treeFacts, IReadOnlyList<SkippedItem> skipped, int functions, ProgramFile? program = null)
    {
        Program = program;
        Path = path;
        Findings = findings;
        TreeFacts = treeFacts;
        Skipped = skipped;
        Functions = functions;
    }

    public string Path { get; }

    public IReadOnlyList<Finding> Findings { get; }

    internal object?[] TreeFacts { get; }

    /// <summary>What the file tells about its program, when a tree check of the run needs programs; dropped once the programs are joined.</summary>
    internal ProgramFile? Program { get; set; }

    public IReadOnlyList<SkippedItem> Skipped { get; }

    public int Functions { get; }
}
