using Sevenspot.Smpl;
using Sevenspot.Text;

namespace Sevenspot.Engine.Tests.Running;

/// <summary>
/// A flow rule graphs and checks only the functions that spell the words every match needs (the
/// prefilter's words for the rule's body, through disjunctions and isomorphisms); the others cannot
/// match, so the outcome is the one of checking every function.
/// </summary>
public sealed class FunctionWordsTests
{
    private const string Code = """
        struct s { int *buf; };
        void none(int *x)
        {
            x = 0;
            if (x)
                return;
        }
        void twice(int *x)
        {
            kfree(x);
            if (x)
                kfree(x);
        }
        void once(struct s *y)
        {
            vfree(y->buf);
            y->buf = 0;
        }
        void other(int *x)
        {
            bar(x);
            bar(x);
        }
        """;

    private static SemanticPatchRunner Runner(string patch, RunOptions options)
    {
        var parsed = SmplParser.Parse(SourceText.FromString("p.cocci", patch));
        Assert.True(parsed.Success, string.Join("\n", parsed.Diagnostics));
        return new SemanticPatchRunner(parsed.File!, options);
    }

    // Four functions: a conditional, an if with an else, an if without one, a member access.
    private const string Forms = """
        struct s { int len; };
        int pick(int a, int b)
        {
            a = a > b ? a : b;
            return a;
        }
        int both(int a, int b)
        {
            if (a > b)
                a = b;
            else
                b = a;
            return a;
        }
        int half(int a, int b)
        {
            if (a > b)
                a = b;
            return a;
        }
        int field(struct s *p)
        {
            p->len = 0;
            return 0;
        }
        """;

    private static (int[] StarLines, int Graphed) Run(string patch, bool prefilter, string code = Code)
    {
        var runner = Runner(patch, new RunOptions { UsePrefilter = prefilter });
        var file = new SharedFile(SourceText.FromString("t.c", code));
        var outcome = runner.Run(file);
        return ([.. outcome.StarLines], file.SessionFor(runner.Options).GraphedFunctions);
    }

    [Fact]
    public void Only_the_functions_that_spell_a_word_of_each_branch_are_graphed()
    {
        const string patch = "@r@\nexpression E;\n@@\n(\n* kfree(E);\n|\n* vfree(E);\n)\n...\n* E = 0;\n";
        var filtered = Run(patch, prefilter: true);
        var every = Run(patch, prefilter: false);

        Assert.Equal(every.StarLines, filtered.StarLines);
        Assert.NotEmpty(filtered.StarLines);
        Assert.Equal(4, every.Graphed);
        Assert.Equal(1, filtered.Graphed); // once (vfree, and "="): twice calls kfree but assigns nothing
    }

    [Fact]
    public void A_pattern_without_words_graphs_every_function()
    {
        const string patch = "@r@\nexpression E;\nidentifier f;\n@@\n* f(E);\n...\n* f(E);\n";
        var filtered = Run(patch, prefilter: true);
        var every = Run(patch, prefilter: false);

        Assert.Equal(every.StarLines, filtered.StarLines);
        Assert.NotEmpty(filtered.StarLines);
        Assert.Equal(4, filtered.Graphed);
    }

    [Fact]
    public void An_inherited_name_requires_its_value_per_environment()
    {
        // r binds f to kfree, vfree and bar; t runs once per value and graphs only the functions that call it.
        const string patch = "@r@\nidentifier f;\nexpression E;\n@@\nf(E);\n@t@\nidentifier r.f;\nexpression x;\n@@\n* f(x);\n...\n* x = 0;\n";
        var filtered = Run(patch, prefilter: true);
        var every = Run(patch, prefilter: false);

        Assert.Equal(every.StarLines, filtered.StarLines);
        Assert.NotEmpty(filtered.StarLines);
        Assert.Equal(4, every.Graphed);
        Assert.Equal(1, filtered.Graphed); // once (vfree, and "="); twice (kfree) and other (bar) assign nothing; never none
    }

    [Fact]
    public void An_inherited_expression_requires_every_name_of_its_value()
    {
        // E is y->buf: only a function that spells both y and buf can hold it.
        const string patch = "@r@\nexpression E;\n@@\nvfree(E);\n@t@\nexpression r.E;\nidentifier g;\n@@\n* g(E);\n...\n* E = 0;\n";
        var filtered = Run(patch, prefilter: true);
        var every = Run(patch, prefilter: false);

        Assert.Equal(every.StarLines, filtered.StarLines);
        Assert.NotEmpty(filtered.StarLines);
        Assert.Equal(4, every.Graphed);
        Assert.Equal(1, filtered.Graphed);
    }

    [Fact]
    public void A_conditional_requires_its_question_mark()
    {
        const string patch = "@r@\nexpression E, A, B, C;\n@@\n* E = A ? B : C;\n...\n* return E;\n";
        var filtered = Run(patch, prefilter: true, Forms);
        var every = Run(patch, prefilter: false, Forms);

        Assert.Equal(every.StarLines, filtered.StarLines);
        Assert.NotEmpty(filtered.StarLines);
        Assert.Equal(4, every.Graphed);
        Assert.Equal(1, filtered.Graphed); // pick
    }

    [Fact]
    public void An_else_that_drop_else_may_leave_out_is_not_required()
    {
        // drop_else: "if (E) S1 else S2" also matches an if without else when S2 is a statement metavariable.
        const string loose = "@r@\nexpression E;\nstatement S1, S2;\n@@\n* if (E) S1 else S2\n";
        var filtered = Run(loose, prefilter: true, Forms);
        var every = Run(loose, prefilter: false, Forms);
        Assert.Equal(every.StarLines, filtered.StarLines);
        Assert.Contains(17, filtered.StarLines); // the if of half, which has no else
        Assert.Equal(4, filtered.Graphed);

        // With a written else branch the isomorphism does not apply, and only "both" can match.
        const string strict = "@r@\nexpression E, X, Y;\n@@\n* if (E) X = Y; else Y = X;\n";
        filtered = Run(strict, prefilter: true, Forms);
        every = Run(strict, prefilter: false, Forms);
        Assert.Equal(every.StarLines, filtered.StarLines);
        Assert.NotEmpty(filtered.StarLines);
        Assert.Equal(1, filtered.Graphed);
    }

    [Fact]
    public void A_nest_no_one_sees_unmatched_requires_its_body()
    {
        // Nothing reads r's matches: a function without "?" would give a match that shows nothing.
        const string patch = "@r@\nidentifier f;\nexpression E, A, B;\n@@\nf(...)\n{\n<...\n* E ? A : B\n...>\n}\n";
        var filtered = Run(patch, prefilter: true, Forms);
        var every = Run(patch, prefilter: false, Forms);

        Assert.Equal(every.StarLines, filtered.StarLines);
        Assert.NotEmpty(filtered.StarLines);
        Assert.Equal(4, every.Graphed);
        Assert.Equal(1, filtered.Graphed);
    }

    [Theory]
    [InlineData("@s@\nidentifier r.f;\n@@\n* f(...);\n")] // a later rule reads f, bound outside the nest
    [InlineData("@s depends on r@\n@@\n* return 0;\n")] // a later rule reads that r matched
    public void A_nest_whose_unmatched_match_is_seen_requires_nothing(string later)
    {
        const string patch = "@r@\nidentifier f;\nexpression E, A, B;\n@@\nf(...)\n{\n<...\n* E ? A : B\n...>\n}\n";
        var filtered = Run(patch + later, prefilter: true, Forms);
        var every = Run(patch + later, prefilter: false, Forms);

        Assert.Equal(every.StarLines, filtered.StarLines);
        Assert.Equal(4, filtered.Graphed);
    }

    [Fact]
    public void A_member_access_requires_its_arrow_without_ptr_to_array()
    {
        // ptr_to_array lets "E->g" match "E[i].g" too: only without it is the arrow required.
        const string patch = "@r disable ptr_to_array@\nexpression E;\nidentifier g;\nconstant C;\n@@\n* E->g = C;\n...\n* return C;\n";
        var filtered = Run(patch, prefilter: true, Forms);
        var every = Run(patch, prefilter: false, Forms);

        Assert.Equal(every.StarLines, filtered.StarLines);
        Assert.NotEmpty(filtered.StarLines);
        Assert.Equal(1, filtered.Graphed);
    }

    // Four functions: an assignment, an initializer, a compound assignment, neither.
    private const string Assignments = """
        int assign(int a)
        {
            a = 1;
            return a;
        }
        int init(int b)
        {
            int a = b;
            return a;
        }
        int compound(int a)
        {
            a += 1;
            return a;
        }
        int none(int a)
        {
            return a;
        }
        """;

    [Fact]
    public void An_assignment_requires_its_equals_sign()
    {
        const string patch = "@r@\nidentifier x;\nexpression E;\n@@\n* x = E;\n...\n* return x;\n";
        var filtered = Run(patch, prefilter: true, Assignments);
        var every = Run(patch, prefilter: false, Assignments);

        Assert.Equal(every.StarLines, filtered.StarLines);
        Assert.NotEmpty(filtered.StarLines);
        Assert.Equal(4, every.Graphed);
        Assert.Equal(2, filtered.Graphed); // assign and init; "+=" is another token
    }

    [Fact]
    public void An_initializer_written_with_dots_does_not_require_its_equals_sign()
    {
        const string patch = "@r@\ntype T;\nidentifier x;\n@@\n* T x = ...;\n...\n* return x;\n";
        var filtered = Run(patch, prefilter: true, Assignments);
        var every = Run(patch, prefilter: false, Assignments);

        Assert.Equal(every.StarLines, filtered.StarLines);
        Assert.Equal(4, filtered.Graphed);
    }

    [Fact]
    public void A_term_is_tried_in_the_define_bodies_that_spell_its_words()
    {
        // The body of A is a number, with no "=" for the term; that of B has one.
        const string code = "#define A 0x10\n#define B(v) v = v\nint f(void) { return A; }\n";
        const string patch = "@r@\nidentifier x;\n@@\n- x = x\n+ x = 0\n";
        string Changed(bool prefilter)
        {
            var runner = Runner(patch, new RunOptions { UsePrefilter = prefilter });
            var outcome = runner.Run(new SharedFile(SourceText.FromString("t.c", code)));
            return System.Text.Encoding.UTF8.GetString(outcome.Modified ?? outcome.Original);
        }

        string filtered = Changed(prefilter: true);
        Assert.Equal(Changed(prefilter: false), filtered);
        Assert.Contains("#define B(v) v = 0\n", filtered, StringComparison.Ordinal);
    }

    [Fact]
    public void A_term_matches_the_code_of_a_define_body_not_what_is_wrapped_around_it()
    {
        // An assignment pattern matches an initialized declarator; the declaration an initializer body is
        // parsed in is not the body's code (spatch 1.1.1: only the assignment inside M changes).
        const string code = "#define M (a = 3)\n#define N foo(1)\n";
        const string patch = "@r@\nidentifier x;\nexpression E;\n@@\n- x = E\n+ x = E + 1\n";
        foreach (bool prefilter in new[] { false, true })
        {
            var runner = Runner(patch, new RunOptions { UsePrefilter = prefilter });
            var outcome = runner.Run(new SharedFile(SourceText.FromString("t.c", code)));
            Assert.Equal("#define M (a = 3 + 1)\n#define N foo(1)\n", System.Text.Encoding.UTF8.GetString(outcome.Modified ?? outcome.Original));
        }
    }

    [Fact]
    public void A_member_access_of_an_array_element_is_found_through_ptr_to_array()
    {
        const string patch = "@r@\nexpression E;\nidentifier g;\n@@\n* E->g = 0;\n";
        const string code = "struct s { int len; };\nvoid f(struct s *p)\n{\n\tp[1].len = 0;\n}\nvoid h(int n)\n{\n\tn = 0;\n}\n";
        var filtered = Run(patch, prefilter: true, code);
        var every = Run(patch, prefilter: false, code);

        Assert.Equal(every.StarLines, filtered.StarLines);
        Assert.Contains(4, filtered.StarLines);
    }

    // Constants, an expression, a statement and a function body: what a rule may match in each.
    private const string Defines = "#define A 0x10\n#define B 12UL\n#define C (x + 1)\n#define D do { y = y + 1; } while (0)\n"
        + "#define E { return z + 1; }\nint z;\nint g(void) { return A + B; }\n";

    [Theory]
    [InlineData("@r@\nconstant c;\n@@\n* c\n")]
    [InlineData("@r@\nexpression E;\n@@\n* (E)\n")]
    [InlineData("@r@\nexpression E, F;\n@@\n* E + F\n")]
    [InlineData("@r@\nexpression E;\n@@\n* E != 0\n")]
    [InlineData("@r@\nexpression E;\nposition p;\n@@\n(\n* E@p || ... || E\n|\n* E@p && ... && E\n)\n")]
    [InlineData("@r@\nidentifier x;\n@@\n* x = x + 1\n")]
    [InlineData("@r@\nidentifier f;\n@@\n* f(...)\n")]
    [InlineData("@r@\nexpression E;\n@@\n* return E;\n")]
    [InlineData("@r@\nexpression E, F;\n@@\n(\n* E | F\n|\n* E |= F\n)\n")]
    [InlineData("@r@\nexpression E, F;\nassignment operator op;\n@@\n* E op F\n")]
    [InlineData("@r@\nexpression E;\nconstant c;\n@@\n* E = c\n")]
    public void A_define_body_read_lazily_gives_the_matches_of_reading_every_body(string patch)
    {
        var filtered = Run(patch, prefilter: true, Defines);
        var every = Run(patch, prefilter: false, Defines);

        Assert.Equal(every.StarLines, filtered.StarLines);
    }

    [Fact]
    public void A_constant_pattern_still_matches_a_body_of_one_constant()
    {
        var filtered = Run("@r@\nconstant c;\n@@\n* c\n", prefilter: true, Defines);

        Assert.Contains(1, filtered.StarLines);
        Assert.Contains(2, filtered.StarLines);
    }

    [Fact]
    public void A_body_of_one_constant_is_not_parsed_for_an_operator_pattern()
    {
        const string patch = "@r@\nexpression E, F;\n@@\n* E + F\n";
        var runner = Runner(patch, new RunOptions { UsePrefilter = true });
        var file = new SharedFile(SourceText.FromString("t.c", Defines));
        var outcome = runner.Run(file);
        var bodies = file.SessionFor(runner.Options).MacroBodies(runner.Options);

        Assert.Contains(3, outcome.StarLines);
        Assert.Contains(7, outcome.StarLines);
        Assert.DoesNotContain(1, outcome.StarLines);
        Assert.True(bodies[0].IsLoneConstant);
        Assert.True(bodies[1].IsLoneConstant);
        Assert.False(bodies[2].IsLoneConstant);
        Assert.False(bodies[0].IsParsed);
        Assert.False(bodies[1].IsParsed);
        Assert.True(bodies[2].IsParsed);
    }

    [Theory]
    [InlineData("@r@\nexpression E, F;\n@@\n(\n* E | F\n|\n* E |= F\n)\n")]
    [InlineData("@r@\nexpression E, F;\nassignment operator op;\n@@\n* E op F\n")]
    public void A_body_of_one_constant_is_not_parsed_for_a_compound_assignment(string patch)
    {
        // Only "x = E" matches an initializer, which is what a body of one constant is read as.
        var runner = Runner(patch, new RunOptions { UsePrefilter = true });
        var file = new SharedFile(SourceText.FromString("t.c", Defines));
        runner.Run(file);
        var bodies = file.SessionFor(runner.Options).MacroBodies(runner.Options);

        Assert.True(bodies[0].IsLoneConstant);
        Assert.False(bodies[0].IsParsed);
        Assert.False(bodies[1].IsParsed);
    }
}
