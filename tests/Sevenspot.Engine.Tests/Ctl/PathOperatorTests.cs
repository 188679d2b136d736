using Sevenspot.Engine.Ctl;
using static Sevenspot.Engine.Ctl.Formula;

namespace Sevenspot.Engine.Tests.Ctl;

public class PathOperatorTests
{
    // 0 → 1 → 2 → 3 ↺
    private static TestModel Line() => new TestModel(4).Path(0, 1, 2, 3).Edge(3, 3);

    // 0 → 1 → {2, 3} → 4 → 5 ↺
    private static TestModel Diamond() => new TestModel(6).Path(0, 1, 2, 4, 5).Path(1, 3, 4).Edge(5, 5);

    [Fact]
    public void Atoms_TrueAndFalse()
    {
        var m = Line().At("p", 1, 2);
        Assert.Equal([1, 2], Show.States(ModelChecker.Check(m, Pred("p"))));
        Assert.Equal([0, 1, 2, 3], Show.States(ModelChecker.Check(m, True<string>())));
        Assert.False(ModelChecker.Check(m, False<string>()).IsMatch);
        Assert.Equal([0, 3], Show.States(ModelChecker.Check(m, Not(Pred("p")))));
    }

    [Fact]
    public void EX_And_AX_OnADiamond()
    {
        var m = Diamond().At("p", 2);
        Assert.Equal([1], Show.States(ModelChecker.Check(m, EX(Pred("p")))));
        Assert.False(ModelChecker.Check(m, AX(Pred("p"))).IsMatch);
        m.At("p", 3);
        Assert.Equal([1], Show.States(ModelChecker.Check(m, AX(Pred("p")))));
        // Backward: the states whose predecessors all satisfy the operand.
        Assert.Equal([2, 3], Show.States(ModelChecker.Check(Diamond().At("q", 1), AX(Pred("q"), Direction.Backward))));
        Assert.Equal([4], Show.States(ModelChecker.Check(Diamond().At("q", 2), EX(Pred("q"), Direction.Backward))));
    }

    [Fact]
    public void AX_ConjoinsTheBindingsOfAllSuccessors()
    {
        // Two successors binding different variables: AX holds with both bindings.
        var m = Diamond().Bind("p", 2, "x=1").Bind("p", 3, "y=2");
        Assert.Equal("1[x --> 1; y --> 2]{}", Show.Triples(ModelChecker.Check(m, AX(Pred("p")))));
        // The same variable with different values: no common substitution, AX fails; EX holds twice.
        var n = Diamond().Bind("p", 2, "x=1").Bind("p", 3, "x=2");
        Assert.False(ModelChecker.Check(n, AX(Pred("p"))).IsMatch);
        Assert.Equal("1[x --> 1]{} 1[x --> 2]{}", Show.Triples(ModelChecker.Check(n, EX(Pred("p")))));
    }

    [Fact]
    public void EU_And_AU_OnALine()
    {
        var m = Line().At("p", 0, 1).At("q", 2);
        Assert.Equal([0, 1, 2], Show.States(ModelChecker.Check(m, EU(Pred("p"), Pred("q")))));
        Assert.Equal([0, 1, 2], Show.States(ModelChecker.Check(m, AU(Pred("p"), Pred("q")))));
        // A gap in p breaks the until.
        var n = Line().At("p", 0).At("q", 2);
        Assert.Equal([2], Show.States(ModelChecker.Check(n, AU(Pred("p"), Pred("q")))));
    }

    [Fact]
    public void AU_NeedsEveryBranch_EU_OnlyOne()
    {
        var m = Diamond().At("p", 0, 1, 2, 3).At("q", 2);
        Assert.Equal([0, 1, 2], Show.States(ModelChecker.Check(m, EU(Pred("p"), Pred("q")))));
        Assert.Equal([2], Show.States(ModelChecker.Check(m, AU(Pred("p"), Pred("q")))));
        m.At("q", 4);
        Assert.Equal([0, 1, 2, 3, 4], Show.States(ModelChecker.Check(m, AU(Pred("p"), Pred("q")))));
    }

    [Fact]
    public void AU_CarriesTheBindingsOfTheTarget()
    {
        // Both branches reach q, binding x differently: A[p U q] at 1 has no consistent substitution.
        var m = Diamond().At("p", 0, 1, 2, 3).Bind("q", 2, "x=1").Bind("q", 3, "x=2");
        Assert.Equal("2[x --> 1]{} 3[x --> 2]{}", Show.Triples(ModelChecker.Check(m, AU(Pred("p"), Pred("q")))));
        Assert.Equal("0[x --> 1]{} 0[x --> 2]{} 1[x --> 1]{} 1[x --> 2]{} 2[x --> 1]{} 3[x --> 2]{}",
            Show.Triples(ModelChecker.Check(m, EU(Pred("p"), Pred("q")))));
        // With the same value on both branches it holds.
        var n = Diamond().At("p", 0, 1, 2, 3).Bind("q", 2, "x=1").Bind("q", 3, "x=1");
        Assert.Equal("0[x --> 1]{} 1[x --> 1]{} 2[x --> 1]{} 3[x --> 1]{}", Show.Triples(ModelChecker.Check(n, AU(Pred("p"), Pred("q")))));
    }

    [Fact]
    public void EF_AF_AG_EG()
    {
        var m = Diamond().At("q", 2);
        Assert.Equal([0, 1, 2], Show.States(ModelChecker.Check(m, EF(Pred("q")))));
        Assert.Equal([2], Show.States(ModelChecker.Check(m, AF(Pred("q")))));
        m.At("q", 3);
        Assert.Equal([0, 1, 2, 3], Show.States(ModelChecker.Check(m, AF(Pred("q")))));
        // AG: the operand holds on every state of every path; the exit loop makes paths infinite.
        var g = Diamond().At("r", 2, 3, 4, 5);
        Assert.Equal([2, 3, 4, 5], Show.States(ModelChecker.Check(g, AG(Pred("r")))));
        g.At("r", 1);
        Assert.Equal([1, 2, 3, 4, 5], Show.States(ModelChecker.Check(g, AG(Pred("r")))));
        // EG: some infinite path where the operand always holds.
        var e = Diamond().At("r", 0, 1, 2, 4, 5);
        Assert.Equal([0, 1, 2, 4, 5], Show.States(ModelChecker.Check(e, EG(Pred("r")))));
        Assert.Equal([2, 4, 5], Show.States(ModelChecker.Check(e, AG(Pred("r")))));
    }

    [Fact]
    public void AW_AllowsStayingForever()
    {
        // 0 → 1 → 2 ↺ : p everywhere, q nowhere: A[p W q] holds, A[p U q] does not.
        var m = new TestModel(3).Path(0, 1, 2).Edge(2, 2).At("p", 0, 1, 2).At("q", 1);
        Assert.Equal([0, 1, 2], Show.States(ModelChecker.Check(m, AW(Pred("p"), Pred("q")))));
        Assert.Equal([0, 1], Show.States(ModelChecker.Check(m, AU(Pred("p"), Pred("q")))));
        var n = new TestModel(3).Path(0, 1, 2).Edge(2, 2).At("p", 0, 1, 2).At("q", 0);
        Assert.Equal([0, 1, 2], Show.States(ModelChecker.Check(n, AW(Pred("p"), Pred("q")))));
        Assert.Equal([0], Show.States(ModelChecker.Check(n, AU(Pred("p"), Pred("q")))));
    }

    [Fact]
    public void StatesWithoutSuccessors_NeverSatisfyAX()
    {
        var m = new TestModel(2).Edge(0, 1).At("p", 0, 1);
        Assert.Equal([0], Show.States(ModelChecker.Check(m, AX(Pred("p")))));
        Assert.Equal([1], Show.States(ModelChecker.Check(m, EX(Pred("p"), Direction.Backward))));
        // With nothing to reach, AU fails at the dead end as well.
        m.At("q", 0);
        Assert.Equal([0], Show.States(ModelChecker.Check(m, AU(Pred("p"), Pred("q")))));
    }
}
