namespace Sevenspot.C;

/// <summary>
/// Tells a parse which function bodies its reader has no use for, from their words alone (a rule
/// whose every match spells words a function lacks). The parser keeps such a body as its braces
/// around tokens it does not read (<see cref="SyntaxKind.DisabledToken"/>): the tree still prints
/// the file byte for byte, but the function reads as empty to anything that walks it.
/// </summary>
public abstract class FunctionBodyFilter
{
    /// <summary>The test of the functions of one lexed text, or null when it needs every body.</summary>
    public abstract FunctionBodyTest? For(LexedText text);
}

/// <summary>The per-text test of a <see cref="FunctionBodyFilter"/>.</summary>
public abstract class FunctionBodyTest
{
    /// <summary>
    /// Whether the body of the function whose tokens lie in [<paramref name="firstToken"/>,
    /// <paramref name="lastToken"/>] (a range that holds the whole definition) must be read.
    /// </summary>
    public abstract bool Needs(int firstToken, int lastToken);
}
