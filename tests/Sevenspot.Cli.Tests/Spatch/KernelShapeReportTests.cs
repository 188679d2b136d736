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

    // misc/array_size's shape: the element type T is bound from the array's declared type and
    // must equal the type in sizeof(T).
    private const string ArraySize = """
        @r@
        type T;
        T[] E;
        position p;
        @@
        (
         (sizeof(E)@p /sizeof(*E))
        |
         (sizeof(E)@p /sizeof(E[...]))
        |
         (sizeof(E)@p /sizeof(T))
        )

        @script:python@
        p << r.p;
        @@
        coccilib.report.print_report(p[0], "WARNING: Use ARRAY_SIZE")

        """;

    private const string SizeofType = """
        @r@
        type T;
        position p;
        @@
        sizeof(T)@p
        @script:python@
        p << r.p;
        T << r.T;
        @@
        coccilib.report.print_report(p[0], "type " + T)

        """;

    private const string SizeofFileA = "int f(void)\n{\n\treturn sizeof(x) / sizeof(U32) + sizeof(ABC);\n}\n\nint g(void)\n{\n\tU32 c[4];\n\n\treturn sizeof(c) / sizeof(U32);\n}\n\nint h(W *w)\n{\n\treturn sizeof(w->v) / sizeof(V);\n}\n\ntypedef struct { V v[2]; } W;\n";

    private const string SizeofFileB = "int f(void)\n{\n\treturn sizeof(U32) + sizeof(x) + sizeof(ABC);\n}\n\nint g(int y)\n{\n\tg(sizeof(V));\n\tV *q;\n\treturn (U32)y + sizeof(y);\n}\n";

    private const string PositionAndElement = """
        @r@
        expression E;
        position p;
        @@
        sizeof(E)@p
        @script:python@
        p << r.p;
        @@
        print("%s %s:%s-%s:%s %s" % (p[0].file, p[0].line, p[0].column, p[0].line_end, p[0].column_end, p[0].current_element))

        """;

    // #define bodies at file level (an expression, a do-while, a statement, with line continuations); one
    // inside a function, and one written before the array it sizes.
    private const string MacroBodies = "static const unsigned BIT_mask[] = { 0, 1, 3 };\n#define BIT_MASK_SIZE (sizeof(BIT_mask) / sizeof(BIT_mask[0]))\n#define TWO(a, b) do { \\\n\tg(sizeof(BIT_mask) / sizeof(BIT_mask[0])); \\\n} while (0)\n#define STMT f(sizeof(BIT_mask) / sizeof(*BIT_mask));\nint f(void)\n{\n\tint x[4];\n#define INNER (sizeof(x) / sizeof(x[0]))\n\treturn INNER;\n}\n#define LATE (sizeof(late) / sizeof(late[0]))\nstatic int late[3];\n#define LATE2 (sizeof(late) / sizeof(late[0]))\n";

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

    [Fact]
    public void An_array_of_a_type_the_file_never_declares_by_typedef_is_sized_by_that_type()
    {
        _h.With("as.cocci", ArraySize).With("d/a.c", SizeofFileA);
        var result = _h.Run("--very-quiet", "--no-includes", "--include-headers", "--sp-file", "as.cocci", "--dir", "d");

        // spatch --very-quiet --no-includes --include-headers --sp-file as.cocci --dir d: w's type W is
        // declared after h, so w->v has no type there
        Assert.Equal(new SpatchResult(0, "d/a.c:10:16-17: WARNING: Use ARRAY_SIZE\n", string.Empty), result);
    }

    [Fact]
    public void Sizeof_of_a_name_the_file_writes_as_a_type_anywhere_is_sizeof_of_a_type()
    {
        _h.With("st.cocci", SizeofType).With("d/a.c", SizeofFileA).With("d/b.c", SizeofFileB);
        var result = _h.Run("--very-quiet", "--sp-file", "st.cocci", "--dir", "d");

        // spatch --very-quiet --sp-file st.cocci --dir d: U32 and V are types in sizeof even before the
        // line that writes them as types (a declaration, a cast); x, y and ABC are not
        Assert.Equal(new SpatchResult(0, "d/a.c:3:30-31: type U32\nd/a.c:10:30-31: type U32\nd/a.c:15:31-32: type V\nd/b.c:3:18-19: type U32\nd/b.c:8:11-12: type V\n", string.Empty), result);
    }

    [Fact]
    public void A_term_in_a_define_body_at_file_level_is_reported_where_it_is_in_the_file()
    {
        _h.With("as.cocci", ArraySize).With("md/m.c", MacroBodies);
        var result = _h.Run("--very-quiet", "--no-includes", "--include-headers", "--sp-file", "as.cocci", "--dir", "md");

        // spatch --very-quiet --no-includes --include-headers --sp-file as.cocci --dir md: not INNER (a
        // #define inside a function), not LATE (the array is declared after it)
        Assert.Equal(new SpatchResult(0, "md/m.c:2:38-39: WARNING: Use ARRAY_SIZE\nmd/m.c:4:18-19: WARNING: Use ARRAY_SIZE\nmd/m.c:6:30-31: WARNING: Use ARRAY_SIZE\nmd/m.c:15:26-27: WARNING: Use ARRAY_SIZE\n", string.Empty), result);
    }

    [Fact]
    public void A_position_in_a_define_body_is_outside_any_function()
    {
        _h.With("ce.cocci", PositionAndElement).With("md/m.c", MacroBodies);
        var result = _h.Run("--very-quiet", "--sp-file", "ce.cocci", "--dir", "md");

        // spatch --very-quiet --sp-file ce.cocci --dir md: nothing at line 10, inside f
        Assert.Equal(new SpatchResult(0, "md/m.c 2:38-2:39 something_else\nmd/m.c 2:60-2:61 something_else\nmd/m.c 4:18-4:19 something_else\nmd/m.c 4:40-4:41 something_else\nmd/m.c 6:30-6:31 something_else\nmd/m.c 6:50-6:51 something_else\nmd/m.c 13:25-13:26 something_else\nmd/m.c 13:43-13:44 something_else\nmd/m.c 15:26-15:27 something_else\nmd/m.c 15:44-15:45 something_else\n", string.Empty), result);
    }
}
