using Sevenspot.Text;

namespace Sevenspot.Engine;

/// <summary>What running a semantic patch on one file produced.</summary>
public sealed class FileOutcome
{
    public required string Path { get; init; }

    public required byte[] Original { get; init; }

    /// <summary>The new content, or null when nothing changed.</summary>
    public byte[]? Modified { get; init; }

    /// <summary>Errors and warnings (parse errors of the file, conflicts...).</summary>
    public List<Diagnostic> Diagnostics { get; } = [];

    /// <summary>Function definitions found in the file, those that did not parse included.</summary>
    public int Functions { get; set; }

    /// <summary>Function definitions holding a parse error: rules see only what parsed around it.</summary>
    public int FunctionsWithErrors { get; set; }

    /// <summary>
    /// Function definitions that parsed but that spatch does not read (no return type, arguments
    /// not all types: <see cref="FunctionCensus.NotReadBySpatch"/>): rules do not match in them.
    /// </summary>
    public int FunctionsNotRead { get; set; }

    /// <summary>The prefilter ruled the file out: no rule that gives output can match it, and it was not parsed.</summary>
    public bool RuledOut { get; init; }

    /// <summary>A fatal problem for this file (e.g. conflicting transformations); the file is left alone.</summary>
    public string? Failure { get; set; }

    /// <summary>Names of the rules that matched somewhere in this file.</summary>
    public HashSet<string> MatchedRules { get; } = new(StringComparer.Ordinal);

    /// <summary>Lines highlighted by * rules (for the context-mode diff): (line numbers of the original).</summary>
    public SortedSet<int> StarLines { get; } = [];

    /// <summary>What script rules printed for this file, ordered by the position of their inputs.</summary>
    public string ScriptOutput { get; set; } = string.Empty;

    /// <summary>A script rule raised on this file: the rule, the file and python's traceback.</summary>
    public string? ScriptFailure { get; set; }

    /// <summary>A script called cocci.exit(): the run stops after this file.</summary>
    public bool ExitRequested { get; set; }

    /// <summary>Further runs of the semantic patch that scripts asked for.</summary>
    public List<PendingInstance> PendingInstances { get; } = [];

    /// <summary>Report lines produced for this file (file:line:col-col: message).</summary>
    public List<string> Reports { get; } = [];

    /// <summary>
    /// What the rules found, for the machine-readable outputs: script reports (ordered as the
    /// script output is) and the starred regions of context rules, each region once per rule.
    /// </summary>
    public List<RuleFinding> Findings { get; } = [];

    /// <summary>With <see cref="RunOptions.MatchOnly"/>: each match of a code rule, with its bindings, in the order found.</summary>
    public List<RuleBinding> Bindings { get; } = [];

    /// <summary>With <see cref="RunOptions.RecordChanges"/>: each transforming rule's change, in the original's lines, in rule order.</summary>
    public List<RuleChange> Changes { get; } = [];
}

/// <summary>One match of a code rule: the rule's name and the metavariables it bound (positions, expressions, ...).</summary>
public sealed record RuleBinding(string Rule, Env Env);
