using Sevenspot.C;

namespace Sevenspot.Engine;

/// <summary>
/// "X &amp;&amp; ..." and "X || ...": X is one of the operands of a chain of that operator, at any
/// place, or the whole expression (spatch: "(E == NULL &amp;&amp; ...) || ..." matches
/// "(a &amp; F) || !E || g(E)" and a bare "!E"). The chain is the operator's own nesting as parsed,
/// so a parenthesised group is one operand. "... || X" is an ordinary binary expression: X must be
/// the last operand.
/// </summary>
public sealed partial class Matcher
{
    private static bool IsLogicalWithTrailingDots(SyntaxNode p)
    {
        if (p.Kind != SyntaxKind.BinaryExpression)
        {
            return false;
        }

        var binary = p.AsBinaryExpression();
        return binary.Operator.Kind is SyntaxKind.AmpersandAmpersandToken or SyntaxKind.BarBarToken
            && binary.Right.Kind == SyntaxKind.Dots && binary.Left.Kind != SyntaxKind.Dots;
    }

    private IEnumerable<MatchState> MatchLogicalWithTrailingDots(SyntaxNode p, SyntaxNode c, MatchState s)
    {
        if (!IsExpression(c))
        {
            yield break;
        }

        var pattern = p.AsBinaryExpression();
        var left = new SyntaxElement(p.Tree, ChildRefOf(pattern.Left));
        int op = pattern.Operator.Index;
        int dots = pattern.Right.FirstTokenIndex;

        // X alone: the operator and the dots stand for nothing, after the expression.
        int after = c.LastTokenIndex + 1;
        foreach (var m in Match(left, new SyntaxElement(c.Tree, ChildRefOf(c)), s))
        {
            yield return m.Record(op, after, c.LastTokenIndex).Record(dots, after, c.LastTokenIndex);
        }

        if (c.Kind != SyntaxKind.BinaryExpression || c.AsBinaryExpression().Operator.Kind != pattern.Operator.Kind)
        {
            yield break;
        }

        // X as one of the operands (or a group of them, as nested): the dots stand for the whole chain.
        int codeOp = c.AsBinaryExpression().Operator.Index;
        var pending = new Stack<SyntaxNode>();
        pending.Push(c.AsBinaryExpression().Right);
        pending.Push(c.AsBinaryExpression().Left);
        while (pending.Count > 0)
        {
            var operand = pending.Pop();
            foreach (var m in Match(left, new SyntaxElement(operand.Tree, ChildRefOf(operand)), s))
            {
                yield return m.Record(op, codeOp, codeOp).Record(dots, c.FirstTokenIndex, c.LastTokenIndex);
            }

            if (operand.Kind == SyntaxKind.BinaryExpression && operand.AsBinaryExpression().Operator.Kind == pattern.Operator.Kind)
            {
                pending.Push(operand.AsBinaryExpression().Right);
                pending.Push(operand.AsBinaryExpression().Left);
            }
        }
    }
}
