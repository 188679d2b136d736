using Sevenspot.Engine.Ctl;
using static Sevenspot.Engine.Ctl.Formula;

namespace Sevenspot.Engine.Tests.Ctl;

public class WitnessTests
{
    // 0 → 1 → 2 → 3 ↺
    private static TestModel Line() => new TestModel(4).Path(0, 1, 2, 3).Edge(3, 3);

    [Fact]
    public void ExistsKeep_BuildsAWitnessTree_WhoseModifLeafIsATransformation()
    {
        var m = Line().Bind("b(E);", 2, "E=1");
        // (Ex E . (Ex _v . b(E);)) with both bindings kept, as for "- b(E);" when E is used in "+" code.
        var f = Exists("E", Exists("_v", Modif("b(E);", "_v"), keep: true), keep: true);
        var result = ModelChecker.Check(m, f);
        Assert.Equal("2[]{wit 2[E --> 1]{wit 2[_v --> Modif(b(E);)]{}}}", Show.Triples(result));
        var match = Assert.Single(result.Matches([]));
        var entry = Assert.Single(match.Transformations);
        Assert.Equal(2, entry.State);
        Assert.Equal("b(E);", entry.Predicate);
        Assert.Equal([new MetavariableBinding<string>("E", "1")], entry.Environment);
    }

    [Fact]
    public void ExistsWithoutKeep_RemovesTheBindingAndKeepsTheWitnesses()
    {
        var m = Line().Bind("b(E);", 2, "E=1").Bind("b(E);", 2, "E=2");
        var f = Exists("E", Exists("_v", Modif("b(E);", "_v"), keep: true));
        var result = ModelChecker.Check(m, f);
        Assert.Equal("2[]{wit 2[_v --> Modif(b(E);)]{}}", Show.Triples(result));
        Assert.Empty(Assert.Single(Assert.Single(result.Matches([])).Transformations).Environment);
    }

    [Fact]
    public void Witnesses_AccumulateAlongAllPaths()
    {
        // 0 → 1 → {2, 3} → 4 ↺, "- b();" at 2 and at 3: A[!b U b] from 1 collects both witnesses.
        var m = new TestModel(5).Path(0, 1, 2, 4).Path(1, 3, 4).Edge(4, 4).At("b();", 2, 3);
        var modif = Exists("_v", Modif("b();", "_v"), keep: true);
        var result = ModelChecker.Check(m, And(Pred("start"), AX(AU(Not(Pred("b();")), modif)), Strictness.Strict));
        Assert.False(result.IsMatch);
        m.At("start", 0);
        result = ModelChecker.Check(m, And(Pred("start"), AX(AU(Not(Pred("b();")), modif)), Strictness.Strict));
        Assert.Equal("0[]{wit 2[_v --> Modif(b();)]{}; wit 3[_v --> Modif(b();)]{}}", Show.Triples(result));
        Assert.Equal([2, 3], Assert.Single(result.Matches([])).Transformations.Select(t => t.State));
    }

    [Fact]
    public void UnModifLeaves_AreRecordedButNotTransformed()
    {
        var m = Line().Bind("a(X);", 1, "X=x").Bind("b(X);", 2, "X=x");
        var f = Exists("X", And(
            Exists("_u", UnModif("a(X);", "_u"), keep: true),
            AX(Exists("_v", Modif("b(X);", "_v"), keep: true))), keep: true);
        var match = Assert.Single(ModelChecker.Check(m, f).Matches(["X"]));
        Assert.Equal([2], match.Transformations.Select(t => t.State));
        Assert.Equal([1, 2], match.Leaves.Select(t => t.State));
        Assert.Equal([new MetavariableBinding<string>("X", "x")], match.UsedAfter);
    }

    [Fact]
    public void UsedAfter_CollectsTheValuesFoundInTheLeafEnvironments()
    {
        // Two matches of "f(X, Y);" at different states; each is a separate triple with its own values.
        var m = Line().Bind("f(X, Y);", 1, "X=a", "Y=1").Bind("f(X, Y);", 2, "X=b", "Y=2");
        var f = Exists("X", Exists("Y", Exists("_v", Modif("f(X, Y);", "_v"), keep: true), keep: true), keep: true);
        var matches = ModelChecker.Check(m, f).Matches(["Y", "X", "Z"]);
        Assert.Equal(2, matches.Count);
        Assert.Equal([new("Y", "1"), new("X", "a")], matches[0].UsedAfter);
        Assert.Equal([new("Y", "2"), new("X", "b")], matches[1].UsedAfter);
        // The environment lists the innermost binding first.
        Assert.Equal([new("Y", "1"), new("X", "a")], matches[0].Transformations[0].Environment);
    }

    [Fact]
    public void Uncheck_BuildsNoWitnesses()
    {
        var m = Line().Bind("b(E);", 2, "E=1");
        var f = Uncheck(Exists("E", Exists("_v", Modif("b(E);", "_v"), keep: true), keep: true));
        Assert.Equal("2[]{}", Show.Triples(ModelChecker.Check(m, f)));
    }

    [Fact]
    public void TheMatchedPredicateReturnedByTheLabelling_IsTheValueOfTheModifVariable()
    {
        var m = Line().Add("x == NULL", new LabelResult<string, string>(1, [], "!x"));
        var result = ModelChecker.Check(m, Exists("_v", Modif("x == NULL", "_v"), keep: true));
        Assert.Equal("!x", Assert.Single(Assert.Single(result.Matches([])).Transformations).Predicate);
    }
}
