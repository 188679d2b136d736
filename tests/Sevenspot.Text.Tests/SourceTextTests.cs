using System.Text;

namespace Sevenspot.Text.Tests;

public sealed class SourceTextTests
{
    [Fact]
    public void LineStarts_are_the_offsets_after_each_newline()
    {
        var text = SourceText.FromString("a.c", "ab\ncd\n\nef");

        Assert.Equal([0, 3, 6, 7], text.LineStarts);
        Assert.Equal(4, text.LineCount);
    }

    [Fact]
    public void An_empty_text_has_one_line()
    {
        var text = SourceText.FromString("a.c", string.Empty);

        Assert.Equal([0], text.LineStarts);
        Assert.Equal(new LinePosition(1, 0), text.GetLinePosition(0));
        Assert.Equal(string.Empty, text.GetLineText(1));
    }

    [Theory]
    [InlineData(0, 1, 0)]
    [InlineData(1, 1, 1)]
    [InlineData(2, 1, 2)] // the newline belongs to the line it ends
    [InlineData(3, 2, 0)]
    [InlineData(5, 2, 2)]
    [InlineData(6, 3, 0)]
    [InlineData(9, 4, 2)] // one past the last byte
    public void GetLinePosition_gives_one_based_lines_and_zero_based_byte_columns(int offset, int line, int column)
    {
        var text = SourceText.FromString("a.c", "ab\ncd\n\nef");

        Assert.Equal(new LinePosition(line, column), text.GetLinePosition(offset));
    }

    [Fact]
    public void Columns_count_bytes_and_a_tab_is_one_column()
    {
        // "é" is two bytes in UTF-8.
        var text = SourceText.FromString("a.c", "\té=x");

        Assert.Equal(new LinePosition(1, 3), text.GetLinePosition(3));
    }

    [Fact]
    public void GetLineText_drops_the_line_terminator_of_lf_and_crlf_lines()
    {
        var text = SourceText.FromString("a.c", "first\r\nsecond\nthird");

        Assert.Equal("first", text.GetLineText(1));
        Assert.Equal("second", text.GetLineText(2));
        Assert.Equal("third", text.GetLineText(3));
        Assert.Equal(7, text.GetLineStart(2));
    }

    [Fact]
    public void Invalid_utf8_bytes_are_kept_as_they_are()
    {
        byte[] bytes = [(byte)'a', 0xFF, 0xFE, (byte)'\n', 0xC3];
        var text = new SourceText("bad.c", bytes);

        Assert.Equal(bytes, text.Bytes.ToArray());
        Assert.Equal(5, text.Length);
        Assert.Equal(2, text.LineCount);
        Assert.Equal(0xFF, text[1]);
    }

    [Fact]
    public void Slices_and_strings_of_spans()
    {
        var text = SourceText.FromString("a.c", "int x;");
        var span = new TextSpan(4, 1);

        Assert.Equal("x"u8.ToArray(), text.Slice(span).ToArray());
        Assert.Equal("x", text.ToString(span));
        Assert.Equal("int x;", text.ToString());
    }

    [Fact]
    public void FromFile_reads_the_bytes_and_keeps_the_path()
    {
        string path = Path.Combine(Path.GetTempPath(), $"sevenspot-{Guid.NewGuid():N}.c");
        File.WriteAllBytes(path, Encoding.UTF8.GetBytes("int x;\n"));
        try
        {
            var text = SourceText.FromFile(path);

            Assert.Equal(path, text.Path);
            Assert.Equal(7, text.Length);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
