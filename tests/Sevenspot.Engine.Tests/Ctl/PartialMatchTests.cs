using Sevenspot.Engine.Ctl;
using static Sevenspot.Engine.Ctl.Formula;

namespace Sevenspot.Engine.Tests.Ctl;

public class PartialMatchTests
{
    // 0 → 1 → 2 → 3 ↺
    private static TestModel Line() => new TestModel(4).Path(0, 1, 2, 3).Edge(3, 3).At("p", 0, 1).At("q", 0, 2);

    private static Formula<string> Marked(string pred, string v) => Exists(v, Modif(pred, v), keep: true);

    private static readonly CheckOptions s_partial = new() { PartialMatch = true };

    [Fact]
    public void StrictAnd_ReportsWhereOnlyOneSideMatched()
    {
        var f = And(Marked("p", "_p"), Marked("q", "_q"), Strictness.Strict);
        var result = ModelChecker.Check(Line(), f, s_partial);
        Assert.Equal([0], Show.States(result));
        Assert.Equal("1[]{!wit 1[_p --> Modif(p)]{}} 2[]{!wit 2[_q --> Modif(q)]{}}", string.Join(" ", result.PartialMatches));
    }

    [Fact]
    public void WithoutPartialMatching_OrWhenNonStrict_ThereIsNothingPartial()
    {
        var strict = And(Marked("p", "_p"), Marked("q", "_q"), Strictness.Strict);
        var plain = ModelChecker.Check(Line(), strict);
        Assert.Equal([0], Show.States(plain));
        Assert.Empty(plain.PartialMatches);
        var nonStrict = ModelChecker.Check(Line(), And(Marked("p", "_p"), Marked("q", "_q")), s_partial);
        Assert.Equal([0], Show.States(nonStrict));
        Assert.Empty(nonStrict.PartialMatches);
    }

    [Fact]
    public void StrictAX_ReportsStatesWhereSomeButNotAllSuccessorsMatch()
    {
        // 0 → {1, 2} → 3 ↺, the marked predicate at 1 only.
        var m = new TestModel(4).Path(0, 1, 3).Path(0, 2, 3).Edge(3, 3).At("b", 1);
        var result = ModelChecker.Check(m, AX(Marked("b", "_v"), strictness: Strictness.Strict), s_partial);
        Assert.False(result.IsMatch);
        Assert.Equal("0[]{!wit 1[_v --> Modif(b)]{}}", string.Join(" ", result.PartialMatches));
    }
}
