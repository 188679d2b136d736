using Sevenspot.Engine.Ctl;
using static Sevenspot.Engine.Ctl.Formula;

namespace Sevenspot.Engine.Tests.Ctl;

public class LoopTests
{
    // 0 → 1 (loop head) → 2 → 1, 1 → 3 (q) → 4 ↺
    private static TestModel Loop() => new TestModel(5).Path(0, 1, 2, 1).Path(1, 3, 4).Edge(4, 4).At("p", 0, 1, 2).At("q", 3);

    [Fact]
    public void AU_WithoutLoopHandling_CountsThePathAroundTheLoopForever()
    {
        // The least fixpoint never gets the loop: the path 1 → 2 → 1 → ... never reaches q.
        Assert.Equal([3], Show.States(ModelChecker.Check(Loop(), AU(Pred("p"), Pred("q")))));
    }

    [Fact]
    public void AU_InCodeWithLoops_IgnoresInfinitePaths()
    {
        var m = Loop().Loops(1);
        Assert.Equal([0, 1, 2, 3], Show.States(ModelChecker.Check(m, AU(Pred("p"), Pred("q")))));
        // AF is checked as A[true U q] in code with loops.
        Assert.Equal([0, 1, 2, 3], Show.States(ModelChecker.Check(m, AF(Pred("q")))));
        Assert.Equal([3], Show.States(ModelChecker.Check(Loop(), AF(Pred("q")))));
    }

    [Fact]
    public void AU_InCodeWithLoops_StillNeedsAPathOut()
    {
        // 0 → 1 → 2 → 1 only (no exit from the loop), q is nowhere reachable: A[p U q] is false even with loops.
        var m = new TestModel(4).Path(0, 1, 2, 1).At("p", 0, 1, 2).At("q", 3).Edge(3, 3).Loops(1);
        Assert.Equal([3], Show.States(ModelChecker.Check(m, AU(Pred("p"), Pred("q")))));
    }

    [Fact]
    public void AU_InCodeWithLoops_KeepsWitnessesOfThePathsThatLeaveTheLoop()
    {
        var m = Loop().Loops(1);
        var f = AU(Pred("p"), Exists("_v", Modif("q", "_v"), keep: true));
        Assert.Equal(
            "0[]{wit 3[_v --> Modif(q)]{}} 1[]{wit 3[_v --> Modif(q)]{}} 2[]{wit 3[_v --> Modif(q)]{}} 3[]{wit 3[_v --> Modif(q)]{}}",
            Show.Triples(ModelChecker.Check(m, f)));
    }

    [Fact]
    public void AU_InNestedLoops()
    {
        // 0 → 1 (outer) → 2 (inner) → 3 → 2, 2 → 4 → 1, 1 → 5 (q) → 6 ↺
        var m = new TestModel(7).Path(0, 1, 2, 3, 2).Path(2, 4, 1).Path(1, 5, 6).Edge(6, 6).At("p", 0, 1, 2, 3, 4).At("q", 5);
        Assert.Equal([5], Show.States(ModelChecker.Check(m, AU(Pred("p"), Pred("q")))));
        m.Loops(1, 2);
        Assert.Equal([0, 1, 2, 3, 4, 5], Show.States(ModelChecker.Check(m, AU(Pred("p"), Pred("q")))));
        // A gap in p inside the inner loop is a finite path that fails, so every state that can reach it fails.
        var n = new TestModel(7).Path(0, 1, 2, 3, 2).Path(2, 4, 1).Path(1, 5, 6).Edge(6, 6).At("p", 0, 1, 2, 4).At("q", 5).Loops(1, 2);
        Assert.Equal([5], Show.States(ModelChecker.Check(n, AU(Pred("p"), Pred("q")))));
        Assert.Equal([0, 1, 2, 4, 5], Show.States(ModelChecker.Check(n, EU(Pred("p"), Pred("q")))));
    }

    [Fact]
    public void AW_AndAG_InALoop()
    {
        var m = Loop().Loops(1);
        Assert.Equal([0, 1, 2, 3], Show.States(ModelChecker.Check(m, AW(Pred("p"), Pred("q")))));
        Assert.Equal([0, 1, 2], Show.States(ModelChecker.Check(m, EG(Pred("p")))));
        Assert.Empty(ModelChecker.Check(m, AG(Pred("p"))));
        Assert.Equal([0, 1, 2, 3, 4], Show.States(ModelChecker.Check(m, AG(Not(Pred("r"))))));
    }

    [Fact]
    public void UnreachableCode_IsCheckedOnItsOwn()
    {
        // 0 → 1 → 2 ↺; dead code 4 kept alive by a self-looping fake predecessor 3 (as Coccinelle does), 4 → 2.
        var m = new TestModel(5).Path(0, 1, 2).Edge(2, 2).Path(3, 4, 2).Edge(3, 3).At("p", 0, 1, 3, 4).At("q", 2);
        Assert.Equal([0, 1, 2, 4], Show.States(ModelChecker.Check(m, AU(Pred("p"), Pred("q")))));
        Assert.Equal([0, 1, 2, 3, 4], Show.States(ModelChecker.Check(m, EU(Pred("p"), Pred("q")))));
        // Under an AX from the start, the dead code plays no part.
        m.At("start", 0);
        Assert.Equal([0], Show.States(ModelChecker.Check(m, And(Pred("start"), AX(AU(Pred("p"), Pred("q")))))));
    }

    /// <summary>
    /// <c>T x = C; ... when != x  return x;</c> on declarations, a loop, <c>[after]</c>, a use of the returned
    /// name and its return: the use stops the search from the return before the loop, and the <c>[after]</c>
    /// node does not start one, so the plain until decides (as spatch 1.1.1 does). The weak until would carry one
    /// triple per choice of negated binding at each declaration back from the <c>[after]</c> node (2^20 here),
    /// which the cancellation inside the fixpoint's round then stops.
    /// </summary>
    [Fact]
    public void AU_WhoseBindingsStopBeforeTheLoop_StaysTheStrongUntil()
    {
        const int declarations = 20;
        int loop = declarations, body = declarations + 1, after = declarations + 2, use = declarations + 3, ret = declarations + 4, end = declarations + 5;
        var m = new TestModel(end + 1).Path(loop, body, loop).Path(loop, after, use, ret, end).Edge(end, end).Loops(loop);
        m.AfterNodes.Add(after);
        for (var i = 0; i < declarations; i++)
        {
            m.Edge(i, i + 1 == declarations ? loop : i + 1);
            m.Bind("decl", i, $"x=v{i}", $"c=c{i}");
        }
        m.Bind("use", use, "x=a").Bind("ret", ret, "x=a").At("after", after);
        var phi = And(Not(Pred("decl")), Not(Pred("use")));
        using var cancellation = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var result = ModelChecker.Check(m, AU(phi, Or(Pred("ret"), Pred("after"))), new CheckOptions { CancellationToken = cancellation.Token });
        Assert.Equal([after, ret], Show.States(result));
    }
}
