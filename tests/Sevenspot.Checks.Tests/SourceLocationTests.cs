using Sevenspot.Text;

namespace Sevenspot.Checks.Tests;

/// <summary>A compact location (packed lines and columns) reads as the location of the same span with every field stored.</summary>
public sealed class SourceLocationTests
{
    private static readonly SourceText s_text = SourceText.FromString("a.c", string.Join("\n", [
        "int f(void)",
        "{",
        "\tfoo(1,",
        "\t    2);",
        "\t/* \u00e9t\u00e9 */ bar();",
        "\t" + new string('x', 5000) + " = baz();",
        "}",
        ""]));

    public static TheoryData<string> Codes => ["foo(1,\n\t    2)", "foo", "bar()", "baz()", "{", "int f(void)"];

    [Theory]
    [MemberData(nameof(Codes))]
    public void CompactReadsAsTheFullLocationWithoutText(string code)
    {
        var span = ByteSpan(code);
        var full = SourceLocation.From(s_text, span);
        var compact = SourceLocation.From(s_text, span, withText: false);

        Assert.Equal(full.Path, compact.Path);
        Assert.Equal(full.Span, compact.Span);
        Assert.Equal(full.Start, compact.Start);
        Assert.Equal(full.End, compact.End);
        Assert.Equal(full.StartCharacter, compact.StartCharacter);
        Assert.Equal(full.EndCharacter, compact.EndCharacter);
        Assert.Equal(string.Empty, compact.Snippet);
        Assert.Equal(string.Empty, compact.Text);
        Assert.True(compact.IsCompact);
        Assert.False(full.IsCompact);
        Assert.Equal(full, compact.WithText(s_text));
        Assert.Equal(compact, SourceLocation.From(s_text, span, withText: false));
        Assert.Equal(compact.GetHashCode(), SourceLocation.From(s_text, span, withText: false).GetHashCode());
        Assert.NotEqual(full, compact);
    }

    [Fact]
    public void PositionsBeyondThePackedRangeAndCodePointsKeepTheirValues()
    {
        var wide = SourceLocation.From(s_text, ByteSpan("baz()"), withText: false);
        Assert.Equal(6, wide.Start.Line);
        Assert.Equal(5004, wide.Start.Column);
        Assert.Equal(5009, wide.End.Column);

        var accented = SourceLocation.From(s_text, ByteSpan("bar()"), withText: false);
        Assert.Equal(5, accented.Start.Line);
        Assert.Equal(accented.Start.Column - 2, accented.StartCharacter);

        var given = new SourceLocation("b.c", new TextSpan(10, 3), new LinePosition(70000, 4), new LinePosition(70300, 1), 4, 1, string.Empty, string.Empty);
        Assert.Equal(new LinePosition(70000, 4), given.Start);
        Assert.Equal(new LinePosition(70300, 1), given.End);
        Assert.Equal((4, 1), (given.StartCharacter, given.EndCharacter));
        Assert.Equal("b.c:70000:4", given.ToString());
    }

    /// <summary>The byte range of the first occurrence of <paramref name="code"/> in the text.</summary>
    private static TextSpan ByteSpan(string code)
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes(code);
        var all = s_text.Bytes;
        for (int i = 0; i + bytes.Length <= all.Length; i++)
        {
            if (all.Slice(i, bytes.Length).SequenceEqual(bytes))
            {
                return new TextSpan(i, bytes.Length);
            }
        }

        throw new ArgumentException($"{code} is not in the text", nameof(code));
    }
}
