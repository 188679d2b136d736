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
    public void A_script_runs_over_the_group_in_the_order_of_the_values_it_sees()
    {
        // spatch sorts its environments by value, names first (r.E, then r.f, then r.p): a, b, q, z
        // whatever the files' order on the command line, or the order of the functions in them.
        _h.With("b2.c", "void zed(int *a) { kfree(a); }\nvoid alpha(int *q) { kfree(q); }\n")
          .With("a2.c", "void mid(int *z) { kfree(z); }\nvoid beta(int *b) { kfree(b); }\n")
          .With("k.cocci", "@r@\nidentifier f;\nexpression E;\nposition p;\n@@\nf(...) { ... kfree@p(E); ... }\n\n@script:python@\nf << r.f;\nE << r.E;\np << r.p;\n@@\nprint(\"%s %s %s:%s\" % (f, E, p[0].file, p[0].line))\n");
        var expected = new SpatchResult(0, "zed a b2.c:1\nbeta b a2.c:2\nalpha q b2.c:2\nmid z a2.c:1\n", string.Empty);
        Assert.Equal(expected, _h.Run("--very-quiet", "--sp-file", "k.cocci", "b2.c", "a2.c"));
        Assert.Equal(expected, _h.Run("--very-quiet", "--sp-file", "k.cocci", "a2.c", "b2.c", "--jobs", "2"));
    }

    [Fact]
    public void Expressions_are_ordered_by_their_form_then_their_parts()
    {
        // spatch's order of expression kinds: names, constants ("s" < 10 < 5 by text), calls, ?:, =,
        // x++, ++x, unary (- before !, & before *), binary, [], ., ->, sizeof e, sizeof(T), casts, ( ).
        _h.With("t1.c", "void f(void) {\n\tkfree(x->y);\n\tkfree(*p);\n\tkfree(g(1));\n\tkfree(a[2]);\n\tkfree(10);\n\tkfree(5);\n\tkfree(s.t);\n\tkfree((char *)q);\n\tkfree(&r);\n\tkfree(B);\n\tkfree(a + 1);\n\tkfree(\"s\");\n\tkfree(a);\n}\n")
          .With("u1.c", "void g(void) {\n\tkfree(m ? n : o);\n\tkfree(i++);\n\tkfree(++i);\n\tkfree(-i);\n\tkfree(!i);\n\tkfree(sizeof(int));\n\tkfree(sizeof i);\n\tkfree((x));\n\tkfree(x = 1);\n}\n")
          .With("e.cocci", "@r@\nexpression E;\nposition p;\n@@\nkfree@p(E);\n\n@script:python@\nE << r.E;\np << r.p;\n@@\nprint(\"%s %s:%s\" % (E, p[0].file, p[0].line))\n");
        var result = _h.Run("--very-quiet", "--sp-file", "e.cocci", "u1.c", "t1.c");
        Assert.Equal(
            new SpatchResult(0, "B t1.c:11\na t1.c:14\n\"s\" t1.c:13\n10 t1.c:6\n5 t1.c:7\ng ( 1 ) t1.c:4\nm ? n : o u1.c:2\nx = 1 u1.c:10\ni ++ u1.c:3\n++ i u1.c:4\n"
                + "- i u1.c:5\n! i u1.c:6\n* p t1.c:3\n& r t1.c:10\na + 1 t1.c:12\na [ 2 ] t1.c:5\ns . t t1.c:8\nx -> y t1.c:2\nsizeof i u1.c:8\nsizeof ( int ) u1.c:7\n( char * ) q t1.c:9\n( x ) u1.c:9\n", string.Empty),
            result);
    }

    [Fact]
    public void A_script_output_comes_first_in_the_order_of_the_environments_it_is_in()
    {
        // After a script, spatch puts its outputs before the other bindings: the second script
        // runs by n (ALPHA, BETA, GAMMA, ZETA), then by r.p.
        _h.With("a3.c", "void f(void) {\n\tzeta();\n\tAlpha();\n\tbeta();\n\tzeta();\n}\n")
          .With("b3.c", "void g(void) {\n\tgamma();\n\talpha();\n}\n")
          .With("s.cocci", "@r@\nidentifier fn;\nposition p;\n@@\nfn@p(...);\n\n@script:python s@\nfn << r.fn;\nn;\n@@\ncoccinelle.n = fn.upper()\nprint(\"s \" + fn)\n\n@script:python@\nn << s.n;\np << r.p;\n@@\nprint(\"t %s %s:%s\" % (n, p[0].file, p[0].line))\n");
        var result = _h.Run("--very-quiet", "--sp-file", "s.cocci", "b3.c", "a3.c");
        Assert.Equal(
            new SpatchResult(0, "s Alpha\ns alpha\ns beta\ns gamma\ns zeta\nt ALPHA a3.c:3\nt ALPHA b3.c:3\nt BETA a3.c:4\nt GAMMA b3.c:2\nt ZETA a3.c:2\nt ZETA a3.c:5\n", string.Empty),
            result);
    }

    [Fact]
    public void File_groups_are_read_from_a_list_one_name_a_line_a_blank_line_between_groups()
    {
        _h.With("g/a.c", "void mm(void) {\n\tkfree(a);\n}\nvoid bb(void) {\n\tkfree(b);\n}\n")
          .With("g/b.c", "void zz(void) {\n\tkfree(a);\n}\nvoid aa(void) {\n\tkfree(b);\n\tkfree(c);\n}\n")
          .With("pos.cocci", "@r@\nposition p;\n@@\nkfree@p(...);\n\n@script:python@\np << r.p;\n@@\nprint(\"%s:%s:%s %s\" % (p[0].file, p[0].line, p[0].column, p[0].current_element))\n")
          .With("one", "g/a.c\ng/b.c\n")
          .With("two", "\ng/a.c\n\n\ng/b.c\ng/a.c\n");

        // spatch 1.1.1's output for both lists (a group's script runs go by position: file, function, line).
        string group = "g/a.c:5:1 bb\ng/a.c:2:1 mm\ng/b.c:5:1 aa\ng/b.c:6:1 aa\ng/b.c:2:1 zz\n";
        Assert.Equal(new SpatchResult(0, group, string.Empty), _h.Run("--very-quiet", "--sp-file", "pos.cocci", "--file-groups", "one"));
        Assert.Equal(new SpatchResult(0, "g/a.c:5:1 bb\ng/a.c:2:1 mm\n" + group, string.Empty), _h.Run("--very-quiet", "--sp-file", "pos.cocci", "--file-groups", "two", "--jobs", "2"));

        // A file named besides the list is refused (spatch reads it as the list).
        var both = _h.Run("--very-quiet", "--sp-file", "pos.cocci", "--file-groups", "one", "g/a.c");
        Assert.NotEqual(0, both.ExitCode);
        Assert.Contains("--file-groups takes its files from the list", both.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_list_that_cannot_be_read_ends_the_run_with_spatchs_status()
    {
        _h.With("pos.cocci", "@@\nexpression E;\n@@\n- kfree(E);\n")
          .With("kd/a.c", "void mm(void) {\n\tkfree(a);\n}\n");

        // spatch 1.1.1: a missing --file-groups list is a missing file, status 255.
        Assert.Equal(
            new SpatchResult(255, string.Empty, "ERROR: File nolist does not exist: No such file or directory\n"),
            _h.Run("--very-quiet", "--sp-file", "pos.cocci", "--file-groups", "nolist"));

        // A directory given as the list (spatch's own words for it speak of --dir instead): status 255.
        var directory = _h.Run("--very-quiet", "--sp-file", "pos.cocci", "--file-groups", "kd");
        Assert.Equal(new SpatchResult(255, string.Empty, "sevenspot: --file-groups kd: is a directory, not a list of files\n"), directory);

        // spatch ends on the read error of a missing --kbuild-info list with status 2.
        Assert.Equal(
            new SpatchResult(2, string.Empty, "sevenspot: --kbuild-info nolist: No such file or directory\n"),
            _h.Run("--very-quiet", "--sp-file", "pos.cocci", "--kbuild-info", "nolist", "--dir", "kd"));
        Assert.Equal(2, _h.Run("--very-quiet", "--sp-file", "pos.cocci", "--kbuild-info", "kd", "--dir", "kd").ExitCode);
    }

    [Fact]
    public void Kbuild_info_groups_a_directory_run_and_leaves_out_what_it_does_not_list()
    {
        _h.With("kd/a.c", "void mm(void) {\n\tkfree(a);\n}\nvoid bb(void) {\n\tkfree(b);\n}\n")
          .With("kd/b.c", "void zz(void) {\n\tkfree(a);\n}\nvoid aa(void) {\n\tkfree(b);\n\tkfree(c);\n}\n")
          .With("kd/d.c", "void dd(void) {\n\tkfree(d);\n}\n")
          .With("kd/sub/c.c", "void cc(void) {\n\tkfree(c);\n}\n")
          .With("pos.cocci", "@r@\nposition p;\n@@\nkfree@p(...);\n\n@script:python@\np << r.p;\n@@\nprint(\"%s:%s:%s %s\" % (p[0].file, p[0].line, p[0].column, p[0].current_element))\n")
          .With("kb1", "kd\n  a.c b.c\n")
          .With("kb2", "# the subdirectory first\nkd/sub\n  c.c\nkd\n  b.c\n  a.c\n");

        // spatch 1.1.1: kd/d.c is in no group, kd/sub in no list entry of kb1.
        var first = _h.Run("--quiet", "--sp-file", "pos.cocci", "--kbuild-info", "kb1", "--dir", "kd");
        Assert.Equal("kd/a.c:5:1 bb\nkd/a.c:2:1 mm\nkd/b.c:5:1 aa\nkd/b.c:6:1 aa\nkd/b.c:2:1 zz\n", first.Stdout);
        Assert.StartsWith("can't find kbuild info for directory :kd/sub\n", first.Stderr, StringComparison.Ordinal);
        var second = _h.Run("--very-quiet", "--sp-file", "pos.cocci", "--kbuild-info", "kb2", "--dir", "kd");
        Assert.Equal(new SpatchResult(0, "kd/b.c:5:1 aa\nkd/b.c:6:1 aa\nkd/b.c:2:1 zz\nkd/a.c:5:1 bb\nkd/a.c:2:1 mm\nkd/sub/c.c:2:1 cc\n", string.Empty), second);
    }

    [Fact]
    public void A_single_file_is_the_group_of_one()
    {
        _h.With("inh.cocci", "@r@\nidentifier f;\n@@\nvoid f(...) { ... marker(); ... }\n\n@@\nidentifier r.f;\n@@\n  bar(3);\n+ f();\n");
        Assert.Equal(new SpatchResult(0, string.Empty, string.Empty), _h.Run("--very-quiet", "--sp-file", "inh.cocci", "b.c"));
    }

    private static string FirstLine(string text) => text[..text.IndexOf('\n', StringComparison.Ordinal)];
}
