using Sevenspot.Text;

namespace Sevenspot.Smpl;

/// <summary>Where an isomorphism applies.</summary>
public enum IsoKind
{
    Expression,

    /// <summary>Only in a test position (the condition of an if, while, for, or an operand of &amp;&amp;, ||, !).</summary>
    TestExpression,

    /// <summary>The first term anywhere, the other terms only in test positions.</summary>
    ToTestExpression,

    /// <summary>Only as an argument of a function call.</summary>
    ArgExpression,
    Statement,
    Type,
    Declaration,
    TopLevel,
}

/// <summary>One term of an isomorphism, parsed as a small rule.</summary>
public sealed class IsoTerm
{
    public required CodeRule Rule { get; init; }

    /// <summary>The pattern tree's single item.</summary>
    public required C.SyntaxNode Pattern { get; init; }

    public override string ToString() => Pattern.ToString();
}

/// <summary>
/// An isomorphism "A &lt;=&gt; B =&gt; C": a pattern written like a source term also matches code shaped
/// like the terms it leads to. Terms joined by &lt;=&gt; lead to each other; =&gt; leads one way.
/// </summary>
public sealed class IsoRule
{
    public required string Name { get; init; }

    public required IsoKind Kind { get; init; }

    public required IReadOnlyList<IsoTerm> Terms { get; init; }

    /// <summary>For each term, the indices of the terms a pattern written like it also matches, in priority order.</summary>
    public required IReadOnlyList<IReadOnlyList<int>> Targets { get; init; }

    /// <summary>Metavariables declared pure: the rule must have a metavariable where they match.</summary>
    public required IReadOnlySet<string> Pure { get; init; }

    /// <summary>Metavariables declared context: the rule's code there must not be removed.</summary>
    public required IReadOnlySet<string> Context { get; init; }

    /// <summary>Where the isomorphism's kind line is in its file (for diagnostics).</summary>
    public TextSpan Span { get; init; }

    public override string ToString() => $"{Kind} {Name}: {string.Join(" | ", Terms)}";
}
