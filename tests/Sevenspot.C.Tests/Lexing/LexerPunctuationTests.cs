using Sevenspot.Text;
using static Sevenspot.C.Tests.Lexing.LexHelper;

namespace Sevenspot.C.Tests.Lexing;

public sealed class LexerPunctuationTests
{
    public static TheoryData<string, SyntaxKind> Punctuators => new()
    {
        { "[", SyntaxKind.OpenBracketToken },
        { "]", SyntaxKind.CloseBracketToken },
        { "(", SyntaxKind.OpenParenToken },
        { ")", SyntaxKind.CloseParenToken },
        { "{", SyntaxKind.OpenBraceToken },
        { "}", SyntaxKind.CloseBraceToken },
        { ".", SyntaxKind.DotToken },
        { "->", SyntaxKind.ArrowToken },
        { "++", SyntaxKind.PlusPlusToken },
        { "--", SyntaxKind.MinusMinusToken },
        { "&", SyntaxKind.AmpersandToken },
        { "*", SyntaxKind.AsteriskToken },
        { "+", SyntaxKind.PlusToken },
        { "-", SyntaxKind.MinusToken },
        { "~", SyntaxKind.TildeToken },
        { "!", SyntaxKind.ExclamationToken },
        { "/", SyntaxKind.SlashToken },
        { "%", SyntaxKind.PercentToken },
        { "<<", SyntaxKind.LessThanLessThanToken },
        { ">>", SyntaxKind.GreaterThanGreaterThanToken },
        { "<", SyntaxKind.LessThanToken },
        { ">", SyntaxKind.GreaterThanToken },
        { "<=", SyntaxKind.LessThanEqualsToken },
        { ">=", SyntaxKind.GreaterThanEqualsToken },
        { "==", SyntaxKind.EqualsEqualsToken },
        { "!=", SyntaxKind.ExclamationEqualsToken },
        { "^", SyntaxKind.CaretToken },
        { "|", SyntaxKind.BarToken },
        { "&&", SyntaxKind.AmpersandAmpersandToken },
        { "||", SyntaxKind.BarBarToken },
        { "?", SyntaxKind.QuestionToken },
        { ":", SyntaxKind.ColonToken },
        { ";", SyntaxKind.SemicolonToken },
        { "...", SyntaxKind.EllipsisToken },
        { "=", SyntaxKind.EqualsToken },
        { "*=", SyntaxKind.AsteriskEqualsToken },
        { "/=", SyntaxKind.SlashEqualsToken },
        { "%=", SyntaxKind.PercentEqualsToken },
        { "+=", SyntaxKind.PlusEqualsToken },
        { "-=", SyntaxKind.MinusEqualsToken },
        { "<<=", SyntaxKind.LessThanLessThanEqualsToken },
        { ">>=", SyntaxKind.GreaterThanGreaterThanEqualsToken },
        { "<?", SyntaxKind.LessThanQuestionToken },
        { ">?", SyntaxKind.GreaterThanQuestionToken },
        { "<?=", SyntaxKind.LessThanQuestionEqualsToken },
        { ">?=", SyntaxKind.GreaterThanQuestionEqualsToken },
        { "&=", SyntaxKind.AmpersandEqualsToken },
        { "^=", SyntaxKind.CaretEqualsToken },
        { "|=", SyntaxKind.BarEqualsToken },
        { ",", SyntaxKind.CommaToken },
        { "#", SyntaxKind.HashToken },
        { "##", SyntaxKind.HashHashToken },
    };

    [Theory]
    [MemberData(nameof(Punctuators))]
    public void Every_punctuator(string text, SyntaxKind kind)
    {
        // '#' at the start of a line begins a directive, so put something before it.
        var tokens = Tokens("x " + text);

        Assert.Equal([(SyntaxKind.IdentifierToken, "x"), (kind, text)], tokens);
        Assert.Equal(text, SyntaxFacts.GetText(kind));
    }

    [Theory]
    [InlineData("a+++b", "a ++ + b")]
    [InlineData("a-->b", "a -- > b")]
    [InlineData("a->b", "a -> b")]
    [InlineData("a<<=b", "a <<= b")]
    [InlineData("a>>=b", "a >>= b")]
    [InlineData("a<<b", "a << b")]
    [InlineData("a<=b", "a <= b")]
    [InlineData("a&&&b", "a && & b")]
    [InlineData("a|||b", "a || | b")]
    [InlineData("a===b", "a == = b")]
    [InlineData("a!==b", "a != = b")]
    [InlineData("f(...)", "f ( ... )")]
    [InlineData("a..b", "a . . b")]
    [InlineData("a....b", "a ... . b")]
    [InlineData("x##y", "x ## y")]
    [InlineData("x###y", "x ## # y")]
    [InlineData("p->q->r", "p -> q -> r")]
    [InlineData("a/b", "a / b")]
    [InlineData("a/=b", "a /= b")]
    [InlineData("x?y:z", "x ? y : z")]
    [InlineData("a<?b", "a <? b")]
    [InlineData("a>?=b", "a >?= b")]
    [InlineData("a<b?c:d", "a < b ? c : d")]
    [InlineData("a>b?c:d", "a > b ? c : d")]
    public void The_longest_punctuator_wins(string text, string expected)
    {
        Assert.Equal(expected.Split(' '), Tokens(text).Select(t => t.Text));
    }

    [Fact]
    public void Stray_characters_are_bad_tokens_with_a_diagnostic()
    {
        var lexed = Lex("a @ b `c");

        Assert.Equal(
            [(SyntaxKind.IdentifierToken, "a"), (SyntaxKind.BadToken, "@"), (SyntaxKind.IdentifierToken, "b"), (SyntaxKind.BadToken, "`"), (SyntaxKind.IdentifierToken, "c")],
            Tokens(lexed));
        Assert.Equal([DiagnosticId.UnexpectedCharacter, DiagnosticId.UnexpectedCharacter], lexed.Diagnostics.Select(d => d.Id));
        Assert.Equal("stray '@' in program", lexed.Diagnostics[0].Message);
        Assert.True(lexed.FlagsAt(1).HasFlag(TokenFlags.HasError));
    }

    [Fact]
    public void A_run_of_stray_bytes_is_one_token()
    {
        var lexed = Lex("a @@@ b");

        Assert.Equal((SyntaxKind.BadToken, "@@@"), (lexed.KindAt(1), lexed.TextAt(1)));
        Assert.Single(lexed.Diagnostics);
    }

    [Fact]
    public void A_name_that_is_not_utf8_is_a_bad_token()
    {
        // "caf\xE9 = 1;": a Latin-1 e-acute.
        byte[] bytes = [(byte)'c', (byte)'a', (byte)'f', 0xE9, (byte)' ', (byte)'=', (byte)' ', (byte)'1', (byte)';'];
        var lexed = Lexer.Lex(new SourceText("latin1.c", bytes));

        Assert.Equal([SyntaxKind.BadToken, SyntaxKind.EqualsToken, SyntaxKind.IntegerLiteralToken, SyntaxKind.SemicolonToken], Tokens(lexed).Select(t => t.Kind));
        Assert.Equal(new TextSpan(0, 4), lexed.SpanAt(0));
        var d = Assert.Single(lexed.Diagnostics);
        Assert.Equal("stray '\\351' in program", d.Message);
        Assert.Equal(new TextSpan(3, 1), d.Span);
    }

    [Fact]
    public void Invalid_utf8_in_comments_and_strings_is_left_alone()
    {
        byte[] bytes = [(byte)'/', (byte)'*', 0xFF, (byte)'*', (byte)'/', (byte)'"', 0xFE, (byte)'"'];
        var lexed = Lexer.Lex(new SourceText("latin1.c", bytes));

        Assert.Equal([SyntaxKind.StringLiteralToken], Tokens(lexed).Select(t => t.Kind));
        Assert.Empty(lexed.Diagnostics);
    }
}
