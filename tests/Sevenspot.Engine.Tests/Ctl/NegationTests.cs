using Sevenspot.Engine.Ctl;
using static Sevenspot.Engine.Ctl.Formula;

namespace Sevenspot.Engine.Tests.Ctl;

public class NegationTests
{
    // 0 → 1 → 2 ↺, p holds at 1 with x = 1 and with x = 2.
    private static TestModel Model() => new TestModel(3).Path(0, 1, 2).Edge(2, 2).Bind("p", 1, "x=1").Bind("p", 1, "x=2");

    [Fact]
    public void Not_WithBindings_GivesNegativeBindings()
    {
        var result = ModelChecker.Check(Model(), Not(Pred("p")));
        // At 1, "not p" holds for any x other than 1 and 2; elsewhere it holds unconditionally.
        Assert.Equal("0[]{} 1[x -/-> 1; x -/-> 2]{} 2[]{}", Show.Triples(result));
    }

    [Fact]
    public void Not_ThenConjunction_KeepsOnlyTheOtherValues()
    {
        var m = Model().Bind("q", 1, "x=3").Bind("q", 1, "x=1");
        Assert.Equal("1[x --> 3]{}", Show.Triples(ModelChecker.Check(m, And(Pred("q"), Not(Pred("p"))))));
        // The complement is exact: (q & !p) v (q & p) is q.
        var split = Or(And(Pred("q"), Not(Pred("p"))), And(Pred("q"), Pred("p")));
        Assert.Equal(Show.Triples(ModelChecker.Check(m, Pred("q"))), Show.Triples(ModelChecker.Check(m, split)));
    }

    [Fact]
    public void DoubleNegation_GivesBackThePredicate()
    {
        Assert.Equal("1[x --> 1]{} 1[x --> 2]{}", Show.Triples(ModelChecker.Check(Model(), Not(Not(Pred("p"))))));
    }

    [Fact]
    public void Not_OfAnUnboundMatch_IsFalseThere()
    {
        var m = new TestModel(3).Path(0, 1, 2).Edge(2, 2).At("p", 1).Bind("p", 1, "x=7");
        // The plain triple says p holds at 1 whatever x is, so !p is false at 1.
        Assert.Equal([0, 2], Show.States(ModelChecker.Check(m, Not(Pred("p")))));
    }

    [Fact]
    public void Not_InsideExists_IsAbsolute_OutsideItDependsOnTheBinding()
    {
        // q binds x at 1 to 1; p binds x at 1 to 2.
        var m = new TestModel(3).Path(0, 1, 2).Edge(2, 2).Bind("q", 1, "x=1").Bind("p", 1, "x=2");
        // !p relative to the binding of x: holds for x = 1.
        Assert.Equal("1[x --> 1]{}", Show.Triples(ModelChecker.Check(m, And(Pred("q"), Not(Pred("p"))))));
        // !(Ex_ x. p): p holds for some x, so the negation is false at 1 whatever the binding.
        Assert.False(ModelChecker.Check(m, And(Pred("q"), Not(Exists("x", Pred("p"))))).IsMatch);
    }

    [Fact]
    public void Not_OfAWitness_GivesANegatedWitness()
    {
        var m = new TestModel(2).Edge(0, 1).Edge(1, 1).Bind("p", 1, "x=1");
        var result = ModelChecker.Check(m, Not(Exists("x", Pred("p"), keep: true)));
        Assert.Equal("0[]{} 1[]{!wit 1[x --> 1]{}}", Show.Triples(result));
        // A negated witness is not a transformation.
        Assert.Empty(result.Matches([])[1].Transformations);
    }

    [Fact]
    public void Exists_DropsTriplesThatBindItsVariableNegatively()
    {
        // Ex x. !p: at 1, !p only holds with x negatively bound, and such triples are dropped.
        var result = ModelChecker.Check(Model(), Exists("x", Not(Pred("p"))));
        Assert.Equal([0, 2], Show.States(result));
    }

    [Fact]
    public void Implies_IsNotOr()
    {
        var m = new TestModel(3).Path(0, 1, 2).Edge(2, 2).At("p", 0, 1).At("q", 1);
        Assert.Equal([1, 2], Show.States(ModelChecker.Check(m, Implies(Pred("p"), Pred("q")))));
    }
}
