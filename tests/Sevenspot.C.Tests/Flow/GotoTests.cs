using Sevenspot.C.Flow;
using Xunit;

namespace Sevenspot.C.Tests.Flow;

public class GotoTests
{
    [Fact]
    public void ForwardGotoToErrorLabel()
    {
        // The example of the semantics notes: spatch numbers these nodes the same way.
        var graph = FlowAssert.Build("""
            int f(int x)
            {
                lock();
                if (x)
                    goto out;
                work();
            out:
                unlock();
                return 0;
            }
            """);
        FlowAssert.HasShape(graph, """
            0:[top] -> 1:function f
            1:function f -> 2:[enter]
            2:[enter] -> 6:{1
            3:[exit]
            4:[errorexit]
            5:out: -> 15:unlock(...)
            6:{1 -> 7:lock(...)
            7:lock(...) -> 8:if
            8:if -> 9:[then], 10:[fallthrough], 12:[after]
            9:[then] -> 13:goto out:
            10:[fallthrough] -> 11:[endif]
            11:[endif] -> 14:work(...)
            12:[after] -> 11:[endif]
            13:goto out: -> 5:out:
            14:work(...) -> 5:out:
            15:unlock(...) -> 16:return ...
            16:return ... -> 17:}1
            17:}1 -> 3:[exit]
            """);
        Assert.Equal([1, 2, 7], FlowAssert.Single(graph, "out:").Labels.ToArray());
        Assert.Equal([1, 2, 7, 8], FlowAssert.Single(graph, "unlock(...)").Labels.ToArray());
        Assert.Equal(ControlFlowNodeKind.Goto, FlowAssert.Single(graph, "goto out:").Kind);
        Assert.True(FlowAssert.Single(graph, "[then]").Escapes);
    }

    [Fact]
    public void BackwardGotoMakesALoop()
    {
        var graph = FlowAssert.Build("""
            int f(int x)
            {
            again:
                a();
                if (x)
                    goto again;
                return 0;
            }
            """);
        var label = FlowAssert.Single(graph, "again:");
        Assert.True(label.IsLoopHead);
        Assert.Equal(["{1", "goto again:"], FlowAssert.Predecessors(label));
        Assert.True(FlowAssert.Single(graph, "goto again:").Successors[0].IsBack);
    }

    [Fact]
    public void GotoFromNestedBlocksClosesEveryScopeButTheFunctionBody()
    {
        var graph = FlowAssert.Build("""
            void f(int x)
            {
                while (x) {
                    if (x > 1) {
                        if (x > 2)
                            goto out;
                        else
                            a();
                    }
                }
            out:
                b();
            }
            """);
        var path = new List<string>();
        for (var n = FlowAssert.Single(graph, "goto out:"); n.Kind != ControlFlowNodeKind.Label; n = graph.Nodes[n.Successors[0].To])
        {
            path.Add(n.Description);
        }

        Assert.Equal(["goto out:", "[endif]", "}3", "}2"], path);
        Assert.All(path.Skip(1), d => Assert.Contains(graph.Nodes, n => n.Description == d && n.IsDuplicate));

        // Every scope the goto leaves also ends normally, so the [goto after] nodes gave way to [after] ones.
        Assert.Empty(FlowAssert.All(graph, "[goto after]"));
        Assert.Equal(["[then]", "[else]", "[after]"], FlowAssert.Successors(FlowAssert.All(graph, "if")[1]));
    }

    [Fact]
    public void StackedLabelsAndLabelAtTheEndOfABlock()
    {
        var graph = FlowAssert.Build("""
            void f(int x)
            {
                if (x)
                    goto b;
            a: b:
                x++;
                if (x)
                    goto end;
                return;
            end:
            }
            """);
        Assert.Equal(["b:"], FlowAssert.Successors(FlowAssert.Single(graph, "a:")));
        Assert.Equal([1, 2, 5], FlowAssert.Single(graph, "a:").Labels.ToArray());
        Assert.Equal([1, 2, 5, 6], FlowAssert.Single(graph, "b:").Labels.ToArray());

        // spatch reads "end: }" as a label holding an empty statement.
        var empty = Assert.Single(graph.Nodes, n => n.IsImplicit);
        Assert.Equal("empty;", empty.Description);
        Assert.Equal(["empty;"], FlowAssert.Successors(FlowAssert.Single(graph, "end:")));
        Assert.Equal(SyntaxKind.LabeledStatement, empty.Syntax!.Value.Kind);
        Assert.Equal(["}1"], FlowAssert.Successors(empty));
    }

    [Fact]
    public void GotoToAMissingLabelLeavesTheFunction()
    {
        var graph = FlowAssert.Build("void f(int x) { if (x) { goto nowhere; } a(); }");
        Assert.Equal(ControlFlowProblemKind.GotoWithoutLabel, Assert.Single(graph.Problems).Kind);
        Assert.True(FlowAssert.Reaches(FlowAssert.Single(graph, "goto nowhere:"), graph.Exit));
    }

    [Fact]
    public void DuplicateLabelsSendGotosToTheFirst()
    {
        var graph = FlowAssert.Build("void f(int x) { l: a(); l: b(); goto l; }");
        Assert.Equal(ControlFlowProblemKind.DuplicateLabel, Assert.Single(graph.Problems).Kind);
        Assert.Equal(["l:"], FlowAssert.Successors(FlowAssert.Single(graph, "goto l:")));
        Assert.Equal(["a(...)"], FlowAssert.Successors(graph.Nodes[FlowAssert.Single(graph, "goto l:").Successors[0].To]));
    }

    [Fact]
    public void ComputedGotoMayGoToEveryLabel()
    {
        var graph = FlowAssert.Build("void f(void **p) { goto *p[0]; one: a(); two: b(); }");
        Assert.Equal(ControlFlowProblemKind.ComputedGoto, Assert.Single(graph.Problems).Kind);
        Assert.Equal(["one:", "two:"], FlowAssert.Successors(FlowAssert.Single(graph, "goto *:")));
    }
}
