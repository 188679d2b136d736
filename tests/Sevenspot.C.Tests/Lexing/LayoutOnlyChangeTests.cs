using System.Text;

namespace Sevenspot.C.Tests.Lexing;

/// <summary>
/// A rewrite that only moves code to other lines shows no diff; one that changes a token, or the words
/// of a comment or directive, does (spatch prints "#define M 1" made "#define M1", and a string of a
/// directive whose spacing changed).
/// </summary>
public sealed class LayoutOnlyChangeTests
{
    [Theory]
    [InlineData("int f(void) {\n  g(1);\n}\n", "int f(void) {\n  g(\n    1);\n}\n")]
    [InlineData("x = 1; /* a b */\n", "x = 1;\n/*  a\tb */\n")]
    [InlineData("#define M 1\nint x;\n", "#define M   1\n\nint x;\n")]
    public void Blanks_moved_between_the_same_words_are_layout(string before, string after)
    {
        Assert.True(LayoutOnlyChange.SameTokens(Encoding.UTF8.GetBytes(before), Encoding.UTF8.GetBytes(after)));
    }

    [Theory]
    [InlineData("#define M 1\nint x;\n", "#define M1\nint x;\n")]
    [InlineData("#define S \"a b\"\nint x;\n", "#define S \"ab\"\nint x;\n")]
    [InlineData("x = 1; /* a b */\n", "x = 1; /* ab */\n")]
    [InlineData("char *s = \"a  b\";\n", "char *s = \"a b\";\n")]
    [InlineData("x = 1;\n", "x = 1; // c\n")]
    public void A_changed_word_of_a_token_comment_or_directive_is_a_change(string before, string after)
    {
        Assert.False(LayoutOnlyChange.SameTokens(Encoding.UTF8.GetBytes(before), Encoding.UTF8.GetBytes(after)));
    }
}
