namespace Sevenspot.Cli.Tests.Spatch;

/// <summary>What spatch prints, writes and exits with, in single-file and directory mode.</summary>
public sealed class OutputTests : IDisposable
{
    private readonly SpatchHarness _h = new SpatchHarness()
        .With("r.cocci", Samples.RenameRule)
        .With("star.cocci", Samples.StarRule)
        .With("conflict.cocci", Samples.ConflictRule)
        .With("t.c", Samples.RenameInput);

    public void Dispose() => _h.Dispose();

    [Fact]
    public void Diff_names_the_file_and_a_temporary_output()
    {
        var result = _h.Run("--very-quiet", "--sp-file", "r.cocci", "t.c");
        Assert.Equal(0, result.ExitCode);
        string[] lines = result.Stdout.Split('\n');
        Assert.Equal("--- t.c", lines[0]);
        Assert.Matches(@"^\+\+\+ /tmp/cocci-output-4242-[0-9a-f]{6}-t\.c$", lines[1]);
        Assert.EndsWith(Samples.RenameDiffBody, result.Stdout, StringComparison.Ordinal);
        Assert.Empty(result.Stderr);
        Assert.Equal(Samples.RenameInput, _h.Read("t.c"));
    }

    [Fact]
    public void Context_mode_shows_every_matched_line_as_removed()
    {
        _h.With("s.c", Samples.TwoFunctions);
        var result = _h.Run("--very-quiet", "--sp-file", "star.cocci", "s.c");
        Assert.Equal(0, result.ExitCode);
        Assert.EndsWith(
            "@@ -1,11 +1,8 @@\n int f(void)\n {\n-\tfoo(1);\n \treturn 0;\n }\n int g(void)\n {\n-\tfoo(2);\n-\tfoo(3);\n \treturn 0;\n }\n",
            result.Stdout,
            StringComparison.Ordinal);
        Assert.DoesNotContain("\n+\t", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Context_mode_marks_starred_statements_inside_function_and_sequence_patterns()
    {
        // The expected hunk is spatch 1.1.1's output for this rule and file.
        _h.With("w.cocci", "@@\nidentifier show, dev, buf;\n@@\nssize_t show(struct device *dev, char *buf)\n{\n\t<...\n*\treturn snprintf(...);\n\t...>\n}\n\n@@\n@@\nlock();\n...\n* unlock();\n")
            .With("w.c", "static ssize_t show_a(struct device *dev, char *buf)\n{\n\tconst char *s = name();\n\n\treturn snprintf(buf, 8, \"%s\", s);\n}\n\nint other(void)\n{\n\tlock();\n\twork();\n\tunlock();\n\treturn 0;\n}\n");
        var result = _h.Run("--very-quiet", "--sp-file", "w.cocci", "w.c");
        Assert.Equal(0, result.ExitCode);
        Assert.EndsWith(
            "@@ -2,13 +2,11 @@ static ssize_t show_a(struct device *dev\n {\n \tconst char *s = name();\n \n-\treturn snprintf(buf, 8, \"%s\", s);\n }\n \n int other(void)\n {\n \tlock();\n \twork();\n-\tunlock();\n \treturn 0;\n }\n",
            result.Stdout,
            StringComparison.Ordinal);
    }

    [Fact]
    public void Context_mode_marks_starred_directives()
    {
        // The expected hunk is spatch 1.1.1's output for this rule and file.
        _h.With("d.cocci", "@@\n@@\n* #include <linux/slab.h>\n\n@@\nidentifier i, x;\n@@\n* #define i(x) kfree(x)\n")
            .With("d.c", "#include <linux/slab.h>\n#include <linux/mm.h>\n#define FREE(p) kfree(p)\n#define KEEP(p) keep(p)\nint x;\n");
        var result = _h.Run("--very-quiet", "--sp-file", "d.cocci", "d.c");
        Assert.Equal(0, result.ExitCode);
        Assert.EndsWith(
            "@@ -1,5 +1,3 @@\n-#include <linux/slab.h>\n #include <linux/mm.h>\n-#define FREE(p) kfree(p)\n #define KEEP(p) keep(p)\n int x;\n",
            result.Stdout,
            StringComparison.Ordinal);
    }

    [Fact]
    public void A_starred_rule_left_out_by_its_virtual_dependency_does_not_put_the_patch_in_star_mode()
    {
        // spatch 1.1.1 prints nothing here: without -D context the starred rule is dropped, so the
        // other rule stays forall and the path where x is false has no unlock().
        _h.With("v.cocci", "virtual context\n\n@depends on context@\n@@\n* marker();\n\n@@\n@@\nlock();\n...\n- unlock();\n")
            .With("t.c", "void f(int x)\n{\n\tlock();\n\tif (x)\n\t\tunlock();\n}\n");
        var result = _h.Run("--very-quiet", "--sp-file", "v.cocci", "t.c");
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(string.Empty, result.Stdout);
    }

    [Fact]
    public void Context_mode_in_a_directory_names_the_new_file_under_tmp_nothing()
    {
        _h.With("d/s.c", Samples.TwoFunctions);
        var result = _h.Run("--very-quiet", "--sp-file", "star.cocci", "--dir", "d");
        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith("diff -u -p d/s.c /tmp/nothing/s.c\n--- d/s.c\n+++ /tmp/nothing/s.c\n@@ -1,11 +1,8 @@\n", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void A_failing_file_alone_prints_nothing_and_exits_255()
    {
        _h.With("c.c", Samples.ConflictInput);
        var result = _h.Run("--very-quiet", "--sp-file", "conflict.cocci", "c.c");
        Assert.Equal(255, result.ExitCode);
        Assert.Empty(result.Stdout);
        Assert.StartsWith("rule starting on line 1: already tagged token:\n", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Files_named_together_fail_together()
    {
        _h.With("c.c", Samples.ConflictInput).With("d.c", "void d(void)\n{\n\ty = p + q;\n}\n");
        var result = _h.Run("--very-quiet", "--sp-file", "conflict.cocci", "d.c", "c.c");
        Assert.Equal(255, result.ExitCode);
        Assert.Empty(result.Stdout);
        Assert.Contains("already tagged token", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void In_a_directory_a_failing_file_is_reported_and_the_others_are_printed()
    {
        _h.With("d/a.c", "void a(void)\n{\n\ty = p + q;\n}\n")
          .With("d/b.c", Samples.ConflictInput)
          .With("d/c.c", "void c(void)\n{\n\tz = m + n;\n}\n");
        var result = _h.Run("--very-quiet", "--sp-file", "conflict.cocci", "--dir", "d");
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(
            "diff -u -p a/a.c b/a.c\n--- a/a.c\n+++ b/a.c\n@@ -1,4 +1,4 @@\n void a(void)\n {\n-\ty = p + q;\n+\ty = q - p;\n }\n" +
            "diff -u -p a/c.c b/c.c\n--- a/c.c\n+++ b/c.c\n@@ -1,4 +1,4 @@\n void c(void)\n {\n-\tz = m + n;\n+\tz = n - m;\n }\n",
            result.Stdout);
        Assert.StartsWith("EXN: Failure(\"rule starting on line 1: already tagged token:\\n", result.Stderr, StringComparison.Ordinal);
        Assert.EndsWith("\") in d/b.c\n", result.Stderr, StringComparison.Ordinal);
        Assert.Single(result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void A_directory_as_last_argument_is_directory_mode_without_dir()
    {
        _h.With("d/t.c", Samples.RenameInput);
        var result = _h.Run("--very-quiet", "--sp-file", "r.cocci", "d");
        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith("diff -u -p a/t.c b/t.c\n", result.Stdout, StringComparison.Ordinal);

        result = _h.Run("--very-quiet", "--sp-file", "r.cocci", "--dir", ".");
        Assert.Contains("diff -u -p a/d/t.c b/d/t.c\n", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("diff -u -p a/t.c b/t.c\n", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Output_file_gets_the_result()
    {
        var result = _h.Run("--very-quiet", "--no-show-diff", "--sp-file", "r.cocci", "t.c", "-o", "out.c");
        Assert.Equal(0, result.ExitCode);
        Assert.Empty(result.Stdout);
        Assert.Equal(Samples.RenameOutput, _h.Read("out.c"));
        Assert.Equal(Samples.RenameInput, _h.Read("t.c"));
    }

    [Fact]
    public void Output_file_of_an_unchanged_file_is_a_copy()
    {
        // The file has the rule's word "foo", so it is taken up, and left as it was (spatch 1.1.1: status 0, a copy).
        _h.With("u.c", "int foo;\n");
        var result = _h.Run("--very-quiet", "--sp-file", "r.cocci", "u.c", "-o", "out.c");
        Assert.Equal(0, result.ExitCode);
        Assert.Equal("int foo;\n", _h.Read("out.c"));
    }

    [Fact]
    public void Output_file_of_a_file_no_rule_can_match_is_not_written()
    {
        // spatch 1.1.1 does not take up a file without the rule's words: status 255, no output file.
        _h.With("u.c", "int u;\nvoid f(void) { foo2(1); }\n");
        var result = _h.Run("--very-quiet", "--sp-file", "r.cocci", "u.c", "-o", "out.c");
        Assert.Equal(255, result.ExitCode);
        Assert.Equal("-o can not be applied because there are no modified files\n", result.Stderr);
        Assert.False(File.Exists(_h.PathOf("out.c")));
    }

    [Fact]
    public void Output_file_needs_exactly_one_modified_file()
    {
        _h.With("d/u.c", "int u;\n");
        var result = _h.Run("--very-quiet", "--sp-file", "r.cocci", "--dir", "d", "-o", "out.c");
        Assert.Equal(255, result.ExitCode);
        Assert.Equal("-o can not be applied because there are no modified files\n", result.Stderr);

        _h.With("u.c", "int u;\n");
        result = _h.Run("--very-quiet", "--no-show-diff", "--sp-file", "r.cocci", "t.c", "u.c", "-o", "out.c");
        Assert.Equal(255, result.ExitCode);
        Assert.Equal("-o can not be applied because there are multiple modified files\n", result.Stderr);
        Assert.False(File.Exists(_h.PathOf("out.c")));
    }

    [Fact]
    public void In_place_rewrites_the_file_and_keeps_its_mode()
    {
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(_h.PathOf("t.c"), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead);
        }

        var result = _h.Run("--very-quiet", "--sp-file", "r.cocci", "t.c", "--in-place", "--suffix", ".orig");
        Assert.Equal(0, result.ExitCode);
        Assert.EndsWith(Samples.RenameDiffBody, result.Stdout, StringComparison.Ordinal);
        Assert.Equal(Samples.RenameOutput, _h.Read("t.c"));
        Assert.Equal(Samples.RenameInput, _h.Read("t.c.orig"));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead, File.GetUnixFileMode(_h.PathOf("t.c")));
        }

        Assert.Equal(["t.c", "t.c.orig"], Directory.GetFiles(_h.Directory, "t.c*").Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Out_place_writes_beside_the_file()
    {
        var result = _h.Run("--very-quiet", "--no-show-diff", "--sp-file", "r.cocci", "t.c", "--out-place");
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(Samples.RenameOutput, _h.Read("t.c.cocci_res"));
        Assert.Equal(Samples.RenameInput, _h.Read("t.c"));
    }

    [Fact]
    public void No_rules_apply_stops_before_reading_files()
    {
        _h.With("v.cocci", Samples.VirtualRule);
        var result = _h.Run("--very-quiet", "--sp-file", "v.cocci", "t.c");
        Assert.Equal(255, result.ExitCode);
        Assert.Empty(result.Stdout);
        Assert.Equal(
            "No rules apply.  Perhaps your semantic patch doesn't contain any +/-/* code, or you have a failed dependency.  " +
            "If the problem is not clear, try --debug-parse-cocci or check whether any virtual rules (e.g., context) should be defined.\n",
            result.Stderr);

        result = _h.Run("--very-quiet", "--sp-file", "v.cocci", "t.c", "-D", "patch");
        Assert.Equal(0, result.ExitCode);
        Assert.EndsWith(Samples.RenameDiffBody, result.Stdout, StringComparison.Ordinal);

        _h.With("context.cocci", "@@\nexpression E;\n@@\nfoo(E);\n");
        result = _h.Run("--very-quiet", "--sp-file", "context.cocci", "t.c");
        Assert.Equal(255, result.ExitCode);
        Assert.StartsWith("No rules apply.", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Jobs_do_not_change_the_output_of_a_directory()
    {
        var random = new Random(7);
        for (int i = 0; i < 40; i++)
        {
            string body = i % 9 == 4 ? Samples.ConflictInput : $"int f{i}(int x)\n{{\n{string.Concat(Enumerable.Range(0, random.Next(1, 30)).Select(k => k % 3 == 0 ? $"\tx = x + {k};\n" : $"\tg({k});\n"))}\treturn x;\n}}\n";
            _h.With($"tree/sub{i % 4}/f{i:D2}.c", body);
        }

        var one = _h.Run("--very-quiet", "--sp-file", "conflict.cocci", "--dir", "tree", "--jobs", "1");
        var two = _h.Run("--very-quiet", "--sp-file", "conflict.cocci", "--dir", "tree", "--jobs", "2");
        var four = _h.Run("--very-quiet", "--sp-file", "conflict.cocci", "--dir", "tree", "-j", "4");
        Assert.Equal(0, one.ExitCode);
        Assert.Contains("EXN: Failure(", one.Stderr, StringComparison.Ordinal);
        Assert.Equal(36, one.Stdout.Split('\n').Count(l => l.StartsWith("diff -u -p", StringComparison.Ordinal)));
        Assert.Equal(one, two);
        Assert.Equal(one, four);
    }
    [Fact]
    public void A_rewrite_that_changes_only_the_layout_shows_no_diff_but_is_written()
    {
        // spatch 1.1.1 on this rule and file: no diff (stdout empty, exit 0); with -o and with
        // --in-place the file is written with the new spacing.
        _h.With("l.cocci", "@@\nexpression x, y;\n@@\n\n- foo(x,y);\n+ foo(x, y);\n")
            .With("l.c", "int f(void)\n{\n\tfoo(a,b);\n\tfoo( a , b );\n}\n");
        var diff = _h.Run("--very-quiet", "--sp-file", "l.cocci", "l.c");
        Assert.Equal(0, diff.ExitCode);
        Assert.Equal(string.Empty, diff.Stdout);

        var written = _h.Run("--very-quiet", "--sp-file", "l.cocci", "l.c", "-o", "out.c");
        Assert.Equal(0, written.ExitCode);
        Assert.Equal("int f(void)\n{\n\tfoo(a, b);\n\tfoo(a, b);\n}\n", _h.Read("out.c"));
    }

    [Fact]
    public void A_layout_change_is_shown_beside_a_change_of_tokens_in_the_same_file()
    {
        // spatch 1.1.1: once the file has a real change, the respaced call is part of the diff.
        _h.With("l.cocci", "@@\nexpression x, y;\n@@\n\n- foo(x,y);\n+ foo(x, y);\n\n@@\n@@\n\n  bar(1);\n+ bar(2);\n")
            .With("l.c", "int f(void)\n{\n\tfoo(a,b);\n\tbar(1);\n}\n\nint g(void)\n{\n\tfoo( c ,d );\n\treturn 0;\n}\n");
        var result = _h.Run("--very-quiet", "--sp-file", "l.cocci", "l.c");
        Assert.Equal(0, result.ExitCode);
        Assert.EndsWith(
            "@@ -1,11 +1,12 @@\n int f(void)\n {\n-\tfoo(a,b);\n+\tfoo(a, b);\n \tbar(1);\n+\tbar(2);\n }\n \n int g(void)\n {\n-\tfoo( c ,d );\n+\tfoo(c, d);\n \treturn 0;\n }\n",
            result.Stdout,
            StringComparison.Ordinal);
    }

    [Fact]
    public void A_rewrite_that_drops_a_comment_or_respaces_a_string_shows_a_diff()
    {
        // spatch 1.1.1: a removed comment and a changed string are changes of the file's tokens.
        _h.With("c.cocci", "@@\nexpression x, y;\n@@\n\n- foo(x,y);\n+ foo(x, y);\n")
            .With("c.c", "int f(void)\n{\n\tfoo(a /* gone */,b);\n}\n")
            .With("s.cocci", "@@\n@@\n\n- puts(\"a b\");\n+ puts(\"ab\");\n")
            .With("s.c", "int f(void)\n{\n\tputs(\"a b\");\n\treturn 0;\n}\n");
        var comment = _h.Run("--very-quiet", "--sp-file", "c.cocci", "c.c");
        Assert.EndsWith("-\tfoo(a /* gone */,b);\n+\tfoo(a, b);\n }\n", comment.Stdout, StringComparison.Ordinal);
        var text = _h.Run("--very-quiet", "--sp-file", "s.cocci", "s.c");
        Assert.EndsWith("-\tputs(\"a b\");\n+\tputs(\"ab\");\n \treturn 0;\n }\n", text.Stdout, StringComparison.Ordinal);
    }
}
