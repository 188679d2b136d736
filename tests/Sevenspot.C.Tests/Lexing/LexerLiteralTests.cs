using Sevenspot.Text;
using static Sevenspot.C.Tests.Lexing.LexHelper;

namespace Sevenspot.C.Tests.Lexing;

public sealed class LexerLiteralTests
{
    [Theory]
    [InlineData("0")]
    [InlineData("42")]
    [InlineData("42u")]
    [InlineData("42U")]
    [InlineData("42l")]
    [InlineData("42L")]
    [InlineData("42ul")]
    [InlineData("42UL")]
    [InlineData("42lu")]
    [InlineData("42LU")]
    [InlineData("42ll")]
    [InlineData("42LL")]
    [InlineData("42ull")]
    [InlineData("42ULL")]
    [InlineData("42llu")]
    [InlineData("0x1F")]
    [InlineData("0X1fUL")]
    [InlineData("0xdeadBEEFull")]
    [InlineData("0xE")] // in hex, 'e' is a digit, not an exponent
    [InlineData("017")]
    [InlineData("0777u")]
    [InlineData("0b1010")]
    [InlineData("0B11u")]
    [InlineData("1'000'000")] // C23 digit separators
    public void Integer_literals(string text)
    {
        Assert.Equal((SyntaxKind.IntegerLiteralToken, text), Single(text));
    }

    [Theory]
    [InlineData("1.0")]
    [InlineData("1.")]
    [InlineData(".5")]
    [InlineData("1e10")]
    [InlineData("1E10")]
    [InlineData("1e-5")]
    [InlineData("1e+5")]
    [InlineData("1.5e+3f")]
    [InlineData("2.5F")]
    [InlineData("1.0L")]
    [InlineData("1.0l")]
    [InlineData("6.02e23L")]
    [InlineData("0x1p3")]
    [InlineData("0x1P-2")]
    [InlineData("0x1.8p+1")]
    [InlineData("0x.8p0f")]
    [InlineData("0XA.Bp10L")]
    public void Floating_literals(string text)
    {
        Assert.Equal((SyntaxKind.FloatLiteralToken, text), Single(text));
    }

    [Fact]
    public void A_hex_e_is_not_an_exponent_so_a_following_sign_is_an_operator()
    {
        Assert.Equal(
            [(SyntaxKind.IntegerLiteralToken, "0xE"), (SyntaxKind.PlusToken, "+"), (SyntaxKind.IntegerLiteralToken, "1")],
            Tokens("0xE+1"));
    }

    [Fact]
    public void A_number_followed_by_an_operator_and_a_member_access_on_a_literal()
    {
        Assert.Equal(
            [(SyntaxKind.IntegerLiteralToken, "1"), (SyntaxKind.MinusToken, "-"), (SyntaxKind.IntegerLiteralToken, "2")],
            Tokens("1-2"));
        Assert.Equal(
            [(SyntaxKind.IdentifierToken, "x"), (SyntaxKind.DotToken, "."), (SyntaxKind.IdentifierToken, "y")],
            Tokens("x.y"));
    }

    [Theory]
    [InlineData("'a'")]
    [InlineData("' '")]
    [InlineData("'\"'")]
    [InlineData(@"'\n'")]
    [InlineData(@"'\''")]
    [InlineData(@"'\\'")]
    [InlineData(@"'\0'")]
    [InlineData(@"'\377'")]
    [InlineData(@"'\x41'")]
    [InlineData(@"'\u00e9'")]
    [InlineData("'ab'")] // multi-character constant
    [InlineData("L'a'")]
    [InlineData("u'a'")]
    [InlineData("U'a'")]
    [InlineData("u8'a'")]
    public void Character_literals(string text)
    {
        Assert.Equal((SyntaxKind.CharLiteralToken, text), Single(text));
    }

    [Theory]
    [InlineData("\"\"")]
    [InlineData("\"hello, world\\n\"")]
    [InlineData("\"a\\\"b\"")]
    [InlineData("\"back\\\\slash\"")]
    [InlineData("\"tab\\there\"")]
    [InlineData("\"\\x41\\101\\0\"")]
    [InlineData("\"it's\"")]
    [InlineData("\"/* not a comment */\"")]
    [InlineData("\"// nor this\"")]
    [InlineData("\"é\"")]
    [InlineData("L\"wide\"")]
    [InlineData("u\"utf16\"")]
    [InlineData("U\"utf32\"")]
    [InlineData("u8\"utf8\"")]
    [InlineData("\"line \\\ncontinued\"")]
    [InlineData("\"crlf \\\r\ncontinued\"")]
    public void String_literals(string text)
    {
        Assert.Equal((SyntaxKind.StringLiteralToken, text), Single(text));
    }

    [Theory]
    [InlineData("Lx\"a\"", "Lx")]
    [InlineData("u16\"a\"", "u16")]
    [InlineData("U8\"a\"", "U8")]
    [InlineData("u8x\"a\"", "u8x")]
    public void Only_the_real_prefixes_join_a_literal(string text, string identifier)
    {
        Assert.Equal(
            [(SyntaxKind.IdentifierToken, identifier), (SyntaxKind.StringLiteralToken, "\"a\"")],
            Tokens(text));
    }

    [Fact]
    public void A_prefix_separated_by_a_space_is_an_identifier()
    {
        Assert.Equal(
            [(SyntaxKind.IdentifierToken, "L"), (SyntaxKind.StringLiteralToken, "\"a\"")],
            Tokens("L \"a\""));
    }

    [Fact]
    public void Adjacent_strings_are_separate_tokens()
    {
        Assert.Equal(
            [(SyntaxKind.StringLiteralToken, "\"a\""), (SyntaxKind.StringLiteralToken, "\"b\""), (SyntaxKind.IdentifierToken, "KERN_INFO"), (SyntaxKind.StringLiteralToken, "\"c\"")],
            Tokens("\"a\" \"b\" KERN_INFO \"c\""));
    }

    [Theory]
    [InlineData("08")]
    [InlineData("0778")]
    [InlineData("0980")]
    public void An_octal_constant_with_a_digit_8_or_9_is_an_error(string text)
    {
        var lexed = Lex(text);
        var d = Assert.Single(lexed.Diagnostics);
        Assert.Equal(DiagnosticId.InvalidOctalConstant, d.Id);
        Assert.Equal((SyntaxKind.IntegerLiteralToken, text), (lexed.KindAt(0), lexed.TextAt(0)));
        Assert.True(lexed.FlagsAt(0).HasFlag(TokenFlags.HasError));
    }

    [Theory]
    [InlineData("0x89")]
    [InlineData("08.5")]
    [InlineData("08e1")]
    [InlineData("0777")]
    [InlineData("09u")]
    [InlineData("08L")]
    [InlineData("0789UL")]
    public void Hex_float_and_octal_constants_near_it_are_no_error(string text)
    {
        var (_, token) = Single(text);
        Assert.Equal(text, token);
    }

    [Fact]
    public void An_unterminated_string_stops_at_the_end_of_its_line()
    {
        var lexed = Lex("s = \"open;\nint y;");

        var d = Assert.Single(lexed.Diagnostics);
        Assert.Equal(DiagnosticId.UnterminatedString, d.Id);
        Assert.Equal((SyntaxKind.StringLiteralToken, "\"open;"), (lexed.KindAt(2), lexed.TextAt(2)));
        Assert.True(lexed.FlagsAt(2).HasFlag(TokenFlags.HasError));
        Assert.Equal((SyntaxKind.IntKeyword, "int"), (lexed.KindAt(3), lexed.TextAt(3)));
        Assert.True(lexed.FlagsAt(3).HasFlag(TokenFlags.AtLineStart));
    }

    [Fact]
    public void An_unterminated_string_on_a_crlf_line_leaves_the_cr_out()
    {
        var lexed = Lex("\"open\r\nx");

        Assert.Equal("\"open", lexed.TextAt(0));
        Assert.Equal("x", lexed.TextAt(1));
    }

    [Fact]
    public void An_unterminated_string_at_the_end_of_the_file()
    {
        var lexed = Lex("\"open \\");

        Assert.Equal(DiagnosticId.UnterminatedString, Assert.Single(lexed.Diagnostics).Id);
        Assert.Equal("\"open \\", lexed.TextAt(0));
        Assert.Equal(2, lexed.Count);
    }

    [Fact]
    public void An_unterminated_character_literal()
    {
        var lexed = Lex("c = 'x;\nint y;");

        Assert.Equal(DiagnosticId.UnterminatedCharacter, Assert.Single(lexed.Diagnostics).Id);
        Assert.Equal((SyntaxKind.CharLiteralToken, "'x;"), (lexed.KindAt(2), lexed.TextAt(2)));
        Assert.Equal(SyntaxKind.IntKeyword, lexed.KindAt(3));
    }
}
