using System.Text;

namespace Sevenspot.Text.Tests;

public sealed class TextEditTests
{
    private static string Apply(string source, params TextEdit[] edits) => Encoding.UTF8.GetString(TextEdit.Apply(Encoding.UTF8.GetBytes(source), edits));

    [Fact]
    public void No_edits_give_back_the_source()
    {
        Assert.Equal("int x;", Apply("int x;"));
    }

    [Fact]
    public void Replace_insert_and_delete()
    {
        Assert.Equal("long x;", Apply("int x;", new TextEdit(new TextSpan(0, 3), "long")));
        Assert.Equal("static int x;", Apply("int x;", TextEdit.Insert(0, "static ")));
        Assert.Equal("int x = 0;", Apply("int x;", TextEdit.Insert(5, " = 0")));
        Assert.Equal("x;", Apply("int x;", TextEdit.Delete(new TextSpan(0, 4))));
    }

    [Fact]
    public void Edits_apply_in_position_order_whatever_order_they_are_given_in()
    {
        string result = Apply(
            "a = b + c;",
            new TextEdit(new TextSpan(8, 1), "z"),
            new TextEdit(new TextSpan(0, 1), "x"),
            new TextEdit(new TextSpan(4, 1), "y"));

        Assert.Equal("x = y + z;", result);
    }

    [Fact]
    public void Insertions_at_the_same_offset_keep_their_given_order()
    {
        string result = Apply("f();", TextEdit.Insert(0, "a();\n"), TextEdit.Insert(0, "b();\n"));

        Assert.Equal("a();\nb();\nf();", result);
    }

    [Fact]
    public void An_insertion_before_a_replacement_at_the_same_offset_comes_first()
    {
        string result = Apply("old;", new TextEdit(new TextSpan(0, 3), "new"), TextEdit.Insert(0, "/* x */ "));

        Assert.Equal("/* x */ new;", result);
    }

    [Fact]
    public void New_text_is_written_as_utf8_and_other_bytes_are_untouched()
    {
        byte[] source = [0xFF, (byte)'a', 0xFE];
        byte[] result = TextEdit.Apply(source, [new TextEdit(new TextSpan(1, 1), "é")]);

        Assert.Equal(new byte[] { 0xFF, 0xC3, 0xA9, 0xFE }, result);
    }

    [Fact]
    public void Overlapping_edits_are_a_caller_bug()
    {
        var edits = new[] { new TextEdit(new TextSpan(0, 4), "x"), new TextEdit(new TextSpan(2, 4), "y") };

        Assert.Throws<InvalidOperationException>(() => TextEdit.Apply("abcdefgh"u8, edits));
    }
}
