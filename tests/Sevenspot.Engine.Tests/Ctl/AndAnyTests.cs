using Sevenspot.Engine.Ctl;
using static Sevenspot.Engine.Ctl.Formula;

namespace Sevenspot.Engine.Tests.Ctl;

public class AndAnyTests
{
    // 0 → 1 → 2 → 3 ↺, and 4 → 5 ↺ not reachable from 0.
    private static TestModel Model() => new TestModel(6).Path(0, 1, 2, 3).Edge(3, 3).Path(4, 5).Edge(5, 5);

    private static Formula<string> Marked(string pred) => Exists("_v", Modif(pred, "_v"), keep: true);

    [Fact]
    public void AndAny_CollectsTheWitnessesOfEveryReachableMatch()
    {
        var m = Model().Bind("f(...) {", 0, "x=1").Bind("g(x);", 1, "x=1").Bind("g(x);", 2, "x=1").Bind("g(x);", 5, "x=1");
        var result = ModelChecker.Check(m, AndAny(Pred("f(...) {"), Marked("g(x);")));
        // The right side is checked at the states reachable from the left one: state 5 does not count.
        Assert.Equal("0[x --> 1]{wit 1[_v --> Modif(g(x);)]{}; wit 2[_v --> Modif(g(x);)]{}}", Show.Triples(result));
    }

    [Fact]
    public void AndAny_IgnoresReachableMatchesThatContradictTheLeft()
    {
        // As in spatch (required environments): the right side is labelled knowing x = 1 from the left,
        // so the match binding x to 2 is dropped before the conjunction instead of making it fail.
        var m = Model().Bind("f(...) {", 0, "x=1").Bind("g(x);", 1, "x=1").Bind("g(x);", 2, "x=2");
        Assert.Equal("0[x --> 1]{wit 1[_v --> Modif(g(x);)]{}}", Show.Triples(ModelChecker.Check(m, AndAny(Pred("f(...) {"), Marked("g(x);")))));
    }

    [Fact]
    public void AndAny_WithoutRightMatches_IsTheLeft()
    {
        var m = Model().Bind("f(...) {", 0, "x=1");
        Assert.Equal("0[x --> 1]{}", Show.Triples(ModelChecker.Check(m, AndAny(Pred("f(...) {"), Marked("g(x);")))));
    }

    [Fact]
    public void AndAny_AllowsOneLeftResultOnly()
    {
        var m = Model().At("f(...) {", 0, 1).At("g(x);", 2);
        Assert.Throws<InvalidOperationException>(() => ModelChecker.Check(m, AndAny(Pred("f(...) {"), Marked("g(x);"))));
    }

    [Fact]
    public void HackForStmt_AddsEachRightMatchToTheLeftTriplesThatAgree()
    {
        var m = Model().Bind("for", 0, "S=a").Bind("for", 1, "S=b").Bind("body", 2, "S=a");
        var result = ModelChecker.Check(m, HackForStmt(Pred("for"), Marked("body")));
        // S = a agrees with the match at 2 and takes its witness; S = b contradicts it and passes unchanged.
        Assert.Equal("0[S --> a]{wit 2[_v --> Modif(body)]{}} 1[S --> b]{}", Show.Triples(result));
    }

    [Fact]
    public void HackForStmt_DropsLeftTriplesThatDoNotBindTheRightVariables()
    {
        var m = Model().Bind("for", 0, "S=a").At("for", 1).Bind("body", 2, "S=a");
        Assert.Equal("0[S --> a]{wit 2[_v --> Modif(body)]{}}", Show.Triples(ModelChecker.Check(m, HackForStmt(Pred("for"), Marked("body")))));
    }
}
