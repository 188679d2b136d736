namespace Sevenspot.Cli.Tests.Spatch;

/// <summary>
/// C files named together on the command line are one group, as spatch 1.1.1 runs them: each rule
/// runs over all of them before the next, so a binding or a match in one file counts in another;
/// a script runs once per binding over the group; the diffs come last file first. A directory is
/// processed file by file. Every expectation is spatch 1.1.1's output for the same files and rule.
/// </summary>
public sealed class FileGroupTests : IDisposable
{
    private const string A = "int foo(int x)\n{\n\treturn x + 1;\n}\n";
    private const string B = "int foo(int x)\n{\n\treturn x;\n}\n\nvoid h(void)\n{\n\tfoo(2);\n\tbar(3);\n}\n";
    private const string C = "void g(void)\n{\n\tmarker();\n}\n";

    private readonly SpatchHarness _h = new SpatchHarness().With("a.c", A).With("b.c", B).With("c.c", C);

    public void Dispose() => _h.Dispose();

    [Fact]
    public void A_binding_found_in_one_file_is_used_by_a_later_rule_in_another()
    {
        _h.With("inh.cocci", "@r@\nidentifier f;\n@@\nvoid f(...) { ... marker(); ... }\n\n@@\nidentifier r.f;\n@@\n  bar(3);\n+ f();\n");
        var result = _h.Run("--very-quiet", "--sp-file", "inh.cocci", "a.c", "b.c", "c.c");
        Assert.Equal(0, result.ExitCode);
        Assert.Equal("--- b.c", FirstLine(result.Stdout));
        Assert.EndsWith("@@ -7,4 +7,5 @@ void h(void)\n {\n \tfoo(2);\n \tbar(3);\n+\tg();\n }\n", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void A_rule_depending_on_one_that_matched_in_another_file_applies()
    {
        _h.With("dep.cocci", "@r@\n@@\nmarker();\n\n@depends on r@\n@@\n- bar(3);\n+ baz(3);\n");
        var result = _h.Run("--very-quiet", "--sp-file", "dep.cocci", "a.c", "b.c", "c.c");
        Assert.Equal(0, result.ExitCode);
        Assert.Equal("--- b.c", FirstLine(result.Stdout));
        Assert.EndsWith("@@ -6,5 +6,5 @@ int foo(int x)\n void h(void)\n {\n \tfoo(2);\n-\tbar(3);\n+\tbaz(3);\n }\n", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void In_a_directory_each_file_is_alone()
    {
        _h.With("dep.cocci", "@r@\n@@\nmarker();\n\n@depends on r@\n@@\n- bar(3);\n+ baz(3);\n").With("d/b.c", B).With("d/c.c", C);
        var result = _h.Run("--very-quiet", "--sp-file", "dep.cocci", "--dir", "d");
        Assert.Equal(new SpatchResult(0, string.Empty, string.Empty), result);
    }

    [Fact]
    public void A_script_runs_once_per_binding_over_the_group()
    {
        // foo is defined in a.c and in b.c: one binding, one call.
        _h.With("once.cocci", "@r@\nidentifier f;\n@@\nint f(...) { ... }\n\n@script:python@\nf << r.f;\n@@\nprint(\"defined: %s\" % f)\n");
        var result = _h.Run("--very-quiet", "--sp-file", "once.cocci", "a.c", "b.c", "c.c");
        Assert.Equal(new SpatchResult(0, "defined: foo\n", string.Empty), result);
    }

    [Fact]
    public void Diffs_come_last_file_first_after_what_the_scripts_printed()
    {
        foreach (string name in new[] { "x.c", "y.c", "z.c" })
        {
            _h.With(name, $"void {name[0]}(void) {{ foo(1); }}\n");
        }

        _h.With("p.cocci", "@r@\nposition p;\n@@\n- foo@p(1);\n+ bar(1);\n\n@script:python@\np << r.p;\n@@\nprint(\"at %s\" % p[0].file)\n");
        var result = _h.Run("--very-quiet", "--sp-file", "p.cocci", "y.c", "z.c", "x.c");
        Assert.Equal(0, result.ExitCode);
        var lines = result.Stdout.Split('\n');

        // spatch orders the script's runs by the positions' files; the diffs by the command line, reversed.
        Assert.Equal(["at x.c", "at y.c", "at z.c"], lines[..3]);
        Assert.Equal(["--- x.c", "--- z.c", "--- y.c"], Array.FindAll(lines, l => l.StartsWith("--- ", StringComparison.Ordinal)));
    }

    [Fact]
    public void A_single_file_is_the_group_of_one()
    {
        _h.With("inh.cocci", "@r@\nidentifier f;\n@@\nvoid f(...) { ... marker(); ... }\n\n@@\nidentifier r.f;\n@@\n  bar(3);\n+ f();\n");
        Assert.Equal(new SpatchResult(0, string.Empty, string.Empty), _h.Run("--very-quiet", "--sp-file", "inh.cocci", "b.c"));
    }

    private static string FirstLine(string text) => text[..text.IndexOf('\n', StringComparison.Ordinal)];
}
