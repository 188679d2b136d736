using Sevenspot.C;

namespace Sevenspot.Smpl;

/// <summary>How a token of a rule's code is annotated in the leftmost column.</summary>
public enum TokenMark : byte
{
    Context,
    Minus,
    Plus,
    PlusPlus,
    Star,
}

/// <summary>
/// Added code: a run of tokens of the plus slice that goes in at one place, with the added lines
/// the C parser does not see (preprocessor directives, empty lines) in their places.
/// </summary>
public sealed class PlusChunk
{
    /// <summary>First token index in the plus tree.</summary>
    public required int First { get; init; }

    /// <summary>Last token index in the plus tree (inclusive); below <see cref="First"/> when the chunk has raw lines only.</summary>
    public required int Last { get; init; }

    /// <summary>Whether the chunk holds tokens of the plus tree (and not only raw lines).</summary>
    public bool HasTokens => Last >= First;

    /// <summary>Added directive, comment and empty lines, in order, each placed before a token of the chunk.</summary>
    public IReadOnlyList<PlusRawLine> RawLines { get; init; } = [];

    /// <summary>Comments written beside the chunk's code on its lines, each kept with a token of the chunk.</summary>
    public IReadOnlyList<PlusComment> Comments { get; init; } = [];

    /// <summary>The chunk occupies whole lines of the rule (statement-level code) rather than part of a line.</summary>
    public required bool IsWholeLines { get; init; }

    /// <summary>Marked ++: may be added several times at one place, in any order.</summary>
    public bool PlusPlus { get; init; }

    public override string ToString() => $"plus[{First}..{Last}]";
}

/// <summary>
/// An added line kept as text: a preprocessor directive (#include, #if, #define ...), a comment
/// alone on its line(s) (<paramref name="IsComment"/>), or an empty line. It comes before the
/// plus-tree token <see cref="BeforeToken"/>, or after all the chunk's tokens when that is past
/// <see cref="PlusChunk.Last"/>.
/// </summary>
public readonly record struct PlusRawLine(int BeforeToken, string Text, bool IsComment = false)
{
    public bool IsEmptyLine => Text.Length == 0;
}

/// <summary>
/// A comment on an added line beside code: printed right after (<paramref name="After"/>) or right
/// before the plus-tree token <paramref name="Token"/>. A "//" comment's text starts with the blanks
/// written before it, which are kept; a block comment sticks to its token, as spatch prints it.
/// </summary>
public readonly record struct PlusComment(int Token, bool After, string Text)
{
    public bool IsLineComment => Text.TrimStart().StartsWith("//", StringComparison.Ordinal);
}

/// <summary>Where added code goes relative to its anchor token.</summary>
public enum PlusSide
{
    Before,
    After,
}

/// <summary>
/// The code of a code rule, parsed twice as SmPL requires: the minus slice (context, - and *
/// lines) is the pattern that is matched; the plus slice (context and + lines) is the added code.
/// Each run of added code is attached to a token of the minus slice.
/// </summary>
public sealed class CodeBody
{
    public required SyntaxTree Minus { get; init; }

    public required SyntaxTree Plus { get; init; }

    /// <summary>Mark of each token of the minus tree (Context, Minus or Star).</summary>
    public required TokenMark[] MinusMarks { get; init; }

    /// <summary>Added code, by the minus-tree token it is attached to and the side.</summary>
    public required IReadOnlyDictionary<(int Token, PlusSide Side), IReadOnlyList<PlusChunk>> PlusCode { get; init; }

    /// <summary>Position metavariables attached with @ to tokens of the minus tree.</summary>
    public required IReadOnlyDictionary<int, IReadOnlyList<string>> Positions { get; init; }

    /// <summary>Position metavariables attached to tokens of the plus tree (rare; kept for diagnostics).</summary>
    public IReadOnlyDictionary<int, IReadOnlyList<string>> PlusPositions { get; init; } = new Dictionary<int, IReadOnlyList<string>>();

    public bool HasMinus { get; init; }

    /// <summary>
    /// Set when the pattern is a file-level directive alone (the minus slice has no tokens): the
    /// rule is matched against the file's directives.
    /// </summary>
    public DirectivePattern? Directive { get; init; }

    /// <summary>
    /// Set when the pattern is the body of a #define ("#define i(x) \" then "- foo(x)" ...): the
    /// directive's name and parameters, matched against those of the file's #defines, whose whole body
    /// the rule's code (the body of the pattern) must then match.
    /// </summary>
    public DirectivePattern? DefineHeader { get; init; }

    public bool HasPlus { get; init; }

    public bool HasStar { get; init; }

    /// <summary>Whether matching this rule changes code (- or + lines).</summary>
    public bool Transforms => HasMinus || HasPlus;

    public IReadOnlyList<PlusChunk> GetPlus(int minusToken, PlusSide side) =>
        PlusCode.TryGetValue((minusToken, side), out var chunks) ? chunks : [];

    /// <summary>
    /// The part of added code before its first "{" ("f(int b)" of "+ f(int b) { init();"): a new
    /// function header that also opens the body, as a prototype takes it. Null when the chunk has no
    /// brace or nothing before it.
    /// </summary>
    public PlusChunk? HeaderOf(PlusChunk chunk)
    {
        for (int t = chunk.First; t <= chunk.Last; t++)
        {
            if (Plus.Tokens[t].Kind == SyntaxKind.OpenBraceToken)
            {
                if (t == chunk.First)
                {
                    return null;
                }

                var rawLines = new List<PlusRawLine>();
                foreach (var raw in chunk.RawLines)
                {
                    if (raw.BeforeToken < t)
                    {
                        rawLines.Add(raw);
                    }
                }

                var comments = new List<PlusComment>();
                foreach (var comment in chunk.Comments)
                {
                    if (comment.Token < t)
                    {
                        comments.Add(comment);
                    }
                }

                return new PlusChunk { First = chunk.First, Last = t - 1, RawLines = rawLines, Comments = comments, IsWholeLines = false, PlusPlus = chunk.PlusPlus };
            }
        }

        return null;
    }
}
