using Sevenspot.C;
using Sevenspot.Text;

namespace Sevenspot.Smpl;

/// <summary>
/// Removed code spatch refuses before it runs anything ("invalid minus"), refused here too: a rule whose
/// whole code is one expression, identifier or type (or a disjunction of them), every token of it removed
/// and nothing added. Such a term is always part of something larger in C, so removing it alone would
/// leave a hole. The rule is fine with a ';' (then it removes a statement), with + code, with * code,
/// with some token kept, or with other code beside the term. A #define written in the rule (removed
/// whole, or a #define whose body is the rule's code) is a directive, not a term, and is not refused.
/// </summary>
internal static class MinusCodeChecks
{
    public static void Check(SourceText file, CodeRule rule, List<Diagnostic> errors)
    {
        CheckExpressionNests(file, rule, errors);
        var body = rule.Body;
        if (!body.HasMinus || body.HasPlus || body.HasStar || body.Directive is not null || body.DefineHeader is not null
            || body.Minus.Root.Kind != SyntaxKind.PatternBody)
        {
            return;
        }

        var items = body.Minus.Root.AsPatternBody().ItemList;
        if (items.ChildCount != 1 || items.GetNodeSlot(0) is not { } item || TermKind(item) is not { } kind)
        {
            return;
        }

        for (int t = item.FirstTokenIndex; t <= item.LastTokenIndex; t++)
        {
            var token = body.Minus.GetToken(t);
            if (token.Kind is not (SyntaxKind.DisjunctionOpenToken or SyntaxKind.DisjunctionBarToken or SyntaxKind.DisjunctionCloseToken)
                && (t >= body.MinusMarks.Length || body.MinusMarks[t] != TokenMark.Minus))
            {
                return;
            }
        }

        var first = body.Minus.GetToken(item.FirstTokenIndex);
        errors.Add(new Diagnostic(DiagnosticId.SmplWholeTermRemoved, file, first.Span, kind));
    }

    /// <summary>
    /// "&lt;... E ...&gt;" inside an expression, its opening on a - or * line: spatch's grammar has no such
    /// nest (removed or starred code inside an expression takes "&lt;+... E ...+&gt;"), so it is refused at the
    /// "&lt;..." as spatch refuses it; in context code, or as a statement, it is read.
    /// </summary>
    private static void CheckExpressionNests(SourceText file, CodeRule rule, List<Diagnostic> errors)
    {
        var body = rule.Body;
        if (!body.HasMinus && !body.HasStar)
        {
            return;
        }

        var tree = body.Minus;
        foreach (var node in tree.Root.DescendantNodesAndSelf())
        {
            if (node.Kind != SyntaxKind.Nest || node.AsNest().Body.Kind == SyntaxKind.List)
            {
                continue;
            }

            int open = node.FirstTokenIndex;
            var token = tree.GetToken(open);
            if (token.Kind == SyntaxKind.NestOpenToken && open < body.MinusMarks.Length && body.MinusMarks[open] is TokenMark.Minus or TokenMark.Star)
            {
                errors.Add(new Diagnostic(DiagnosticId.SmplSyntaxError, file, token.Span,
                    "a nest '<... ...>' inside removed or * code of an expression: write '<+... ...+>'"));
                return;
            }
        }
    }

    /// <summary>"expression" or "type" when the item is one (a disjunction of them counts), else null.</summary>
    private static string? TermKind(SyntaxNode item)
    {
        switch (item.Kind)
        {
            case SyntaxKind.BareExpression:
                return "expression";
            case SyntaxKind.TypeName:
                return "type";
            case SyntaxKind.Disjunction:
                string? kind = null;
                foreach (var branch in item.GetNodeSlot(1)?.ChildNodes() ?? [])
                {
                    var inner = branch.Kind == SyntaxKind.List && branch.ChildCount == 1 && branch.GetNodeSlot(0) is { } single ? single : branch;
                    var k = TermKind(inner);
                    if (k is null || (kind is not null && kind != k))
                    {
                        return null;
                    }

                    kind = k;
                }

                return kind;
            default:
                return null;
        }
    }
}
