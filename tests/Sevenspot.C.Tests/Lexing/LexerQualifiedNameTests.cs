using static Sevenspot.C.Tests.Lexing.LexHelper;

namespace Sevenspot.C.Tests.Lexing;

public sealed class LexerQualifiedNameTests
{
    [Theory]
    [InlineData("Account::balance")]
    [InlineData("Outer::Inner::limit")]
    [InlineData("Account::~Account")]
    [InlineData("std::vector2")]
    public void A_name_glued_to_colons_and_a_name_is_one_identifier(string text)
    {
        var (kind, tokenText) = Single(text);
        Assert.Equal(SyntaxKind.IdentifierToken, kind);
        Assert.Equal(text, tokenText);
    }

    [Fact]
    public void Colons_with_blanks_around_them_stay_punctuators()
    {
        var tokens = Tokens("a :: b");
        Assert.Equal(
            [(SyntaxKind.IdentifierToken, "a"), (SyntaxKind.ColonToken, ":"), (SyntaxKind.ColonToken, ":"), (SyntaxKind.IdentifierToken, "b")],
            tokens);
    }

    [Fact]
    public void Colons_not_followed_by_a_name_stay_punctuators()
    {
        var tokens = Tokens("x::1");
        Assert.Equal([(SyntaxKind.IdentifierToken, "x"), (SyntaxKind.ColonToken, ":"), (SyntaxKind.ColonToken, ":"), (SyntaxKind.IntegerLiteralToken, "1")], tokens);
    }

    [Fact]
    public void Colons_at_the_end_of_the_text_stay_punctuators()
    {
        Assert.Equal([(SyntaxKind.IdentifierToken, "x"), (SyntaxKind.ColonToken, ":"), (SyntaxKind.ColonToken, ":")], Tokens("x::"));
        Assert.Equal([(SyntaxKind.IdentifierToken, "A::B"), (SyntaxKind.ColonToken, ":"), (SyntaxKind.ColonToken, ":")], Tokens("A::B::"));
    }

    [Fact]
    public void A_tilde_not_followed_by_a_name_ends_the_qualified_name()
    {
        Assert.Equal([(SyntaxKind.IdentifierToken, "A"), (SyntaxKind.ColonToken, ":"), (SyntaxKind.ColonToken, ":"), (SyntaxKind.TildeToken, "~")], Tokens("A::~"));
        Assert.Equal(
            [(SyntaxKind.IdentifierToken, "A"), (SyntaxKind.ColonToken, ":"), (SyntaxKind.ColonToken, ":"), (SyntaxKind.TildeToken, "~"), (SyntaxKind.IntegerLiteralToken, "1")],
            Tokens("A::~1"));
    }

    [Fact]
    public void A_conditional_expression_keeps_its_colon()
    {
        var tokens = Tokens("c?a:b");
        Assert.Equal(
            [(SyntaxKind.IdentifierToken, "c"), (SyntaxKind.QuestionToken, "?"), (SyntaxKind.IdentifierToken, "a"), (SyntaxKind.ColonToken, ":"), (SyntaxKind.IdentifierToken, "b")],
            tokens);
    }

    [Fact]
    public void A_label_colon_after_a_name_stays_a_punctuator()
    {
        var tokens = Tokens("case A: return;");
        Assert.Equal(SyntaxKind.CaseKeyword, tokens[0].Kind);
        Assert.Equal((SyntaxKind.IdentifierToken, "A"), tokens[1]);
        Assert.Equal(SyntaxKind.ColonToken, tokens[2].Kind);
    }
}
