using Sevenspot.Checks.Primitives;

namespace Sevenspot.Checks;

/// <summary>What a <see cref="TreeCheck"/> sees in its second phase: the facts every file gave it, in file path order.</summary>
public sealed class TreeContext
{
    private readonly IReadOnlyList<FileAnalysis> _files;
    private readonly Func<TreeCheck, int> _slotOf;
    private Programs? _programs;

    internal TreeContext(IReadOnlyList<FileAnalysis> files, PrimitiveTables primitives, Func<TreeCheck, int> slotOf)
    {
        _files = files;
        Primitives = primitives;
        _slotOf = slotOf;
    }

    public PrimitiveTables Primitives { get; }

    /// <summary>The programs of the tree, from every file read (empty when no check of the run asked for them).</summary>
    public Programs Programs => _programs ??= global::Sevenspot.Checks.Programs.Of(_files.Where(f => f.Program is not null).Select(f => f.Program!));

    public int FileCount => _files.Count;

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
