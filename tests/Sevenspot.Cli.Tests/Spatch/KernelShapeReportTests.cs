namespace Sevenspot.Cli.Tests.Spatch;

/// <summary>
/// Report rules shaped like the kernel's (misc/minmax, iterators/itnull, locks/mini_lock, null/deref_null), compared with what spatch 1.1.1
/// prints for the same rule and files (each expectation below was taken from a run of spatch; spatch is
/// not run by the tests).
/// </summary>
public sealed class KernelShapeReportTests : IDisposable
{
    // A binding made inside "func(...) { <... P ...> }" reaches the script, once per match.
    private const string NestInFunction = """
        virtual report

        @r depends on report@
        identifier func;
        expression x, y;
        binary operator cmp = {<, <=};
        position p;
        @@

        func(...)
        {
        	<...
        *	((x) cmp@p (y) ? (x) : (y))
        	...>
        }

        @script:python depends on report@
        p << r.p;
        x << r.x;
        @@
        coccilib.report.print_report(p[0], "min of %s in %s" % (x, p[0].current_element))

        """;

    // An iterator whose body has no braces matches "I(x, ...) { ... P ... }" (braces isomorphisms, with an
    // expression where a statement goes), and "x != NULL" also matches a bare "x" where it is tested.
    private const string IteratorTest = """
        virtual report

        @r depends on report exists@
        iterator I;
        expression x, E;
        position p1, p2;
        @@

        I@p1(x, ...)
        { ... when != x = E
        (
          x@p2 == NULL
        |
          x@p2 != NULL
        )
          ... when any
        }

        @script:python depends on report@
        p1 << r.p1;
        p2 << r.p2;
        @@
        coccilib.report.print_report(p2[0], "tested after line %s" % p1[0].line)

        """;

    // locks/mini_lock's shape: "return@r ...;" also stands for the end of a function that has no return
    // statement there, and r is then the closing brace (spatch prints its columns as 0-1). Here the
    // "if" whose body reaches it is the one that jumps back with goto.
    private const string LockThenReturn = """
        virtual report

        @prelocked@
        position p1,p;
        expression E1;
        @@

        spin_lock@p1(E1@p,...);

        @err exists@
        expression E1;
        position prelocked.p;
        position up != prelocked.p1;
        position r;
        identifier lock,unlock;
        @@

        *lock(E1@p,...);
        ... when != E1
            when any
        if (...) {
          ... when != E1
        *  return@r ...;
        }
        ... when != E1
            when any
        *unlock@up(E1,...);

        @script:python depends on report@
        p << prelocked.p1;
        p2 << err.r;
        @@
        coccilib.report.print_report(p2[0], "preceding lock on line %s" % (p[0].line))

        """;

    // null/deref_null's shape: a position inside an expression nest takes each occurrence's place, so a later
    // rule's "p != pr1.p1" excludes every dereference the nest found, not only the first; "X && ..." also
    // matches a condition that is X alone.
    private const string NestPositions = """
        virtual report

        @pr1 expression@
        expression E;
        identifier f;
        position p1;
        @@

         (E != NULL && ...) ? <+...E->f@p1...+> : ...

        @r@
        expression E;
        identifier f;
        position p != pr1.p1;
        @@

         E->f@p

        @script:python depends on report@
        p << r.p;
        @@
        coccilib.report.print_report(p[0], "dereference")

        """;

    private readonly SpatchHarness _h = new();

    public void Dispose() => _h.Dispose();

    [Fact]
    public void A_binding_inside_a_function_body_nest_reaches_the_script()
    {
        _h.With("mm.cocci", NestInFunction).With("d/a.c", "int f(int err)\n{\n\tg(err < 40 ? err : 40);\n\treturn a <= b ? a : b;\n}\n\nint h(int a, int b)\n{\n\treturn (a > b) ? a : b;\n}\n");
        var result = _h.Run("--very-quiet", "-D", "report", "--no-show-diff", "--sp-file", "mm.cocci", "--dir", "d");

        // spatch --very-quiet -D report --no-show-diff --sp-file mm.cocci --dir d
        Assert.Equal(new SpatchResult(0, "d/a.c:3:7-8: min of err in f\nd/a.c:4:10-12: min of a in f\n", string.Empty), result);
    }

    [Fact]
    public void An_unbraced_iterator_body_and_a_bare_test_match_as_in_spatch()
    {
        _h.With("it.cocci", IteratorTest).With("d/b.c", "void g(struct s *t)\n{\n\tstruct s *i;\n\n\tfor_each_s(i, t)\n\t\tif (i)\n\t\t\tshow(i);\n\tfor_each_s(i, t) {\n\t\tshow(i);\n\t\tx = i ? 1 : 2;\n\t}\n\tfor_each_s(i, t)\n\t\twhile (i != NULL)\n\t\t\ti = i->next;\n}\n");
        var result = _h.Run("--very-quiet", "-D", "report", "--no-show-diff", "--sp-file", "it.cocci", "--dir", "d");

        // spatch --very-quiet -D report --no-show-diff --sp-file it.cocci --dir d: show(i) is not a test, so line 9 is not reported
        Assert.Equal(new SpatchResult(0, "d/b.c:6:6-7: tested after line 5\nd/b.c:10:6-7: tested after line 8\nd/b.c:13:9-10: tested after line 12\n", string.Empty), result);
    }

    [Fact]
    public void Every_position_an_expression_nest_binds_is_excluded_by_a_later_rule()
    {
        _h.With("nx.cocci", NestPositions).With("d/a.c", "int g(struct s *dev)\n{\n\tx = dev ? f(dev->a, dev->b) : 0;\n\ty = (dev && z) ? dev->c : dev->d;\n\treturn dev->e;\n}\n");
        var result = _h.Run("--very-quiet", "-D", "report", "--no-show-diff", "--sp-file", "nx.cocci", "--dir", "d");

        // spatch --very-quiet -D report --no-show-diff --sp-file nx.cocci --dir d
        Assert.Equal(new SpatchResult(0, "d/a.c:4:32-33: dereference\nd/a.c:5:13-14: dereference\n", string.Empty), result);
    }

    [Fact]
    public void A_return_with_dots_stands_for_the_end_of_the_function_at_its_closing_brace()
    {
        _h.With("ml.cocci", LockThenReturn).With("d/a.c", "void f(struct s *n)\n{\nredo:\n\tif (a)\n\t\tspin_lock(&n->l);\n\tif (!cmp(n)) {\n\t\tif (a)\n\t\t\tspin_unlock(&n->l);\n\t\tgoto redo;\n\t}\n\tif (a)\n\t\tspin_unlock(&n->l);\n}\n\nint g(struct s *n)\n{\n\tspin_lock(&n->l);\n\tif (b) {\n\t\tfoo();\n\t\treturn -1;\n\t}\n\tspin_unlock(&n->l);\n\treturn 0;\n}\n");
        var result = _h.Run("--very-quiet", "-D", "report", "--no-show-diff", "--sp-file", "ml.cocci", "--dir", "d");

        // spatch --very-quiet -D report --no-show-diff --sp-file ml.cocci --dir d
        Assert.Equal(new SpatchResult(0, "d/a.c:13:0-1: preceding lock on line 5\nd/a.c:20:2-8: preceding lock on line 17\n", string.Empty), result);
    }
}
