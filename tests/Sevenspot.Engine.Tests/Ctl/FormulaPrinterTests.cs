using Sevenspot.Engine.Ctl;
using static Sevenspot.Engine.Ctl.Formula;

namespace Sevenspot.Engine.Tests.Ctl;

public class FormulaPrinterTests
{
    private static Formula<string> P(string name) => Pred(name);

    [Theory]
    [InlineData("connectives")]
    [InlineData("temporal")]
    [InlineData("binders")]
    public void PrintsTheNotationOfShowCtlText(string group)
    {
        var (formula, expected) = group switch
        {
            "connectives" => (
                Or(And(P("a"), Not(P("b")), Strictness.Strict), SeqOr(Implies(P("c"), P("d")), AndAny(P("e"), HackForStmt(P("f"), P("g"), Direction.Backward), strictness: Strictness.Strict))),
                "((a &, !b) v ((c => d) | (e &+, (f &h+^ g))))"),
            "temporal" => (
                And(AX(P("a"), Direction.Backward), And(EX(P("b")), And(AU(P("c"), P("d")), And(EU(P("e"), P("f"), Direction.Backward),
                    And(AW(P("g"), P("h"), strictness: Strictness.Strict), And(AF(P("i")), And(AG(P("j")), And(EF(P("k")), EG(P("l")))))))))),
                "(AX^(a) & (EX(b) & (A[c U d] & (E^[e U f] & (A[g W h] & (AF(i) & (AG(j) & (EF(k) & EG(l)))))))))"),
            _ => (
                Let("r0", Exists("E", Exists("_v", Modif(P("b(E);") is Formula<string>.Pred p ? p.Predicate : "", "_v"), keep: true)),
                    LetR("r1", Uncheck(Ref<string>("r0")), InnerAnd(Or(Ref<string>("r1"), True<string>())), Direction.Backward)),
                "Let r0 = (Ex_ E . (Ex _v . b(E);)) in LetR r1^ = Uncheck(r0) in InnerAnd((r1 v True))"),
        };
        Assert.Equal(expected, formula.ToString());
    }

    [Fact]
    public void StrictnessOfPathOperators_IsShownOnlyForPartialMatching()
    {
        var f = AX(AU(P("a"), P("b"), strictness: Strictness.Strict), strictness: Strictness.Strict);
        Assert.Equal("AX(A[a U b])", FormulaPrinter.Print(f));
        Assert.Equal("AX,(A,[a U b])", FormulaPrinter.Print(f, partialMatch: true));
    }

    [Fact]
    public void UsesTheGivenPredicatePrinter_AndIgnoresAnnotations()
    {
        var f = And(Pred(42), Exists("_v", Modif(7, "_v"), keep: true));
        Assert.Equal("(#42 & (Ex _v . #7))", FormulaPrinter.Print(f, p => "#" + p));
    }

    [Fact]
    public void FormulasCompareStructurally()
    {
        Assert.Equal(AU(P("a"), Not(P("b"))), AU(P("a"), Not(P("b"))));
        Assert.NotEqual(AU(P("a"), P("b")), AU(P("a"), P("b"), Direction.Backward));
        Assert.NotEqual(Modif("a", "_v"), Pred("a"));
    }
}
