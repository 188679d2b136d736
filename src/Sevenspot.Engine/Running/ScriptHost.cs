using Sevenspot.Smpl;

namespace Sevenspot.Engine;

/// <summary>
/// Runs the script parts of a semantic patch for the runner: script rules, script constraints and
/// fresh identifiers computed by a script. Implemented by Sevenspot.Scripting (the python worker);
/// the runner only sees metavariable values going in and out.
/// </summary>
public interface IScriptHost
{
    /// <summary>A session for one C file; every script call for the file goes through it.</summary>
    IScriptFileSession OpenFile(string path);

    /// <summary>
    /// Notes that the run got to a file's code: the prefilter did not rule it out. A finalize rule's
    /// merged state holds a run's state only when the run got to some file, as spatch's does.
    /// </summary>
    void FileProcessed()
    {
    }
}

/// <summary>The script calls made while one C file is processed.</summary>
public interface IScriptFileSession : IDisposable
{
    /// <summary>Runs a script rule once, with its inherited metavariables.</summary>
    ScriptCallResult RunRule(ScriptRule rule, IReadOnlyList<ScriptInput> inputs);

    /// <summary>Evaluates a script expression (a constraint, or the name of a fresh identifier).</summary>
    ScriptCallResult Evaluate(ScriptConstraint script, IReadOnlyList<ScriptInput> inputs);
}

/// <summary>A value handed to a script: a bound metavariable, or the binding's default when it is unbound.</summary>
public readonly record struct ScriptInput(string Name, MetaValue? Value, string? Default = null, bool EmptyList = false);

/// <summary>What one script call gave.</summary>
public sealed class ScriptCallResult
{
    public static readonly ScriptCallResult Empty = new();

    /// <summary>What the script printed.</summary>
    public string Output { get; init; } = string.Empty;

    /// <summary>False when the script called cocci.include_match(False).</summary>
    public bool Include { get; init; } = true;

    /// <summary>Output metavariables the script set (coccinelle.x = ...), by name.</summary>
    public IReadOnlyDictionary<string, MetaValue> Outputs { get; init; } = new Dictionary<string, MetaValue>();

    /// <summary>The value of an evaluated expression: a boolean for a constraint, a name for a fresh identifier.</summary>
    public bool? BooleanValue { get; init; }

    public MetaValue? Value { get; init; }

    /// <summary>The script raised: python's traceback.</summary>
    public string? Error { get; init; }

    /// <summary>The script called cocci.exit().</summary>
    public bool ExitRequested { get; init; }

    /// <summary>Further runs of the semantic patch the script asked for (Iteration, cocci.add_pending_instance).</summary>
    public IReadOnlyList<PendingInstance> PendingInstances { get; init; } = [];

    /// <summary>What the script reported, as data (the same reports are in <see cref="Output"/> as text).</summary>
    public IReadOnlyList<ScriptFinding> Findings { get; init; } = [];
}

/// <summary>
/// A report a script made through coccilib (print_report, or print_main with its print_sec and
/// print_secs places): the message and the places it named, the first being the main one.
/// </summary>
public sealed record ScriptFinding(string Message, IReadOnlyList<RuleFindingLocation> Locations);

/// <summary>One more run of the semantic patch, after the current one: on some files (null: the same ones), with other virtual rules and identifiers.</summary>
public sealed record PendingInstance(IReadOnlyList<string>? Files, IReadOnlyList<string> Virtuals, IReadOnlyList<KeyValuePair<string, string>> Identifiers, bool ExtendIdentifiers);

/// <summary>
/// The places a position metavariable bound inside a nest ("&lt;... f@p() ...&gt;") took in one match
/// of its rule: spatch hands a script all of them at once, as one list.
/// </summary>
public sealed class PositionListValue : MetaValue
{
    public PositionListValue(IReadOnlyList<PositionValue> positions)
    {
        Positions = positions;
    }

    public IReadOnlyList<PositionValue> Positions { get; }

    public override string Text => Positions.Count == 0 ? string.Empty : Positions[0].Text;

    protected override string ComputeKey() => string.Join(";", Positions.Select(p => p.Key));
}
