using Sevenspot.Engine.Ctl;
using static Sevenspot.Engine.Ctl.Formula;

namespace Sevenspot.Engine.Tests.Ctl;

public class ConnectiveTests
{
    // 0 → 1 → 2 → 3 ↺
    private static TestModel Line() => new TestModel(4).Path(0, 1, 2, 3).Edge(3, 3);

    [Fact]
    public void SeqOr_ALaterBranchOnlyMatchesWhereTheEarlierDoesNot_ForTheSameBinding()
    {
        var m = Line().Bind("p", 1, "x=1").Bind("q", 1, "x=1").Bind("q", 1, "x=2").Bind("q", 2, "x=5");
        // p v (!p & q): at 1, q still matches with x = 2, the binding p does not have.
        Assert.Equal("1[x --> 1]{} 1[x --> 2]{} 2[x --> 5]{}", Show.Triples(ModelChecker.Check(m, SeqOr(Pred("p"), Pred("q")))));
        // With the variables closed inside each branch, the exclusion is absolute (a disjunction
        // lifted to a whole statement): q no longer matches at 1.
        var closed = SeqOr(Exists("x", Pred("p")), Exists("x", Pred("q")));
        Assert.Equal("1[]{} 2[]{}", Show.Triples(ModelChecker.Check(m, closed)));
        // Or has no priority.
        Assert.Equal("1[x --> 1]{} 1[x --> 2]{} 2[x --> 5]{}", Show.Triples(ModelChecker.Check(m, Or(Pred("p"), Pred("q")))));
    }

    [Fact]
    public void SeqOr_TheFirstBranchWins_WitnessesOfTheSecondAreDropped()
    {
        var m = Line().At("foo(E, 0)", 1).At("foo(E, ...)", 1, 2);
        var f = SeqOr(Exists("_v", Modif("foo(E, 0)", "_v"), keep: true), Exists("_v", Modif("foo(E, ...)", "_v"), keep: true));
        var entries = ModelChecker.Check(m, f).Matches([]).SelectMany(x => x.Transformations).Select(e => $"{e.State}:{e.Predicate}");
        Assert.Equal(["1:foo(E, 0)", "2:foo(E, ...)"], entries);
    }

    [Fact]
    public void Or_DropsTriplesSubsumedByALessSpecificOne()
    {
        var m = Line().At("p", 1).Bind("q", 1, "x=1");
        // (1, [], {}) covers (1, [x --> 1], {}).
        Assert.Equal("1[]{}", Show.Triples(ModelChecker.Check(m, Or(Pred("p"), Pred("q")))));
        // But a triple with witnesses is information of its own.
        var withWitness = Or(Pred("p"), Exists("_v", Modif("q", "_v"), keep: true));
        Assert.Equal("1[]{} 1[x --> 1]{wit 1[_v --> Modif(q)]{}}", Show.Triples(ModelChecker.Check(m, withWitness)));
    }

    [Fact]
    public void And_MergesBindings_AndFailsOnConflicts()
    {
        var m = Line().Bind("p", 1, "x=1").Bind("q", 1, "y=2").Bind("r", 1, "x=3");
        Assert.Equal("1[x --> 1; y --> 2]{}", Show.Triples(ModelChecker.Check(m, And(Pred("p"), Pred("q")))));
        Assert.False(ModelChecker.Check(m, And(Pred("p"), Pred("r"))).IsMatch);
    }

    [Fact]
    public void Let_EvaluatesOnce_AndRefsShareTheResult()
    {
        var m = Line().At("p", 1, 2);
        var f = Let("r0", Pred("p"), Or(And(Ref<string>("r0"), EX(Ref<string>("r0"))), AX(Ref<string>("r0"))));
        Assert.Equal([0, 1], Show.States(ModelChecker.Check(m, f)));
        Assert.Equal(1, m.LabelCalls["p"]);
        // Inner Lets shadow outer ones.
        var shadow = Let("r", Pred("p"), Let("r", Not(Pred("p")), Ref<string>("r")));
        Assert.Equal([0, 3], Show.States(ModelChecker.Check(m, shadow)));
        Assert.Throws<InvalidOperationException>(() => ModelChecker.Check(m, Ref<string>("nope")));
    }

    [Fact]
    public void LabellingIsMemoised_AcrossAnnotations()
    {
        var m = Line().At("p", 1);
        ModelChecker.Check(m, And(Pred("p"), Or(Exists("_v", Modif("p", "_v"), keep: true), Not(Pred("p")))));
        Assert.Equal(1, m.LabelCalls["p"]);
    }

    [Fact]
    public void XX_IsRejected()
    {
        Assert.Throws<InvalidOperationException>(() => ModelChecker.Check(Line(), new Formula<string>.XX(Pred("p"))));
    }

    [Fact]
    public void CompatibleValues_AreMerged()
    {
        // Values "a..b" are ranges; ranges that nest are compatible and merge to the outer one.
        var m = Line().Bind("p", 1, "pos=2..5").Bind("q", 1, "pos=3..4").Bind("r", 1, "pos=6..7");
        m.ValueComparer = new RangeComparer();
        Assert.Equal("1[pos --> 2..5]{}", Show.Triples(ModelChecker.Check(m, And(Pred("p"), Pred("q")))));
        Assert.False(ModelChecker.Check(m, And(Pred("p"), Pred("r"))).IsMatch);
        // A negative binding excludes the compatible values too.
        Assert.False(ModelChecker.Check(m, And(Pred("q"), Not(Pred("p")))).IsMatch);
        Assert.Equal("1[pos --> 6..7]{}", Show.Triples(ModelChecker.Check(m, And(Pred("r"), Not(Pred("p"))))));
    }

    private sealed class RangeComparer : BindingValueComparer<string>
    {
        public override bool AreCompatible(string x, string y)
        {
            var (a, b) = (Parse(x), Parse(y));
            return (a.Lo <= b.Lo && a.Hi >= b.Hi) || (b.Lo <= a.Lo && b.Hi >= a.Hi);
        }

        public override string Merge(string x, string y)
        {
            var (a, b) = (Parse(x), Parse(y));
            return a.Lo <= b.Lo && a.Hi >= b.Hi ? x : y;
        }

        private static (int Lo, int Hi) Parse(string s)
        {
            var i = s.IndexOf("..", StringComparison.Ordinal);
            return (int.Parse(s[..i]), int.Parse(s[(i + 2)..]));
        }
    }
}
