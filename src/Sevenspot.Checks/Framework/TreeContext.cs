using Sevenspot.Checks.Primitives;

namespace Sevenspot.Checks;

/// <summary>What a <see cref="TreeCheck"/> sees in its second phase: the facts every file gave it, in file path order.</summary>
public sealed class TreeContext
{
    private readonly IReadOnlyList<FileAnalysis> _files;
    private readonly Func<TreeCheck, int> _slotOf;

    internal TreeContext(IReadOnlyList<FileAnalysis> files, PrimitiveTables primitives, Func<TreeCheck, int> slotOf)
    {
        _files = files;
        Primitives = primitives;
        _slotOf = slotOf;
    }

    public PrimitiveTables Primitives { get; }

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
