using Xunit;

namespace Sevenspot.C.Tests.Flow;

public class DotTests
{
    [Fact]
    public void MatchesSpatchControlFlowFile()
    {
        // spatch --control-flow-to-file t.c, file t:f.dot, for the function below.
        const string Spatch = """
            digraph misc {
            size = "10,10";
            0 [label="[top][]   [0]"];
            1 [label="function f[1]   [1]"];
            2 [label="[enter][]   [2]"];
            3 [label="[exit][]   [3]"];
            4 [label="[errorexit][]   [4]"];
            5 [label="out:[1,2,7]   [5]"];
            6 [label="{1[1]   [6]"];
            7 [label="lock(...)[1,2,3]   [7]"];
            8 [label="if[1,2,4]   [8]"];
            9 [label="[then][1,2,4]   [9]"];
            10 [label="[fallthrough][1,2,4]   [10]"];
            11 [label="[endif][1,2,4]   [11]"];
            12 [label="[after][1,2,4]   [12]"];
            13 [label="goto out:[1,2,4,5]   [13]"];
            14 [label="work(...)[1,2,6]   [14]"];
            15 [label="unlock(...)[1,2,7,8]   [15]"];
            16 [label="return ...[1,2,9]   [16]"];
            17 [label="}1[1]   [17]"];
            0 -> 1;
            1 -> 2;
            2 -> 6;
            5 -> 15;
            6 -> 7;
            7 -> 8;
            8 -> 9;
            8 -> 10;
            8 -> 12;
            9 -> 13;
            10 -> 11;
            11 -> 14;
            12 -> 11;
            13 -> 5;
            14 -> 5;
            15 -> 16;
            16 -> 17;
            17 -> 3;
            }
            """;
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
        Assert.Equal(Spatch.ReplaceLineEndings("\n") + "\n", graph.ToDot());
    }

    [Fact]
    public void LoopHeadsGetAStarPerBackEdge()
    {
        var graph = FlowAssert.Build("void f(int n) { while (n) { if (n > 3) continue; n--; } }");
        string dot = graph.ToDot("f");
        Assert.StartsWith("digraph f {\n", dot, StringComparison.Ordinal);
        Assert.Contains("[label=\"while[1,2,3]**   [6]\"]", dot, StringComparison.Ordinal);
        Assert.Contains("[label=\"continue; [1,2,3][1,2,3,4,5,6]   [", dot, StringComparison.Ordinal);
    }

    [Fact]
    public void GraphNamesAreQuotedWhenNeeded()
    {
        var graph = FlowAssert.Build("void f(void) { }");
        Assert.StartsWith("digraph \"a b\\\"c\" {\n", graph.ToDot("a b\"c"), StringComparison.Ordinal);
    }
}
