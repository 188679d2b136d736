namespace Sevenspot.C;

[Flags]
public enum TokenFlags : byte
{
    None = 0,

    /// <summary>A line break occurs between the previous token and this one.</summary>
    AtLineStart = 1,

    /// <summary>The token is malformed (unterminated literal, stray byte, ...).</summary>
    HasError = 2,

    /// <summary>Some trivia (space, comment, directive) precedes the token.</summary>
    HasLeadingTrivia = 4,

    /// <summary>A preprocessor directive occurs in the leading trivia.</summary>
    AfterDirective = 8,
}

/// <summary>One lexed token: kind, text span, and the interned name for identifiers and keywords.</summary>
internal struct TokenData
{
    public SyntaxKind Kind;
    public TokenFlags Flags;
    public int Start;
    public int End;

    /// <summary>Name id (<see cref="NameTable"/>) for identifiers and keywords; otherwise 0.</summary>
    public int Name;
}

/// <summary>A preprocessor directive seen by the lexer (it stays in the text as trivia).</summary>
public readonly record struct Directive(DirectiveKind Kind, int Start, int End, int TokenIndex);

public enum DirectiveKind : byte
{
    Other,
    If,
    Ifdef,
    Ifndef,
    Elif,
    Else,
    Endif,
    Define,
    Undef,
    Include,
}
