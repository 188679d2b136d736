using System.Text.RegularExpressions;
using Sevenspot.Engine.Ctl;
using static Sevenspot.Engine.Ctl.Formula;

namespace Sevenspot.Engine.Tests.Ctl;

/// <summary>
/// Formulas of the exact shape spatch 1.1.1 builds for "A(); ... - B();", checked on models of the control-flow
/// graphs spatch builds (after its fix-ups: self loops on the exit nodes, no [enter] node), with the outcomes
/// spatch gives (SMPL-SEMANTICS.md §2.3, §2.6).
/// </summary>
public partial class CoccinelleShapeTests
{
    // spatch --show-ctl-text for "lock(); ... - unlock();" (forall).
    private const string ForallText = """
        (lock(); &,
         AX(A[(!(lock(); v unlock();) & !After) U
            Let r0 = 
             Let _r_0 = (EX^((TrueBranch v InLoop)) v EX^(EX^(FalseBranch))) in
              ((_r_0 & (Ex _v . unlock();)) v (!_r_0 & (Ex _v . unlock();)))
             in
             (r0 v
             (After v
              (Ex_ l0 . 
               ((EscTrueBranch & Label(l0)) &
                A[(!r0 & PrefixLabel(l0)) U
                 (PrefixLabel(l0) &
                  (((After v (Return v continue;)) & !unlock();) v
                   ((Goto v break;) & AG(!unlock();))))]))))]))
        """;

    // spatch --show-ctl-text for "lock(); ... when exists - unlock();".
    private const string ExistsText = """
        (lock(); &,
         EX(E[(!After & (!(lock(); v unlock();) & !After)) U
            Let _r_0 = (EX^((TrueBranch v InLoop)) v EX^(EX^(FalseBranch))) in
             ((_r_0 & (Ex _v . unlock();)) v (!_r_0 & (Ex _v . unlock();)))]))
        """;

    private static Formula<string> P(string name) => Pred(name);

    /// <summary>The part shared by both quantifiers: the "- B();" node, marked, wherever it is in a branch.</summary>
    private static Formula<string> MarkedAfterDots(string after) =>
        Let("_r_0", Or(EX(Or(P("TrueBranch"), P("InLoop")), Direction.Backward), EX(EX(P("FalseBranch"), Direction.Backward), Direction.Backward)),
            Or(And(Ref<string>("_r_0"), Exists("_v", Modif(after, "_v"), keep: true)),
               And(Not(Ref<string>("_r_0")), Exists("_v", Modif(after, "_v"), keep: true))));

    /// <summary>"before(); ... - after();" in forall mode (asttoctl2's dots_au with its excused paths).</summary>
    public static Formula<string> DotsForall(string before, string after) =>
        And(P(before),
            AX(AU(And(Not(Or(P(before), P(after))), Not(P("After"))),
                Let("r0", MarkedAfterDots(after),
                    Or(Ref<string>("r0"),
                       Or(P("After"),
                          Exists("l0",
                              And(And(P("EscTrueBranch"), P("Label(l0)")),
                                  AU(And(Not(Ref<string>("r0")), P("PrefixLabel(l0)")),
                                     And(P("PrefixLabel(l0)"),
                                         Or(And(Or(P("After"), Or(P("Return"), P("continue;"))), Not(P(after))),
                                            And(Or(P("Goto"), P("break;")), AG(Not(P(after)))))))))))))),
            Strictness.Strict);

    /// <summary>"before(); ... when exists - after();".</summary>
    public static Formula<string> DotsExists(string before, string after) =>
        And(P(before),
            EX(EU(And(Not(P("After")), And(Not(Or(P(before), P(after))), Not(P("After")))),
                MarkedAfterDots(after))),
            Strictness.Strict);

    [Fact]
    public void TheFormulasPrintAsSpatchPrintsThem()
    {
        Assert.Equal(Normalize(ForallText), DotsForall("lock();", "unlock();").ToString());
        Assert.Equal(Normalize(ExistsText), DotsExists("lock();", "unlock();").ToString());
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    private static string Normalize(string text) => Whitespace().Replace(text.Trim(), " ").Replace("( ", "(").Replace(" )", ")");

    // ---- d02: void f(int x) { lock(); if (x) unlock(); } and friends ----

    /// <summary>
    /// spatch's CFG of f: 0 [top] ↺, 1 function f, 3 [exit] ↺, 5 {1, 6 lock(), 7 if, 8 [then], 9 [fallthrough],
    /// 10 [endif], 11 [after], 12 unlock(), 13 }1. (2 [enter] and 4 [errorexit] are not connected.)
    /// </summary>
    private static TestModel D02F() => Cfg(14,
            (0, ""), (1, "1"), (3, ""), (5, "1"), (6, "1,2,3"), (7, "1,2,4"), (8, "1,2,4"), (9, "1,2,4"), (10, "1,2,4"),
            (11, "1,2,4"), (12, "1,2,4,5"), (13, "1"))
        .Path(0, 1, 5, 6, 7, 8, 12, 10, 13, 3).Edge(0, 0).Edge(3, 3).Path(7, 9, 10).Path(7, 11, 10)
        .At("lock();", 6).At("TrueBranch", 8).At("After", 11).At("unlock();", 12);

    /// <summary>g: lock(); if (x) return; unlock(); — the return goes to [errorexit] (4) through }1 (13).</summary>
    private static TestModel D02G() => Cfg(16,
            (0, ""), (1, "1"), (3, ""), (4, ""), (5, "1"), (6, "1,2,3"), (7, "1,2,4"), (8, "1,2,4"), (9, "1,2,4"), (10, "1,2,4"),
            (11, "1,2,4"), (12, "1,2,4,5"), (13, "1"), (14, "1,2,6"), (15, "1"))
        .Path(0, 1, 5, 6, 7, 8, 12, 13, 4).Edge(0, 0).Edge(4, 4).Path(7, 9, 10, 14, 15, 3).Edge(3, 3).Path(7, 11, 10)
        .At("lock();", 6).At("TrueBranch", 8).At("EscTrueBranch", 8).At("After", 11).At("Return", 12).At("unlock();", 14);

    /// <summary>h: lock(); if (x) unlock(); else unlock();</summary>
    private static TestModel D02H() => Cfg(16,
            (0, ""), (1, "1"), (3, ""), (5, "1"), (6, "1,2,3"), (7, "1,2,4"), (8, "1,2,4"), (9, "1,2,4"), (10, "1,2,4"),
            (11, "1,2,4,5"), (12, "1,2,4,6"), (13, "1,2,4"), (14, "1,2,4"), (15, "1"))
        .Path(0, 1, 5, 6, 7, 8, 11, 13, 15, 3).Edge(0, 0).Edge(3, 3).Path(7, 9, 10, 12, 13).Path(7, 14, 13)
        .At("lock();", 6).At("TrueBranch", 8).At("FalseBranch", 9).At("unlock();", 11, 12).At("After", 14);

    [Fact]
    public void D02_Forall_F_IsNotTransformed()
    {
        // The path where x is false reaches the end of the function without an unlock().
        Assert.False(ModelChecker.Check(D02F(), DotsForall("lock();", "unlock();")).IsMatch);
    }

    [Fact]
    public void D02_Exists_F_IsTransformed()
    {
        var result = ModelChecker.Check(D02F(), DotsExists("lock();", "unlock();"));
        Assert.Equal([12], TransformedStates(result, "unlock();"));
    }

    [Fact]
    public void D02_Forall_G_IsTransformed_TheReturnInTheThenBranchIsExcused()
    {
        var result = ModelChecker.Check(D02G(), DotsForall("lock();", "unlock();"));
        Assert.Equal([6], Show.States(result));
        Assert.Equal([14], TransformedStates(result, "unlock();"));
    }

    [Fact]
    public void D02_Forall_G_WithoutTheEscapeMark_IsNotTransformed()
    {
        // An else-branch return is not excused: the same graph without EscTrueBranch fails.
        var m = Cfg(16,
                (0, ""), (1, "1"), (3, ""), (4, ""), (5, "1"), (6, "1,2,3"), (7, "1,2,4"), (8, "1,2,4"), (9, "1,2,4"), (10, "1,2,4"),
                (11, "1,2,4"), (12, "1,2,4,5"), (13, "1"), (14, "1,2,6"), (15, "1"))
            .Path(0, 1, 5, 6, 7, 8, 12, 13, 4).Edge(0, 0).Edge(4, 4).Path(7, 9, 10, 14, 15, 3).Edge(3, 3).Path(7, 11, 10)
            .At("lock();", 6).At("TrueBranch", 8).At("After", 11).At("Return", 12).At("unlock();", 14);
        Assert.False(ModelChecker.Check(m, DotsForall("lock();", "unlock();")).IsMatch);
    }

    [Fact]
    public void D02_Forall_H_TransformsBothBranches()
    {
        var result = ModelChecker.Check(D02H(), DotsForall("lock();", "unlock();"));
        Assert.Equal([11, 12], TransformedStates(result, "unlock();"));
        Assert.Equal([11, 12], TransformedStates(ModelChecker.Check(D02H(), DotsExists("lock();", "unlock();")), "unlock();"));
    }

    [Fact]
    public void D01_ShortestPath_OnlyTheFirstMatchAfterTheDots()
    {
        // a(); b(1); b(2); — "a(); ... - b(E);" removes b(1) only (the dots do not go through b).
        var m = Cfg(9, (0, ""), (1, "1"), (3, ""), (5, "1"), (6, "1,2"), (7, "1,3"), (8, "1,4"))
            .Path(0, 1, 5, 6, 7, 8, 3).Edge(0, 0).Edge(3, 3)
            .At("a();", 6).At("b(E);", 7, 8);
        Assert.Equal([7], TransformedStates(ModelChecker.Check(m, DotsForall("a();", "b(E);")), "b(E);"));
        Assert.Equal([7], TransformedStates(ModelChecker.Check(m, DotsExists("a();", "b(E);")), "b(E);"));
    }

    // ---- d10: loops ----

    /// <summary>f: a(); while (n--) c(); b(); — 7 while (loop node), 8 [whiletrue], 9 [whilefall], 10 [endwhile], 11 c(), 12 b().</summary>
    private static TestModel D10F() => Cfg(14,
            (0, ""), (1, "1"), (3, ""), (5, "1"), (6, "1,2,3"), (7, "1,2,4"), (8, "1,2,4"), (9, "1,2,4"), (10, "1,2,4"),
            (11, "1,2,4,5"), (12, "1,2,6"), (13, "1"))
        .Path(0, 1, 5, 6, 7, 8, 11, 7).Edge(0, 0).Path(7, 9, 10, 12, 13, 3).Edge(3, 3)
        .At("a();", 6).At("InLoop", 8).At("b();", 12).Loops(7);

    /// <summary>g: a(); while (n--) b();</summary>
    private static TestModel D10G() => Cfg(13,
            (0, ""), (1, "1"), (3, ""), (5, "1"), (6, "1,2,3"), (7, "1,2,4"), (8, "1,2,4"), (9, "1,2,4"), (10, "1,2,4"),
            (11, "1,2,4,5"), (12, "1"))
        .Path(0, 1, 5, 6, 7, 8, 11, 7).Edge(0, 0).Path(7, 9, 10, 12, 3).Edge(3, 3)
        .At("a();", 6).At("InLoop", 8).At("b();", 11).Loops(7);

    /// <summary>h: a(); for (;;) { if (n) break; } b();</summary>
    private static TestModel D10H() => Cfg(24,
            (0, ""), (1, "1"), (3, ""), (5, "1"), (6, "1,2,3"), (7, "1,2,4"), (8, "1,2,4"), (9, "1,2,4"), (10, "1,2,4"),
            (11, "1,2,4,5"), (12, "1,2,4,5,6"), (13, "1,2,4,5,6"), (14, "1,2,4,5,6"), (15, "1,2,4,5,6"), (16, "1,2,4,5,6"),
            (17, "1,2,4,5,6,7"), (18, "1,2,4,5"), (20, "1,2,4,5"), (21, "1,2,4,5"), (22, "1,2,8"), (23, "1"))
        .Path(0, 1, 5, 6, 7, 8, 11, 12, 13, 17, 18, 10, 22, 23, 3).Edge(0, 0).Edge(3, 3)
        .Path(7, 9, 10).Path(11, 21, 20, 7).Path(12, 14, 15, 20).Path(12, 16, 15)
        .At("a();", 6).At("InLoop", 8).At("TrueBranch", 13).At("EscTrueBranch", 13).At("After", 16, 21).At("break;", 17).At("b();", 22)
        .Loops(7);

    [Fact]
    public void D10_Forall_F_LoopsDoNotBreakForall()
    {
        Assert.Equal([12], TransformedStates(ModelChecker.Check(D10F(), DotsForall("a();", "b();")), "b();"));
    }

    [Fact]
    public void D10_Forall_F_WithoutLoopHandling_WouldFail()
    {
        var m = D10F();
        m.HasLoops = false;
        m.LoopNodes.Clear();
        Assert.False(ModelChecker.Check(m, DotsForall("a();", "b();")).IsMatch);
    }

    [Fact]
    public void D10_Forall_G_TheZeroIterationPathMissesB()
    {
        Assert.False(ModelChecker.Check(D10G(), DotsForall("a();", "b();")).IsMatch);
        Assert.Equal([11], TransformedStates(ModelChecker.Check(D10G(), DotsExists("a();", "b();")), "b();"));
    }

    [Fact]
    public void D10_Forall_H_BreakOutOfAnInfiniteLoop()
    {
        Assert.Equal([22], TransformedStates(ModelChecker.Check(D10H(), DotsForall("a();", "b();")), "b();"));
    }

    private static int[] TransformedStates(CheckResult<string, string> result, string predicate)
    {
        var entries = result.Matches([]).SelectMany(m => m.Transformations).ToList();
        Assert.All(entries, e => Assert.Equal(predicate, e.Predicate));
        return [.. entries.Select(e => e.State).Distinct().Order()];
    }

    /// <summary>
    /// A model with spatch's node labels: "Label(l0)" binds l0 to the node's label list, "PrefixLabel(l0)" to the
    /// list as a prefix pattern; the value comparer implements Coccinelle's compatible_labels and merge_labels.
    /// </summary>
    private static TestModel Cfg(int stateCount, params (int Node, string Labels)[] labels)
    {
        var lists = new Dictionary<int, string>();
        foreach (var (node, list) in labels)
            lists[node] = list;
        return new TestModel(stateCount) { ValueComparer = new LabelComparer() }
            .Computed("Label(l0)", s => lists.TryGetValue(s, out var l) ? [new("l0", "A:" + l)] : null)
            .Computed("PrefixLabel(l0)", s => lists.TryGetValue(s, out var l) ? [new("l0", "P:" + l)] : null);
    }

    /// <summary>Label values "A:1,2,4" (absolute) and "P:1,2,4" (prefix), compared as in ctlcocci_integration.ml.</summary>
    private sealed class LabelComparer : BindingValueComparer<string>
    {
        public override bool AreCompatible(string x, string y)
        {
            if (x == y)
                return true;
            if (!IsLabel(x) || !IsLabel(y))
                return false;
            var (a, la) = Parse(x);
            var (b, lb) = Parse(y);
            return (a, b) switch
            {
                ('A', 'A') => la.SequenceEqual(lb),
                ('A', 'P') => IsPrefix(la, lb),
                ('P', 'A') => IsPrefix(lb, la),
                _ => la.Length > 0 && lb.Length > 0 && la[0] == lb[0],
            };
        }

        public override string Merge(string x, string y)
        {
            var (a, la) = Parse(x);
            var (b, lb) = Parse(y);
            if (a == 'A')
                return x;
            if (b == 'A')
                return y;
            var n = 0;
            while (n < la.Length && n < lb.Length && la[n] == lb[n])
                n++;
            return "P:" + string.Join(",", la.Take(n));
        }

        private static bool IsLabel(string s) => s.StartsWith("A:", StringComparison.Ordinal) || s.StartsWith("P:", StringComparison.Ordinal);

        private static bool IsPrefix(string[] prefix, string[] list) => prefix.Length <= list.Length && list.Take(prefix.Length).SequenceEqual(prefix);

        private static (char Kind, string[] List) Parse(string s) =>
            (s[0], s.Length > 2 ? s[2..].Split(',') : []);
    }
}
