namespace Sevenspot.Cli.Tests.Spatch;

/// <summary>
/// Python script rules, compared with what spatch 1.1.1 prints for the same rule and files (each
/// expectation below was taken from a run of spatch; spatch is not run by the tests).
/// </summary>
public sealed class ScriptRuleTests : IDisposable
{
    private const string DoubleFree = """
        virtual report

        @r depends on report@
        expression E;
        position p;
        @@
        kfree@p(E);
        ...
        kfree(E);

        @script:python depends on report@
        p << r.p;
        E << r.E;
        @@
        coccilib.report.print_report(p[0], "double free of %s in %s" % (E, p[0].current_element))

        """;

    private const string DoubleFreeA = "void f(int *x, struct s *y)\n{\n\tkfree(x);\n\tkfree(x);\n\tkfree(y->buf);\n\tg();\n\t\tkfree(y->buf);\n}\n";

    private const string DoubleFreeB = "int h(char **a)\n{\n\tkfree(a[1]);\n\tif (a)\n\t\tkfree(a[1]);\n\treturn 0;\n}\n";

    private const string Counting = """
        @initialize:python@
        @@
        count = 0
        print("init")

        @r@
        expression E;
        position p;
        @@
        foo@p(E)

        @script:python@
        p << r.p;
        E << r.E;
        @@
        count += 1
        print("call %s %s:%s:%s" % (E, p[0].file, p[0].line, p[0].column))

        @finalize:python@
        @@
        print("total %d" % count)

        """;

    private readonly SpatchHarness _h = new();

    public void Dispose() => _h.Dispose();

    [Fact]
    public void Print_report_gives_spatch_lines_with_positions()
    {
        _h.With("r.cocci", DoubleFree).With("d/a.c", DoubleFreeA).With("d/b.c", DoubleFreeB);
        var result = _h.Run("--very-quiet", "-D", "report", "--no-show-diff", "--sp-file", "r.cocci", "--dir", "d");

        // spatch --very-quiet -D report --no-show-diff --sp-file r.cocci --dir d
        Assert.Equal(new SpatchResult(0, "d/a.c:3:1-6: double free of x in f\nd/a.c:5:1-6: double free of y -> buf in f\n", string.Empty), result);
    }

    [Fact]
    public void A_launcher_given_as_python_runs_once_per_run_and_later_workers_start_the_interpreter()
    {
        if (OperatingSystem.IsWindows())
        {
            return; // the launcher is a shell script
        }

        // A launcher script (as a version manager's shim) that says when it runs and hands over to python3.
        _h.With("launch.sh", $"#!/bin/sh\necho started >> '{_h.PathOf("launches")}'\nexec python3 \"$@\"\n")
          .With("p/1.cocci", DoubleFree).With("p/2.cocci", DoubleFree).With("d/a.c", DoubleFreeA).With("d/b.c", DoubleFreeB);
        File.SetUnixFileMode(_h.PathOf("launch.sh"), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var direct = _h.Run("--very-quiet", "-D", "report", "--no-show-diff", "--sp-file", "p/1.cocci", "--sp-file", "p/2.cocci", "--dir", "d");
        var launched = _h.Run("--very-quiet", "-D", "report", "--no-show-diff", "--python", _h.PathOf("launch.sh"),
            "--sp-file", "p/1.cocci", "--sp-file", "p/2.cocci", "--dir", "d");

        // Each patch has its own worker: the first through the launcher, the second started directly.
        Assert.Equal(direct, launched);
        Assert.Contains("d/a.c:3:1-6: double free of x in f\n", launched.Stdout, StringComparison.Ordinal);
        Assert.Equal("started\n", _h.Read("launches"));
    }

    [Fact]
    public void Report_output_is_the_same_for_any_number_of_jobs()
    {
        _h.With("r.cocci", DoubleFree).With("d/a.c", DoubleFreeA).With("d/b.c", DoubleFreeB).With("d/c.c", DoubleFreeA.Replace("void f(", "void f2(", StringComparison.Ordinal));
        var one = _h.Run("--very-quiet", "-D", "report", "--no-show-diff", "--sp-file", "r.cocci", "--dir", "d");
        var two = _h.Run("--very-quiet", "-D", "report", "--no-show-diff", "--sp-file", "r.cocci", "--dir", "d", "--jobs", "2", "--chunksize", "1");
        var three = _h.Run("--very-quiet", "-D", "report", "--no-show-diff", "--sp-file", "r.cocci", "--dir", "d", "--jobs", "3");
        Assert.Equal(one, two);
        Assert.Equal(one, three);
        Assert.Contains("d/c.c:5:1-6: double free of y -> buf in f2\n", one.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Org_mode_prints_todo_items_and_links_as_spatch()
    {
        _h.With("o.cocci", """
            virtual org

            @r depends on org@
            expression E;
            position p;
            @@
            kfree@p(E);
            ...
            kfree(E);

            @script:python depends on org@
            p << r.p;
            @@
            coccilib.org.print_todo(p[0], "frees [memory] twice")
            coccilib.org.print_safe_todo(p[0], "safe [x]")
            coccilib.org.print_link(p[0], "link")
            cocci.print_main("main", p)
            cocci.print_sec("sec", p)
            cocci.print_secs("secs", p)

            """).With("d/a.c", DoubleFreeA);
        var result = _h.Run("--very-quiet", "-D", "org", "--no-show-diff", "--sp-file", "o.cocci", "--dir", "d");

        // spatch --very-quiet -D org --no-show-diff --sp-file o.cocci --dir d (first environment; the second is the same at line 5)
        string first = """
            * TODO [[view:d/a.c::face=ovl-face1::linb=3::colb=1::cole=6][frees [memory] twice]]
            * TODO [[view:d/a.c::face=ovl-face1::linb=3::colb=1::cole=6][safe @(x)]]
            [[view:d/a.c::face=ovl-face1::linb=3::colb=1::cole=6][link]]
            * TODO [[view:d/a.c::face=ovl-face1::linb=3::colb=1::cole=6][main d/a.c::3]]
            [[view:d/a.c::face=ovl-face2::linb=3::colb=1::cole=6][sec]]
            [[view:d/a.c::face=ovl-face2::linb=3::colb=1::cole=6][secs]]

            """;
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(first + first.Replace("linb=3", "linb=5", StringComparison.Ordinal).Replace("a.c::3", "a.c::5", StringComparison.Ordinal), result.Stdout);
    }

    [Fact]
    public void Initialize_and_finalize_count_calls_as_spatch_without_jobs()
    {
        _h.With("r.cocci", Counting);
        for (int i = 1; i <= 3; i++)
        {
            _h.With($"d/f{i}.c", $"void f{i}(void) {{\n\tfoo({i});\n\tfoo(x);\n}}\n");
        }

        var result = _h.Run("--very-quiet", "--sp-file", "r.cocci", "--dir", "d");

        // spatch prints the same lines (its file order follows the directory, ours the sorted paths);
        // within a file, in the order of its environments: E = x (a name) before E = 1 (a constant).
        Assert.Equal(
            "init\ncall x d/f1.c:3:1\ncall 1 d/f1.c:2:1\ncall x d/f2.c:3:1\ncall 2 d/f2.c:2:1\ncall x d/f3.c:3:1\ncall 3 d/f3.c:2:1\ntotal 6\n",
            result.Stdout);
        Assert.Equal(0, result.ExitCode);
    }

    [Fact]
    public void With_jobs_each_file_starts_from_the_initialized_state_and_finalize_sees_it()
    {
        // spatch --jobs 2: its workers are forked after initialize and finalize runs in the parent,
        // which printed "total 0" next to the six calls. Sevenspot gives each file that state, for any --jobs.
        _h.With("r.cocci", Counting);
        for (int i = 1; i <= 3; i++)
        {
            _h.With($"d/f{i}.c", $"void f{i}(void) {{\n\tfoo({i});\n\tfoo(x);\n}}\n");
        }

        var two = _h.Run("--very-quiet", "--sp-file", "r.cocci", "--dir", "d", "--jobs", "2", "--chunksize", "1");
        var one = _h.Run("--very-quiet", "--sp-file", "r.cocci", "--dir", "d", "--jobs", "1");
        Assert.Equal(
            "init\ncall x d/f1.c:3:1\ncall 1 d/f1.c:2:1\ncall x d/f2.c:3:1\ncall 2 d/f2.c:2:1\ncall x d/f3.c:3:1\ncall 3 d/f3.c:2:1\ntotal 0\n",
            two.Stdout);
        Assert.Equal(two, one);
    }

    [Theory]
    [InlineData("seen.append(str(E))\nprint(\"%s %d\" % (E, len(seen)))")]
    [InlineData("remember(E)\nprint(\"%s %d\" % (E, len(seen)))")]
    [InlineData("seen[:] = seen + [E]\nprint(\"%s %d\" % (E, len(seen)))")]
    public void With_jobs_a_file_does_not_see_what_the_last_changed_in_the_initialized_state(string body)
    {
        // The list initialize made is changed in place (directly, through a function initialize
        // defined, by a slice): each file still starts from the empty list, for any --jobs.
        _h.With("r.cocci", $$"""
            @initialize:python@
            @@
            seen = []
            def remember(e):
                seen.append(e)

            @r@
            expression E;
            @@
            foo(E)

            @script:python@
            E << r.E;
            @@
            {{body}}

            """);
        _h.With("d/f1.c", "void f1(void) {\n\tfoo(1);\n\tfoo(2);\n}\n");
        _h.With("d/f2.c", "void f2(void) {\n\tfoo(3);\n}\n");

        var serial = _h.Run("--very-quiet", "--sp-file", "r.cocci", "--dir", "d");
        Assert.Equal(new SpatchResult(0, "1 1\n2 2\n3 3\n", string.Empty), serial);
        foreach (string jobs in new[] { "1", "2" })
        {
            var result = _h.Run("--very-quiet", "--sp-file", "r.cocci", "--dir", "d", "--jobs", jobs, "--chunksize", "1");
            Assert.Equal(new SpatchResult(0, "1 1\n2 2\n3 1\n", string.Empty), result);
        }
    }

    [Fact]
    public void With_jobs_a_name_a_script_bound_in_one_file_is_unbound_in_the_next()
    {
        // Nothing of the initialized state is changed in place here; the names a file's scripts
        // bound (last, and E, the script's input) are gone when the next file starts.
        _h.With("r.cocci", """
            @initialize:python@
            @@
            count = 0

            @r@
            expression E;
            @@
            foo(E)

            @script:python@
            E << r.E;
            @@
            count += 1
            try:
                print("%s after %s, call %d" % (E, last, count))
            except NameError:
                print("%s first, call %d" % (E, count))
            last = E

            """);
        _h.With("d/f1.c", "void f1(void) {\n\tfoo(1);\n\tfoo(2);\n}\n");
        _h.With("d/f2.c", "void f2(void) {\n\tfoo(3);\n}\n");

        var serial = _h.Run("--very-quiet", "--sp-file", "r.cocci", "--dir", "d");
        Assert.Equal(new SpatchResult(0, "1 first, call 1\n2 after 1, call 2\n3 after 2, call 3\n", string.Empty), serial);
        foreach (string jobs in new[] { "1", "2" })
        {
            var result = _h.Run("--very-quiet", "--sp-file", "r.cocci", "--dir", "d", "--jobs", jobs, "--chunksize", "1");
            Assert.Equal(new SpatchResult(0, "1 first, call 1\n2 after 1, call 2\n3 first, call 1\n", string.Empty), result);
        }
    }

    [Fact]
    public void Merged_values_come_from_the_files_states_and_scripts_may_import_coccinelle()
    {
        // spatch 1.1.1 on these four files prints [8] without -j; with -j 2 one value per worker
        // ([2, 6] or another split), never the parent's initial 0. Sevenspot's --jobs keeps one state per
        // file, so it merges one value per file that ran a script.
        _h.With("m.cocci", """
            @initialize:python@
            @@
            import coccinelle
            coccinelle.count = 0

            @r@
            position p;
            @@
            foo@p(...)

            @script:python@
            p << r.p;
            @@
            coccinelle.count = coccinelle.count + 1

            @finalize:python@
            c << merge.count;
            @@
            print(sorted(c), sum(c))

            """);
        for (int i = 1; i <= 4; i++)
        {
            _h.With($"d/f{i}.c", $"void f{i}(void) {{ foo({i}); foo(2); }}\n");
        }

        _h.With("d/g.c", "int g;\n");
        var serial = _h.Run("--very-quiet", "--sp-file", "m.cocci", "--dir", "d");
        var parallel = _h.Run("--very-quiet", "--sp-file", "m.cocci", "--dir", "d", "--jobs", "2");
        Assert.Equal(new SpatchResult(0, "[8] 8\n", string.Empty), serial);
        Assert.Equal(new SpatchResult(0, "[2, 2, 2, 2] 8\n", string.Empty), parallel);
    }

    [Theory]
    [InlineData("b.c", "[]")]
    [InlineData("c.c", "[0]")]
    [InlineData("a.c b.c", "[2]")]
    [InlineData("b.c c.c", "[0]")]
    public void A_run_the_prefilter_kept_from_every_file_merges_no_state(string files, string expected)
    {
        // spatch 1.1.1 without -j: b.c lacks the word foo and is not processed, so finalize merges
        // nothing; c.c has the word, is processed, and its state (no match) is merged.
        _h.With("m.cocci", """
            @initialize:python@
            @@
            coccinelle.count = 0

            @r@
            identifier f;
            @@
            foo(f);

            @script:python@
            f << r.f;
            @@
            coccinelle.count += 1

            @finalize:python@
            c << merge.count;
            @@
            print(c)

            """)
            .With("a.c", "int main(void) { foo(a); foo(b); return 0; }\n")
            .With("b.c", "int g(void) { return 1; }\n")
            .With("c.c", "int foo;\nint h(void) { return foo; }\n");
        var result = _h.Run(["--very-quiet", "--sp-file", "m.cocci", .. files.Split(' ')]);
        Assert.Equal(new SpatchResult(0, expected + "\n", string.Empty), result);
    }

    private const string IterateOnceMore = """
        virtual after

        @r@
        @@
        - foo();
        + bar();

        @finalize:python@
        @@
        print("any")

        @finalize:python depends on after@
        @@
        print("after")

        @finalize:python depends on !after@
        @@
        print("not after")
        it = Iteration()
        it.add_virtual_rule(after)
        it.register()

        """;

    [Fact]
    public void Finalize_after_a_further_run_reads_that_runs_virtual_rules()
    {
        // spatch 1.1.1 prints any, not after, any, after: the second finalize sees "after" defined,
        // so it asks for no further run.
        _h.With("it.cocci", IterateOnceMore).With("a.c", "int main(void) { foo(); return 0; }\n");
        var result = _h.Run("--no-show-diff", "--very-quiet", "--sp-file", "it.cocci", "a.c");
        Assert.Equal(new SpatchResult(0, "any\nnot after\nany\nafter\n", string.Empty), result);
    }

    [Theory]
    [InlineData(false, "fin\nrun-v3\nrun-v2\nrun-v1\n")]
    [InlineData(true, "fin\nrun-v1\nrun-v2\nrun-v3\n")]
    public void Runs_finalize_asks_for_go_last_first_unless_they_name_the_same_files(bool namingFiles, string expected)
    {
        // spatch 1.1.1: three runs naming no files go v3, v2, v1; naming a.c each, v1, v2, v3.
        var rule = new System.Text.StringBuilder("virtual v1\nvirtual v2\nvirtual v3\n\n@r@\nposition p;\n@@\n- foo@p();\n+ bar();\n\n");
        foreach (string v in new[] { "v1", "v2", "v3" })
        {
            rule.Append($"@script:python depends on {v}@\np << r.p;\n@@\nprint(\"run-{v}\")\n\n");
        }

        rule.Append("@finalize:python depends on !v1 && !v2 && !v3@\n@@\nprint(\"fin\")\n");
        foreach (string v in new[] { "v1", "v2", "v3" })
        {
            rule.Append("it = Iteration()\n").Append(namingFiles ? "it.set_files([\"a.c\"])\n" : string.Empty)
                .Append($"it.add_virtual_rule({v})\nit.register()\n");
        }

        _h.With("ord.cocci", rule.ToString()).With("a.c", "int main(void) { foo(); return 0; }\n");
        var result = _h.Run("--no-show-diff", "--very-quiet", "--sp-file", "ord.cocci", "a.c");
        Assert.Equal(new SpatchResult(0, expected, string.Empty), result);
    }

    [Fact]
    public void Runs_naming_files_go_first_then_runs_naming_none_last_asked_first()
    {
        // spatch 1.1.1 prints v2, v3, v1, v4: initialize asks for v4, the first run for v1, v2 (on
        // a.c) and v3; the run naming a file goes first, then the others, the last asked first.
        var rule = new System.Text.StringBuilder("""
            virtual v1
            virtual v2
            virtual v3
            virtual v4

            @initialize:python@
            @@
            it = Iteration()
            it.add_virtual_rule(v4)
            it.register()

            @r depends on !v1 && !v2 && !v3 && !v4@
            @@
            foo(...)

            @script:python depends on r@
            @@
            for v in ["v1", "v2", "v3"]:
                it = Iteration()
                if v == "v2":
                    it.set_files(["a.c"])
                it.add_virtual_rule(v)
                it.register()


            """);
        foreach (string v in new[] { "v1", "v2", "v3", "v4" })
        {
            rule.Append($"@script:python depends on {v}@\n@@\nprint(\"{v}\")\n\n");
        }

        _h.With("mix.cocci", rule.ToString()).With("a.c", "int f(void) { return foo(1); }\n");
        var result = _h.Run("--very-quiet", "--no-show-diff", "--sp-file", "mix.cocci", "a.c");
        Assert.Equal(new SpatchResult(0, "v2\nv3\nv1\nv4\n", string.Empty), result);
    }

    [Fact]
    public void A_run_initialize_asks_for_follows_the_first_run()
    {
        // spatch 1.1.1 prints only "after": the run with "after" defined follows the first, then finalize reads its virtual rules.
        _h.With("init.cocci", """
            virtual after

            @initialize:python depends on !after@
            @@
            it = Iteration()
            it.add_virtual_rule(after)
            it.register()

            @r@
            @@
            - foo();
            + bar();

            @finalize:python depends on after@
            @@
            print("after")

            @finalize:python depends on !after@
            @@
            print("not after")

            """).With("a.c", "int main(void) { foo(); return 0; }\n");
        var result = _h.Run("--no-show-diff", "--very-quiet", "--sp-file", "init.cocci", "a.c");
        Assert.Equal(new SpatchResult(0, "after\n", string.Empty), result);
    }

    [Fact]
    public void Further_runs_stop_when_a_change_was_only_shown_as_a_diff()
    {
        // spatch 1.1.1 shows the diff, runs finalize once, then refuses the further run (status 0):
        // it would read a.c unchanged from disk.
        _h.With("it.cocci", IterateOnceMore).With("a.c", "int main(void) { foo(); return 0; }\n");
        var result = _h.Run("--sp-file", "it.cocci", "a.c");
        Assert.Equal(0, result.ExitCode);
        Assert.Single(result.Stdout.Split('\n'), line => line == "+int main(void) { bar(); return 0; }");
        Assert.EndsWith("any\nnot after\n", result.Stdout);
        Assert.Contains("--in-place or --no-show-diff", result.Stderr);
    }

    [Theory]
    [InlineData("t.c", false, "matched\n")]
    [InlineData("t.c", true, "matched\nmatched\nfinal\n")]
    [InlineData("u.c", false, "final\n")]
    public void Further_runs_stop_after_a_run_that_got_to_a_file_even_unchanged(string file, bool noShowDiff, string expected)
    {
        // spatch 1.1.1: once a run got past the prefilter on some file, a further run needs
        // --no-show-diff or --in-place, even when nothing changed; it stops without finalize. u.c
        // lacks foo: the first run gets to no file, and the further run goes on.
        _h.With("t1.cocci", """
            virtual after

            @initialize:python depends on !after@
            @@
            it = Iteration()
            it.add_virtual_rule(after)
            it.register()

            @r@
            @@
            foo();

            @script:python depends on r@
            @@
            print("matched")

            @finalize:python@
            @@
            print("final")

            """)
            .With("t.c", "int main(void) { foo(); return 0; }\n")
            .With("u.c", "int main(void) { return 0; }\n");
        var result = noShowDiff
            ? _h.Run("--very-quiet", "--no-show-diff", "--sp-file", "t1.cocci", file)
            : _h.Run("--very-quiet", "--sp-file", "t1.cocci", file);
        Assert.Equal(new SpatchResult(0, expected, string.Empty), result);
    }

    [Fact]
    public void Positions_bound_inside_a_nest_reach_the_script_as_one_list_per_match()
    {
        _h.With("n.cocci", """
            @r@
            identifier fn;
            expression E;
            position p;
            @@
            fn(...) {
            <+...
            kfree@p(E);
            ...+>
            }

            @script:python@
            p << r.p;
            E << r.E;
            @@
            print(E, [x.line for x in p])

            """).With("d/a.c", DoubleFreeA).With("d/b.c", DoubleFreeB);
        var result = _h.Run("--very-quiet", "--sp-file", "n.cocci", "--dir", "d");

        // spatch --very-quiet --sp-file n.cocci --dir d (a top-level kfree@p(E) gives one position per environment instead)
        Assert.Equal(new SpatchResult(0, "x ['3', '4']\ny -> buf ['5', '7']\na [ 1 ] ['3', '5']\n", string.Empty), result);
    }

    [Fact]
    public void A_script_inherits_the_fresh_identifier_each_match_added()
    {
        _h.With("fs.cocci", """
            @r@
            identifier f;
            fresh identifier ff = "fn_";
            @@
            - f
            + ff
              (...) {...}

            @script:python@
            ff << r.ff;
            f << r.f;
            @@
            print("%s -> %s" % (f, ff))

            """).With("t.c", "#ifdef FIRST\nint main (int a) {\n  return a;\n}\n#else\nint main (int b) {\n  return b;\n}\n#endif\n");
        var result = _h.Run("--very-quiet", "--sp-file", "fs.cocci", "t.c");

        // spatch --very-quiet --sp-file fs.cocci t.c: two matches under the same bindings, two names,
        // and the script sees the name each match's added code uses.
        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith("main -> fn_0\nmain -> fn_1\n", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("+int fn_0 (int a) {\n", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("+int fn_1 (int b) {\n", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void A_position_on_an_include_is_its_file_name()
    {
        _h.With("inc.cocci", """
            @r@
            position p;
            @@
            #include <...>@p

            @script:python@
            p << r.p;
            @@
            print("%s %s %s %s %s %s" % (p[0].line, p[0].column, p[0].line_end, p[0].column_end, p[0].current_element, p[0].file))

            @s@
            position q;
            @@
            foo@q();

            @script:python@
            q << s.q;
            @@
            print("q %s %s %s %s" % (q[0].line, q[0].column, q[0].line_end, q[0].column_end))

            """).With("t.c", "#include \"two\"\n  #include <three>\n#include <linux/four.h>\nint f() { foo(); }\n");
        var result = _h.Run("--very-quiet", "--sp-file", "inc.cocci", "t.c");

        // spatch --very-quiet --sp-file inc.cocci t.c
        Assert.Equal(new SpatchResult(0, "2 11 2 18 something_else t.c\n3 9 3 23 something_else t.c\nq 4 10 4 13\n", string.Empty), result);
    }

    [Fact]
    public void A_rule_that_inherits_nothing_runs_after_a_script_dropped_every_match()
    {
        _h.With("im.cocci", """
            @r@
            position p;
            @@
            foo@p();

            @script:python@
            p << r.p;
            @@
            cocci.include_match(False)

            @@
            @@
            - bar();

            """).With("t.c", "int f() {\n  foo();\n  bar();\n}\n");
        var result = _h.Run("--very-quiet", "--sp-file", "im.cocci", "t.c");

        // spatch --very-quiet --sp-file im.cocci t.c
        Assert.Equal(0, result.ExitCode);
        Assert.EndsWith("@@ -1,4 +1,3 @@\n int f() {\n   foo();\n-  bar();\n }\n", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Make_ident_feeds_a_later_transformation()
    {
        _h.With("mk.cocci", """
            @r@
            identifier f;
            position p;
            @@
            f@p(...)

            @script:python s@
            f << r.f;
            n;
            @@
            if f.startswith("add"):
                coccinelle.n = cocci.make_ident(f + "_checked")
            else:
                cocci.include_match(False)

            @@
            identifier r.f;
            identifier s.n;
            position r.p;
            @@
            - f@p
            + n
              (...)

            """).With("t.c", "int add(int a, int b);\nint sub(int a, int b);\nint g(void)\n{\n\tint x = sub(3, 4);\n\treturn add(1, 2) + x;\n}\n");
        var result = _h.Run("--very-quiet", "--sp-file", "mk.cocci", "t.c");

        // spatch --very-quiet --sp-file mk.cocci t.c
        Assert.Equal(0, result.ExitCode);
        Assert.EndsWith(
            "@@ -3,5 +3,5 @@ int sub(int a, int b);\n int g(void)\n {\n \tint x = sub(3, 4);\n-\treturn add(1, 2) + x;\n+\treturn add_checked(1, 2) + x;\n }\n",
            result.Stdout,
            StringComparison.Ordinal);
    }

    [Fact]
    public void Made_expressions_types_and_positions_feed_later_rules_and_a_made_expression_gets_parentheses_where_needed()
    {
        _h.With("made.cocci", """
            @r@
            identifier f;
            position p;
            type T;
            expression E;
            @@
            T f@p(...) { ... return E; }

            @script:python s@
            f << r.f;
            p << r.p;
            T << r.T;
            E << r.E;
            t;
            e;
            q;
            @@
            print("%s %s %s %s:%s:%s-%s:%s %s" % (f, T, E, p[0].file, p[0].line, p[0].column, p[0].line_end, p[0].column_end, p[0].current_element))
            coccinelle.t = cocci.make_type("unsigned " + T)
            coccinelle.e = cocci.make_expr(E + " + 1")
            coccinelle.q = cocci.make_position(p[0].file, "use", 9, 1, 9, 4)

            @@
            type s.t;
            expression s.e;
            expression E3;
            @@
            - return E3;
            + return (t)e;

            @script:python@
            q << s.q;
            @@
            print("made %s:%s:%s %s" % (q[0].file, q[0].line, q[0].column, q[0].current_element))

            """).With("t.c", "int add(int a, int b)\n{\n\tint x = a + b;\n\treturn x;\n}\n\nvoid use(void)\n{\n\tlong v = add(1, 2);\n}\n");
        var result = _h.Run("--very-quiet", "--sp-file", "made.cocci", "t.c");

        // spatch --very-quiet --sp-file made.cocci t.c: the made "x + 1" is put in parentheses under the cast.
        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith("add int x t.c:1:4-1:7 add\nmade t.c:9:1 use\n", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("\n-\treturn x;\n+\treturn (unsigned int)(x + 1);\n", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Include_match_false_drops_the_environment_for_later_rules()
    {
        _h.With("inc.cocci", """
            @r@
            identifier fn;
            expression E;
            position p;
            @@
            fn@p(E);

            @script:python@
            fn << r.fn;
            @@
            if fn != "keep":
                cocci.include_match(False)

            @@
            identifier r.fn;
            expression r.E;
            position r.p;
            @@
            - fn@p(E);
            + fn(E, 0);

            """).With("u.c", "void k(int m)\n{\n\tkeep(m);\n\tdrop(m);\n\tkeep(m + 1);\n}\n");
        var result = _h.Run("--very-quiet", "--sp-file", "inc.cocci", "u.c");

        // spatch --very-quiet --sp-file inc.cocci u.c
        Assert.Equal(0, result.ExitCode);
        Assert.EndsWith(
            "@@ -1,6 +1,6 @@\n void k(int m)\n {\n-\tkeep(m);\n+\tkeep(m, 0);\n \tdrop(m);\n-\tkeep(m + 1);\n+\tkeep(m + 1, 0);\n }\n",
            result.Stdout,
            StringComparison.Ordinal);
    }

    [Fact]
    public void Inherited_values_are_rendered_as_spatch_renders_them()
    {
        _h.With("v.cocci", """
            @r@
            identifier fn;
            expression list es;
            position p;
            @@
            fn@p(es)

            @script:python@
            fn << r.fn;
            es << r.es;
            p << r.p;
            @@
            print("%s|%s|%s|%d|%s:%s:%s-%s:%s|%s" % (fn, es, ",".join(es.elements), len(p), p[0].file, p[0].line, p[0].column, p[0].line_end, p[0].column_end, p[0].current_element))

            """).With("t.c", "int f(struct s *x, int a)\n{\n\tg(x->a);\n\tg(g(a));\n\treturn h(a, 2);\n}\n");
        var result = _h.Run("--very-quiet", "--sp-file", "v.cocci", "t.c");

        // spatch's output, in the order of its environments (r.es decides first: a, a , 2, g ( a ), x -> a).
        Assert.Equal(
            "g|a|a|1|t.c:4:3-4:4|f\nh|a , 2|a,2|1|t.c:5:8-5:9|f\ng|g ( a )|g ( a )|1|t.c:4:1-4:2|f\ng|x -> a|x -> a|1|t.c:3:1-3:2|f\n",
            result.Stdout);
    }

    [Theory]
    [InlineData("@initialize:python@\n@@\nraise ValueError(\"bad start\")\n\n@@\n@@\n- foo(1);\n", "script starting on line 1 failed:\nTraceback (most recent call last):\n")]
    [InlineData("@r@\n@@\n- foo(1);\n\n@finalize:python@\n@@\nraise ValueError(\"bad start\")\n", "script starting on line 5 failed:\nTraceback (most recent call last):\n")]
    public void An_initialize_or_finalize_rule_that_raises_is_named_once_with_its_line(string patch, string start)
    {
        _h.With("start.cocci", patch).With("one.c", "void a(void)\n{\n\tfoo(1);\n}\n");
        var result = _h.Run("--very-quiet", "--sp-file", "start.cocci", "one.c");
        Assert.Equal(255, result.ExitCode);
        Assert.StartsWith(start, result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("sevenspot_worker", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("ValueError: bad start", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_script_that_raises_names_the_rule_and_the_file_and_the_other_files_go_on()
    {
        _h.With("raise.cocci", """
            @r@
            expression E;
            position p;
            @@
            foo@p(E)

            @script:python@
            E << r.E;
            p << r.p;
            @@
            if E == "1":
                raise ValueError("bad value")
            print("ok %s at %s:%s" % (E, p[0].file, p[0].line))

            """).With("d/one.c", "void a(void)\n{\n\tfoo(1);\n}\n").With("d/two.c", "void b(void)\n{\n\tfoo(2);\n}\n");
        var result = _h.Run("--very-quiet", "--sp-file", "raise.cocci", "--dir", "d");

        // spatch prints "ok 2 at d/two.c:3" too, names the .cocci line and d/one.c in an EXN line, and
        // exits 0 over a folder (with --jobs too): so does coccicheck's run of the rule, which goes on.
        Assert.Equal("ok 2 at d/two.c:3\n", result.Stdout);
        Assert.Equal(0, result.ExitCode);
        // The rule is named once with its line, and the traceback shows the rule's code only (spatch's
        // frames are the script's: "<string>", line 6, in <module>), not the worker that ran it.
        Assert.StartsWith("script starting on line 7 failed on d/one.c:\nTraceback (most recent call last):\n  File \"", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("raise.cocci\", line 12, in <module>\n", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("sevenspot_worker", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("ValueError: bad value", result.Stderr, StringComparison.Ordinal);
        Assert.Equal(result, _h.Run("--very-quiet", "--jobs", "2", "--sp-file", "raise.cocci", "--dir", "d"));

        // On files named on the command line spatch exits 255.
        var named = _h.Run("--very-quiet", "--sp-file", "raise.cocci", "d/one.c");
        Assert.Equal(255, named.ExitCode);
        Assert.Contains("ValueError: bad value", named.Stderr, StringComparison.Ordinal);
        Assert.Equal(0, _h.Run("--very-quiet", "--sp-file", "raise.cocci", "d/two.c").ExitCode);
    }

    [Fact]
    public void A_script_that_raises_leaves_its_files_without_the_lines_a_star_rule_marked()
    {
        _h.With("star.cocci", """
            @r@
            expression E;
            @@
            * g(E)

            @script:python@
            E << r.E;
            @@
            if E == "x":
                raise Exception("boom")

            """).With("d/a.c", "int f(int x) { return g(x); }\n").With("d/b.c", "int h(int y) { return g(y); }\n");

        // spatch 1.1.1 over the folder: b.c's line only, status 0; on the files named: nothing, status 255.
        var folder = _h.Run("--very-quiet", "--sp-file", "star.cocci", "--dir", "d");
        Assert.Equal(0, folder.ExitCode);
        Assert.Contains("-int h(int y) { return g(y); }", folder.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("d/a.c", folder.Stdout, StringComparison.Ordinal);
        var named = _h.Run("--very-quiet", "--sp-file", "star.cocci", "d/b.c", "d/a.c");
        Assert.Equal(255, named.ExitCode);
        Assert.Equal(string.Empty, named.Stdout);
    }

    [Fact]
    public void A_script_that_raises_leaves_the_files_named_without_their_changes()
    {
        _h.With("change.cocci", "@r@\nexpression E;\n@@\n- foo(E);\n+ bar(E);\n\n@script:python@\nE << r.E;\n@@\nif E == \"1\":\n    raise ValueError(\"bad \" + E)\n")
          .With("one.c", "void a(void)\n{\n\tfoo(1);\n}\n").With("two.c", "void b(void)\n{\n\tfoo(2);\n}\n");

        // spatch 1.1.1: no diff and status 255 for one.c alone, for both files named (either order, with
        // --jobs 2 too), and with -o; two.c alone is changed.
        foreach (string[] input in new[] { new[] { "one.c" }, ["one.c", "two.c"], ["two.c", "one.c"], ["--jobs", "2", "one.c", "two.c"] })
        {
            var result = _h.Run(["--very-quiet", "--sp-file", "change.cocci", .. input]);
            Assert.Equal(255, result.ExitCode);
            Assert.Equal(string.Empty, result.Stdout);
        }

        Assert.Contains("+\tbar(2);", _h.Run("--very-quiet", "--sp-file", "change.cocci", "two.c").Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void A_finalize_rule_that_raises_ends_with_255()
    {
        // spatch 1.1.1: the files' output, the python error, status 255, over a folder as on a named file.
        _h.With("fin.cocci", "@r@\nidentifier f;\n@@\nf(...)\n\n@script:python@\nf << r.f;\n@@\nprint(f)\n\n@finalize:python@\n@@\nraise Exception(\"fin\")\n")
          .With("d/a.c", "int main() { foo(); return 0; }\n");
        foreach (string[] input in new[] { new[] { "d/a.c" }, ["--dir", "d"] })
        {
            var result = _h.Run(["--very-quiet", "--sp-file", "fin.cocci", .. input]);
            Assert.Equal(255, result.ExitCode);
            Assert.Equal("foo\n", result.Stdout);
            Assert.Contains("Exception: fin", result.Stderr, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Scripts_start_only_when_a_file_calls_one()
    {
        // spatch 1.1.1 with the bad script: on a file where foo is not called, no message and exit 0;
        // where it is called, the python error and exit 255. A missing interpreter is found the same way.
        _h.With("bad.cocci", "@r@\nexpression E;\n@@\nfoo(E)\n\n@script:python@\nE << r.E;\n@@\nif E ==\n    print(E)\n")
          .With("d/none.c", "void a(void)\n{\n\tbar(1);\n}\n").With("d/some.c", "void b(void)\n{\n\tfoo(2);\n}\n")
          .With("d/zz.c", "void c(void)\n{\n\tbar(3);\n}\n");
        Assert.Equal(new SpatchResult(0, string.Empty, string.Empty), _h.Run("--very-quiet", "--sp-file", "bad.cocci", "d/none.c"));
        Assert.Equal(0, _h.Run("--very-quiet", "--python", "/nonexistent/python3", "--sp-file", "bad.cocci", "d/none.c").ExitCode);

        // A file that names foo gets past the prefilter (the scripts start early) but does not call it: no message either.
        _h.With("near/near.c", "int foo;\nvoid a(void)\n{\n\tbar(foo);\n}\n");
        Assert.Equal(new SpatchResult(0, string.Empty, string.Empty), _h.Run("--very-quiet", "--sp-file", "bad.cocci", "--dir", "near"));
        Assert.Equal(new SpatchResult(0, string.Empty, string.Empty), _h.Run("--very-quiet", "--python", "/nonexistent/python3", "--sp-file", "bad.cocci", "--dir", "near"));

        // Over a folder the error stops the run at the first file that reached the script, for any number of workers.
        foreach (string jobs in new[] { "1", "2" })
        {
            var result = _h.Run("--very-quiet", "--jobs", jobs, "--sp-file", "bad.cocci", "--dir", "d");
            Assert.Equal(255, result.ExitCode);
            Assert.Empty(result.Stdout);
            Assert.Contains("python syntax error in script starting on line 6", result.Stderr, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Over_a_folder_the_files_start_beside_the_initialize_rules_and_print_after_them()
    {
        // spatch 1.1.1 prints init, at 1, at 2 (exit 0); without the interpreter, only its error (exit 255).
        _h.With("init.cocci", "@initialize:python@\n@@\nprint(\"init\")\n\n@r@\nexpression E;\n@@\nfoo(E)\n\n@script:python@\nE << r.E;\n@@\nprint(\"at \" + E)\n")
          .With("d/a.c", "void a(void)\n{\n\tfoo(1);\n}\n").With("d/b.c", "void b(void)\n{\n\tfoo(2);\n}\n")
          .With("d/c.c", "void c(void)\n{\n\tbar(3);\n}\n");
        foreach (string jobs in new[] { "1", "2" })
        {
            Assert.Equal(new SpatchResult(0, "init\nat 1\nat 2\n", string.Empty), _h.Run("--very-quiet", "--jobs", jobs, "--sp-file", "init.cocci", "--dir", "d"));

            var missing = _h.Run("--very-quiet", "--jobs", jobs, "--python", "/nonexistent/python3", "--sp-file", "init.cocci", "--dir", "d");
            Assert.Equal(255, missing.ExitCode);
            Assert.Empty(missing.Stdout);
            Assert.StartsWith("cannot run the python interpreter '/nonexistent/python3'", missing.Stderr, StringComparison.Ordinal);
            Assert.Equal(1, missing.Stderr.Split("cannot run the python interpreter").Length - 1);
        }

        // A folder without C files still runs the initialize rules.
        _h.With("empty/readme.txt", "no C here\n");
        Assert.Equal(new SpatchResult(0, "init\n", string.Empty), _h.Run("--very-quiet", "--jobs", "2", "--sp-file", "init.cocci", "--dir", "empty"));
        Assert.Equal(255, _h.Run("--very-quiet", "--python", "/nonexistent/python3", "--sp-file", "init.cocci", "--dir", "empty").ExitCode);
    }

    [Fact]
    public void Files_named_and_file_groups_start_beside_the_initialize_rules_and_print_after_them()
    {
        // spatch 1.1.1: d/a.c d/b.c prints init, at 1, at 2; d/b.c alone init, at 2; the groups
        // [d/a.c] [d/b.c d/c.c] init, at 1, at 2 (exit 0, with one job or two).
        _h.With("init.cocci", "@initialize:python@\n@@\nprint(\"init\")\n\n@r@\nexpression E;\n@@\nfoo(E)\n\n@script:python@\nE << r.E;\n@@\nprint(\"at \" + E)\n")
          .With("d/a.c", "void a(void)\n{\n\tfoo(1);\n}\n").With("d/b.c", "void b(void)\n{\n\tfoo(2);\n}\n")
          .With("d/c.c", "void c(void)\n{\n\tbar(3);\n}\n").With("groups.txt", "d/a.c\n\nd/b.c\nd/c.c\n");
        var runs = new (string[] Inputs, string Stdout)[]
        {
            (["d/a.c", "d/b.c"], "init\nat 1\nat 2\n"),
            (["d/b.c"], "init\nat 2\n"),
            (["d/c.c"], "init\n"),
            (["--file-groups", "groups.txt"], "init\nat 1\nat 2\n"),
        };
        foreach (string jobs in new[] { "1", "2" })
        {
            foreach (var (inputs, stdout) in runs)
            {
                Assert.Equal(new SpatchResult(0, stdout, string.Empty), _h.Run(["--very-quiet", "--jobs", jobs, "--sp-file", "init.cocci", .. inputs]));

                // Without the interpreter: its error, once, and nothing else (no findings' document either).
                foreach (string[] format in new[] { Array.Empty<string>(), ["--format", "json"] })
                {
                    var missing = _h.Run(["--very-quiet", .. format, "--jobs", jobs, "--python", "/nonexistent/python3", "--sp-file", "init.cocci", .. inputs]);
                    Assert.Equal(255, missing.ExitCode);
                    Assert.Empty(missing.Stdout);
                    Assert.StartsWith("cannot run the python interpreter '/nonexistent/python3'", missing.Stderr, StringComparison.Ordinal);
                    Assert.Equal(1, missing.Stderr.Split("cannot run the python interpreter").Length - 1);
                }
            }
        }

        // Over a folder too, with --format: no document when the interpreter cannot start.
        var folder = _h.Run("--very-quiet", "--format", "json", "--python", "/nonexistent/python3", "--sp-file", "init.cocci", "--dir", "d");
        Assert.Equal(255, folder.ExitCode);
        Assert.Empty(folder.Stdout);
    }

    [Fact]
    public void A_python_syntax_error_gives_the_rule_location_and_python_message()
    {
        _h.With("bad.cocci", "@r@\nexpression E;\n@@\nfoo(E)\n\n@script:python@\nE << r.E;\n@@\nif E ==\n    print(E)\n").With("t.c", "void a(void)\n{\n\tfoo(1);\n}\n");
        var result = _h.Run("--very-quiet", "--sp-file", "bad.cocci", "t.c");
        Assert.Equal(255, result.ExitCode);
        Assert.Empty(result.Stdout);
        string[] lines = result.Stderr.Split('\n');
        Assert.StartsWith("bad.cocci:9:", lines[0], StringComparison.Ordinal);
        Assert.Contains("python syntax error in script starting on line 6: invalid syntax", lines[0], StringComparison.Ordinal);
        Assert.Equal("if E ==", lines[1]);
        Assert.StartsWith("       ^", lines[2], StringComparison.Ordinal);
    }

    [Fact]
    public void Initialize_and_finalize_rules_read_their_dependencies_with_no_code_rule_matched()
    {
        // spatch 1.1.1: without -D report, "init never report", "saw foo", "fin not report"; with it,
        // "saw foo" alone. "finalize depends on r" never runs, though r matched.
        _h.With("fin.cocci", "virtual report\n@r@\nidentifier g;\n@@\ng(...);\n\n@script:python@\ng << r.g;\n@@\nprint(\"saw %s\" % g)\n\n"
                + "@finalize:python depends on r@\n@@\nprint(\"fin r\")\n\n@finalize:python depends on !report@\n@@\nprint(\"fin not report\")\n\n"
                + "@initialize:python depends on never report@\n@@\nprint(\"init never report\")\n")
          .With("t.c", "void f(void)\n{\n\tfoo(1);\n}\n");
        Assert.Equal(new SpatchResult(0, "init never report\nsaw foo\nfin not report\n", string.Empty), _h.Run("--very-quiet", "--sp-file", "fin.cocci", "t.c"));
        Assert.Equal(new SpatchResult(0, "saw foo\n", string.Empty), _h.Run("--very-quiet", "-D", "report", "--sp-file", "fin.cocci", "t.c"));
    }

    [Fact]
    public void Script_errors_name_their_rule_once_with_its_line()
    {
        // spatch 1.1.1 says "Error in Python script, line 6, file "x.cocci": Python failure" for each of
        // these; the rule is named once, by its name and line or, unnamed, by its own name.
        const string matched = "@r@\nidentifier g;\n@@\ng(...);\n\n";
        _h.With("t.c", "void f(void)\n{\n\tfoo(1);\n}\n")
          .With("s_unnamed.cocci", matched + "@script:python@\ng << r.g;\n@@\nx = = 1\n")
          .With("s_named.cocci", matched + "@script:python s@\ng << r.g;\n@@\nx = = 1\n")
          .With("c_unnamed.cocci", "@@\nidentifier g : script:python () { 1/0 };\n@@\n* g(...);\n")
          .With("c_named.cocci", "@c@\nidentifier g : script:python () { 1/0 };\n@@\n* g(...);\n")
          .With("c_syntax.cocci", "@c@\nidentifier g : script:python () { 1 + };\n@@\n* g(...);\n");

        Assert.Contains(": python syntax error in script starting on line 6: invalid syntax\n", _h.Run("--very-quiet", "--sp-file", "s_unnamed.cocci", "t.c").Stderr, StringComparison.Ordinal);
        Assert.Contains(": python syntax error in script rule s (line 6): invalid syntax\n", _h.Run("--very-quiet", "--sp-file", "s_named.cocci", "t.c").Stderr, StringComparison.Ordinal);
        Assert.StartsWith("script in rule starting on line 1 failed on t.c:\nTraceback", _h.Run("--very-quiet", "--sp-file", "c_unnamed.cocci", "t.c").Stderr, StringComparison.Ordinal);
        Assert.StartsWith("script in rule c (line 1) failed on t.c:\nTraceback", _h.Run("--very-quiet", "--sp-file", "c_named.cocci", "t.c").Stderr, StringComparison.Ordinal);
        Assert.Contains(": python syntax error in script constraint in rule c (line 1): ", _h.Run("--very-quiet", "--sp-file", "c_syntax.cocci", "t.c").Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_failing_script_constraint_is_reported_at_the_line_of_its_script()
    {
        // spatch 1.1.1: "Error in Python script, line 2, file "one.cocci"" and, with the declaration
        // spread over lines 2 to 5, "line 3" (the line of "script"), not the rule's header line.
        _h.With("t.c", "void f(void)\n{\n\tfoo(1);\n}\n")
          .With("one.cocci", "@c@\nidentifier g : script:python () { 1/0 };\n@@\n* g(...);\n")
          .With("spread.cocci", "@c@\nidentifier g\n  : script:python ()\n  {\n 1/0 };\n@@\n* g(...);\n");

        var one = _h.Run("--very-quiet", "--sp-file", "one.cocci", "t.c");
        Assert.Contains("one.cocci\", line 2,", one.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("one.cocci\", line 1,", one.Stderr, StringComparison.Ordinal);
        var spread = _h.Run("--very-quiet", "--sp-file", "spread.cocci", "t.c");
        Assert.Contains("spread.cocci\", line 3,", spread.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_script_in_another_language_is_an_error_at_its_rule()
    {
        _h.With("pl.cocci", "@r@\nexpression E;\n@@\nfoo(E)\n\n@script:perl@\nE << r.E;\n@@\nprint E\n").With("t.c", "void a(void)\n{\n\tfoo(1);\n}\n");
        var result = _h.Run("--very-quiet", "--sp-file", "pl.cocci", "t.c");
        Assert.Equal(new SpatchResult(255, string.Empty, "pl.cocci:6:0: scripts in perl are not supported (sevenspot runs python and ocaml scripts)\n@script:perl@\n^\n"), result);
    }

    [Fact]
    public void Without_python_only_patches_with_scripts_fail()
    {
        _h.With("r.cocci", DoubleFree).With("t.c", DoubleFreeA)
          .With("plain.cocci", "@@\n@@\n- g();\n");
        var scripted = _h.Run("--very-quiet", "-D", "report", "--python", "/nonexistent/python3", "--sp-file", "r.cocci", "t.c");
        Assert.Equal(255, scripted.ExitCode);
        Assert.StartsWith("cannot run the python interpreter '/nonexistent/python3'", scripted.Stderr, StringComparison.Ordinal);

        var plain = _h.Run("--very-quiet", "--python", "/nonexistent/python3", "--sp-file", "plain.cocci", "t.c");
        Assert.Equal(0, plain.ExitCode);
        Assert.Contains("-\tg();", plain.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void A_fresh_identifier_script_sees_a_type_bound_elsewhere_in_the_rule()
    {
        _h.With("acc.cocci", """
            @initialize:python@
            @@
            def accessor(t, m):
                return t.replace("*", "").replace("struct", "").strip().lower() + "_" + m

            @r@
            type T;
            identifier v, m;
            fresh identifier get = script:python(T, m) { accessor(T, m) };
            @@
            T v;
            ...
            - v->m
            + get(v)

            """).With("t.c", "void f(void)\n{\n\tstruct Dev *d;\n\tuse(d->size);\n}\n\nvoid g(void)\n{\n\tPort *p;\n\n\tp->speed = 1;\n}\n");
        var result = _h.Run("--very-quiet", "--sp-file", "acc.cocci", "t.c", "-o", "out.c");

        // spatch --very-quiet --sp-file acc.cocci t.c -o out.c: T is bound by the declaration, not by the
        // node the name is added at, and the script still gets it.
        Assert.Equal(0, result.ExitCode);
        Assert.Equal("void f(void)\n{\n\tstruct Dev *d;\n\tuse(dev_size(d));\n}\n\nvoid g(void)\n{\n\tPort *p;\n\n\tport_speed(p) = 1;\n}\n", _h.Read("out.c"));
    }

    [Fact]
    public void A_commented_out_rule_with_marked_lines_is_a_comment()
    {
        _h.With("c.cocci", """
            @r@
            expression E;
            @@
            - g(E);
            + k(E);

            /*
            @s@
            @@
            - h();
            * noted();
            + x();
            */

            @@
            @@
            - h(1);
            + h(2);
            /* the end
             * of the rules
            @@
            */

            """).With("t.c", "void f(void)\n{\n\tg(3);\n\th();\n\th(1);\n\tnoted();\n}\n");
        var result = _h.Run("--very-quiet", "--sp-file", "c.cocci", "t.c", "-o", "out.c");

        // spatch --very-quiet --sp-file c.cocci t.c -o out.c: the '*' line inside the comment does not
        // make the patch mix modes, and the "@@" lines inside comments start no rule.
        Assert.Equal(0, result.ExitCode);
        Assert.Equal("void f(void)\n{\n\tk(3);\n\th();\n\th(2);\n\tnoted();\n}\n", _h.Read("out.c"));
    }

    [Fact]
    public void A_failing_fresh_identifier_script_stops_the_file()
    {
        _h.With("bad.cocci", """
            @initialize:python@
            @@
            seen = 0

            @r@
            identifier o, m;
            fresh identifier g = script:python(m) { no_such_function(m) };
            @@
            - o->m
            + g(o)

            """).With("t.c", "void f(void)\n{\n\tw->window;\n}\n");
        var result = _h.Run("--sp-file", "bad.cocci", "t.c");

        // spatch --sp-file bad.cocci t.c: the NameError, no diff, a failing status (255 there).
        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("NameError", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("g(w)", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void A_script_output_left_unset_takes_spatchs_initial_text()
    {
        _h.With("u.cocci", """
            @r@
            identifier fn;
            expression E;
            @@
            fn(E);

            @script:python s@
            fn << r.fn;
            renamed;
            @@
            if fn.startswith("old"):
                coccinelle.renamed = "new_" + fn
            else:
                renamed = "local_" + fn

            @@
            identifier r.fn, s.renamed;
            expression E;
            @@
            - fn(E);
            + renamed(E);

            """).With("t.c", "void f(void)\n{\n\told_read(1);\n\twrite(2);\n}\n");
        var result = _h.Run("--very-quiet", "--sp-file", "u.cocci", "t.c", "-o", "out.c");

        // spatch --very-quiet --sp-file u.cocci t.c -o out.c: the call whose script set nothing
        // takes the text spatch gives an unset output.
        Assert.Equal(0, result.ExitCode);
        Assert.Equal("void f(void)\n{\n\tnew_old_read(1);\n\tinitial value: consider using coccinelle.varname(2);\n}\n", _h.Read("out.c"));
    }

    [Fact]
    public void A_format_list_reaches_a_script_with_its_first_percent()
    {
        _h.With("v.cocci", """
            @r@
            format list d;
            @@
            log("at %@d@ end", ...)

            @script:python@
            d << r.d;
            @@
            print("<" + d + ">")

            @r2@
            format list[2] e;
            @@
            - log("at %@e@ end", ...)
            + trace("%@e@!", 0)

            """).With("t.c", "void f(int a, char *s)\n{\n\tlog(\"at %d: %s end\", a, s);\n\tlog(\"at %5.2f end\", 1.0);\n}\n");
        var result = _h.Run("--very-quiet", "--sp-file", "v.cocci", "t.c", "-o", "out.c");

        // spatch --very-quiet --sp-file v.cocci t.c -o out.c: the values start with '%', and the list
        // in added code is printed once with its '%'.
        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith("<%5.2f>\n<%d: %s>\n", result.Stdout, StringComparison.Ordinal);
        Assert.Equal("void f(int a, char *s)\n{\n\ttrace(\"%d: %s!\", 0);\n\tlog(\"at %5.2f end\", 1.0);\n}\n", _h.Read("out.c"));
    }
}
