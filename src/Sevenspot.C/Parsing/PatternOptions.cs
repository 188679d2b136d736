namespace Sevenspot.C;

/// <summary>How the parser should read a name inside an SmPL pattern.</summary>
public enum PatternNameKind : byte
{
    /// <summary>An ordinary C name, or an expression/identifier/constant metavariable (parsed as an identifier).</summary>
    None,

    /// <summary>A type metavariable or a name declared with typedef: parsed as a type name.</summary>
    Type,

    /// <summary>A statement or statement-list metavariable: a whole statement without a semicolon.</summary>
    Statement,

    /// <summary>A declaration metavariable: a whole declaration without a semicolon.</summary>
    Declaration,

    /// <summary>A field or field-list metavariable: a whole structure member.</summary>
    Field,

    /// <summary>An iterator name or metavariable: NAME(args) stmt is a loop.</summary>
    Iterator,

    /// <summary>A declarer name or metavariable: NAME(args); is a declaration.</summary>
    Declarer,

    /// <summary>A binary operator metavariable: a op b.</summary>
    BinaryOperator,

    /// <summary>An assignment operator metavariable: a op b.</summary>
    AssignmentOperator,

    /// <summary>A unary operator metavariable: op a.</summary>
    UnaryOperator,

    /// <summary>An attribute name or metavariable.</summary>
    Attribute,

    /// <summary>An expression-like metavariable (expression, identifier, constant...): never a type.</summary>
    Expression,

    /// <summary>
    /// An identifier metavariable: parsed as an ordinary name, except that it is never read as the
    /// type of a declaration when nothing else says so ("I y;" is no declaration; spatch refuses it).
    /// </summary>
    Identifier,
}

/// <summary>Settings for parsing an SmPL pattern with the C parser.</summary>
public sealed class PatternOptions
{
    /// <summary>Classifies a name of the pattern (metavariables, typedefs, iterator and declarer names).</summary>
    public required Func<string, PatternNameKind> Classify { get; init; }

    /// <summary>The spelling of the keyword that introduces when clauses.</summary>
    public string WhenKeyword { get; init; } = "when";
}
