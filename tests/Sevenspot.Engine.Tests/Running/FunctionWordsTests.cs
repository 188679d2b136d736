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

    private static (int[] StarLines, int Graphed) Run(string patch, bool prefilter)
    {
        var runner = Runner(patch, new RunOptions { UsePrefilter = prefilter });
        var file = new SharedFile(SourceText.FromString("t.c", Code));
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
        Assert.Equal(2, filtered.Graphed); // twice (kfree) and once (vfree)
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
        Assert.Equal(3, filtered.Graphed); // twice (kfree), once (vfree), other (bar); never none
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
}
