using System.Text;
using Sevenspot.C.Flow;
using Xunit;

namespace Sevenspot.C.Tests.Flow;

/// <summary>
/// The graph builder and the model checker's folding reuse their working lists and arrays from function
/// to function on a thread: a graph, and its states, must not depend on the functions built before it.
/// </summary>
public class ScratchReuseTests
{
    private const string Code = """
        int big(int x, int *p)
        {
            int i;
            for (i = 0; i < x; i++) {
                if (p[i] == 0)
                    continue;
                switch (p[i]) {
                case 1:
                    x++;
                    break;
                case 2:
                    goto out;
                default:
                    while (x > 3)
                        x--;
                }
            }
            do {
                x--;
            } while (x > 0);
        out:
            if (!p)
                return -1;
            return x;
        }

        void small(void)
        {
            f();
        }

        int dead(int y)
        {
            return y;
            y++;
            { g(); }
        }
        """;

    [Fact]
    public void GraphsAndStatesDoNotDependOnTheFunctionsBuiltBefore()
    {
        var tree = Parser.Parse(Code);
        var functions = new Dictionary<string, SyntaxNode>();
        foreach (var graph in ControlFlowGraph.BuildAll(tree))
        {
            functions[graph.FunctionName] = graph.Function;
        }

        string[] order = ["big", "small", "dead", "big", "dead", "small", "big"];
        var first = new Dictionary<string, string>();
        foreach (string name in order)
        {
            var view = ControlFlowView.Build(functions[name]);
            string described = Describe(view);
            if (!first.TryAdd(name, described))
            {
                Assert.Equal(first[name], described);
            }
        }

        // The first build of each function was made with lists another function had used (all but the very first).
        Assert.Contains("[top]", first["big"]);
        Assert.NotEqual(first["big"], first["small"]);
    }

    /// <summary>The graph's shape, then each state's node, successors and predecessors.</summary>
    private static string Describe(ControlFlowView view)
    {
        var sb = new StringBuilder(FlowAssert.Shape(view.Graph));
        for (int state = 0; state < view.StateNodes.Length; state++)
        {
            sb.Append(state).Append(' ').Append(view.StateNodes[state]?.Description ?? "(loop)").Append(" ->");
            foreach (int next in view.StateSuccessors[state])
            {
                sb.Append(' ').Append(next);
            }

            sb.Append(" <-");
            foreach (int previous in view.StatePredecessors[state])
            {
                sb.Append(' ').Append(previous);
            }

            sb.Append('\n');
        }

        return sb.Append("loops ").Append(view.HasLoops).ToString();
    }
}
