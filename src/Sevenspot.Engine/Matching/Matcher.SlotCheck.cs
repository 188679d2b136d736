using Sevenspot.C;

namespace Sevenspot.Engine;

public sealed partial class Matcher
{
    /// <summary>
    /// Whether two nodes of the same kind, matched slot by slot, can match at all: false when some slot
    /// fails whatever the bindings are — a plain token of the rule (an operator, a keyword, a literal,
    /// a name that is no metavariable) against another token, a node of the rule that only matches its
    /// own kind against a node of another kind, or a slot present on one side only. The same test goes
    /// into child nodes matched slot by slot themselves.
    /// </summary>
    /// <remarks>
    /// PERF: slot-by-slot matching binds the first slots (a metavariable operand, with a new
    /// environment and state) before it reaches the slot that fails ("E == 0" against "a + b" binds E
    /// first); most candidate terms of a node fail on such a slot. Only failures that do not depend on
    /// the bindings are found here, so a false answer is exactly "no match".
    /// </remarks>
    private bool SlotsMayMatch(SyntaxNode p, SyntaxNode c)
    {
        int count = p.ChildCount;
        if (c.ChildCount < count)
        {
            return true;
        }

        for (int slot = 0; slot < count; slot++)
        {
            var ps = p.GetSlot(slot);
            var cs = c.GetSlot(slot);
            if (ps is null || cs is null)
            {
                if (ps is null && (cs is null || IsIgnorableWhenAbsent(p.Kind, slot)))
                {
                    continue;
                }

                return false;
            }

            var pe = ps.Value;
            var ce = cs.Value;
            if (pe.IsToken)
            {
                // A token of the rule matches only a token (Match).
                if (!ce.IsToken || !PlainTokenMayMatch(pe.AsToken(), ce.AsToken()))
                {
                    return false;
                }

                continue;
            }

            if (ce.IsToken)
            {
                continue; // a node of the rule may match a token (MatchNodeAgainstToken)
            }

            if (!NodeMayMatch(pe.AsNode(), ce.AsNode()))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Whether some variant of the isomorphisms at a pattern node may match the code node, as
    /// <see cref="WithIsomorphisms"/> tries them: each variant by its own matcher. PERF: "E == NULL"
    /// has variants rooted at "==" and "!", so a kind alone lets every comparison through.
    /// </summary>
    private bool AnyVariantNodeMayMatch(IReadOnlyList<IsoApplication> applications, SyntaxNode c)
    {
        for (int a = 0; a < applications.Count; a++)
        {
            var application = applications[a];
            var targets = application.Targets;
            for (int t = 0; t < targets.Count; t++)
            {
                if (VariantAt(application, targets[t], c) is { } variant && MatcherOf(variant, application).NodeMayMatch(variant.Node, c))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>
    /// "A || ..." against code (see <see cref="MatchLogicalChain"/>): A at the code where it is a test, or
    /// at an operand of the code's chain of the same operator. PERF: "if ((E == NULL &amp;&amp; ...) || ...)"
    /// is tried at every if of a function; most conditions have no operand A may match.
    /// </summary>
    private bool LogicalChainMayMatch(SyntaxNode p, SyntaxNode c)
    {
        var pattern = p.AsBinaryExpression();
        if (IsoIndex.IsTestPosition(c) && NodeMayMatch(pattern.Left, c))
        {
            return true;
        }

        return OperandMayMatch(pattern, c);
    }

    /// <summary>Whether A may match an operand, at any depth, of the code's chain of the pattern's operator (<see cref="MatchInLogicalChain"/>).</summary>
    private bool OperandMayMatch(BinaryExpressionSyntax pattern, SyntaxNode c)
    {
        if (c.Kind != SyntaxKind.BinaryExpression || c.AsBinaryExpression().Operator.Kind != pattern.Operator.Kind)
        {
            return false;
        }

        var code = c.AsBinaryExpression();
        for (int side = 0; side < 2; side++)
        {
            var here = side == 0 ? code.Left : code.Right;
            var other = side == 0 ? code.Right : code.Left;
            // The other operand is the "..." (MatchDotsExpression: an expression).
            if ((IsExpression(other) || other.Kind == SyntaxKind.InitializerList)
                && (NodeMayMatch(pattern.Left, here) || OperandMayMatch(pattern, here)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>False only when the rule's token is plain (no metavariable, no format) and differs from the code's.</summary>
    private bool PlainTokenMayMatch(SyntaxToken p, SyntaxToken c)
    {
        if (p.Kind == SyntaxKind.StringLiteralToken)
        {
            return true; // format metavariables ("%@d@") are matched apart
        }

        if (p.Kind == SyntaxKind.IdentifierToken && (_ctx.Meta(p) is not null || (_delegates is not null && _delegates.Contains(p.Text))))
        {
            return true;
        }

        return TokensEqual(p, c);
    }

    /// <summary>
    /// False only when the rule's node cannot match the code's node whatever the bindings (see
    /// <see cref="MatchNode"/>: delegation, direct match, then isomorphism variants).
    /// </summary>
    internal bool NodeMayMatch(SyntaxNode p, SyntaxNode c)
    {
        if (_isos is not null && _isos.At(p) is { Count: > 0 } applications && AnyVariantMayMatch(p, applications, c.Kind)
            && AnyVariantNodeMayMatch(applications, c))
        {
            return true;
        }

        if (p.Kind == SyntaxKind.IdentifierName)
        {
            // A name that is no metavariable matches the same name only (MatchIdentifierName).
            var name = p.AsIdentifierName().Identifier;
            if (_ctx.Meta(name) is not null || (_delegates is not null && _delegates.Contains(name.Text)))
            {
                return true;
            }

            return c.Kind == SyntaxKind.IdentifierName && TokensEqual(name, c.AsIdentifierName().Identifier);
        }

        switch (p.Kind)
        {
            case SyntaxKind.Disjunction:
                // The first branch that matches wins (MatchDisjunction): none may match, no match.
                if (p.GetNodeSlot(1) is { } branches)
                {
                    for (int i = 0; i < branches.ChildCount; i++)
                    {
                        if (branches.GetNodeSlot(i) is { } branch
                            && NodeMayMatch(branch.Kind == SyntaxKind.List && branch.ChildCount == 1 && branch.GetNodeSlot(0) is { } single ? single : branch, c))
                        {
                            return true;
                        }
                    }
                }

                return false;
            case SyntaxKind.BareExpression:
                return NodeMayMatch(p.AsBareExpression().Expression, c);
            case SyntaxKind.ParenthesizedExpression when c.Kind != SyntaxKind.ParenthesizedExpression:
                // Optional in the code (the paren isomorphism), unless disabled.
                return ParensOptional(p, c) && NodeMayMatch(p.AsParenthesizedExpression().Expression, c);
            case SyntaxKind.ParenthesizedExpression:
                return SlotsMayMatch(p, c);
            case SyntaxKind.AssignmentExpression when c.Kind == SyntaxKind.InitDeclarator:
                // "x = E" against "T x = E" (MatchAssignmentToInitializer): E against the initializer.
                return !_ctx.CodeIsPattern && IsPlainAssignment(p)
                    && (c.AsInitDeclarator().Initializer is not { } value || NodeMayMatch(p.AsAssignmentExpression().Right, value));
            case SyntaxKind.AssignmentExpression:
                return p.Kind == c.Kind && SlotsMayMatch(p, c);
            case SyntaxKind.BinaryExpression when !_ctx.CodeIsPattern && IsLogicalChainPattern(p):
                return LogicalChainMayMatch(p, c);
        }

        if (MayMatchOtherKind(p))
        {
            return true;
        }

        if (p.Kind != c.Kind)
        {
            return false;
        }

        // Nodes MatchNodeDirect matches slot by slot (its last case); the others have their own rules.
        return p.Kind is SyntaxKind.StructSpecifier or SyntaxKind.InitializerList or SyntaxKind.ParameterDeclaration
            or SyntaxKind.InitDeclarator or SyntaxKind.PointerDeclarator
            || SlotsMayMatch(p, c);
    }
}
