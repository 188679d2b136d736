using System.Text;

namespace Sevenspot.Text.Tests.Diff;

/// <summary>What spatch adds around GNU diff's output; the expectations were observed with spatch 1.1.1.</summary>
public sealed class SpatchDiffTests
{
    private static readonly byte[] s_old = "void f(void)\n{\n\ta();\n\tb();\n\tc();\n}\n"u8.ToArray();
    private static readonly byte[] s_new = "void f(void)\n{\n\ta();\n\tc();\n}\n"u8.ToArray();

    [Fact]
    public void Patch_mode_prints_the_diff_command_first()
    {
        var options = new UnifiedDiffOptions { IncludeCommandLine = true };

        string diff = Create(s_old, s_new, "a/sub/u.c", "b/sub/u.c", options);

        Assert.Equal(
            "diff -u -p a/sub/u.c b/sub/u.c\n" +
            "--- a/sub/u.c\n" +
            "+++ b/sub/u.c\n" +
            "@@ -1,6 +1,5 @@\n" +
            " void f(void)\n" +
            " {\n" +
            " \ta();\n" +
            "-\tb();\n" +
            " \tc();\n" +
            " }\n",
            diff);
    }

    [Fact]
    public void Explicit_context_shows_as_U_in_the_command()
    {
        var options = new UnifiedDiffOptions { IncludeCommandLine = true, ContextLines = 1 };

        string diff = Create(s_old, s_new, "a/v.c", "b/v.c", options);

        Assert.Equal(
            "diff -U 1 -p a/v.c b/v.c\n" +
            "--- a/v.c\n" +
            "+++ b/v.c\n" +
            "@@ -3,3 +3,2 @@ void f(void)\n" +
            " \ta();\n" +
            "-\tb();\n" +
            " \tc();\n",
            diff);
    }

    [Fact]
    public void Line_cleanup_keeps_two_words_of_lines_that_start_with_three_dashes_or_pluses()
    {
        byte[] oldText = Encoding.UTF8.GetBytes("void f(void)\n{\n/*\n--- heading one ---\n  +++ other\ttab  x\n*/\n\tb();\n/*\n-- x y\n*/\n\tc();\n}\n");
        byte[] newText = Encoding.UTF8.GetBytes("void f(void)\n{\n/*\n--- heading one ---\n  +++ other\ttab  x\n*/\n\td();\n/*\n-- x y\n*/\n\tc();\n}\n");
        var options = new UnifiedDiffOptions { SpatchLineCleanup = true };

        string diff = Create(oldText, newText, "mm/m.c", "/tmp/cocci-output-9469-688449-m.c", options);

        Assert.Equal(
            "--- mm/m.c\n" +
            "+++ /tmp/cocci-output-9469-688449-m.c\n" +
            "@@ -4,7 +4,7 @@ void f(void)\n" +
            "--- heading\n" +
            "+++ other\n" +
            " */\n" +
            "-\tb();\n" +
            "+\td();\n" +
            " /*\n" +
            " -- x y\n" +
            " */\n",
            diff);
    }

    [Fact]
    public void Line_cleanup_also_cuts_header_names_at_blanks()
    {
        var options = new UnifiedDiffOptions { SpatchLineCleanup = true };

        string diff = Create("a\n"u8.ToArray(), "b\n"u8.ToArray(), "my file.c", "other file.c", options);

        Assert.StartsWith("--- my\n+++ other\n@@ -1 +1 @@\n", diff, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("t.c", "t.c")]
    [InlineData("a'b$*;#~=,:@%+!?[{(|&<^`.c", "a'b$*;#~=,:@%+!?[{(|&<^`.c")]
    [InlineData("x y.c", "\"x y.c\"")]
    [InlineData("z\tw.c", "\"z\\tw.c\"")]
    [InlineData("a\"b.c", "\"a\\\"b.c\"")]
    [InlineData("a\\b.c", "\"a\\\\b.c\"")]
    [InlineData("é.c", "\"\\303\\251.c\"")]
    [InlineData("a\u001bb.c", "\"a\\033b.c\"")]
    [InlineData("a\u007fb.c", "a\u007fb.c")]
    public void File_names_are_quoted_like_GNU_diff(string name, string expected)
    {
        Assert.Equal(expected, UnifiedDiff.QuoteFileName(name));
    }

    [Theory]
    [InlineData("d", "d/v.c", "a/v.c")]
    [InlineData(".", "./d/sub/u.c", "a/d/sub/u.c")]
    [InlineData("/tmp/sx/", "d/v.c", "a/d/v.c")]
    [InlineData("./d/../d", "d/v.c", "a/v.c")]
    [InlineData("d", "../sx/d/v.c", "a/v.c")]
    [InlineData("/tmp/s", "d/v.c", "ax/d/v.c")]
    [InlineData("/tmp/s.", "d/v.c", "a/d/v.c")]
    [InlineData("/tmp/s[x]", "d/v.c", "a/v.c")]
    [InlineData("/tmp/zz", "d/v.c", "a/tmp/sx/d/v.c")]
    [InlineData("d/v.c", "d/v.c", "a/tmp/sx/d/v.c")]
    [InlineData("/tmp/sx//d", "d/v.c", "a/tmp/sx/d/v.c")]
    [InlineData("/", "d/v.c", "a/tmp/sx/d/v.c")]
    public void Patch_mode_names_are_relative_to_the_directory(string directory, string file, string expectedOld)
    {
        var (oldName, newName) = SpatchDiffNames.PatchModeNames(directory, file, "/tmp/sx");

        Assert.Equal(expectedOld, oldName);
        Assert.Equal("b" + expectedOld[1..], newName);
    }

    [Fact]
    public void Star_rules_name_the_new_file_under_tmp_nothing()
    {
        var (oldName, newName) = SpatchDiffNames.PatchModeNames("d", "d/sub/u.c", "/tmp/sx", starRule: true);

        Assert.Equal("d/sub/u.c", oldName);
        Assert.Equal("/tmp/nothing/sub/u.c", newName);
    }

    [Theory]
    [InlineData("t.c", "/w", "/w/t.c")]
    [InlineData("/a/./b/../c", "/w", "/a/c")]
    [InlineData(".", "/w/x", "/w/x")]
    [InlineData("d/", "/w", "/w/d/")]
    [InlineData("a//b", "/w", "/w/a//b")]
    public void Paths_are_normalized_like_spatch(string path, string currentDirectory, string expected)
    {
        Assert.Equal(expected, SpatchDiffNames.NormalizePath(path, currentDirectory));
    }

    private static string Create(byte[] oldText, byte[] newText, string oldName, string newName, UnifiedDiffOptions options) =>
        Encoding.UTF8.GetString(UnifiedDiff.Create(oldText, newText, oldName, newName, options));
}
