using Sevenspot.Checks.Primitives;

namespace Sevenspot.Checks;

/// <summary>What a <see cref="TreeCheck"/> sees in its second phase: the facts every file gave it, in file path order.</summary>
public sealed class TreeContext
{
    private readonly IReadOnlyList<FileAnalysis> _files;
    private readonly Func<TreeCheck, int> _slotOf;
    private readonly ProgramHeaders? _programHeaders;
    private Programs? _programs;

    internal TreeContext(IReadOnlyList<FileAnalysis> files, PrimitiveTables primitives, Func<TreeCheck, int> slotOf, ProgramHeaders? programHeaders = null)
    {
        _files = files;
        Primitives = primitives;
        _slotOf = slotOf;
        _programHeaders = programHeaders;
    }

    public PrimitiveTables Primitives { get; }

    /// <summary>The programs of the tree, from every file read (empty when no check of the run asked for them).</summary>
    public Programs Programs => _programs ??= JoinPrograms();

    public int FileCount => _files.Count;

    // The files' program facts serve only this: once joined, they are dropped.
    private Programs JoinPrograms()
    {
        var facts = new List<ProgramFile>();
        foreach (var file in _files)
        {
            if (file.Program is { } program)
            {
                facts.Add(program);
                file.Program = null;
            }
        }

        return global::Sevenspot.Checks.Programs.Of(facts, _programHeaders ?? new ProgramHeaders(new NamePool()));
    }

    /// <summary>The non-null facts the check collected, in file path order.</summary>
    public IReadOnlyList<TFacts> FactsOf<TFacts>(TreeCheck check)
        where TFacts : class
    {
        int slot = _slotOf(check);
        var facts = new List<TFacts>();
        foreach (var file in _files)
        {
            if (file.TreeFacts[slot] is TFacts f)
            {
                facts.Add(f);
            }
        }

        return facts;
    }
}
