namespace Sevenspot.Cli.Tests.Spatch;

/// <summary>Several semantic patches in one run (--sp-file repeated, or a folder): each file's output is what each patch prints alone, in order.</summary>
public sealed class ManyPatchesTests : IDisposable
{
    // Both patches use a metavariable named x and a virtual rule named v: each keeps its own.
    private const string Rename = "virtual v\n@r depends on !v@\nidentifier x;\n@@\n- foo(x);\n+ bar(x);\n";
    private const string Star = "virtual v\n@s@\nexpression x;\n@@\n* baz(x);\n";

    private readonly SpatchHarness _h = new SpatchHarness()
        .With("p/1-rename.cocci", Rename)
        .With("p/2-star.cocci", Star)
        .With("d/a.c", "int f(void)\n{\n\tfoo(a);\n\tbaz(1);\n\treturn 0;\n}\n")
        .With("d/b.c", "int g(void)\n{\n\tbaz(2);\n\treturn 1;\n}\n")
        .With("d/c.c", "int h(void)\n{\n\treturn foo(c);\n}\n");

    public void Dispose() => _h.Dispose();

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Two_patches_print_per_file_what_each_prints_alone(bool folder)
    {
        var rename = _h.Run("--very-quiet", "--sp-file", "p/1-rename.cocci", "--dir", "d");
        var star = _h.Run("--very-quiet", "--sp-file", "p/2-star.cocci", "--dir", "d");
        var both = folder
            ? _h.Run("--very-quiet", "--sp-file", "p", "--dir", "d")
            : _h.Run("--very-quiet", "--sp-file", "p/1-rename.cocci", "--cocci-file", "p/2-star.cocci", "--dir", "d");
        Assert.Equal(0, both.ExitCode);
        Assert.Empty(both.Stderr);

        // Per file, in file order: the first patch's diff, then the second's.
        string expected = string.Concat(
            PartFor(rename.Stdout, "d/a.c"), PartFor(star.Stdout, "d/a.c"),
            PartFor(rename.Stdout, "d/b.c"), PartFor(star.Stdout, "d/b.c"),
            PartFor(rename.Stdout, "d/c.c"), PartFor(star.Stdout, "d/c.c"));
        Assert.NotEmpty(PartFor(rename.Stdout, "d/a.c"));
        Assert.NotEmpty(PartFor(star.Stdout, "d/b.c"));
        Assert.Equal(expected, both.Stdout);
    }

    [Fact]
    public void What_of_a_file_did_not_parse_or_is_not_matched_in_is_said_once_for_the_file()
    {
        _h.With("e/e.c", "BPF_CALL_1(bpf_one, struct sk_buff *, skb)\n{\n\treturn 0;\n}\nint g(void) { x = = 3; }\n"
            + "int f(void)\n{\n\tfoo(a);\n\tbaz(1);\n\treturn 0;\n}\n");
        var alone = _h.Run("--sp-file", "p/1-rename.cocci", "--dir", "e");
        var both = _h.Run("--sp-file", "p/1-rename.cocci", "--sp-file", "p/2-star.cocci", "--dir", "e");
        Assert.Equal(0, both.ExitCode);
        Assert.Contains("-\tfoo(a);", both.Stdout, StringComparison.Ordinal);
        Assert.Contains("-\tbaz(1);", both.Stdout, StringComparison.Ordinal);

        // The lines before the coverage line, as one patch alone prints them: the parse error, then the function not matched in.
        string warnings = alone.Stderr[..alone.Stderr.IndexOf("coverage: ", StringComparison.Ordinal)];
        Assert.StartsWith("e/e.c:5:", warnings, StringComparison.Ordinal);
        Assert.Contains("; the rest of the file is processed\ne/e.c:1:0: BPF_CALL_1 is written without a return type", warnings, StringComparison.Ordinal);
        Assert.Equal(warnings, both.Stderr);
    }

    [Fact]
    public void A_virtual_rule_set_for_one_patch_is_seen_by_every_patch_that_declares_it()
    {
        var both = _h.Run("--very-quiet", "-D", "v", "--sp-file", "p/1-rename.cocci", "--sp-file", "p/2-star.cocci", "--dir", "d");
        Assert.Equal(0, both.ExitCode);
        Assert.DoesNotContain("+\tbar(a);", both.Stdout, StringComparison.Ordinal); // the rename depends on !v
        Assert.Contains("-\tbaz(1);", both.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Profile_prints_the_phases_and_each_patch_after_the_output()
    {
        var plain = _h.Run("--very-quiet", "--sp-file", "p/1-rename.cocci", "--sp-file", "p/2-star.cocci", "--dir", "d", "--jobs", "2");
        var profiled = _h.Run("--very-quiet", "--profile", "--sp-file", "p/1-rename.cocci", "--sp-file", "p/2-star.cocci", "--dir", "d", "--jobs", "2");
        Assert.Equal(0, profiled.ExitCode);
        Assert.Equal(plain.Stdout, profiled.Stdout);
        Assert.StartsWith("---------------------\nprofiling result\n---------------------\nMain total ", profiled.Stderr, StringComparison.Ordinal);

        // Three files on two workers, and each patch's time on the two files the prefilter keeps for it.
        Assert.Matches(@"\nfiles, wall +: +[0-9.]+ sec +3 count\n", profiled.Stderr);
        Assert.Matches(@"\nfiles, workers idle +: +[0-9.]+ sec +2 count\n", profiled.Stderr);
        Assert.Matches(@"\nJIT compilation +: +[0-9.]+ sec +[0-9]+ count\n", profiled.Stderr);
        Assert.Matches(@"\nlock contentions +: +0\.000 sec +[0-9]+ count\n", profiled.Stderr);
        if (File.Exists("/proc/thread-self/schedstat"))
        {
            Assert.Matches(@"\nfiles, workers on a core +: +[0-9.]+ sec +2 count\n", profiled.Stderr);
            Assert.Matches(@"\nfiles, workers waiting for a core +: +[0-9.]+ sec +2 count\n", profiled.Stderr);
        }

        Assert.Matches(@"\np/1-rename +: +[0-9.]+ sec +[1-3] count\n", profiled.Stderr);
        Assert.Matches(@"\np/2-star +: +[0-9.]+ sec +[1-3] count\n", profiled.Stderr);

        // The work the patches share on a file (its parse, ...) is an entry of its own, once per file read.
        Assert.Matches(@"\nfiles parsed, typed, graphed, #define bodies read +: +[0-9.]+ sec +[1-3] count\n", profiled.Stderr);

        // Then the slowest files, each with the patch that took most of its time.
        Assert.Contains("\n---------------------\nslowest files (3 of 3)\n---------------------\n", profiled.Stderr, StringComparison.Ordinal);
        foreach (string file in new[] { "a", "b", "c" })
        {
            Assert.Matches(@$"\nd/{file}\.c : [0-9.]+ sec wall(, [0-9.]+ sec on a core)?, most in p/(1-rename|2-star) \([0-9.]+ sec wall\)\n", profiled.Stderr);
        }
    }

    [Fact]
    public void Rewriting_files_takes_one_patch()
    {
        var result = _h.Run("--in-place", "--sp-file", "p/1-rename.cocci", "--sp-file", "p/2-star.cocci", "--dir", "d");
        Assert.Equal(255, result.ExitCode);
        Assert.Contains("take one semantic patch", result.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("@@\n@@\n- foo(a;\n")]                                    // does not parse
    [InlineData("@@\nexpression E;\n@@\n* baz(E);\n- foo(E);\n")]    // mixes * with -
    public void A_patch_that_cannot_run_is_skipped_and_the_others_still_run(string bad)
    {
        _h.With("p/0-bad.cocci", bad);
        var alone = _h.Run("--very-quiet", "--sp-file", "p/1-rename.cocci", "--dir", "d");
        var result = _h.Run("--very-quiet", "--sp-file", "p/0-bad.cocci", "--sp-file", "p/1-rename.cocci", "--dir", "d");
        Assert.Equal(255, result.ExitCode);
        Assert.Contains("p/0-bad.cocci: this semantic patch cannot run; skipped", result.Stderr, StringComparison.Ordinal);
        Assert.NotEmpty(alone.Stdout);
        Assert.Equal(alone.Stdout, result.Stdout);
    }

    [Fact]
    public void Initialize_rules_print_in_patch_order_before_the_files_and_one_that_fails_leaves_its_patch_out()
    {
        // The scripts of every patch start while the next patches are read; their output still comes in the patches' order.
        _h.With("q/1.cocci", WithInitialize(Rename, "print(\"one\")"))
          .With("q/2.cocci", WithInitialize(Rename, "raise Exception(\"no start\")"))
          .With("q/3.cocci", WithInitialize(Star, "print(\"three\")"));
        var plain = _h.Run("--very-quiet", "--sp-file", "p/1-rename.cocci", "--sp-file", "p/2-star.cocci", "--dir", "d");
        var result = _h.Run("--very-quiet", "--sp-file", "q", "--dir", "d");
        Assert.Equal(255, result.ExitCode);
        Assert.Contains("script starting on line 2 failed:", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("no start", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("q/2.cocci: this semantic patch cannot run; skipped", result.Stderr, StringComparison.Ordinal);
        Assert.NotEmpty(plain.Stdout);
        Assert.Equal("one\nthree\n" + plain.Stdout, result.Stdout);
    }

    [Fact]
    public void The_files_start_beside_the_initialize_rules_and_what_the_run_says_keeps_its_order()
    {
        _h.With("q/1.cocci", WithInitialize(Rename, "print(\"one\")"))
          .With("q/3.cocci", WithInitialize(Star, "print(\"three\")"));
        var plain = _h.Run("--very-quiet", "--sp-file", "p/1-rename.cocci", "--sp-file", "p/2-star.cocci", "d/a.c", "d/b.c");
        Assert.NotEmpty(plain.Stdout);
        foreach (string jobs in new[] { "1", "2" })
        {
            // Files named on the command line, then a folder among other arguments (its note comes after the initialize rules' output).
            Assert.Equal(new SpatchResult(0, "one\nthree\n" + plain.Stdout, string.Empty), _h.Run("--very-quiet", "--jobs", jobs, "--sp-file", "q", "d/a.c", "d/b.c"));
            var folder = _h.Run("--jobs", jobs, "--sp-file", "q", "d/c.c", "d");
            Assert.Equal(0, folder.ExitCode);
            Assert.StartsWith("one\nthree\n", folder.Stdout, StringComparison.Ordinal);
            Assert.StartsWith("ignoring all but the last specified directory: d\n", folder.Stderr, StringComparison.Ordinal);

            // No patch's workers can start: their errors, each patch skipped, nothing else (no document with --format).
            foreach (string[] format in new[] { Array.Empty<string>(), ["--format", "json"] })
            {
                var missing = _h.Run(["--very-quiet", .. format, "--jobs", jobs, "--python", "/nonexistent/python3", "--sp-file", "q", "--dir", "d"]);
                Assert.Equal(255, missing.ExitCode);
                Assert.Empty(missing.Stdout);
                Assert.Equal(2, missing.Stderr.Split("cannot run the python interpreter").Length - 1);
                Assert.EndsWith("q/3.cocci: this semantic patch cannot run; skipped, the others go on\n", missing.Stderr, StringComparison.Ordinal);
            }

            // An undeclared -D is refused after what the start said.
            var undeclared = _h.Run("--very-quiet", "--jobs", jobs, "-D", "nope", "--sp-file", "q", "--dir", "d");
            Assert.Equal(new SpatchResult(255, "one\nthree\n", "virtual rule nope not supported\n"), undeclared);
        }
    }

    [Theory]
    [InlineData("1")]
    [InlineData("2")]
    public void A_patch_whose_scripts_cannot_start_on_a_file_prints_nothing_from_that_file_on(string jobs)
    {
        // Its transformation changes d/a.c and d/b.c, and its script, which does not compile, runs on
        // d/a.c only: alone it stops at d/a.c with the error, before printing anything.
        _h.With("q/1-broken.cocci", "@r@\nexpression x;\n@@\n- baz(x);\n+ qux(x);\n\n@s@\nexpression y;\n@@\nfoo(y);\n\n@script:python@\ny << s.y;\n@@\nif y ==\n    print(y)\n")
          .With("q/2-star.cocci", Star);
        var alone = _h.Run("--very-quiet", "--jobs", jobs, "--sp-file", "q/1-broken.cocci", "--dir", "d");
        Assert.Equal(255, alone.ExitCode);
        Assert.Empty(alone.Stdout);
        var star = _h.Run("--very-quiet", "--jobs", jobs, "--sp-file", "q/2-star.cocci", "--dir", "d");
        Assert.NotEmpty(star.Stdout);

        var both = _h.Run("--very-quiet", "--jobs", jobs, "--sp-file", "q", "--dir", "d");
        Assert.Equal(255, both.ExitCode);
        Assert.Equal(star.Stdout, both.Stdout);
        Assert.DoesNotContain("qux", both.Stdout, StringComparison.Ordinal);
        Assert.Equal(alone.Stderr, both.Stderr);
    }

    [Theory]
    [InlineData("1")]
    [InlineData("2")]
    public void A_patch_whose_initialize_rule_fails_is_left_out_and_the_others_print_the_same_for_any_jobs(string jobs)
    {
        // The failed patch's hosts are disposed after the files, when no worker can hold them; the other patches' results are all printed.
        _h.With("q/1.cocci", WithInitialize(Rename, "print(\"one\")"))
          .With("q/2.cocci", WithInitialize(Star, "raise Exception(\"no start\")"))
          .With("q/3.cocci", WithInitialize(Rename.Replace("foo", "baz", StringComparison.Ordinal), "print(\"three\")"));
        var first = _h.Run("--very-quiet", "--jobs", jobs, "--sp-file", "q/1.cocci", "--dir", "d");
        var third = _h.Run("--very-quiet", "--jobs", jobs, "--sp-file", "q/3.cocci", "--dir", "d");
        var all = _h.Run("--very-quiet", "--jobs", jobs, "--sp-file", "q", "--dir", "d");
        Assert.Equal(255, all.ExitCode);
        Assert.StartsWith("one\nthree\n", all.Stdout, StringComparison.Ordinal);
        string files = all.Stdout["one\nthree\n".Length..];
        Assert.Equal(string.Concat(PartFor(first.Stdout, "d/a.c"), PartFor(third.Stdout, "d/a.c"), PartFor(third.Stdout, "d/b.c"), PartFor(first.Stdout, "d/c.c")), files);
        Assert.Contains("q/2.cocci: this semantic patch cannot run; skipped", all.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_patch_whose_script_asks_for_further_runs_ends_with_an_error_in_its_place_and_without_its_finalize()
    {
        // Alone (spatch 1.1.1 too), a further run with the diff shown stops the run and finalize does
        // not run. Together, each patch ends in the patches' order: the first's finalize, then the second's error.
        const string Plain = "@r@\nidentifier f;\n@@\nf(...)\n\n@script:python@\nf << r.f;\n@@\nprint(\"plain %s\" % f)\n\n@finalize:python@\n@@\nprint(\"finalize plain\")\n";
        const string Iterating = "virtual again\n\n@r@\nidentifier f;\n@@\nf(...)\n\n@script:python depends on !again@\nf << r.f;\n@@\nit = Iteration()\nit.add_virtual_rule(again)\nit.register()\nprint(\"saw %s\" % f)\n\n@finalize:python@\n@@\nprint(\"finalize it\")\n";
        _h.With("i/1-plain.cocci", Plain).With("i/2-it.cocci", Iterating).With("e/t.c", "int main() { foo(); return 0; }\n");
        var alone = _h.Run("--very-quiet", "--sp-file", "i/2-it.cocci", "--dir", "e");
        Assert.Equal("saw foo\n", alone.Stdout);

        var both = _h.Run("--very-quiet", "--sp-file", "i", "--dir", "e");
        Assert.Equal(new SpatchResult(
            255,
            "plain foo\nsaw foo\nfinalize plain\n",
            "i/2-it.cocci: cocci.add_pending_instance (Iteration) is not supported when several semantic patches run together; run that patch alone\n"),
            both);

        // The other order: the error comes first, then the other patch's finalize.
        _h.With("i/0-it.cocci", Iterating);
        var reversed = _h.Run("--very-quiet", "--sp-file", "i/0-it.cocci", "--sp-file", "i/1-plain.cocci", "--dir", "e");
        Assert.Equal(255, reversed.ExitCode);
        Assert.Equal("saw foo\nplain foo\nfinalize plain\n", reversed.Stdout);
    }

    [Fact]
    public void A_hint_on_a_name_is_spatchs_line_alone_and_names_its_patch_among_several()
    {
        // spatch --very-quiet --sp-file hint.cocci a.c: "warning: line 4: should no_llseek be a metavariable?" on stderr.
        _h.With("h/hint.cocci", "@@\nexpression E;\n@@\n- foo(E, no_llseek);\n+ bar(E);\n");
        Assert.Equal(new SpatchResult(0, string.Empty, "warning: line 4: should no_llseek be a metavariable?\n"), _h.Run("--very-quiet", "--sp-file", "h/hint.cocci", "d/b.c"));
        var both = _h.Run("--very-quiet", "--sp-file", "h/hint.cocci", "--sp-file", "p/2-star.cocci", "d/b.c");
        Assert.Matches(@"^h/hint\.cocci:4:[0-9]+: should no_llseek be a metavariable\?\n", both.Stderr);
    }

    /// <summary>The patch with an initialize rule running <paramref name="code"/> after its virtual line.</summary>
    private static string WithInitialize(string patch, string code) =>
        patch.Replace("virtual v\n", "virtual v\n@initialize:python@\n@@\n" + code + "\n\n", StringComparison.Ordinal);

    /// <summary>The diff a run printed for one file: from its "diff -u -p" line up to the next one.</summary>
    private static string PartFor(string stdout, string file)
    {
        string name = "/" + Path.GetFileName(file) + " ";
        foreach (string part in stdout.Split("diff -u -p ", StringSplitOptions.RemoveEmptyEntries))
        {
            string first = part[..part.IndexOf('\n', StringComparison.Ordinal)];
            if (first.Contains(name, StringComparison.Ordinal))
            {
                return "diff -u -p " + part;
            }
        }

        return string.Empty;
    }
}
