using Sevenspot.Engine.Ctl;
using static Sevenspot.Engine.Ctl.Formula;

namespace Sevenspot.Engine.Tests.Ctl;

/// <summary>Direction, determinism, cancellation and size.</summary>
public class EngineTests
{
    [Fact]
    public void BackwardUntil_FollowsPredecessors()
    {
        // 0 → 1 → 2 → 3 ↺: "a(); ... b();" read backward from b: A^[!a U a].
        var m = new TestModel(4).Path(0, 1, 2, 3).Edge(3, 3).At("a", 1).At("b", 2);
        var f = And(Pred("b"), AX(AU(Not(Pred("a")), Pred("a"), Direction.Backward), Direction.Backward));
        Assert.Equal([2], Show.States(ModelChecker.Check(m, f)));
        // Backward from 3 there is the infinite path 3, 3, ... (its self loop), and 0 has no predecessor.
        Assert.Equal([1, 2], Show.States(ModelChecker.Check(m, AF(Pred("a"), Direction.Backward))));
    }

    [Fact]
    public void LetR_EvaluatesItsValueOverTheReachableStates()
    {
        var m = new TestModel(4).Path(0, 1, 2, 3).Edge(3, 3).At("start", 2).At("p", 0, 3);
        // Within "start & ...", the value of r is only computed from 2 onward (backward: 0 to 2).
        var forward = And(Pred("start"), LetR("r", Pred("p"), EF(Ref<string>("r"))));
        Assert.Equal([2], Show.States(ModelChecker.Check(m, forward)));
        var backward = And(Pred("start"), LetR("r", Pred("p"), EF(Ref<string>("r"), Direction.Backward), Direction.Backward));
        Assert.Equal([2], Show.States(ModelChecker.Check(m, backward)));
    }

    [Fact]
    public void ResultsAreDeterministic()
    {
        var m = new TestModel(6).Path(0, 1, 2, 4, 5).Path(1, 3, 4).Edge(5, 5)
            .Bind("p", 2, "x=1").Bind("p", 3, "x=2").Bind("p", 3, "x=1").Bind("q", 4, "y=3").At("r", 0, 1, 2, 3);
        var f = EU(Pred("r"), Or(Exists("x", Exists("_v", Modif("p", "_v"), keep: true), keep: true), Pred("q")));
        var first = Show.Triples(ModelChecker.Check(m, f));
        for (var i = 0; i < 5; i++)
            Assert.Equal(first, Show.Triples(ModelChecker.Check(m, f)));
        Assert.Equal(Show.States(ModelChecker.Check(m, f)).Order(), Show.States(ModelChecker.Check(m, f)));
    }

    [Fact]
    public void Cancellation_StopsTheCheck()
    {
        var m = new TestModel(3).Path(0, 1, 2).Edge(2, 2).At("p", 0, 1).At("q", 2);
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        Assert.Throws<OperationCanceledException>(() => ModelChecker.Check(m, AU(Pred("p"), Pred("q")), new CheckOptions { CancellationToken = cts.Token }));
    }

    [Fact]
    public void BadModels_AreReported()
    {
        var m = new TestModel(2).Edge(0, 1).At("p", 5);
        Assert.Throws<InvalidOperationException>(() => ModelChecker.Check(m, Pred("p")));
    }

    [Fact]
    public void LargeGraphs_NeedNoDeepRecursion()
    {
        // A straight line of 200 000 states with a() at the start and b(E) at the end: the fixpoints are
        // iterative, and each step only looks at the new states.
        const int n = 200_000;
        var m = new TestModel(n).At("a", 0).Bind("b", n - 2, "E=1").Edge(n - 1, n - 1);
        for (var i = 0; i + 1 < n; i++)
            m.Edge(i, i + 1);
        var f = And(Pred("a"), AX(AU(Not(Or(Pred("a"), Pred("b"))), Exists("E", Exists("_v", Modif("b", "_v"), keep: true)))), Strictness.Strict);
        var result = ModelChecker.Check(m, f);
        Assert.Equal("0[]{wit 199998[_v --> Modif(b)]{}}", Show.Triples(result));
        // AG(!b) holds only after b; with a greatest fixpoint that shrinks by one state per round.
        Assert.Equal([n - 1], Show.States(ModelChecker.Check(m, AG(Not(Exists("E", Pred("b")))))));
    }
}
