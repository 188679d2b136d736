using Sevenspot.Smpl;
using Sevenspot.Text;

namespace Sevenspot.Engine.Tests.Running;

/// <summary>
/// A function's control-flow graph is let go once no rule left checks the function: before a rule
/// over control flow that does not check it, and in the last such rule after the last environment
/// that does. A rule that needs a released graph builds it again, and the outcome is the one of
/// keeping every graph (the expectations are spatch 1.1.1's * lines).
/// </summary>
public sealed class GraphReleaseTests
{
    /// <summary>A double free in one, a checked return in two, one free in three: read by the tests of several patches.</summary>
    private const string ThreeFunctions = """
        int one(int *x)
        {
        	kfree(x);
        	kfree(x);
        	return 0;
        }
        int two(int x)
        {
        	g(x);
        	return x;
        }
        int three(int *y)
        {
        	h(y);
        	kfree(y);
        	return 1;
        }
        """;

    private static (int[] StarLines, int Graphed, int Held) Run(string patch, string code)
    {
        var parsed = SmplParser.Parse(SourceText.FromString("p.cocci", patch));
        Assert.True(parsed.Success, string.Join("\n", parsed.Diagnostics));
        var runner = new SemanticPatchRunner(parsed.File!, new RunOptions { UsePrefilter = true });
        var file = new SharedFile(SourceText.FromString("t.c", code));
        var outcome = runner.Run(file);
        Assert.Null(outcome.Failure);
        var session = file.SessionFor(runner.Options);
        return ([.. outcome.StarLines], session.GraphedFunctions, session.GraphsHeld);
    }

    [Fact]
    public void A_graph_let_go_by_a_rule_that_does_not_check_its_function_is_built_again_for_a_later_rule()
    {
        // a checks all three functions; b only those calling kfree (two goes); c only two (built again).
        const string patch = """
            @a@
            identifier f;
            expression E;
            @@
            * f(E);
            ...
            * return E;

            @b@
            expression E;
            @@
            * kfree(E);
            ...
            * kfree(E);

            @c depends on a@
            expression E;
            @@
            * g(E);
            ...
            * return E;
            """;
        const string code = ThreeFunctions;

        var (lines, graphed, held) = Run(patch, code);

        Assert.Equal([3, 4, 9, 10], lines);
        Assert.Equal(4, graphed); // three for a, two again for c
        Assert.Equal(0, held); // after c, the last rule over control flow, no graph is left
    }

    [Fact]
    public void The_last_rule_lets_a_graph_go_after_the_last_environment_that_checks_its_function()
    {
        // s runs once per call r found, each environment in the function holding its position.
        const string patch = """
            @r@
            identifier fn;
            position p;
            @@
            fn@p(...);

            @s exists@
            position r.p;
            expression E;
            @@
            * kfree@p(E);
            ...
            * kfree(E);
            """;
        const string code = """
            int one(int *x)
            {
            	kfree(x);
            	kfree(x);
            	return 0;
            }
            int two(int x)
            {
            	g(x);
            	return x;
            }
            int three(int *y)
            {
            	kfree(y);
            	h(y);
            	kfree(y);
            	return 1;
            }
            """;

        var (lines, graphed, held) = Run(patch, code);

        Assert.Equal([3, 4, 14, 16], lines);
        Assert.Equal(2, graphed); // two calls kfree in no environment's function: never graphed
        Assert.Equal(0, held);
    }

    [Fact]
    public void Patches_that_read_one_file_in_turn_build_a_graph_once_and_let_it_go_after_the_last_that_may_check_it()
    {
        // p1 checks the functions that call kfree (one, three); p2 names no word and checks all three;
        // p3 only the one that calls g (two). Each graph is built once: one and three are kept by p1
        // for p2, two is kept by p2 for p3, and one and three go when p2 is done.
        string[] patches =
        [
            """
            @a@
            expression E;
            @@
            * kfree(E);
            ...
            * kfree(E);
            """,
            """
            @b@
            identifier f;
            expression E;
            @@
            * f(E);
            ...
            * return E;
            """,
            """
            @c@
            expression E;
            @@
            * g(E);
            ...
            * return E;
            """,
        ];
        const string code = ThreeFunctions;
        var runners = new List<SemanticPatchRunner>();
        foreach (string patch in patches)
        {
            var parsed = SmplParser.Parse(SourceText.FromString("p.cocci", patch));
            Assert.True(parsed.Success, string.Join("\n", parsed.Diagnostics));

            // As in a run of several patches: every body parsed, so that the patches share one session.
            runners.Add(new SemanticPatchRunner(parsed.File!, new RunOptions { UsePrefilter = true, ParseNeededBodiesOnly = false }));
        }

        var file = new SharedFile(SourceText.FromString("t.c", code));
        file.ReadBy(runners);
        var lines = new List<int[]>();
        var graphed = new List<int>();
        var held = new List<int>();
        for (int i = 0; i < runners.Count; i++)
        {
            file.Reading = i;
            var outcome = runners[i].Run(file);
            Assert.Null(outcome.Failure);
            lines.Add([.. outcome.StarLines]);
            var session = file.SessionFor(runners[i].Options);
            graphed.Add(session.GraphedFunctions);
            held.Add(session.GraphsHeld);
        }

        Assert.Equal([3, 4], lines[0]);
        Assert.Equal([9, 10], lines[1]);
        Assert.Equal([9, 10], lines[2]);
        Assert.Equal([2, 3, 3], graphed); // p1 graphs one and three, p2 two; p3 graphs nothing again
        Assert.Equal([2, 1, 0], held);
    }

    [Fact]
    public void A_patch_read_alone_lets_every_graph_go_when_its_run_on_the_file_ends()
    {
        // b's dependency on a fails: the last rule over control flow never runs, and its graphs would stay with the file.
        const string patch = """
            @r@
            expression E;
            @@
            * kfree(E);
            ...
            * kfree(E);

            @a@
            @@
            nothing_calls_this();

            @b depends on a@
            expression E;
            @@
            * kfree(E);
            ...
            * return E;
            """;
        const string code = """
            int one(int *x)
            {
            	kfree(x);
            	kfree(x);
            	return 0;
            }
            """;

        var (lines, graphed, held) = Run(patch, code);

        Assert.Equal([3, 4], lines);
        Assert.Equal(1, graphed);
        Assert.Equal(0, held);
    }
}
