using Sevenspot.Smpl;

namespace Sevenspot.Engine;

/// <summary>Which of a patch's words a file contains, and so which rules may match in it.</summary>
public sealed class PrefilterResult
{
    private readonly FilePrefilter _prefilter;
    private readonly bool[] _found;
    private readonly Func<string, bool> _present;

    internal PrefilterResult(FilePrefilter prefilter, bool[] found)
    {
        _prefilter = prefilter;
        _found = found;
        _present = word => _prefilter.IsPresent(_found, word);
    }

    internal bool[] Found => _found;

    /// <summary>The prefilter whose words these are.</summary>
    internal FilePrefilter Prefilter => _prefilter;

    /// <summary>A copy that can be added to (<see cref="Add"/>) without changing this one.</summary>
    internal PrefilterResult Copy() => new(_prefilter, (bool[])_found.Clone());

    /// <summary>
    /// Adds the words of a new version of the file (after a rule changed it). A later rule is tested
    /// against every version: what it matches is in the current one, and the rules it depends on
    /// matched in earlier ones.
    /// </summary>
    public void Add(ReadOnlySpan<byte> bytes) => _prefilter.ScanInto(bytes, _found);

    /// <summary>Whether the file contains this word (one of the patch's words).</summary>
    public bool Contains(string word) => _prefilter.IsPresent(_found, word);

    /// <summary>Whether the rule may match in the file; when false, running it would find nothing.</summary>
    public bool CanRun(Rule rule) => Holds(_prefilter.FormulaOf(rule));

    /// <summary>Whether some rule that produces output (a change, a * line, a script) may run: otherwise the file need not be parsed.</summary>
    public bool AnyOutputRuleCanRun => _prefilter.AnyOutputRuleCanRun(this);

    internal bool Holds(TokenFormula formula) => formula.Evaluate(_present);
}
