using Sevenspot.C.Flow;
using Xunit;

namespace Sevenspot.C.Tests.Flow;

public class UnreachableCodeTests
{
    [Fact]
    public void CodeAfterReturnIsKeptWithoutPredecessors()
    {
        var graph = FlowAssert.Build("""
            int f(int x)
            {
                return 0;
                dead();
                {
                    dead2();
                }
            }
            """);
        var dead = FlowAssert.Single(graph, "dead(...)");
        Assert.Empty(dead.Predecessors.ToArray());
        Assert.Equal(["{2"], FlowAssert.Successors(dead));
        Assert.False(FlowAssert.Reaches(graph.Top, dead));

        // The dead code still flows on to the end of the function, through a normal "}1".
        Assert.True(FlowAssert.Reaches(dead, graph.Exit));
        Assert.Equal(2, FlowAssert.All(graph, "}1").Count);
    }

    [Fact]
    public void CodeAfterGotoBreakAndContinue()
    {
        var graph = FlowAssert.Build("""
            void f(int x)
            {
                while (x) {
                    break;
                    a();
                }
                for (;;) {
                    continue;
                    b();
                }
                goto out;
                c();
            out:
                ;
            }
            """);
        foreach (string text in new[] { "a(...)", "b(...)", "c(...)" })
        {
            var node = FlowAssert.Single(graph, text);
            Assert.Empty(node.Predecessors.ToArray());
            Assert.False(FlowAssert.Reaches(graph.Top, node));
        }

        Assert.Equal(["while"], FlowAssert.Successors(graph.Nodes[FlowAssert.Single(graph, "a(...)").Successors[0].To]));
    }

    [Fact]
    public void LoopsInDeadCodeStillHaveBackEdges()
    {
        var graph = FlowAssert.Build("void f(int x) { return; while (x) x--; }");
        var loop = FlowAssert.Single(graph, "while");
        Assert.DoesNotContain(loop.Predecessors.ToArray(), e => !e.IsBack);
        Assert.True(loop.IsLoopHead);
    }
}
