namespace Sevenspot.Cli.Tests.Spatch;

/// <summary>
/// Semantics that the kernel's rules rely on (null/kmerr, misc/orplus), compared with spatch 1.1.1's
/// output for the same rule and files (expectations from runs of spatch; spatch is not run by the
/// tests): a position constraint naming "position any r.p" excludes every value r.p took; "x != NULL"
/// also matches a bare x where the code tests it (standard.iso's ToTestExpression isnt_null1);
/// "c@i" binds i to the same term; a position on an operator holds in the operands' commuted form;
/// a small #ifdef group inside an initializer keeps only its first branch (misc/doubleinit); the
/// exclusion of "..." ignores positions, even ones a later rule uses (api/atomic_as_refcounter).
/// </summary>
public sealed class KernelRuleSemanticsTests : IDisposable
{
    private const string AllocWithoutTest = """
        virtual report

        @withtest@
        expression x;
        position p;
        identifier f;
        @@

        x@p = f(...);
        ...
        \(x == NULL \| x != NULL\)

        @r depends on report exists@
        expression x,x1;
        position p1 != withtest.p;
        position p2;
        statement S;
        position any withtest.p;
        @@

        x@p1 = kmalloc(...);
        ...
        x1@p = bar@p2(...);
        if (!x1) S

        @script:python depends on report@
        p1 << r.p1;
        p2 << r.p2;
        @@
        coccilib.report.print_report(p1[0], "alloc with no test, model on line %s" % p2[0].line)

        """;

    // f1 tests x with !x, f3 with "if (x)": neither allocation is reported; f2's is.
    private const string Allocs = """
        int f1(void)
        {
        	x = kmalloc(10);
        	if (!x)
        		return -ENOMEM;
        	y = bar(3);
        	if (!y)
        		return -ENOMEM;
        	return 0;
        }

        int f2(void)
        {
        	x = kmalloc(10);
        	y = bar(3);
        	if (!y)
        		return -ENOMEM;
        	return 0;
        }

        int f3(void)
        {
        	x = kmalloc(10);
        	if (x)
        		x->a = 1;
        	y = bar(3);
        	if (!y)
        		return -ENOMEM;
        	return 0;
        }

        """;

    private const string NotNull = """
        @r@
        expression x;
        position p;
        @@

        g@p(x);
        ...
        x != NULL

        @script:python@
        p << r.p;
        x << r.x;
        @@
        print("%s:%s %s" % (p[0].line, p[0].current_element, x))

        """;

    // Conditions of if/while/for/do and ?:, operands of !, && and || are tests; an assignment's
    // value, an argument and a returned value are not.
    private const string Uses = """
        void f1(void) { g(a); if (a) h(); }
        void f2(void) { g(a); y = a; }
        void f3(void) { g(a); while (b && a) h(); }
        void f4(void) { g(a); z = a ? 1 : 2; }
        void f5(void) { g(a); k(a); }
        void f6(void) { g(a); if (!a) h(); }
        void f7(void) { g(a); return a; }
        void f8(void) { g(a); for (i = 0; a; i++) h(); }
        void f9(void) { g(a); do h(); while (a); }
        void f10(void) { g(a); if ((a)) h(); }
        void f11(void) { g(a); z = !a; }
        void f12(void) { g(a); z = a || b; }

        """;

    private const string SumOfNames = """
        @r@
        constant c,c1;
        identifier i,i1;
        position p;
        @@

         c1@i1 +@p c@i

        @script:python@
        p << r.p;
        c << r.c;
        c1 << r.c1;
        @@
        print("r %s:%s %s + %s" % (p[0].line, p[0].column, c1, c))

        @t@
        position r.p;
        constant c1,c2;
        @@

         c1 +@p c2

        @script:python@
        p << r.p;
        c1 << t.c1;
        c2 << t.c2;
        @@
        print("t %s:%s %s + %s" % (p[0].line, p[0].column, c1, c2))

        """;

    // Only A + B adds two constants that are names; "MAX + 1" commuted ("1 + MAX") is elsewhere than r.p.
    private const string Sums = """
        #define A 0x10
        #define B 0x20
        #define MAX 4095
        int f(int x)
        {
        	g(MAX + 1);
        	g(A + B);
        	g(2 + A);
        	return x + A;
        }

        """;

    private const string Fields = """
        @r@
        identifier I, s, fld;
        position p;
        expression E;
        @@

        struct I s = { ..., .fld@p = E, ...};

        @script:python@
        p << r.p;
        fld << r.fld;
        E << r.E;
        @@
        print(p[0].line, fld, E)

        """;

    private const string Initializers = """
        const struct font_desc font = {
        	.idx	= IDX,
        	.width	= 8,
        #ifdef CONFIG_ARCH_ACORN
        	.pref	= 20,
        #else
        	.pref	= 0,
        #endif
        	.name = "x",
        };
        int f(void) {
        	struct foo z = {
        #ifdef A
        		.a = 1,
        #else
        		.a = 2,
        #endif
        	};
        	return 0;
        }

        """;

    private const string FirstFree = """
        @r1 exists@
        identifier a, x;
        position p1, p2;
        identifier fname =~ ".*free.*";
        @@
         atomic64_dec_and_test@p1(&(a)->x)
        ...
         fname@p2(a, ...);

        @script:python@
        p2 << r1.p2;
        @@
        print(p2[0].line)

        """;

    // The same rule where the later rule uses fname, not a position: fname keeps its value in the
    // exclusion, so the path to the second free goes through the first one.
    private const string EveryFree = """
        @r1 exists@
        identifier a, x;
        identifier fname =~ ".*free.*";
        @@
         atomic64_dec_and_test(&(a)->x)
        ...
         fname(a, ...);

        @script:python@
        f << r1.fname;
        @@
        print(f)

        """;

    private const string Put = """
        static void put(struct bpf_map *map, bool do_idr_lock)
        {
        	if (atomic64_dec_and_test(&map->refcnt)) {
        		bpf_map_free_id(map, do_idr_lock);
        		btf_put(map->btf);
        		if (READ_ONCE(map->free_after_mult_rcu_gp))
        			call_rcu_tasks_trace(&map->rcu, bpf_map_free_mult_rcu_gp);
        		else
        			bpf_map_free_in_work(map);
        	}
        }

        """;

    private readonly SpatchHarness _h = new();

    public void Dispose() => _h.Dispose();

    [Fact]
    public void A_constraint_on_an_any_position_excludes_every_value_of_the_earlier_rule()
    {
        _h.With("r.cocci", AllocWithoutTest).With("d/a.c", Allocs);
        var result = _h.Run("--very-quiet", "-D", "report", "--no-show-diff", "--sp-file", "r.cocci", "--dir", "d");

        // spatch --very-quiet -D report --no-show-diff --sp-file r.cocci --dir d
        Assert.Equal(new SpatchResult(0, "d/a.c:14:1-2: alloc with no test, model on line 15\n", string.Empty), result);
    }

    [Fact]
    public void Not_null_matches_a_bare_expression_only_where_the_code_tests_it()
    {
        _h.With("r.cocci", NotNull).With("d/a.c", Uses);
        var result = _h.Run("--very-quiet", "--sp-file", "r.cocci", "--dir", "d");

        // spatch --very-quiet --sp-file r.cocci --dir d (spatch prints these in another order)
        string[] lines = result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Array.Sort(lines, StringComparer.Ordinal);
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(["10:f10 a", "11:f11 a", "12:f12 a", "1:f1 a", "3:f3 a", "4:f4 a", "6:f6 a", "8:f8 a", "9:f9 a"], lines);
    }

    [Fact]
    public void A_term_metavariable_after_at_binds_the_same_code_and_an_operator_position_holds_in_the_commuted_form()
    {
        _h.With("r.cocci", SumOfNames).With("d/a.c", Sums);
        var result = _h.Run("--very-quiet", "--sp-file", "r.cocci", "--dir", "d");

        // spatch --very-quiet --sp-file r.cocci --dir d
        Assert.Equal(new SpatchResult(0, "r 7:5 A + B\nt 7:5 A + B\n", string.Empty), result);
    }

    [Fact]
    public void A_small_ifdef_group_inside_an_initializer_keeps_only_its_first_branch()
    {
        _h.With("r.cocci", Fields).With("d/a.c", Initializers);
        var result = _h.Run("--very-quiet", "--sp-file", "r.cocci", "--dir", "d");

        // spatch --very-quiet --sp-file r.cocci --dir d (spatch prints these in another order)
        string[] lines = result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Array.Sort(lines, StringComparer.Ordinal);
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(["14 a 1", "2 idx IDX", "3 width 8", "5 pref 20", "9 name \"x\""], lines);
    }

    [Fact]
    public void The_exclusion_of_dots_ignores_a_position_that_a_later_rule_uses()
    {
        _h.With("r.cocci", FirstFree).With("e.cocci", EveryFree).With("d/a.c", Put);
        var first = _h.Run("--very-quiet", "--sp-file", "r.cocci", "--dir", "d");
        var every = _h.Run("--very-quiet", "--sp-file", "e.cocci", "--dir", "d");

        // spatch --very-quiet --sp-file r.cocci --dir d, and the same with e.cocci
        Assert.Equal(new SpatchResult(0, "4\n", string.Empty), first);
        Assert.Equal(new SpatchResult(0, "bpf_map_free_id\nbpf_map_free_in_work\n", string.Empty), every);
    }
}
