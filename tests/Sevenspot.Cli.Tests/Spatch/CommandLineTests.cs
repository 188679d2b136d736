namespace Sevenspot.Cli.Tests.Spatch;

/// <summary>spatch's command line, as the kernel's scripts/coccicheck and other tools write it.</summary>
public sealed class CommandLineTests : IDisposable
{
    private readonly SpatchHarness _h = new SpatchHarness()
        .With("r.cocci", Samples.RenameRule)
        .With("t.c", Samples.RenameInput);

    public void Dispose() => _h.Dispose();

    // --parse-cocci refuses what a run refuses before reading any file (spatch 1.1.1: status 255,
    // nothing on stdout): no rule that changes or reports code, a failed virtual dependency, an
    // unknown -D, rules mixing * with - or +.
    [Theory]
    [InlineData("@@\nexpression E;\n@@\n  use(E);\n", "No rules apply.")]
    [InlineData("virtual patch\n@depends on patch@\nexpression E;\n@@\n- use(E);\n", "virtual rules (e.g., patch)")]
    [InlineData("@initialize:python@\n@@\nprint(\"x\")\n", "No rules apply.")]
    [InlineData("@@\nexpression E;\n@@\n- use(E);\n@@\nexpression E;\n@@\n* old(E);\n", "r.cocci:8:")]
    [InlineData("virtual patch\n@a depends on patch@\nidentifier f;\n@@\nf(...) { ... }\n@b@\nidentifier a.f;\n@@\n- f();\n", "virtual rules (e.g., patch)")]
    [InlineData("virtual report\n@a depends on report@\nidentifier f;\n@@\nf(...) { ... }\n@script:python@\nx << a.f;\n@@\nprint(x)\n", "virtual rules (e.g., report)")]
    [InlineData("virtual report\n@a depends on report@\nidentifier f;\n@@\nf(...) { ... }\n@b@\nidentifier a.f, h;\n@@\nh(...) { ... f(); ... }\n@c@\nidentifier b.h;\n@@\n- h();\n", "No rules apply.")]
    public void Parse_cocci_refuses_a_patch_that_cannot_run(string rule, string message)
    {
        _h.With("p.cocci", rule);
        var result = _h.Run("--parse-cocci", "p.cocci");
        Assert.Equal(255, result.ExitCode);
        Assert.Contains(message.Replace("r.cocci", "p.cocci", StringComparison.Ordinal), result.Stderr, StringComparison.Ordinal);
        Assert.Equal(string.Empty, result.Stdout);
    }

    // A rule that takes a value from a dropped rule is dropped with it; a script whose inherited
    // values all have a default still runs (spatch 1.1.1 exits 0 on these).
    [Theory]
    [InlineData("virtual report\n@a depends on report@\nidentifier f;\n@@\nf(...) { ... }\n@script:python@\nx << a.f = \"none\";\n@@\nprint(x)\n")]
    [InlineData("virtual report\n@a depends on report@\nidentifier f;\n@@\nf(...) { ... }\n@k@\nidentifier g;\n@@\ng(...) { ... }\n@script:python@\nx << a.f = \"none\";\ny << k.g;\n@@\nprint(x, y)\n")]
    public void Parse_cocci_keeps_a_script_whose_values_from_dropped_rules_have_defaults(string rule)
    {
        _h.With("p.cocci", rule);
        Assert.Equal(0, _h.Run("--parse-cocci", "p.cocci").ExitCode);
    }

    [Fact]
    public void Parse_cocci_accepts_a_patch_whose_rules_run_with_the_virtual_rules_set()
    {
        _h.With("p.cocci", "virtual patch\n@depends on patch@\nexpression E;\n@@\n- use(E);\n");
        Assert.Equal(0, _h.Run("--parse-cocci", "p.cocci", "-D", "patch").ExitCode);
        Assert.Equal(255, _h.Run("--parse-cocci", "p.cocci", "-D", "nosuch").ExitCode);
    }

    [Fact]
    public void Coccicheck_command_line_in_report_mode_is_accepted()
    {
        // What scripts/coccicheck runs for "make coccicheck MODE=report M=dir": FLAGS, the
        // rule's "Options:" line, OPTIONS with COCCIINCLUDE, --jobs/--chunksize, then the kernel's
        // .cocciconfig options.
        _h.With("linux/include/linux/kconfig.h", "#define IS_ENABLED(x) 1\n")
          .With("linux/drivers/x/t.c", Samples.RenameInput)
          .With("linux/arch/x86/include/asm/a.h", string.Empty)
          .With("rule.cocci", "virtual report\nvirtual patch\n" + Samples.RenameRule.Replace("@@\nexpression", "@depends on patch@\nexpression", StringComparison.Ordinal));
        var result = _h.Run(
            "-D", "report", "--no-show-diff", "--very-quiet", "--cocci-file", "rule.cocci", "--no-includes", "--include-headers",
            "--dir", "linux/drivers/x", "-I", "./linux/arch/x86/include", "-I", "./linux/include",
            "--include", "./linux/include/linux/kconfig.h", "--jobs", "2", "--chunksize", "1", "--timeout", "200", "--use-gitgrep");

        // The rule has no report rules: spatch stops with "No rules apply".
        Assert.Equal(255, result.ExitCode);
        Assert.Contains("No rules apply.", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("(e.g., patch)", result.Stderr, StringComparison.Ordinal);

        result = _h.Run("-D", "patch", "--very-quiet", "--cocci-file", "rule.cocci", "--dir", "linux/drivers/x", "--jobs", "2", "--chunksize", "1");
        Assert.Equal(0, result.ExitCode);
        Assert.Equal("diff -u -p a/t.c b/t.c\n--- a/t.c\n+++ b/t.c\n" + Samples.RenameDiffBody, result.Stdout);
    }

    [Theory]
    [InlineData("@@\nexpression E;\n@@\n* kfree(E);\n- g();\n", "", 5, "- g();")]
    [InlineData("@a@\nexpression E;\n@@\n* kfree(E);\n\n@b@\n@@\n- g();\n", "", 8, "- g();")]
    [InlineData("@b@\n@@\n- g();\n\n@a@\nexpression E;\n@@\n* kfree(E);\n", "", 8, "* kfree(E);")]
    [InlineData("virtual context\nvirtual patch\n@depends on context@\nexpression E;\n@@\n* kfree(E);\n\n@depends on patch@\nexpression E;\n@@\n- kfree(E);\n+ kvfree(E);\n",
        "-D patch -D context", 11, "- kfree(E);")]
    public void Rules_that_mix_star_with_minus_or_plus_are_refused_where_the_mode_breaks(string rule, string defines, int line, string text)
    {
        // spatch 1.1.1 refuses each of these with a parse error at the same line.
        _h.With("mix.cocci", rule).With("k.c", "void f(char *p)\n{\n\tkfree(p);\n\tg();\n}\n");
        var args = new List<string>(defines.Split(' ', StringSplitOptions.RemoveEmptyEntries)) { "--very-quiet", "--sp-file", "mix.cocci", "k.c" };
        var result = _h.Run([.. args]);
        Assert.Equal(255, result.ExitCode);
        Assert.Contains($"mix.cocci:{line}:0: ", result.Stderr, StringComparison.Ordinal);
        Assert.Contains(text + "\n^", result.Stderr, StringComparison.Ordinal);
        Assert.Empty(result.Stdout);
    }

    [Fact]
    public void A_star_rule_and_a_minus_rule_can_share_a_patch_when_virtual_rules_keep_one()
    {
        // As in spatch: with -D context only the starred rule is left, and it runs.
        _h.With("mix.cocci", "virtual context\nvirtual patch\n@depends on context@\nexpression E;\n@@\n* kfree(E);\n\n@depends on patch@\nexpression E;\n@@\n- kfree(E);\n+ kvfree(E);\n")
          .With("k.c", "void f(char *p)\n{\n\tkfree(p);\n\tg();\n}\n");
        var result = _h.Run("-D", "context", "--very-quiet", "--sp-file", "mix.cocci", "k.c");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("-\tkfree(p);", result.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--include-headers-for-types")]
    [InlineData("--recursive-includes")]
    [InlineData("--all-includes")]
    [InlineData("--local-includes")]
    [InlineData("--no-includes")]
    [InlineData("--use-idutils")]
    [InlineData("--use-idutils", "ID")]
    [InlineData("--use-coccigrep")]
    [InlineData("--use-glimpse")]
    [InlineData("--no-loops")]
    [InlineData("--linux-spacing")]
    [InlineData("--quiet")]
    [InlineData("--debug")]
    [InlineData("--show-trying")]
    [InlineData("--profile")]
    [InlineData("--disable-worth-trying-opt")]
    [InlineData("--allow-inconsistent-paths")]
    [InlineData("--macro-file-builtins", "t.c")]
    [InlineData("--opt-c", "absent.c")]
    [InlineData("--max-width", "78")]
    [InlineData("-U", "3")]
    [InlineData("--jobs=1")]
    [InlineData("-j1")]
    [InlineData("--c++=11")]
    [InlineData("-very_quiet")]
    [InlineData("-D", "name=value")]
    [InlineData("--patch", ".")]
    public void Spatch_options_are_accepted(params string[] option)
    {
        var result = _h.Run([.. option, "--very-quiet", "--sp-file", "r.cocci", "t.c"]);
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("+\tbar(1);", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Old_spellings_and_attached_values_are_read()
    {
        var result = _h.Run("-sp_file", "r.cocci", "-very_quiet", "--timeout=30", "-U", "0", "t.c");
        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith("--- t.c\n+++ /tmp/cocci-output-4242-", result.Stdout, StringComparison.Ordinal);
        Assert.EndsWith("-t.c\n@@ -3 +3 @@ int f(void)\n-\tfoo(1);\n+\tbar(1);\n", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void The_rule_may_be_the_first_positional_argument()
    {
        var result = _h.Run("--very-quiet", "r.cocci", "t.c");
        Assert.Equal(0, result.ExitCode);
        Assert.EndsWith(Samples.RenameDiffBody, result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_option_is_an_error()
    {
        var result = _h.Run("--very-quiet", "--frobnicate", "--sp-file", "r.cocci", "t.c");
        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("sevenspot: unknown option '--frobnicate'. (found on the command line)\nUsage:", result.Stderr, StringComparison.Ordinal);
        Assert.Empty(result.Stdout);
    }

    [Fact]
    public void Unknown_option_is_skipped_after_ignore_unknown_options()
    {
        var result = _h.Run("--ignore-unknown-options", "--frobnicate", "--very-quiet", "--sp-file", "r.cocci", "t.c");
        Assert.Equal(0, result.ExitCode);
        Assert.EndsWith(Samples.RenameDiffBody, result.Stdout, StringComparison.Ordinal);

        // Only before the unknown option, as in spatch.
        Assert.Equal(2, _h.Run("--frobnicate", "--ignore-unknown-options", "--sp-file", "r.cocci", "t.c").ExitCode);
    }

    [Fact]
    public void Malformed_option_values_are_errors()
    {
        var result = _h.Run("--jobs", "many", "--sp-file", "r.cocci", "t.c");
        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("sevenspot: wrong argument 'many'; option '--jobs' expects an integer.", result.Stderr, StringComparison.Ordinal);

        result = _h.Run("t.c", "--sp-file");
        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("sevenspot: option '--sp-file' needs an argument.", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Version_gives_the_spatch_version_coccicheck_reads()
    {
        var result = _h.Run("--version");
        Assert.Equal(0, result.ExitCode);

        // scripts/coccicheck: $SPATCH --version | head -1 | awk '{print $3}'
        string third = result.Stdout.Split('\n')[0].Split(' ', StringSplitOptions.RemoveEmptyEntries)[2];
        Assert.Equal("1.1.1", third);
    }

    [Fact]
    public void Help_lists_jobs()
    {
        // scripts/coccicheck: $SPATCH --help | grep "\-\-jobs" decides whether to use --jobs.
        var result = _h.Run("--help");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("--jobs", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_files_the_usage_is_printed()
    {
        var result = _h.Run();
        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith("Usage: sevenspot --sp-file", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Cocciconfig_and_spatch_lines_give_options()
    {
        _h.With(".cocciconfig", "[spatch]\n\toptions = --very-quiet\n\toptions = -U 1\n");
        var result = _h.Run("--sp-file", "r.cocci", "t.c");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("@@ -2,3 +2,3 @@", result.Stdout, StringComparison.Ordinal);

        // The command line comes last and wins.
        result = _h.Run("--sp-file", "r.cocci", "t.c", "-U", "0");
        Assert.Contains("@@ -3 +3 @@", result.Stdout, StringComparison.Ordinal);

        File.Delete(_h.PathOf(".cocciconfig"));
        _h.With("args.cocci", "#spatch --very-quiet -D\n# spatch name=bar\n@@\nexpression E;\nidentifier virtual.name;\n@@\n- foo(E);\n+ name(E);\n");
        result = _h.Run("--sp-file", "args.cocci", "t.c");
        Assert.Equal(0, result.ExitCode);
        Assert.EndsWith(Samples.RenameDiffBody, result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Print_options_only_shows_every_source_of_options()
    {
        _h.With(".cocciconfig", "[spatch]\n\toptions = --timeout 200\n");
        var result = _h.Run("--print-options-only", "--sp-file", "r.cocci", "t.c");
        Assert.Equal(0, result.ExitCode);
        Assert.Equal("options: 'sevenspot' '--timeout' '200' '--print-options-only' '--sp-file' 'r.cocci' 't.c'\n", result.Stderr);
    }

    [Fact]
    public void Undeclared_virtual_rule_is_refused()
    {
        var result = _h.Run("--very-quiet", "--sp-file", "r.cocci", "t.c", "-D", "report");
        Assert.Equal(255, result.ExitCode);
        Assert.Equal("virtual rule report not supported\n", result.Stderr);
    }

    [Fact]
    public void Distribution_and_parallelism_do_not_mix()
    {
        var result = _h.Run("--very-quiet", "--sp-file", "r.cocci", "t.c", "--max", "2", "--index", "0", "--jobs", "2");
        Assert.Equal(1, result.ExitCode);
        Assert.Equal("error: distribution and parallelism are not compatible\n", result.Stderr);
    }

    [Fact]
    public void Max_and_index_split_a_directory_into_contiguous_parts()
    {
        for (int i = 0; i < 5; i++)
        {
            _h.With($"d/f{i}.c", Samples.RenameInput);
        }

        var parts = new List<string>();
        for (int index = 0; index < 2; index++)
        {
            var result = _h.Run("--very-quiet", "--sp-file", "r.cocci", "--dir", "d", "--max", "2", "--index", index.ToString(System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal(0, result.ExitCode);
            parts.Add(string.Join(' ', result.Stdout.Split('\n').Where(l => l.StartsWith("diff ", StringComparison.Ordinal)).Select(l => l.Split(' ')[^1])));
        }

        Assert.Equal(["b/f0.c b/f1.c b/f2.c", "b/f3.c b/f4.c"], parts);
    }
}
