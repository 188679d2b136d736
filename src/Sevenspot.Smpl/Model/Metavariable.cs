namespace Sevenspot.Smpl;

/// <summary>The kinds of metavariables SmPL declares.</summary>
public enum MetavariableKind
{
    /// <summary>"metavariable x;": kind inferred from use.</summary>
    Metavariable,
    Identifier,
    IdentifierList,
    FreshIdentifier,
    Expression,
    ExpressionList,
    IdExpression,
    Constant,
    Statement,
    StatementList,
    Declaration,
    Field,
    FieldList,
    Parameter,
    ParameterList,
    Type,
    Initializer,
    InitializerList,
    Position,
    Format,
    FormatList,
    BinaryOperator,
    AssignmentOperator,
    UnaryOperator,
    Declarer,
    Iterator,
    Attribute,

    /// <summary>"symbol x;": x is a plain C identifier in this rule.</summary>
    Symbol,

    /// <summary>"typedef t;": t is a type name from here on.</summary>
    Typedef,

    /// <summary>"declarer name d;": d is a declarer macro.</summary>
    DeclarerName,

    /// <summary>"iterator name i;": i is an iterator macro.</summary>
    IteratorName,

    /// <summary>"attribute name a;": a is an attribute.</summary>
    AttributeName,
}

/// <summary>A constraint on what a metavariable may match.</summary>
public abstract record MetavariableConstraint;

/// <summary>=~ "re" or !~ "re".</summary>
public sealed record RegexConstraint(string Pattern, bool Negated) : MetavariableConstraint;

/// <summary>= x, = {a, b}, != x, != {a, b}: the value must (not) be one of these names, integers or metavariables.</summary>
public sealed record SetConstraint(IReadOnlyList<string> Values, bool Negated) : MetavariableConstraint;

/// <summary>E &lt;= r.F: E must be a subterm of the value of F.</summary>
public sealed record SubExpressionConstraint(string Of) : MetavariableConstraint;

/// <summary>c1 || c2: the value satisfies every constraint of at least one alternative (each a conjunction).</summary>
public sealed record AnyOfConstraint(IReadOnlyList<IReadOnlyList<MetavariableConstraint>> Alternatives) : MetavariableConstraint;

/// <summary>: script:python(args) { expr }; Line is the line of "script", where errors in the expression are reported.</summary>
public sealed record ScriptConstraint(string Language, IReadOnlyList<string> Arguments, string Code, int Line) : MetavariableConstraint;

/// <summary>One part of a fresh identifier's seed: a literal string or a metavariable name.</summary>
public sealed record SeedPart(string Text, bool IsMetavariable);

/// <summary>A metavariable declared by a rule.</summary>
public sealed class Metavariable
{
    public required string Name { get; init; }

    public required MetavariableKind Kind { get; init; }

    /// <summary>For r.x: the rule it comes from ("virtual" for -D values), else null.</summary>
    public string? InheritedFrom { get; init; }

    /// <summary>For r.x: x (the name in that rule).</summary>
    public string? InheritedName { get; init; }

    /// <summary>
    /// Inherited by "@r extends s@" rather than declared: spatch does not warn when such a
    /// metavariable goes unused, as the rule never named it.
    /// </summary>
    public bool ByExtends { get; init; }

    public bool IsInherited => InheritedFrom is not null;

    /// <summary>list[n]: the exact length; null when any.</summary>
    public int? ListLength { get; init; }

    /// <summary>list[len]: the metavariable that receives the length.</summary>
    public string? ListLengthName { get; init; }

    /// <summary>list[len={1...3,5}]: the lengths allowed, as inclusive ranges; null when any.</summary>
    public IReadOnlyList<(int Min, int Max)>? ListLengthRanges { get; init; }

    /// <summary>For typed expressions, constants and idexpressions: the allowed types as C text (e.g. "struct foo *").</summary>
    public IReadOnlyList<string> Types { get; init; } = [];

    /// <summary>expression *E (1), expression **E (2)...: a pointer type of at least this depth of any base type.</summary>
    public int PointerDepth { get; init; }

    /// <summary>expression struct *E: the base must be a struct (or union/enum).</summary>
    public string? TypeTagKind { get; init; }

    /// <summary>idexpression: local or global only.</summary>
    public string? Locality { get; init; }

    /// <summary>For binary/assignment/unary operator metavariables: allowed operators (empty = any).</summary>
    public IReadOnlyList<string> Operators { get; init; } = [];

    public IReadOnlyList<MetavariableConstraint> Constraints { get; init; } = [];

    /// <summary>For fresh identifiers: the seed parts (empty = ask the user).</summary>
    public IReadOnlyList<SeedPart> Seed { get; init; } = [];

    /// <summary>position any p.</summary>
    public bool AnyPosition { get; init; }

    /// <summary>Line of the declaration in the .cocci file.</summary>
    public int Line { get; init; }

    public override string ToString() => IsInherited ? $"{Kind} {InheritedFrom}.{InheritedName}" : $"{Kind} {Name}";
}
