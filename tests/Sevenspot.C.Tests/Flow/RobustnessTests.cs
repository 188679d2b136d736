using Sevenspot.C.Flow;
using Xunit;

namespace Sevenspot.C.Tests.Flow;

public class RobustnessTests
{
    [Fact]
    public void ErrorStatementsArePlainStatements()
    {
        var graph = FlowAssert.Build("""
            int f(int x)
            {
                a();
                x = = 3 ];
                if (x)
                    @@@ ;
                return x;
            }
            """);
        var errors = graph.Nodes.Where(n => n.Syntax is { Kind: SyntaxKind.ErrorStatement }).ToList();
        Assert.NotEmpty(errors);
        Assert.All(errors, e => Assert.Equal(ControlFlowNodeKind.Statement, e.Kind));
        Assert.All(errors, e => Assert.Equal("[error]", e.Description));
        Assert.True(FlowAssert.Reaches(FlowAssert.Single(graph, "a(...)"), FlowAssert.Single(graph, "return ...")));
    }

    [Fact]
    public void BreakAndContinueOutsideLoopsLeaveTheFunction()
    {
        var graph = FlowAssert.Build("void f(int x) { if (x) break; { continue; } a(); }");
        Assert.Equal([ControlFlowProblemKind.JumpOutsideLoop, ControlFlowProblemKind.JumpOutsideLoop], graph.Problems.Select(p => p.Kind).ToArray());
        Assert.True(FlowAssert.Reaches(graph.Nodes.Single(n => n.Kind == ControlFlowNodeKind.Break), graph.Exit));
        Assert.True(FlowAssert.Reaches(graph.Nodes.Single(n => n.Kind == ControlFlowNodeKind.Continue), graph.Exit));
        Assert.Equal("break; []", graph.Nodes.Single(n => n.Kind == ControlFlowNodeKind.Break).Description);
    }

    [Fact]
    public void ContinueInSwitchOutsideLoops()
    {
        var graph = FlowAssert.Build("void f(int x) { switch (x) { case 1: continue; } }");
        Assert.Equal(ControlFlowProblemKind.JumpOutsideLoop, Assert.Single(graph.Problems).Kind);
    }

    [Fact]
    public void CaseOutsideSwitchIsAPlainLabel()
    {
        var graph = FlowAssert.Build("void f(int x) { a(); case 1: b(); default: c(); }");
        Assert.Equal([ControlFlowProblemKind.CaseOutsideSwitch, ControlFlowProblemKind.CaseOutsideSwitch], graph.Problems.Select(p => p.Kind).ToArray());
        Assert.DoesNotContain(graph.Nodes, n => n.Kind == ControlFlowNodeKind.CaseNode);
        Assert.Equal(["case:"], FlowAssert.Successors(FlowAssert.Single(graph, "a(...)")));
        Assert.Equal(["case default:"], FlowAssert.Successors(FlowAssert.Single(graph, "b(...)")));
    }

    [Fact]
    public void DeepNestingWithinTheParserLimit()
    {
        const int Depth = 100;
        string code = "void f(int x) {" + string.Concat(Enumerable.Repeat("if (x) {", Depth)) + "a();" + new string('}', Depth) + "}";
        var graph = FlowAssert.Build(code);
        Assert.Equal(Depth, FlowAssert.All(graph, "if").Count);
        Assert.Equal(2 + (2 * Depth) + 1, FlowAssert.Single(graph, "a(...)").Labels.Length);
        Assert.True(FlowAssert.Reaches(FlowAssert.Single(graph, "a(...)"), graph.Exit));
        Assert.Empty(graph.Problems);
    }

    [Fact]
    public void NestingDeeperThanTheBuilderFollowsBecomesOnePlainNode()
    {
        // A tree deeper than the parser's default limit, parsed on a big stack, then built on a small one.
        const int Depth = 3000;
        string code = "void f(int x) {" + string.Concat(Enumerable.Repeat("while (x) {", Depth)) + "a();" + new string('}', Depth) + "}";
        SyntaxTree? tree = null;
        RunOnThread(() => tree = Parser.Parse(code, options: new ParseOptions { MaxDepth = 4 * Depth }), 512 * 1024 * 1024);
        ControlFlowGraph? graph = null;
        RunOnThread(() => graph = ControlFlowGraph.Build(Assert.Single(tree!.Root.AsCompilationUnit().ItemList.ChildNodes())), 1024 * 1024);
        FlowAssert.CheckInvariants(graph!);
        var problem = Assert.Single(graph!.Problems);
        Assert.Equal(ControlFlowProblemKind.TooDeep, problem.Kind);
        Assert.True(FlowAssert.All(graph, "while").Count < Depth);
    }

    private static void RunOnThread(Action action, int stackSize)
    {
        Exception? failure = null;
        var thread = new Thread(
            () =>
            {
                try
                {
                    action();
                }
                catch (Exception e)
                {
                    failure = e;
                }
            },
            stackSize);
        thread.Start();
        thread.Join();
        if (failure is not null)
        {
            throw new InvalidOperationException("The work failed.", failure);
        }
    }

    [Fact]
    public void RejectsWhatIsNotAFunctionDefinition()
    {
        var tree = Parser.Parse("int x;");
        Assert.Throws<ArgumentException>(() => ControlFlowGraph.Build(tree.Root));
    }

    /// <summary>Cuts and splices a function with every kind of statement at many places: whatever the parser makes of it gets a sound graph.</summary>
    [Fact]
    public void MangledCodeStillGetsGraphs()
    {
        const string Code = """
            static int f(struct s *p, int n)
            {
                int i, r = 0;
                DEFINE_WAIT(w);
            again:
                for (i = 0; i < n; i++) {
                    if (p[i].x)
                        continue;
                    switch (p[i].y) {
                    case 1: case 2:
                        r++;
                        break;
                    default:
                        goto out;
                    }
                }
                list_for_each_entry(p, &head, list)
                    r += p->x;
                do {
                    r--;
                } while (r > 10);
            #ifdef CONFIG_X
                while (r) { if (r & 1) return r; r >>= 1; }
            #else
                r = ({ int t = r; t; });
            #endif
                if (r)
                    goto again;
            out:
                return r;
            }
            """;
        var random = new Random(7);
        int graphs = 0;
        for (int round = 0; round < 400; round++)
        {
            string mangled = Code;
            for (int edits = random.Next(1, 4); edits > 0; edits--)
            {
                int at = random.Next(mangled.Length);
                int length = random.Next(0, 12);
                mangled = random.Next(3) switch
                {
                    0 => mangled.Remove(at, Math.Min(length, mangled.Length - at)),
                    1 => mangled.Insert(at, Code.Substring(random.Next(Code.Length - 12), length)),
                    _ => mangled[..at],
                };
            }

            foreach (var graph in ControlFlowGraph.BuildAll(Parser.Parse(mangled)))
            {
                FlowAssert.CheckInvariants(graph);
                Assert.NotEmpty(graph.ToDot());
                graphs++;
            }
        }

        Assert.True(graphs > 100);
    }
}
