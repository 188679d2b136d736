using Sevenspot.C.Flow;
using Xunit;

namespace Sevenspot.C.Tests.Flow;

public class LoopTests
{
    [Fact]
    public void While()
    {
        var graph = FlowAssert.Build("void f(int n) { while (n--) a(); b(); }");
        FlowAssert.HasShape(graph, """
            0:[top] -> 1:function f
            1:function f -> 2:[enter]
            2:[enter] -> 5:{1
            3:[exit]
            4:[errorexit]
            5:{1 -> 6:while
            6:while -> 7:[whiletrue], 8:[whilefall]
            7:[whiletrue] -> 10:a(...)
            8:[whilefall] -> 9:[endwhile]
            9:[endwhile] -> 11:b(...)
            10:a(...) -> 6:while
            11:b(...) -> 12:}1
            12:}1 -> 3:[exit]
            """);
        var header = FlowAssert.Single(graph, "while");
        Assert.True(header.IsLoopHead);
        Assert.Equal(1, header.BackEdgeCount);
        Assert.Equal([ControlFlowEdgeKind.True, ControlFlowEdgeKind.False], header.Successors.ToArray().Select(e => e.Kind).ToArray());
        Assert.True(FlowAssert.Single(graph, "a(...)").Successors[0].IsBack);
        Assert.Equal(ControlFlowNodeKind.InLoop, FlowAssert.Single(graph, "[whiletrue]").Kind);
        Assert.Equal(ControlFlowNodeKind.LoopFallThrough, FlowAssert.Single(graph, "[whilefall]").Kind);
        Assert.Equal(ControlFlowNodeKind.EndLoop, FlowAssert.Single(graph, "[endwhile]").Kind);
    }

    [Fact]
    public void DoWhile()
    {
        var graph = FlowAssert.Build("void f(int n) { do { a(); } while (n--); b(); }");
        FlowAssert.HasShape(graph, """
            0:[top] -> 1:function f
            1:function f -> 2:[enter]
            2:[enter] -> 5:{1
            3:[exit]
            4:[errorexit]
            5:{1 -> 6:do
            6:do -> 10:[after], 12:{2
            7:whiletail -> 8:[dowhilefall], 11:[dowhiletrue]
            8:[dowhilefall] -> 9:[enddowhile]
            9:[enddowhile] -> 16:b(...)
            10:[after] -> 9:[enddowhile]
            11:[dowhiletrue] -> 6:do
            12:{2 -> 13:a(...), 15:[after]
            13:a(...) -> 14:}2
            14:}2 -> 7:whiletail
            15:[after] -> 14:}2
            16:b(...) -> 17:}1
            17:}1 -> 3:[exit]
            """);
        Assert.True(FlowAssert.Single(graph, "do").IsLoopHead);
        Assert.Equal(ControlFlowNodeKind.FallThrough, FlowAssert.Single(graph, "[dowhilefall]").Kind);
    }

    [Fact]
    public void DoWhileZeroDoesNotLoop()
    {
        var graph = FlowAssert.Build("void f(void) { do a(); while (0); }");
        Assert.Empty(FlowAssert.All(graph, "[dowhiletrue]"));
        Assert.Equal(["[dowhilefall]"], FlowAssert.Successors(FlowAssert.Single(graph, "whiletail")));
        Assert.DoesNotContain(graph.Nodes, n => n.IsLoopHead);
    }

    [Fact]
    public void DoWhileWithMacroTest()
    {
        var graph = FlowAssert.Build("void f(void) { do { a(t); } while_each_thread(g, t); }");
        Assert.Equal(["[dowhilefall]", "[dowhiletrue]"], FlowAssert.Successors(FlowAssert.Single(graph, "whiletail")));
    }

    [Theory]
    [InlineData("for (i = 0; i < n; i++)")]
    [InlineData("for (int i = 0; i < n; i++)")]
    [InlineData("for (;;)")]
    [InlineData("for (; i < n;)")]
    public void ForWithAndWithoutParts(string head)
    {
        var graph = FlowAssert.Build($"void f(int n) {{ int i; {head} a(i); b(); }}");
        FlowAssert.HasShape(graph, """
            0:[top] -> 1:function f
            1:function f -> 2:[enter]
            2:[enter] -> 5:{1
            3:[exit]
            4:[errorexit]
            5:{1 -> 6:decl:i
            6:decl:i -> 7:for
            7:for -> 8:[fortrue], 9:[forfall]
            8:[fortrue] -> 11:a(...)
            9:[forfall] -> 10:[endfor]
            10:[endfor] -> 12:b(...)
            11:a(...) -> 7:for
            12:b(...) -> 13:}1
            13:}1 -> 3:[exit]
            """);
        Assert.True(FlowAssert.Single(graph, "for").IsLoopHead);
    }

    [Fact]
    public void IteratorMacroWithBraces()
    {
        var graph = FlowAssert.Build("""
            void f(struct list_head *h)
            {
                struct foo *p;
                list_for_each_entry(p, h, list) {
                    foo(p);
                }
            }
            """);
        FlowAssert.HasShape(graph, """
            0:[top] -> 1:function f
            1:function f -> 2:[enter]
            2:[enter] -> 5:{1
            3:[exit]
            4:[errorexit]
            5:{1 -> 6:decl:p
            6:decl:p -> 7:foreach
            7:foreach -> 8:[fortrue], 9:[foreachfall]
            8:[fortrue] -> 11:{2
            9:[foreachfall] -> 10:[endforeach]
            10:[endforeach] -> 15:}1
            11:{2 -> 12:foo(...), 14:[after]
            12:foo(...) -> 13:}2
            13:}2 -> 7:foreach
            14:[after] -> 13:}2
            15:}1 -> 3:[exit]
            """);
        Assert.Equal(ControlFlowNodeKind.IteratorHeader, FlowAssert.Single(graph, "foreach").Kind);
        Assert.Equal(SyntaxKind.IteratorStatement, FlowAssert.Single(graph, "foreach").Syntax!.Value.Kind);
    }

    [Fact]
    public void IteratorMacroWithoutBraces()
    {
        var graph = FlowAssert.Build("""
            void f(struct list_head *h)
            {
                struct foo *p;
                list_for_each_entry(p, h, list)
                    foo(p);
                bar();
            }
            """);
        Assert.Equal(["[fortrue]", "[foreachfall]"], FlowAssert.Successors(FlowAssert.Single(graph, "foreach")));
        Assert.Equal(["foo(...)"], FlowAssert.Successors(FlowAssert.Single(graph, "[fortrue]")));
        Assert.Equal(["foreach"], FlowAssert.Successors(FlowAssert.Single(graph, "foo(...)")));
        Assert.Equal(["bar(...)"], FlowAssert.Successors(FlowAssert.Single(graph, "[endforeach]")));
    }

    [Fact]
    public void BreakAndContinueInNestedLoops()
    {
        var graph = FlowAssert.Build("""
            void f(int n, int m)
            {
                while (n--) {
                    for (;;) {
                        if (m)
                            break;
                        if (n)
                            continue;
                        a();
                    }
                    if (m > n)
                        continue;
                    b();
                }
            }
            """);
        var outer = FlowAssert.Single(graph, "while");
        var inner = FlowAssert.Single(graph, "for");

        // break leaves the inner loop through the copies of "}3" only; continue restarts the loop it is in.
        var innerBreak = graph.Nodes.Single(n => n.Kind == ControlFlowNodeKind.Break);
        Assert.Equal(inner.Labels.ToArray(), innerBreak.JumpTargetLabels.ToArray());
        Assert.Equal(["}3"], FlowAssert.Successors(innerBreak));
        var copy = graph.Nodes[innerBreak.Successors[0].To];
        Assert.True(copy.IsDuplicate);
        Assert.Equal(["[endfor]"], FlowAssert.Successors(copy));

        var continues = graph.Nodes.Where(n => n.Kind == ControlFlowNodeKind.Continue).ToList();
        Assert.Equal(2, continues.Count);
        Assert.Equal(inner.Labels.ToArray(), continues[0].JumpTargetLabels.ToArray());
        Assert.Equal(outer.Labels.ToArray(), continues[1].JumpTargetLabels.ToArray());
        Assert.Equal("continue; [1,2,3,4,5]", continues[0].Description);
        Assert.Equal(["}3"], FlowAssert.Successors(continues[0]));
        Assert.Equal(["for"], FlowAssert.Successors(graph.Nodes[continues[0].Successors[0].To]));
        Assert.Equal(["}2"], FlowAssert.Successors(continues[1]));
        Assert.Equal(["while"], FlowAssert.Successors(graph.Nodes[continues[1].Successors[0].To]));

        // Each loop head is entered by its back edges: the body's end and the continue.
        Assert.Equal(2, inner.BackEdgeCount);
        Assert.Equal(2, outer.BackEdgeCount);

        // The loop ends when its test fails or through the break's copy of "}3".
        Assert.Equal(["[forfall]", "}3"], FlowAssert.Predecessors(FlowAssert.Single(graph, "[endfor]")));
        Assert.True(FlowAssert.Reaches(FlowAssert.Single(graph, "a(...)"), graph.Exit));
    }

    [Fact]
    public void ContinueInDoWhileGoesToTheTest()
    {
        var graph = FlowAssert.Build("void f(int x) { do { if (x) continue; a(); } while (x); }");
        var cont = graph.Nodes.Single(n => n.Kind == ControlFlowNodeKind.Continue);
        var copy = graph.Nodes[cont.Successors[0].To];
        Assert.Equal(["whiletail"], FlowAssert.Successors(copy));
    }

    [Fact]
    public void BlockThatOnlyJumpsKeepsItsAfterNodesForEachJump()
    {
        // The loop body never ends normally: its "}2" exists only as copies, one per jump, each with its own [after].
        var graph = FlowAssert.Build("""
            int f(int x)
            {
                while (x) {
                    if (x > 2)
                        goto out;
                    else
                        return 3;
                }
            out:
                return 1;
            }
            """);
        var open = FlowAssert.Single(graph, "{2");
        Assert.Equal(["if", "[goto after]", "[ret after]"], FlowAssert.Successors(open));
        Assert.Equal(2, FlowAssert.All(graph, "}2").Count);
        Assert.All(FlowAssert.All(graph, "}2"), n => Assert.True(n.IsDuplicate));
        Assert.False(FlowAssert.Single(graph, "while").IsLoopHead);
        Assert.All(FlowAssert.All(graph, "[goto after]"), n => Assert.Equal(AfterKind.Goto, n.AfterKind));
    }
}
