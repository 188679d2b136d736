using Sevenspot.Text;

namespace Sevenspot.C.Tests.Lexing;

internal static class LexHelper
{
    public static LexedText Lex(string text) => Lexer.Lex(SourceText.FromString("test.c", text));

    /// <summary>The tokens of a text as (kind, text) pairs, without the end-of-file token.</summary>
    public static (SyntaxKind Kind, string Text)[] Tokens(string text)
    {
        var lexed = Lex(text);
        return Tokens(lexed);
    }

    public static (SyntaxKind Kind, string Text)[] Tokens(LexedText lexed)
    {
        Assert.Equal(SyntaxKind.EndOfFileToken, lexed.KindAt(lexed.Count - 1));
        var tokens = new (SyntaxKind, string)[lexed.Count - 1];
        for (int i = 0; i < tokens.Length; i++)
        {
            tokens[i] = (lexed.KindAt(i), lexed.TextAt(i));
        }

        return tokens;
    }

    /// <summary>The single token of a text, which must lex without diagnostics.</summary>
    public static (SyntaxKind Kind, string Text) Single(string text)
    {
        var lexed = Lex(text);
        Assert.Empty(lexed.Diagnostics);
        var tokens = Tokens(lexed);
        return Assert.Single(tokens);
    }
}
