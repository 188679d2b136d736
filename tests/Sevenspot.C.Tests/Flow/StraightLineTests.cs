using Sevenspot.C.Flow;
using Xunit;

namespace Sevenspot.C.Tests.Flow;

public class StraightLineTests
{
    [Fact]
    public void StatementsFollowEachOtherBetweenTheBraces()
    {
        var graph = FlowAssert.Build("""
            int f(int x)
            {
                int y = x;
                foo(y);
                y = 2;
                ;
                return y;
            }
            """);
        FlowAssert.HasShape(graph, """
            0:[top] -> 1:function f
            1:function f -> 2:[enter]
            2:[enter] -> 5:{1
            3:[exit]
            4:[errorexit]
            5:{1 -> 6:decl:y
            6:decl:y -> 7:foo(...)
            7:foo(...) -> 8:y = ... ;
            8:y = ... ; -> 9:empty;
            9:empty; -> 10:return ...
            10:return ... -> 11:}1
            11:}1 -> 3:[exit]
            """);
        Assert.Same(graph.Nodes[0], graph.Top);
        Assert.Same(graph.Nodes[1], graph.Header);
        Assert.Same(graph.Nodes[2], graph.Entry);
        Assert.Same(graph.Nodes[3], graph.Exit);
        Assert.Same(graph.Nodes[4], graph.ErrorExit);
        Assert.Empty(graph.Problems);
    }

    [Fact]
    public void FallingOffTheEndLeavesThroughTheClosingBrace()
    {
        var graph = FlowAssert.Build("void f(void) { a(); }");
        FlowAssert.HasShape(graph, """
            0:[top] -> 1:function f
            1:function f -> 2:[enter]
            2:[enter] -> 5:{1
            3:[exit]
            4:[errorexit]
            5:{1 -> 6:a(...)
            6:a(...) -> 7:}1
            7:}1 -> 3:[exit]
            """);
    }

    [Fact]
    public void EmptyBody()
    {
        var graph = FlowAssert.Build("void f(void) { }");
        Assert.Equal(["}1"], FlowAssert.Successors(FlowAssert.Single(graph, "{1")));
        Assert.Equal(["[exit]"], FlowAssert.Successors(FlowAssert.Single(graph, "}1")));
    }

    [Fact]
    public void NodesPointBackToTheirSyntax()
    {
        var graph = FlowAssert.Build("void f(int x) { a(); if (x) b(); }");
        var call = FlowAssert.Single(graph, "a(...)");
        Assert.Equal(SyntaxKind.ExpressionStatement, call.Syntax!.Value.Kind);
        Assert.Equal("a();", call.Syntax.Value.ToString());
        var header = FlowAssert.Single(graph, "if");
        Assert.Equal(SyntaxKind.IfStatement, header.Syntax!.Value.Kind);
        Assert.Same(header.Syntax.Value.Tree, call.Syntax.Value.Tree);
        Assert.Equal(SyntaxKind.FunctionDefinition, graph.Top.Syntax!.Value.Kind);
        Assert.Equal(graph.Function, graph.Header.Syntax!.Value);

        var ifNodes = graph.GetNodes(header.Syntax.Value).Select(n => n.Description).ToArray();
        Assert.Equal(["if", "[then]", "[fallthrough]", "[endif]", "[after]"], ifNodes);
        Assert.Equal("{1", FlowAssert.Single(graph, "{1").Description);
        Assert.Equal(1, FlowAssert.Single(graph, "{1").BraceLevel);
    }

    [Fact]
    public void StatementLabelsNumberEnclosingStatements()
    {
        var graph = FlowAssert.Build("void f(int x) { a(); if (x) { b(); } c(); }");
        Assert.Equal([1], graph.Header.Labels.ToArray());
        Assert.Equal([1], FlowAssert.Single(graph, "{1").Labels.ToArray());
        Assert.Equal([1, 2, 3], FlowAssert.Single(graph, "a(...)").Labels.ToArray());
        Assert.Equal([1, 2, 4], FlowAssert.Single(graph, "if").Labels.ToArray());
        Assert.Equal([1, 2, 4, 5], FlowAssert.Single(graph, "{2").Labels.ToArray());
        Assert.Equal([1, 2, 4, 5, 6], FlowAssert.Single(graph, "b(...)").Labels.ToArray());
        Assert.Equal([1, 2, 7], FlowAssert.Single(graph, "c(...)").Labels.ToArray());
        Assert.Empty(graph.Exit.Labels.ToArray());
    }

    [Fact]
    public void StatementExpressionsStayInsideTheirStatement()
    {
        // Like spatch, the graph does not enter ({ ... }): the declaration is one node, and the
        // label and return inside the statement expression are not part of the function's flow.
        var graph = FlowAssert.Build("""
            int f(int x)
            {
                int y = ({ int z = x; if (z) goto in; in: z; });
                return ({ if (y) return 1; y; });
            }
            """);
        FlowAssert.HasShape(graph, """
            0:[top] -> 1:function f
            1:function f -> 2:[enter]
            2:[enter] -> 5:{1
            3:[exit]
            4:[errorexit]
            5:{1 -> 6:decl:y
            6:decl:y -> 7:return ...
            7:return ... -> 8:}1
            8:}1 -> 3:[exit]
            """);
        Assert.Empty(graph.Problems);
    }

    [Fact]
    public void PlainStatementKinds()
    {
        var graph = FlowAssert.Build("""
            void f(struct s *p)
            {
                struct s a, b;
                DEFINE_MUTEX(m);
                p->x = 1;
                a.x = 2;
                p->x += 3;
                asm volatile("nop");
                might_sleep();
                (*p->fn)(p);
            }
            """);
        string[] texts = graph.Nodes.Where(n => n.Kind == ControlFlowNodeKind.Statement).Select(n => n.Description).ToArray();
        Assert.Equal(["decl_novar_or_multivar", "DEFINE_MUTEX(...)", "statement", "a.x = ... ;", "statement", "asm;", "might_sleep(...)", "statement"], texts);
    }
}
