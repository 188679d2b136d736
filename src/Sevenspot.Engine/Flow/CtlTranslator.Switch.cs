using Sevenspot.C;
using Sevenspot.Engine.Ctl;
using F = Sevenspot.Engine.Ctl.Formula<Sevenspot.Engine.CtlPredicate>;

namespace Sevenspot.Engine;

internal sealed partial class CtlTranslator
{
    /// <summary>One "case E:" or "default:" of a switch in the pattern and the statements up to the next label.</summary>
    private sealed record CaseLine(SyntaxNode Label, List<SyntaxNode> Body);

    /// <summary>
    /// switch (E) { decls case-lines }: the header; then every path either falls through (no
    /// default in the pattern: the code must have none either), leaves by [after], or enters the
    /// body's "{" where each case label of the pattern is one of the dispatch targets and every
    /// dispatch target is either no label of the pattern or a label of the pattern followed by its
    /// statements (what comes after them, a break or the next case, is not constrained). The
    /// closing brace is not matched.
    /// </summary>
    private F Switch(SyntaxNode s, After after, HashSet<string> quantified, LabelInfo? llabel, bool guard)
    {
        var body = s.AsSwitchStatement().Statement;
        var header = new RuleElement(RuleElementKind.SwitchHeader, s);
        var lbrace = new RuleElement(RuleElementKind.SeqStart, body);
        var (decls, cases) = SplitCaseLines(body.AsCompoundStatement().StatementList.ChildNodes());

        // Variables per line (the declarations, then each case line), as spatch sorts them: those of
        // the header alone, of the "{" alone, shared by the header with some line (around the whole
        // switch), shared by the "{" with some line or by two lines (around the body).
        var declFvs = new HashSet<string>(StringComparer.Ordinal);
        foreach (var d in decls)
        {
            declFvs.UnionWith(FreeVariables(d));
        }

        var lines = new List<HashSet<string>> { declFvs };
        foreach (var c in cases)
        {
            lines.Add(CaseLineVariables(c));
        }

        var headerVars = ElementVariables(header);
        var lbVars = ElementVariables(lbrace);
        var rbVars = ElementVariables(new RuleElement(RuleElementKind.SeqEnd, body));
        HashSet<string>? headerOnly = null, lbOnly = null;
        var b1 = new HashSet<string>(StringComparer.Ordinal);
        var bodyShared = new HashSet<string>(StringComparer.Ordinal);
        var lineOnly = new List<HashSet<string>>(lines.Count);
        foreach (var line in lines)
        {
            var f = SeqFvs(quantified, [headerVars, lbVars, line, rbVars]);
            (headerOnly ??= new HashSet<string>(f[0].Only, StringComparer.Ordinal)).IntersectWith(f[0].Only);
            (lbOnly ??= new HashSet<string>(f[1].Only, StringComparer.Ordinal)).IntersectWith(f[1].Only);
            b1.UnionWith(f[0].Shared);
            bodyShared.UnionWith(f[1].Shared);
            lineOnly.Add(f[2].Only);
        }

        for (int i = 0; i < lineOnly.Count; i++)
        {
            for (int j = i + 1; j < lineOnly.Count; j++)
            {
                bodyShared.UnionWith(lineOnly[i].Where(lineOnly[j].Contains));
            }
        }

        var q2 = new HashSet<string>(quantified, StringComparer.Ordinal);
        q2.UnionWith(b1);
        q2.UnionWith(bodyShared);

        var switchHeader = Quantify(guard, headerOnly!, MakeMatch(guard, header));
        var lb = Quantify(guard, lbOnly!, MakeMatch(guard, lbrace));
        var lv = NextLabel();

        var caseHeaders = new List<F>(cases.Count);
        foreach (var c in cases)
        {
            caseHeaders.Add(MatchQuantified(true, CaseElement(c.Label), q2));
        }

        F declsExists = Formula.True<CtlPredicate>(), declsAll = Formula.False<CtlPredicate>();
        if (decls.Count > 0)
        {
            declsExists = StatementList(decls, false, s_tail, q2, lv, llabel, null, false, guard, [], []);
            declsAll = declsExists;
        }

        F anyHeader = Uncheck(declsAll);
        foreach (var h in caseHeaders)
        {
            anyHeader = Or(anyHeader, Uncheck(h));
        }

        F choices = Not(anyHeader);
        choices = Or(declsAll, choices);
        for (int i = 0; i < cases.Count; i++)
        {
            var c = cases[i];
            var element = CaseElement(c.Label);
            var lineFvs = SeqFvs(q2, [ElementVariables(element), BodyVariables(c.Body)]);
            var (labelOnly, shared) = lineFvs[0];
            var q3 = new HashSet<string>(q2, StringComparer.Ordinal);
            q3.UnionWith(shared);
            var caseHeader = Quantify(guard, labelOnly, MakeMatch(guard, element));
            var code = c.Body.Count == 0
                ? caseHeader
                : MakeSeq(caseHeader, StatementList(c.Body, false, s_tail, q3, lv, llabel, lv, false, guard, [], []));
            choices = Or(Quantify(guard, shared, code), choices);
        }

        F dispatch = lb;
        dispatch = And(dispatch, EX(declsExists));
        foreach (var h in caseHeaders)
        {
            dispatch = And(dispatch, EX(h));
        }

        F inner = Quantify(guard, bodyShared, MakeSeq(dispatch, choices));
        bool hasDefault = false;
        foreach (var c in cases)
        {
            hasDefault |= c.Label.Kind == SyntaxKind.DefaultStatement;
        }

        if (!hasDefault)
        {
            inner = Or(Pred(CtlPredicateKind.FallThrough), inner);
        }

        var afterPred = Pred(CtlPredicateKind.After);
        var branches = Or(inner, MakeSeqAfter2(afterPred, after));
        var headerF = lv.Used ? And(switchHeader, Pred(CtlPredicateKind.Label, lv.Variable)) : switchHeader;
        F checks = after is AfterF ? EX(afterPred) : Formula.True<CtlPredicate>();

        // The set of dispatch targets is the code's: every one must agree, whatever the rule's quantifier.
        var result = Quantify(guard, b1, And(headerF, And(checks, AXAbsolute(branches))));
        return lv.Used ? Formula.Exists(lv.Variable, result) : result;
    }

    /// <summary>
    /// The statements of a switch body before its first label (declarations), then each label with
    /// the statements up to the next one; "case 1: case 2: S" is two lines, the first empty.
    /// </summary>
    private static (List<SyntaxNode> Decls, List<CaseLine> Cases) SplitCaseLines(IEnumerable<SyntaxNode> items)
    {
        var decls = new List<SyntaxNode>();
        var cases = new List<CaseLine>();
        foreach (var item in items)
        {
            SyntaxNode? rest = item;
            while (rest is { Kind: SyntaxKind.CaseStatement or SyntaxKind.DefaultStatement } label)
            {
                var line = new CaseLine(label, []);
                cases.Add(line);
                rest = label.Kind == SyntaxKind.CaseStatement ? label.AsCaseStatement().Statement : label.AsDefaultStatement().Statement;
            }

            if (rest is not { } statement)
            {
                continue;
            }

            if (cases.Count == 0)
            {
                decls.Add(statement);
            }
            else
            {
                cases[^1].Body.Add(statement);
            }
        }

        return (decls, cases);
    }

    private static RuleElement CaseElement(SyntaxNode label) =>
        new(label.Kind == SyntaxKind.CaseStatement ? RuleElementKind.Case : RuleElementKind.Default, label);

    private HashSet<string> CaseLineVariables(CaseLine line)
    {
        var set = ElementVariables(CaseElement(line.Label));
        set.UnionWith(BodyVariables(line.Body));
        return set;
    }

    private HashSet<string> BodyVariables(List<SyntaxNode> body)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in body)
        {
            set.UnionWith(FreeVariables(item));
        }

        return set;
    }

    /// <summary>Whether a switch of the pattern takes the path translation: a braced body (spatch's grammar requires one).</summary>
    private static bool IsPathSwitch(SyntaxNode s) => s.AsSwitchStatement().Statement.Kind == SyntaxKind.CompoundStatement;
}
