namespace Sevenspot.Checks;

/// <summary>
/// A bundled check. Concrete checks derive from <see cref="FileCheck"/> (one file at a time) or
/// <see cref="TreeCheck{TFacts}"/> (facts from every file, then one analysis of the whole tree).
/// Checks are stateless: one instance serves all workers.
/// </summary>
public abstract class Check
{
    public abstract CheckDescriptor Descriptor { get; }

    /// <summary>
    /// Whether the check walks control-flow graphs. Such a check runs only when the run has a
    /// <see cref="IFlowGraphProvider"/>; <see cref="CheckRunner"/> refuses it otherwise.
    /// </summary>
    public virtual bool NeedsFlowGraphs => false;

    /// <summary>Whether the check binds facts by name across files, within a program (<see cref="TreeContext.Programs"/>).</summary>
    public virtual bool NeedsPrograms => false;

    public override string ToString() => Descriptor.Id;
}

/// <summary>A check that needs nothing beyond one file.</summary>
public abstract class FileCheck : Check
{
    /// <summary>Reports the file's findings to <paramref name="sink"/>. Runs concurrently on different files.</summary>
    public abstract void Analyze(FileContext file, FindingSink sink);
}

/// <summary>
/// An interprocedural check, in two phases: <see cref="Collect"/> runs on each file (in parallel)
/// and keeps compact facts — names, locations, summaries, never syntax trees, which are dropped
/// after each file; <see cref="Analyze"/> then runs once over the facts of all files, in file
/// path order, and must be deterministic.
/// </summary>
public abstract class TreeCheck : Check
{
    /// <summary>The facts of one file, or null when it has none. Runs concurrently on different files.</summary>
    public abstract object? Collect(FileContext file);

    public abstract void Analyze(TreeContext tree, FindingSink sink);
}

/// <summary>A <see cref="TreeCheck"/> with typed facts.</summary>
public abstract class TreeCheck<TFacts> : TreeCheck
    where TFacts : class
{
    public sealed override object? Collect(FileContext file) => CollectFacts(file);

    public sealed override void Analyze(TreeContext tree, FindingSink sink) => Analyze(tree.FactsOf<TFacts>(this), tree, sink);

    protected abstract TFacts? CollectFacts(FileContext file);

    /// <summary>Analyses the facts of all files, given in file path order.</summary>
    protected abstract void Analyze(IReadOnlyList<TFacts> facts, TreeContext tree, FindingSink sink);
}
