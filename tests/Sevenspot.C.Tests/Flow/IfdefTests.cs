using Sevenspot.C.Flow;
using Xunit;

namespace Sevenspot.C.Tests.Flow;

public class IfdefTests
{
    [Fact]
    public void GroupsBetweenStatementsAreAlternatives()
    {
        var graph = FlowAssert.Build("""
            int f(int x)
            {
                a();
            #ifdef CONFIG_X
                b();
            #else
                c();
            #endif
                e();
            #if A
                g();
            #endif
                return 0;
            }
            """);
        FlowAssert.HasShape(graph, """
            0:[top] -> 1:function f
            1:function f -> 2:[enter]
            2:[enter] -> 5:{1
            3:[exit]
            4:[errorexit]
            5:{1 -> 6:a(...)
            6:a(...) -> 7:[ifdef]
            7:[ifdef] -> 9:[elseif], 10:b(...)
            8:[endif] -> 12:e(...)
            9:[elseif] -> 11:c(...)
            10:b(...) -> 8:[endif]
            11:c(...) -> 8:[endif]
            12:e(...) -> 13:[ifdef]
            13:[ifdef] -> 15:[fallthrough], 16:g(...)
            14:[endif] -> 17:return ...
            15:[fallthrough] -> 14:[endif]
            16:g(...) -> 14:[endif]
            17:return ... -> 18:}1
            18:}1 -> 3:[exit]
            """);
        var header = FlowAssert.All(graph, "[ifdef]")[0];
        Assert.Equal(ControlFlowNodeKind.IfdefHeader, header.Kind);
        Assert.Equal(DirectiveKind.Ifdef, header.Directive!.Value.Kind);
        Assert.Equal(DirectiveKind.Else, FlowAssert.Single(graph, "[elseif]").Directive!.Value.Kind);
        Assert.Equal(DirectiveKind.Endif, FlowAssert.All(graph, "[endif]")[0].Directive!.Value.Kind);
        Assert.Equal([1, 2], header.Labels.ToArray());
        Assert.Equal([1, 2, 4], FlowAssert.Single(graph, "b(...)").Labels.ToArray());
    }

    [Fact]
    public void JumpsOutOfAGroupPassItsEndif()
    {
        var graph = FlowAssert.Build("""
            int f(int x)
            {
            #ifdef A
                if (x)
                    return 1;
            #elif B
                a();
            #else
            #endif
                return 0;
            }
            """);
        Assert.Equal(["[elseif]", "[elseif]", "if"], FlowAssert.Successors(FlowAssert.Single(graph, "[ifdef]")));
        var copy = graph.Nodes.Single(n => n.Kind == ControlFlowNodeKind.IfdefEndif && n.IsDuplicate);
        Assert.True(copy.IsFake);
        Assert.Equal(["return ..."], FlowAssert.Predecessors(copy));
        Assert.Equal(["}1"], FlowAssert.Successors(copy));
        var empty = FlowAssert.All(graph, "[elseif]")[1];
        Assert.Equal(["[endif]"], FlowAssert.Successors(empty));
    }

    [Fact]
    public void IfZeroIsAComment()
    {
        var graph = FlowAssert.Build("""
            int f(int x)
            {
                a();
            #if 0
                b();
            #endif
                return x;
            }
            """);
        Assert.DoesNotContain(graph.Nodes, n => n.Directive is not null);
        Assert.Equal(["return ..."], FlowAssert.Successors(FlowAssert.Single(graph, "a(...)")));
    }

    [Fact]
    public void AGroupThatCutsAcrossStatementsTurnsOffEveryGroupOfTheFunction()
    {
        // As in spatch: the second group alone would be fine, but the first one ends inside the if.
        var graph = FlowAssert.Build("""
            int f(int x)
            {
                a();
            #ifdef CONFIG_JUMP
                if (x) {
                    b();
                } else
            #endif
                {
                    c();
                }
            #ifdef CONFIG_JUMP
                d();
            #endif
                return 0;
            }
            """);
        Assert.DoesNotContain(graph.Nodes, n => n.Directive is not null);
        Assert.Equal(["return ..."], FlowAssert.Successors(FlowAssert.Single(graph, "d(...)")));
    }

    [Fact]
    public void DirectiveAfterALabelWithoutStatementIsNotBetweenStatements()
    {
        var graph = FlowAssert.Build("""
            void f(int x)
            {
                switch (x) {
            #ifdef OLD
                case 1:
            #endif
                case 2:
                    a();
                }
            }
            """);
        Assert.DoesNotContain(graph.Nodes, n => n.Directive is not null);
        var cases = FlowAssert.All(graph, "case:");
        Assert.Equal(["case:"], FlowAssert.Successors(cases[0]));
        Assert.Equal(cases[0].Labels.Length + 1, cases[1].Labels.Length);
    }

    [Fact]
    public void GroupsInNestedBlocks()
    {
        var graph = FlowAssert.Build("""
            void f(int x)
            {
                if (x) {
            #ifdef Y
                    h();
            #endif
                }
            }
            """);
        var header = FlowAssert.Single(graph, "[ifdef]");
        Assert.Equal(["{2"], FlowAssert.Predecessors(header));
        Assert.Equal([1, 2, 3, 4], header.Labels.ToArray());
        Assert.Equal(["}2"], FlowAssert.Successors(graph.Nodes.Single(n => n.Kind == ControlFlowNodeKind.IfdefEndif)));
    }
}
