namespace Sevenspot.Engine;

/// <summary>What a piece of the output stream is.</summary>
internal enum PieceKind : byte
{
    /// <summary>A token of the file.</summary>
    Token,

    /// <summary>Blanks within a line of the file.</summary>
    Space,

    /// <summary>A line break of the file with the indentation that follows it.</summary>
    Newline,

    /// <summary>A comment of the file.</summary>
    Comment,

    /// <summary>A preprocessor line of the file.</summary>
    Directive,

    /// <summary>Other text of the file kept as it is (code under #if 0, a line continuation).</summary>
    Opaque,

    /// <summary>A place of the file that a pattern token matched without a token (a missing comma).</summary>
    Fake,

    /// <summary>Added text written in the rule: tokens, and "\n" for a line break of the added code.</summary>
    Added,

    /// <summary>Added text that comes from C code: the value of a metavariable, or a space between added tokens.</summary>
    AddedCode,

    /// <summary>The comma that closes the last element of an initializer list when code is added after it.</summary>
    Comma,

    /// <summary>The added code goes one level deeper.</summary>
    Indent,

    /// <summary>The added code comes back one level.</summary>
    Unindent,

    /// <summary>The next added line starts in the first column (a directive).</summary>
    UnindentToColumn0,

    /// <summary>A blank that follows is dropped (after the "*" of an added pointer type).</summary>
    EatSpace,
}

/// <summary>How the printer may break an added line at this piece.</summary>
internal enum PieceHint : byte
{
    None,

    /// <summary>An opening parenthesis or brace that starts a box for line breaking.</summary>
    StartBox,

    /// <summary>The closing parenthesis or brace of a box.</summary>
    EndBox,

    /// <summary>A comma followed by a space that may become a line break.</summary>
    SpaceOrNewline,

    /// <summary>
    /// A preprocessor line inside reprinted C code ("#ifdef A" within a bound expression): printed on
    /// a line of its own, after a line holding only the indentation of where the code started, as spatch does.
    /// </summary>
    DirectiveLine,
}

/// <summary>The role of a conditional directive in #if ... #else ... #endif.</summary>
internal enum ConditionalRole : byte
{
    None,
    If,
    Else,
    Endif,
    Other,
}

/// <summary>
/// One element of the stream the unparser works on: tokens, blanks and comments of the file,
/// each kept or removed, and added code. The passes that lay out the result walk lists of these.
/// </summary>
internal sealed class Piece
{
    public Piece(PieceKind kind, string text)
    {
        Kind = kind;
        Text = text;
    }

    public PieceKind Kind { get; set; }

    public string Text { get; set; }

    /// <summary>Removed by the transformation.</summary>
    public bool Minus { get; set; }

    /// <summary>For removed pieces: the match that removed it (pieces of one match may lose what is between them).</summary>
    public int Match { get; set; } = -1;

    /// <summary>For removed pieces: the run of adjacent removed pattern tokens it belongs to.</summary>
    public int Adjacency { get; set; } = -1;

    /// <summary>For file tokens: the rank among the file's tokens, to tell whether two tokens were neighbours.</summary>
    public int Index { get; set; } = -1;

    public PieceHint Hint { get; set; }

    /// <summary>For a space-or-newline hint: what follows the comma (" " or a line break and indentation).</summary>
    public string HintSpace { get; set; } = " ";

    public ConditionalRole Conditional { get; set; }

    /// <summary>For a directive line in reprinted code: the first piece of that code, whose column it indents to.</summary>
    public Piece? Anchor { get; set; }

    /// <summary>The printer notes the indentation of where this piece starts in <see cref="IndentationText"/> (an anchor).</summary>
    public bool RecordsColumn { get; set; }

    /// <summary>For an anchor: its line's leading blanks, then a blank for each character before it.</summary>
    public string? IndentationText { get; set; }

    /// <summary>For removed tokens: the first token of a structure field removed whole between kept tokens.</summary>
    public bool StartsRemovedField { get; set; }

    /// <summary>For removed tokens: the last token of such a field (see Unparser.AroundRemovedFields).</summary>
    public bool EndsRemovedField { get; set; }

    /// <summary>For removed tokens: the blanks after it stay (set on the last token of a removed field).</summary>
    public bool KeepsSpacesAfter { get; set; }

    /// <summary>For file comments: the column where the comment starts.</summary>
    public int Column { get; set; }

    public bool IsFile => Kind <= PieceKind.Fake;

    public bool IsAdded => Kind is PieceKind.Added or PieceKind.AddedCode or PieceKind.Comma;

    /// <summary>A piece of the file that is not a token: spatch's "comment" tokens.</summary>
    public bool IsTrivia => Kind is PieceKind.Space or PieceKind.Newline or PieceKind.Comment or PieceKind.Directive or PieceKind.Opaque;

    public bool IsContextToken => Kind == PieceKind.Token && !Minus;

    public override string ToString() => $"{Kind}{(Minus ? "-" : string.Empty)}:{Text.Replace("\n", "\\n", StringComparison.Ordinal).Replace("\t", "\\t", StringComparison.Ordinal)}";

    public static Piece AddedSpace() => new(PieceKind.AddedCode, " ");

    public static Piece AddedNewline() => new(PieceKind.Added, "\n");
}
