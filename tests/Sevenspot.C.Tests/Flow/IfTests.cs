using Sevenspot.C.Flow;
using Xunit;

namespace Sevenspot.C.Tests.Flow;

public class IfTests
{
    [Fact]
    public void IfWithoutElse()
    {
        var graph = FlowAssert.Build("void f(int x) { if (x) a(); b(); }");
        FlowAssert.HasShape(graph, """
            0:[top] -> 1:function f
            1:function f -> 2:[enter]
            2:[enter] -> 5:{1
            3:[exit]
            4:[errorexit]
            5:{1 -> 6:if
            6:if -> 7:[then], 8:[fallthrough], 10:[after]
            7:[then] -> 11:a(...)
            8:[fallthrough] -> 9:[endif]
            9:[endif] -> 12:b(...)
            10:[after] -> 9:[endif]
            11:a(...) -> 9:[endif]
            12:b(...) -> 13:}1
            13:}1 -> 3:[exit]
            """);
        var header = FlowAssert.Single(graph, "if");
        Assert.Equal(
            [ControlFlowEdgeKind.True, ControlFlowEdgeKind.False, ControlFlowEdgeKind.After],
            header.Successors.ToArray().Select(e => e.Kind).ToArray());
        Assert.Equal(ControlFlowEdgeKind.After, FlowAssert.Single(graph, "[after]").Successors[0].Kind);
        Assert.False(FlowAssert.Single(graph, "[then]").Escapes);
    }

    [Fact]
    public void IfWithElse()
    {
        var graph = FlowAssert.Build("void f(int x) { if (x) a(); else b(); c(); }");
        FlowAssert.HasShape(graph, """
            0:[top] -> 1:function f
            1:function f -> 2:[enter]
            2:[enter] -> 5:{1
            3:[exit]
            4:[errorexit]
            5:{1 -> 6:if
            6:if -> 7:[then], 8:[else], 13:[after]
            7:[then] -> 10:a(...)
            8:[else] -> 9:else
            9:else -> 11:b(...)
            10:a(...) -> 12:[endif]
            11:b(...) -> 12:[endif]
            12:[endif] -> 14:c(...)
            13:[after] -> 12:[endif]
            14:c(...) -> 15:}1
            15:}1 -> 3:[exit]
            """);
        Assert.Equal(ControlFlowNodeKind.Else, FlowAssert.Single(graph, "[else]").Kind);
        Assert.Equal(ControlFlowNodeKind.ElseKeyword, FlowAssert.Single(graph, "else").Kind);
    }

    [Fact]
    public void NestedIfsAndElseIfChains()
    {
        var graph = FlowAssert.Build("""
            void f(int x)
            {
                if (x > 1) {
                    if (x > 2)
                        a();
                } else if (x < 0)
                    b();
                else
                    c();
            }
            """);
        var ifs = FlowAssert.All(graph, "if");
        Assert.Equal(3, ifs.Count);
        Assert.Equal([1, 2, 3], ifs[0].Labels.ToArray());
        Assert.Equal([1, 2, 3, 4, 5], ifs[1].Labels.ToArray());
        Assert.Equal([1, 2, 3, 7], ifs[2].Labels.ToArray());

        // The inner if's [endif] closes the then-block, whose "}2" leads to the outer [endif].
        var endifs = FlowAssert.All(graph, "[endif]");
        Assert.Equal(3, endifs.Count);
        Assert.Equal(["}2"], FlowAssert.Successors(endifs[0]));
        Assert.All(new[] { "a(...)", "b(...)", "c(...)" }, s => Assert.True(FlowAssert.Reaches(FlowAssert.Single(graph, s), graph.Exit)));
        Assert.Equal(["[endif]"], FlowAssert.Successors(FlowAssert.Single(graph, "b(...)")));
    }

    [Fact]
    public void ReturnInThenBranchOfIfWithoutElseGoesToErrorExit()
    {
        var graph = FlowAssert.Build("""
            int f(int x)
            {
                if (x)
                    return -1;
                return 0;
            }
            """);
        FlowAssert.HasShape(graph, """
            0:[top] -> 1:function f
            1:function f -> 2:[enter]
            2:[enter] -> 5:{1
            3:[exit]
            4:[errorexit]
            5:{1 -> 6:if
            6:if -> 7:[then], 8:[fallthrough], 10:[after]
            7:[then] -> 11:return ...
            8:[fallthrough] -> 9:[endif]
            9:[endif] -> 13:return ...
            10:[after] -> 9:[endif]
            11:return ... -> 12:}1
            12:}1 -> 4:[errorexit]
            13:return ... -> 14:}1
            14:}1 -> 3:[exit]
            """);
        Assert.True(FlowAssert.Single(graph, "[then]").Escapes);
        Assert.True(FlowAssert.All(graph, "}1")[0].IsDuplicate);
        Assert.True(FlowAssert.All(graph, "}1")[0].IsFake);
    }

    [Fact]
    public void ReturnInBranchesOfIfWithElseGoesToExit()
    {
        // spatch's heuristic only applies to ifs without else, and reaches into nested statements.
        const string Code = """
            int f(int x)
            {
                if (x)
                    return 1;
                else
                    return 2;
            }
            int g(int x)
            {
                if (x) {
                    while (x--)
                        if (x == 3) return 1; else return 2;
                }
                return 0;
            }
            """;
        var graph = FlowAssert.Build(Code, "f");
        Assert.Equal(["[exit]", "[exit]"], graph.Nodes.Where(n => n.Kind == ControlFlowNodeKind.BlockClose).SelectMany(FlowAssert.Successors).ToArray());
        Assert.Empty(graph.ErrorExit.Predecessors.ToArray());
        Assert.True(FlowAssert.Single(graph, "[then]").Escapes);

        var g = FlowAssert.Build(Code, "g");
        var returns = g.Nodes.Where(n => n.Kind == ControlFlowNodeKind.Return).ToList();
        Assert.True(FlowAssert.Reaches(returns[0], g.ErrorExit));
        Assert.True(FlowAssert.Reaches(returns[1], g.ErrorExit));
        Assert.False(FlowAssert.Reaches(returns[2], g.ErrorExit));
        Assert.True(FlowAssert.Reaches(returns[2], g.Exit));
    }

    [Fact]
    public void IfWhoseBranchesBothJumpHasNoEndButKeepsCopiesAndAfters()
    {
        var graph = FlowAssert.Build("""
            int f(int x)
            {
                while (x) {
                    if (x > 2)
                        break;
                    else
                        return 3;
                }
                return 0;
            }
            """);

        // No normal [endif]: each jump passes a copy of it, and each copy has its [after].
        var endifs = FlowAssert.All(graph, "[endif]");
        Assert.Equal(2, endifs.Count);
        Assert.All(endifs, e => Assert.True(e.IsDuplicate));
        Assert.All(endifs, e => Assert.False(e.IsFake));
        Assert.Equal(["[break after]", "[ret after]"], FlowAssert.All(graph, "if").Single().Successors.ToArray()
            .Select(e => graph.Nodes[e.To].Description).Where(d => d.EndsWith("after]", StringComparison.Ordinal)).ToArray());
        Assert.Equal(["[endif]"], FlowAssert.Successors(FlowAssert.Single(graph, "break; [1,2,3]")));
        Assert.Equal(["}2"], FlowAssert.Successors(endifs[0]));
    }
}
