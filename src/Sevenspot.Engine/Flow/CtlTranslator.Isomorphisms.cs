using Sevenspot.C;
using Sevenspot.Smpl;

namespace Sevenspot.Engine;

internal sealed partial class CtlTranslator
{
    // The statement of the pattern being translated without the braces around it, if any.
    private (SyntaxNode Inner, SyntaxNode Compound)? _droppedBraces;

    /// <summary>
    /// The statements a compound statement of the pattern may also match without its braces
    /// (isomorphisms such as "{ S } => S"): each variant is a disjunct of the translation.
    /// </summary>
    private List<SyntaxNode> BracesVariants(SyntaxNode compound)
    {
        var variants = new List<SyntaxNode>();
        if (_matcher.Isos is not { } isos)
        {
            return variants;
        }

        foreach (var application in isos.At(compound))
        {
            if (application.Rule.Kind != IsoKind.Statement)
            {
                continue;
            }

            foreach (int target in application.Targets)
            {
                var variant = IsoIndex.Unwrap(application.Rule.Terms[target].Pattern);
                if (variant.Kind != SyntaxKind.MetavariableStatement
                    || application.Bindings[variant.AsMetavariableStatement().Name.Text] is not CodeValue { Node: { } inner }
                    || inner.Tree != compound.Tree
                    || !SyntaxFacts.IsStatementKind(inner.Kind) && inner.Kind is not (SyntaxKind.MetavariableStatement or SyntaxKind.Disjunction or SyntaxKind.Nest or SyntaxKind.BareExpression)
                    || variants.Contains(inner)
                    || !CanDropBraces(compound, inner))
                {
                    continue;
                }

                variants.Add(inner);
            }
        }

        return variants;
    }

    /// <summary>
    /// Whether "{ ... }" of the pattern also matches any one statement (the braces0 isomorphism, "{ ... } => S",
    /// whose S is bound to nothing of the pattern): then what the dots' when clauses say is not checked, as in
    /// spatch ("if (...) { ... when != x }" matches "if (a) x++;"). Only an unchanged "{ ... }" (context or
    /// starred code) takes that form: a statement stands for nothing that could carry a change.
    /// </summary>
    private bool MatchesAnyStatement(SyntaxNode compound)
    {
        if (_matcher.Isos is not { } isos || compound.Parent is { Kind: SyntaxKind.FunctionDefinition })
        {
            return false;
        }

        var items = compound.AsCompoundStatement().StatementList;
        if (items.ChildCount != 1 || items.ChildNodes().First().Kind != SyntaxKind.Dots)
        {
            return false;
        }

        var body = _rule.Body;
        for (int t = compound.FirstTokenIndex; t <= compound.LastTokenIndex; t++)
        {
            if ((t < body.MinusMarks.Length && body.MinusMarks[t] == TokenMark.Minus)
                || body.GetPlus(t, PlusSide.Before).Count > 0 || body.GetPlus(t, PlusSide.After).Count > 0)
            {
                return false;
            }
        }

        foreach (var application in isos.At(compound))
        {
            if (application.Rule.Kind != IsoKind.Statement)
            {
                continue;
            }

            foreach (int target in application.Targets)
            {
                var variant = IsoIndex.Unwrap(application.Rule.Terms[target].Pattern);
                if (variant.Kind == SyntaxKind.MetavariableStatement
                    && application.Bindings[variant.AsMetavariableStatement().Name.Text] is null)
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>
    /// The braces can go when they carry no added code inside them (unless removed), and unless the statement
    /// they hold is removed while they stay: without them nothing would be left of the statement.
    /// </summary>
    private bool CanDropBraces(SyntaxNode compound, SyntaxNode inner)
    {
        var body = _rule.Body;

        // A disjunction of single statements is one statement only when no branch adds a statement before
        // or after its own: spatch leaves "if (x) return;" alone for "{ ... ( + f(); return; | ... ) }".
        if (inner.Kind == SyntaxKind.Disjunction)
        {
            foreach (var branch in Matcher.Branches(inner))
            {
                // Code added in place of a removed statement replaces it; added at a kept one, it is one more.
                int first = branch.FirstTokenIndex, last = branch.LastTokenIndex;
                if ((body.MinusMarks[first] != TokenMark.Minus && body.GetPlus(first, PlusSide.Before).Count > 0)
                    || (body.MinusMarks[last] != TokenMark.Minus && body.GetPlus(last, PlusSide.After).Count > 0))
                {
                    return false;
                }
            }
        }

        bool bracesMinus = true;
        for (int t = compound.FirstTokenIndex; t <= compound.LastTokenIndex; t++)
        {
            if (t >= inner.FirstTokenIndex && t <= inner.LastTokenIndex)
            {
                continue;
            }

            if (t < body.MinusMarks.Length && body.MinusMarks[t] == TokenMark.Minus)
            {
                continue; // code added to a removed brace goes where the rest of the removed code was
            }

            // Code added before the opening brace or after the closing one goes around the whole statement,
            // so around the statement left without braces (spatch: "{ S } + foo();" adds foo() after
            // every statement); code added inside the braces has no place there.
            bool before = body.GetPlus(t, PlusSide.Before).Count > 0;
            bool after = body.GetPlus(t, PlusSide.After).Count > 0;
            bool inside = (before && t != compound.FirstTokenIndex) || (after && t != compound.LastTokenIndex);
            if (inside || ((before || after) && Changes(body, inner)))
            {
                // Code around braces whose statement changes too stays with the braced form only: without
                // the braces, the two changes would need braces of their own around the one statement.
                return false;
            }

            bracesMinus = false;
        }

        if (bracesMinus)
        {
            return true;
        }

        for (int t = inner.FirstTokenIndex; t <= inner.LastTokenIndex; t++)
        {
            if (t < body.MinusMarks.Length && body.MinusMarks[t] != TokenMark.Minus)
            {
                return true;
            }

            if (body.GetPlus(t, PlusSide.Before).Count > 0 || body.GetPlus(t, PlusSide.After).Count > 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether a statement of the pattern is removed in part or has code added inside or around it.</summary>
    private static bool Changes(CodeBody body, SyntaxNode statement)
    {
        for (int t = statement.FirstTokenIndex; t <= statement.LastTokenIndex; t++)
        {
            if ((t < body.MinusMarks.Length && body.MinusMarks[t] == TokenMark.Minus)
                || body.GetPlus(t, PlusSide.Before).Count > 0 || body.GetPlus(t, PlusSide.After).Count > 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether "if (E) S1 else S2" may also match an if with no else (the drop_else isomorphism):
    /// S2 is a statement metavariable, and neither it nor the else keyword is removed or has code
    /// added, since an if with no else would have nowhere to put the change.
    /// </summary>
    private bool DropsElse(SyntaxNode ifStatement, bool negated = false)
    {
        if (_matcher.Isos is not { } isos)
        {
            return false;
        }

        // After neg_if the rule's then-branch is the one dropped: drop_else's pure S2 is S1 then.
        bool applies = false;
        foreach (var application in isos.At(ifStatement))
        {
            applies |= application.Rule.Name == (negated ? "neg_if" : "drop_else");
        }

        var ifs = ifStatement.AsIfStatement();
        var dropped = negated ? ifs.Statement : ifs.Else ?? default;
        if (!applies || ifs.Else is null || dropped.Tree is null || dropped.Kind != SyntaxKind.MetavariableStatement
            || (negated && _rule.DisabledIsos.Contains("drop_else")))
        {
            return false;
        }

        // drop_else's S2 is pure: a metavariable the pattern writes once. "if (...) S1 else S1" keeps
        // its else (spatch matches no if without one), also when neg_if makes S1 the dropped branch.
        string droppedName = dropped.AsMetavariableStatement().Name.Text;
        if (!IsoIndex.WrittenOnce(_rule, droppedName))
        {
            return false;
        }

        var body = _rule.Body;
        int elseKeyword = SlotToken(ifStatement, 5);
        if (AllMinus(ifStatement))
        {
            // The whole if goes: an if with no else goes too, unless the added code writes the
            // else branch, which such an if does not have, or hangs on the else branch.
            // Code hung on the dropped tokens has no place to go yet, so such an if is left alone
            // rather than removed without it.
            for (int t = Math.Min(elseKeyword, dropped.FirstTokenIndex); t <= Math.Max(elseKeyword, dropped.LastTokenIndex) && t >= 0; t++)
            {
                if (body.GetPlus(t, PlusSide.Before).Count > 0 || body.GetPlus(t, PlusSide.After).Count > 0)
                {
                    return false;
                }
            }

            return !IsoIndex.InAddedCode(_rule, droppedName);
        }

        for (int t = Math.Min(elseKeyword, dropped.FirstTokenIndex); t <= Math.Max(elseKeyword, dropped.LastTokenIndex) && t >= 0; t++)
        {
            if (t > dropped.LastTokenIndex && t < elseKeyword)
            {
                continue;
            }

            if ((t < body.MinusMarks.Length && body.MinusMarks[t] == TokenMark.Minus)
                || body.GetPlus(t, PlusSide.Before).Count > 0 || body.GetPlus(t, PlusSide.After).Count > 0)
            {
                return false;
            }
        }

        return true;
    }

    private bool AllMinus(SyntaxNode node)
    {
        var marks = _rule.Body.MinusMarks;
        for (int t = node.FirstTokenIndex; t <= node.LastTokenIndex; t++)
        {
            if (t >= marks.Length || marks[t] != TokenMark.Minus)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Whether "if (E) S1 else S2" may also match "if (!E) S2 else S1" (the neg_if isomorphism, with
    /// == and != as each other's negation): the condition is not changed, unless the whole if goes.
    /// </summary>
    private bool NegatesIf(SyntaxNode ifStatement)
    {
        if (_matcher.Isos is not { } isos)
        {
            return false;
        }

        bool applies = false;
        foreach (var application in isos.At(ifStatement))
        {
            applies |= application.Rule.Name == "neg_if";
        }

        if (!applies)
        {
            return false;
        }

        var body = _rule.Body;
        bool allMinus = true, conditionChanged = false;
        var condition = ifStatement.AsIfStatement().Condition;
        for (int t = ifStatement.FirstTokenIndex; t <= ifStatement.LastTokenIndex && t < body.MinusMarks.Length; t++)
        {
            bool minus = body.MinusMarks[t] == TokenMark.Minus;
            allMinus &= minus;
            if (t >= condition.FirstTokenIndex && t <= condition.LastTokenIndex
                && (minus || body.GetPlus(t, PlusSide.Before).Count > 0 || body.GetPlus(t, PlusSide.After).Count > 0))
            {
                conditionChanged = true;
            }
        }

        return allMinus || !conditionChanged;
    }
}
