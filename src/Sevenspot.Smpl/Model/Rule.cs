using Sevenspot.Text;

namespace Sevenspot.Smpl;

/// <summary>A rule of a semantic patch.</summary>
public abstract class Rule
{
    public required string Name { get; init; }

    /// <summary>Whether the rule had a name in its header (anonymous rules get "rule starting on line N").</summary>
    public bool HasName { get; init; }

    public required int Index { get; init; }

    /// <summary>Line of the rule header in the .cocci file.</summary>
    public required int Line { get; init; }

    /// <summary>
    /// The file the rule is written in: the patch itself, or a file it reads with #include. Null for
    /// rules made outside the parser, which belong to the patch's own file.
    /// </summary>
    public SourceText? Source { get; init; }

    public Dependency? DependsOn { get; init; }

    public DependencyScope DependencyScope { get; init; } = DependencyScope.Exists;

    /// <summary>
    /// The rule as an error names it: "rule r (line 7)", "script rule r (line 7)", or an unnamed one
    /// by its own name, which holds its line ("rule starting on line 7", "script starting on line 7").
    /// </summary>
    public string ErrorName => HasName ? $"{(this is ScriptRule ? "script rule" : "rule")} {Name} (line {Line})" : Name;

    public override string ToString() => Name;
}

public enum Quantifier
{
    /// <summary>Forall unless the semantic patch uses * (then exists).</summary>
    Default,
    Exists,
    Forall,
}

/// <summary>What a rule's code is to be read as ("@ r expression @", "@ r identifier @", "@ r type @").</summary>
public enum RuleKind
{
    Normal,
    Expression,
    Identifier,
    Type,
}

/// <summary>A rule that matches and transforms C code.</summary>
public sealed class CodeRule : Rule
{
    public required IReadOnlyList<Metavariable> Metavariables { get; init; }

    /// <summary>The bit-field widths the declarations name ("T:b x;" binds b as well as x).</summary>
    public IReadOnlyList<string> WidthNames { get; init; } = [];

    /// <summary>
    /// The names declared with "declarer name" in this rule or an earlier one of the file, as the
    /// rule's code was read with them: such a name stays a declarer in every later rule.
    /// </summary>
    public IReadOnlySet<string> DeclarerNamesInScope { get; init; } = new HashSet<string>();

    public Quantifier Quantifier { get; init; }

    public RuleKind Kind { get; init; }

    public string? Extends { get; init; }

    public IReadOnlyList<string> UsingIsoFiles { get; init; } = [];

    public IReadOnlyList<string> DisabledIsos { get; init; } = [];

    public required CodeBody Body { get; init; }

    /// <summary>Looks up a metavariable declared by this rule (by its local name).</summary>
    public Metavariable? Find(string name)
    {
        foreach (var m in Metavariables)
        {
            if (m.Name == name)
            {
                return m;
            }
        }

        return null;
    }
}

public enum ScriptKind
{
    Script,
    Initialize,
    Finalize,
}

/// <summary>x &lt;&lt; r.y; (with an optional default value) or a new variable "x;".</summary>
/// <summary>
/// One variable of a script rule's header: "x &lt;&lt; r.y;" (inherited), "x;" (output). AstName is the
/// second name of OCaml's "(x, ast) &lt;&lt; r.y;", which sees the value as abstract syntax rather than text.
/// </summary>
public sealed record ScriptBinding(string Name, string? Rule, string? RuleVariable, string? DefaultValue, bool DefaultIsEmptyList, string? AstName = null)
{
    /// <summary>Where "r.y" is written in the .cocci file (empty for an output variable).</summary>
    public TextSpan Span { get; init; }
}

/// <summary>@script:python@, @initialize:python@, @finalize:python@ rules.</summary>
public sealed class ScriptRule : Rule
{
    public required ScriptKind ScriptKind { get; init; }

    public required string Language { get; init; }

    public required IReadOnlyList<ScriptBinding> Bindings { get; init; }

    public required string Code { get; init; }

    /// <summary>Line of the first line of code in the .cocci file.</summary>
    public int CodeLine { get; init; }

}

/// <summary>A parsed semantic patch.</summary>
public sealed class SmplFile
{
    public required SourceText Source { get; init; }

    public required IReadOnlyList<Rule> Rules { get; init; }

    public IReadOnlyList<string> Virtuals { get; init; } = [];

    /// <summary>Isomorphism files named with "using".</summary>
    public IReadOnlyList<string> UsingIsoFiles { get; init; } = [];

    /// <summary>SmPL files read with #include (nested ones included), in the order they were read.</summary>
    public IReadOnlyList<string> Includes { get; init; } = [];

    /// <summary>Whether some code line is marked with * (the whole patch is then in "context" mode).</summary>
    public bool IsContextMode { get; init; }

    public IEnumerable<CodeRule> CodeRules => Rules.OfType<CodeRule>();

    /// <summary>The file a rule is written in: the patch, or the file an #include brought it from.</summary>
    public SourceText SourceOf(Rule rule) => rule.Source ?? Source;

    /// <summary>
    /// The line where the rule at <paramref name="index"/> ends (exclusive): the next rule's header when
    /// that rule is written in the same file, else one past the file's last line.
    /// </summary>
    public int EndLineOf(int index)
    {
        var source = SourceOf(Rules[index]);
        return index + 1 < Rules.Count && ReferenceEquals(SourceOf(Rules[index + 1]), source) ? Rules[index + 1].Line : source.LineCount + 1;
    }
}
