using Sevenspot.C.Flow;
using Xunit;

namespace Sevenspot.C.Tests.Flow;

public class SwitchTests
{
    [Fact]
    public void FallThroughDefaultAndBreak()
    {
        var graph = FlowAssert.Build("""
            int f(int x)
            {
                switch (x) {
                case 1:
                    a();
                case 2:
                    b();
                    break;
                default:
                    c();
                }
                return 0;
            }
            """);
        FlowAssert.HasShape(graph, """
            0:[top] -> 1:function f
            1:function f -> 2:[enter]
            2:[enter] -> 5:{1
            3:[exit]
            4:[errorexit]
            5:{1 -> 6:switch
            6:switch -> 8:{2, 21:[after]
            7:[endswitch] -> 22:return ...
            8:{2 -> 10:[casenode] 1, 13:[casenode] 2, 18:[casenode] 3
            9:case: -> 11:a(...)
            10:[casenode] 1 -> 9:case:
            11:a(...) -> 12:case:
            12:case: -> 14:b(...)
            13:[casenode] 2 -> 12:case:
            14:b(...) -> 15:break; [1,2,3]
            15:break; [1,2,3] -> 16:}2
            16:}2 -> 7:[endswitch]
            17:case default: -> 19:c(...)
            18:[casenode] 3 -> 17:case default:
            19:c(...) -> 20:}2
            20:}2 -> 7:[endswitch]
            21:[after] -> 7:[endswitch]
            22:return ... -> 23:}1
            23:}1 -> 3:[exit]
            """);
        Assert.Equal(3, FlowAssert.Single(graph, "[casenode] 3").CaseNumber);
        Assert.Equal(ControlFlowNodeKind.CaseNode, graph.Nodes[10].Kind);
        Assert.Equal(SyntaxKind.CaseStatement, graph.Nodes[10].Syntax!.Value.Kind);
        Assert.Equal(AfterKind.Normal, FlowAssert.Single(graph, "[after]").AfterKind);
    }

    [Fact]
    public void SwitchWithoutDefaultCanSkipEveryCase()
    {
        var graph = FlowAssert.Build("void f(int x) { switch (x) { case 1: a(); break; } b(); }");
        var header = FlowAssert.Single(graph, "switch");
        Assert.Equal(["{2", "[switchfall]", "[after]"], FlowAssert.Successors(header));
        Assert.Equal(["[endswitch]"], FlowAssert.Successors(FlowAssert.Single(graph, "[switchfall]")));
        Assert.Equal(ControlFlowEdgeKind.False, header.Successors[1].Kind);
        Assert.Equal(ControlFlowNodeKind.FallThrough, FlowAssert.Single(graph, "[switchfall]").Kind);
        Assert.Equal(["b(...)"], FlowAssert.Successors(FlowAssert.Single(graph, "[endswitch]")));
    }

    [Fact]
    public void DefaultFirstAlsoFollowsTheOpeningBrace()
    {
        var graph = FlowAssert.Build("void f(int x) { switch (x) { default: a(); case 1: b(); } }");
        Assert.Equal(["case default:", "[casenode] 1", "[casenode] 2"], FlowAssert.Successors(FlowAssert.Single(graph, "{2")));
        Assert.Equal(["case:"], FlowAssert.Successors(FlowAssert.Single(graph, "a(...)")));
    }

    [Fact]
    public void StackedCaseLabelsNestLikeSpatchReadsThem()
    {
        var graph = FlowAssert.Build("""
            void f(int x)
            {
                switch (x) {
                case 1:
                case 2:
                    a();
                    break;
                }
            }
            """);
        var cases = FlowAssert.All(graph, "case:");
        Assert.Equal([1, 2, 3, 4, 5], cases[0].Labels.ToArray());
        Assert.Equal([1, 2, 3, 4, 5, 6], cases[1].Labels.ToArray());
        Assert.Equal([1, 2, 3, 4, 5, 6, 7], FlowAssert.Single(graph, "a(...)").Labels.ToArray());
        Assert.Equal([1, 2, 3, 4, 8], graph.Nodes.Single(n => n.Kind == ControlFlowNodeKind.Break).Labels.ToArray());
        Assert.Equal(["case:"], FlowAssert.Successors(cases[0]));
        Assert.Equal(["[casenode] 1", "[casenode] 2"], FlowAssert.Successors(FlowAssert.Single(graph, "{2")));
    }

    [Fact]
    public void SwitchWhoseCasesAllReturnHasNoEnd()
    {
        var graph = FlowAssert.Build("""
            int f(int x)
            {
                switch (x) {
                case 1:
                    return 1;
                default:
                    return 2;
                }
            }
            """);
        Assert.Empty(FlowAssert.All(graph, "[endswitch]"));
        Assert.Empty(FlowAssert.All(graph, "[after]"));
        Assert.Equal(["{2"], FlowAssert.Successors(FlowAssert.Single(graph, "switch")));
        var returns = graph.Nodes.Where(n => n.Kind == ControlFlowNodeKind.Return).ToList();
        Assert.All(returns, r => Assert.Equal(["}2"], FlowAssert.Successors(r)));
        Assert.All(returns, r => Assert.True(FlowAssert.Reaches(r, graph.Exit)));
    }

    [Fact]
    public void ContinueInSwitchRestartsTheEnclosingLoop()
    {
        var graph = FlowAssert.Build("""
            void f(int x)
            {
                while (x) {
                    switch (x) {
                    case 1:
                        continue;
                    case 2:
                        break;
                    }
                    a();
                }
            }
            """);
        var cont = graph.Nodes.Single(n => n.Kind == ControlFlowNodeKind.Continue);
        Assert.Equal(FlowAssert.Single(graph, "while").Labels.ToArray(), cont.JumpTargetLabels.ToArray());
        var path = new List<string>();
        for (var n = cont; n.Kind != ControlFlowNodeKind.WhileHeader; n = graph.Nodes[n.Successors[0].To])
        {
            path.Add(n.Description);
        }

        Assert.Equal(["continue; [1,2,3]", "}3", "}2"], path);

        var brk = graph.Nodes.Single(n => n.Kind == ControlFlowNodeKind.Break);
        Assert.Equal(FlowAssert.Single(graph, "switch").Labels.ToArray(), brk.JumpTargetLabels.ToArray());
        Assert.Equal(["}3"], FlowAssert.Successors(brk));
        Assert.Equal(["[endswitch]"], FlowAssert.Successors(graph.Nodes[brk.Successors[0].To]));
    }

    [Fact]
    public void SwitchWithoutBlockDispatchesFromTheHeader()
    {
        var graph = FlowAssert.Build("void f(int x) { switch (x) case 1: a(); b(); }");
        var problem = Assert.Single(graph.Problems);
        Assert.Equal(ControlFlowProblemKind.SwitchWithoutBlock, problem.Kind);
        Assert.Equal(["[switchfall]", "[casenode] 1", "[after]"], FlowAssert.Successors(FlowAssert.Single(graph, "switch")));
        Assert.Equal(["[endswitch]"], FlowAssert.Successors(FlowAssert.Single(graph, "a(...)")));
    }
}
