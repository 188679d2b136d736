using Sevenspot.C;
using Sevenspot.Engine.Ctl;
using Sevenspot.Smpl;

namespace Sevenspot.Engine;

/// <summary>
/// The inherited positions that every match of a flow rule binds at a node: a rule that names
/// <c>E@p</c> with <c>p</c> from an earlier rule can only match in the function that holds that
/// place, so the other functions of the file are not model-checked in that environment (a file with
/// a hundred lock calls has a hundred environments, each of which used to check every function).
/// Found from the formula (what every satisfying state needs) and from each needed element (a
/// position that every branch of it binds, outside nests, optional parts and "..."). Conservative:
/// whatever is unsure counts as not needed.
/// </summary>
internal static class RequiredPositions
{
    /// <summary>
    /// The inherited positions every match binds. With <paramref name="throughNests"/>, also those a
    /// "&lt;+... P ...+&gt;" needs through P, even past the brace before it: a claim valid only in a
    /// function whose graph is <see cref="FlowShape.IsPlain"/> (see <see cref="PlusNestNeeds"/>).
    /// </summary>
    public static string[] Of(CodeRule rule, Formula<CtlPredicate> formula, bool throughNests = false)
    {
        if (SemanticPatchRunner.HasScriptConstraint(rule))
        {
            return []; // matching calls the scripts, whose calls are part of the output
        }

        var names = Needed(rule, formula, null, throughNests);
        var result = names.ToArray();
        Array.Sort(result, StringComparer.Ordinal);
        return result;
    }

    /// <summary>
    /// The lines of a file an environment gives the needed positions that lie in it: found once per
    /// environment, then tested against each function's lines (<see cref="Lines.RulesOut"/>).
    /// </summary>
    public static Lines LinesIn(string[] required, Env env, FileSession session)
    {
        if (required.Length == 0)
        {
            return default;
        }

        // A #define body parsed on its own binds positions at their place in the file (SourceOrigin).
        string path = (session.Origin?.File ?? session.Tree.Text).Path;
        int min = int.MaxValue, max = int.MinValue;
        foreach (string name in required)
        {
            if (env.TryGet(name, out var value) && value is PositionValue p && p.File == path)
            {
                min = Math.Min(min, p.Start.Line);
                max = Math.Max(max, p.Start.Line);
            }
        }

        return min > max ? default : new Lines(min, max);
    }

    /// <summary>The first and last lines the needed positions of an environment lie on in one file; none when it gives none there.</summary>
    internal readonly struct Lines
    {
        private readonly int _min;
        private readonly int _max;
        private readonly bool _any;

        public Lines(int min, int max)
        {
            _min = min;
            _max = max;
            _any = true;
        }

        /// <summary>Whether a needed position lies outside a function's lines (so the rule cannot match there).</summary>
        public bool RulesOut((int First, int Last) function) => _any && (_min < function.First || _max > function.Last);
    }

    /// <summary>The formulas that <see cref="Formula{TPred}.Ref"/>s name, innermost first.</summary>
    private sealed record LetScope(string Name, Formula<CtlPredicate> Value, LetScope? Outer)
    {
        public Formula<CtlPredicate>? Find(string name)
        {
            for (var scope = this; scope is not null; scope = scope.Outer)
            {
                if (scope.Name == name)
                {
                    return scope.Value;
                }
            }

            return null;
        }
    }

    /// <summary>The inherited positions bound somewhere in the function whenever the formula holds somewhere.</summary>
    private static HashSet<string> Needed(CodeRule rule, Formula<CtlPredicate> formula, LetScope? lets, bool throughNests)
    {
        switch (formula)
        {
            case Formula<CtlPredicate>.Pred { Predicate.Element: { Kind: RuleElementKind.Atom or RuleElementKind.Expression } element }
                when element.Pattern.Tree == rule.Body.Minus:
                return InElement(rule, element.Pattern);
            case Formula<CtlPredicate>.Pred { Predicate.Element: { } header } when header.Pattern.Tree == rule.Body.Minus:
                return OnHeaderKeyword(rule, header);
            case Formula<CtlPredicate>.And a:
                return Union(Needed(rule, a.Left, lets, throughNests), Needed(rule, a.Right, lets, throughNests));
            case Formula<CtlPredicate>.AndAny a:
                return Needed(rule, a.Left, lets, throughNests);
            case Formula<CtlPredicate>.HackForStmt h:
                return Needed(rule, h.Left, lets, throughNests);
            case Formula<CtlPredicate>.Or o:
                return Common(Needed(rule, o.Left, lets, throughNests), Needed(rule, o.Right, lets, throughNests));
            case Formula<CtlPredicate>.SeqOr o:
                return Common(Needed(rule, o.Left, lets, throughNests), Needed(rule, o.Right, lets, throughNests));
            case Formula<CtlPredicate>.Exists e:
                var names = Needed(rule, e.Operand, lets, throughNests);
                if (throughNests && PlusNestNeeds(rule, e, lets) is { } nest)
                {
                    names.UnionWith(nest);
                }

                return names;
            // Every state has a successor and a predecessor in the prepared graph.
            case Formula<CtlPredicate>.AX { Operand: Formula<CtlPredicate>.Or o } when throughNests && IsAfter(o.Left):
                // A step past a brace, excused at its [after] node: every state has another successor.
                return Needed(rule, o.Right, lets, throughNests);
            case Formula<CtlPredicate>.AX x:
                return Needed(rule, x.Operand, lets, throughNests);
            case Formula<CtlPredicate>.EX x:
                return Needed(rule, x.Operand, lets, throughNests);
            case Formula<CtlPredicate>.EF f:
                return Needed(rule, f.Operand, lets, throughNests);
            case Formula<CtlPredicate>.EU u:
                return Needed(rule, u.Right, lets, throughNests);
            case Formula<CtlPredicate>.AG g:
                return Needed(rule, g.Operand, lets, throughNests);
            case Formula<CtlPredicate>.EG g:
                return Needed(rule, g.Operand, lets, throughNests);
            case Formula<CtlPredicate>.Let l:
                return Needed(rule, l.Body, new LetScope(l.Name, l.Value, lets), throughNests);
            case Formula<CtlPredicate>.LetR l:
                return Needed(rule, l.Body, new LetScope(l.Name, l.Value, lets), throughNests);
            case Formula<CtlPredicate>.Uncheck u:
                return Needed(rule, u.Operand, lets, throughNests);
            case Formula<CtlPredicate>.InnerAnd i:
                return Needed(rule, i.Operand, lets, throughNests);
            default:
                // Other predicates, Not, Implies, AU, AW and AF (paths that loop forever are excused), Ref, True, False.
                return new HashSet<string>(StringComparer.Ordinal);
        }
    }

    /// <summary>
    /// "&lt;+... P ...+&gt;" is ∃v.(φ ∧ ¬BindBad(v)), where only "P ∧ BindGood(v)" inside φ binds v to
    /// good: a triple that does not bind it is dropped by the negated BindBad, so P held at a state
    /// reached from the triple's, and P's needed positions are in the function. BindBad labels every
    /// state but the looping predecessors of dead code, where the negation is vacuous and a triple
    /// may survive without P: hence the claim holds only in a function without dead code. Gives
    /// null for an ∃ of another shape; with several places that bind v good, what all of them need.
    /// </summary>
    private static HashSet<string>? PlusNestNeeds(CodeRule rule, Formula<CtlPredicate>.Exists exists, LetScope? lets)
    {
        if (exists.Operand is not Formula<CtlPredicate>.And { Right: Formula<CtlPredicate>.Not { Operand: Formula<CtlPredicate>.Pred bad } } and
            || bad.Predicate.Kind != CtlPredicateKind.BindBad || bad.Predicate.Variable != exists.Variable)
        {
            return null;
        }

        HashSet<string>? common = null;
        bool complete = true;
        GoodSources(rule, and.Left, exists.Variable, lets, ref common, ref complete);
        return complete ? common : null;
    }

    /// <summary>Intersects into <paramref name="common"/> what each "ψ ∧ BindGood(v)" in the formula needs through ψ.</summary>
    private static void GoodSources(CodeRule rule, Formula<CtlPredicate> formula, string variable, LetScope? lets, ref HashSet<string>? common, ref bool complete)
    {
        switch (formula)
        {
            case Formula<CtlPredicate>.And { Right: Formula<CtlPredicate>.Pred good } a
                when good.Predicate.Kind == CtlPredicateKind.BindGood && good.Predicate.Variable == variable:
                var source = a.Left is Formula<CtlPredicate>.Ref r ? lets?.Find(r.Name) : a.Left;
                if (source is null)
                {
                    complete = false;
                    return;
                }

                var needs = Needed(rule, source, lets, throughNests: true);
                if (common is null)
                {
                    common = needs;
                }
                else
                {
                    common.IntersectWith(needs);
                }

                GoodSources(rule, a.Left, variable, lets, ref common, ref complete);
                return;
            case Formula<CtlPredicate>.Pred { Predicate.Kind: CtlPredicateKind.BindGood } p when p.Predicate.Variable == variable:
                complete = false; // bound good on its own: nothing is needed
                return;
            case Formula<CtlPredicate>.Let l:
                GoodSources(rule, l.Value, variable, lets, ref common, ref complete);
                GoodSources(rule, l.Body, variable, new LetScope(l.Name, l.Value, lets), ref common, ref complete);
                return;
            case Formula<CtlPredicate>.LetR l:
                GoodSources(rule, l.Value, variable, lets, ref common, ref complete);
                GoodSources(rule, l.Body, variable, new LetScope(l.Name, l.Value, lets), ref common, ref complete);
                return;
        }

        foreach (var child in Children(formula))
        {
            GoodSources(rule, child, variable, lets, ref common, ref complete);
        }
    }

    private static IEnumerable<Formula<CtlPredicate>> Children(Formula<CtlPredicate> formula)
    {
        switch (formula)
        {
            case Formula<CtlPredicate>.Not n: yield return n.Operand; break;
            case Formula<CtlPredicate>.Exists e: yield return e.Operand; break;
            case Formula<CtlPredicate>.And a: yield return a.Left; yield return a.Right; break;
            case Formula<CtlPredicate>.AndAny a: yield return a.Left; yield return a.Right; break;
            case Formula<CtlPredicate>.HackForStmt h: yield return h.Left; yield return h.Right; break;
            case Formula<CtlPredicate>.Or o: yield return o.Left; yield return o.Right; break;
            case Formula<CtlPredicate>.SeqOr o: yield return o.Left; yield return o.Right; break;
            case Formula<CtlPredicate>.Implies i: yield return i.Left; yield return i.Right; break;
            case Formula<CtlPredicate>.AF f: yield return f.Operand; break;
            case Formula<CtlPredicate>.AX x: yield return x.Operand; break;
            case Formula<CtlPredicate>.AG g: yield return g.Operand; break;
            case Formula<CtlPredicate>.AW w: yield return w.Left; yield return w.Right; break;
            case Formula<CtlPredicate>.AU u: yield return u.Left; yield return u.Right; break;
            case Formula<CtlPredicate>.EF f: yield return f.Operand; break;
            case Formula<CtlPredicate>.EX x: yield return x.Operand; break;
            case Formula<CtlPredicate>.EG g: yield return g.Operand; break;
            case Formula<CtlPredicate>.EU u: yield return u.Left; yield return u.Right; break;
            case Formula<CtlPredicate>.Uncheck u: yield return u.Operand; break;
            case Formula<CtlPredicate>.InnerAnd i: yield return i.Operand; break;
            case Formula<CtlPredicate>.XX x: yield return x.Operand; break;
        }
    }

    private static bool IsAfter(Formula<CtlPredicate> formula) =>
        formula is Formula<CtlPredicate>.Pred { Predicate.Kind: CtlPredicateKind.After };

    private static HashSet<string> Union(HashSet<string> left, HashSet<string> right)
    {
        left.UnionWith(right);
        return left;
    }

    private static HashSet<string> Common(HashSet<string> left, HashSet<string> right)
    {
        left.IntersectWith(right);
        return left;
    }

    /// <summary>
    /// The inherited positions on the first token of a header ("if@p (...)", "while@p", "for@p",
    /// "switch@p", an iterator's name): a header's match always matches that token, with its positions,
    /// whatever its condition does.
    /// </summary>
    private static HashSet<string> OnHeaderKeyword(CodeRule rule, RuleElement element)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        SyntaxKind? expected = element.Kind switch
        {
            RuleElementKind.IfHeader => SyntaxKind.IfStatement,
            RuleElementKind.WhileHeader => SyntaxKind.WhileStatement,
            RuleElementKind.ForHeader => SyntaxKind.ForStatement,
            RuleElementKind.SwitchHeader => SyntaxKind.SwitchStatement,
            RuleElementKind.IteratorHeader => SyntaxKind.IteratorStatement,
            _ => null,
        };
        if (expected is { } kind && element.Pattern.Kind == kind && element.Pattern.GetTokenSlot(0) is { } first)
        {
            AddPositionsAt(rule, first.Index, names);
        }

        return names;
    }

    /// <summary>
    /// The inherited expressions, identifier expressions and constants that every match of a
    /// single-term pattern compares with code inside the term it matches (outside nests, optional
    /// parts and "...", on every branch of a disjunction): such a term contains the tokens of their values.
    /// </summary>
    public static string[] TermsOf(CodeRule rule, SyntaxNode pattern) => SortedInElement(rule, pattern, terms: true, equalsSigns: false);

    /// <summary>
    /// For a single-term pattern, the inherited positions every match binds at a token of the term it
    /// matches: those on names, and those on the "=" of an initializer or an assignment (no isomorphism
    /// leaves it out of the code; decl_init only adds one to code the pattern does not write).
    /// </summary>
    public static string[] InTerm(CodeRule rule, SyntaxNode pattern) => SortedInElement(rule, pattern, terms: false, equalsSigns: true);

    /// <summary>What <see cref="InElement"/> finds, in name order; nothing for a rule with a script constraint (its matches depend on more than the code).</summary>
    private static string[] SortedInElement(CodeRule rule, SyntaxNode pattern, bool terms, bool equalsSigns)
    {
        if (SemanticPatchRunner.HasScriptConstraint(rule))
        {
            return [];
        }

        var result = InElement(rule, pattern, terms, equalsSigns).ToArray();
        Array.Sort(result, StringComparer.Ordinal);
        return result;
    }

    /// <summary>The inherited positions (or, with <paramref name="terms"/>, term metavariables) that a match of the pattern always binds.</summary>
    private static HashSet<string> InElement(CodeRule rule, SyntaxNode pattern, bool terms = false, bool equalsSigns = false)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        switch (pattern.Kind)
        {
            case SyntaxKind.Disjunction:
                HashSet<string>? common = null;
                foreach (var branch in Matcher.Branches(pattern))
                {
                    var mine = InElement(rule, branch, terms, equalsSigns);
                    if (common is null)
                    {
                        common = mine;
                    }
                    else
                    {
                        common.IntersectWith(mine);
                    }
                }

                return common ?? names;
            case SyntaxKind.Nest or SyntaxKind.OptionalStatement or SyntaxKind.Dots:
                return names;
        }

        for (int i = 0; i < pattern.ChildCount; i++)
        {
            if (pattern.GetNodeSlot(i) is { } child)
            {
                names.UnionWith(InElement(rule, child, terms, equalsSigns));
            }
            else if (equalsSigns && pattern.GetTokenSlot(i) is { Kind: SyntaxKind.EqualsToken } equals
                && pattern.Kind is SyntaxKind.InitDeclarator or SyntaxKind.AssignmentExpression)
            {
                AddPositionsAt(rule, equals.Index, names);
            }
            else if (pattern.GetTokenSlot(i) is { Kind: SyntaxKind.IdentifierToken } token)
            {
                if (!terms)
                {
                    AddPositionsAt(rule, token.Index, names);
                }
                else if (rule.Find(token.Text) is { IsInherited: true, Kind: MetavariableKind.Expression or MetavariableKind.IdExpression or MetavariableKind.Constant } meta)
                {
                    names.Add(meta.Name);
                }
            }
        }

        return names;
    }

    /// <summary>
    /// The inherited positions written on one identifier of the pattern. As the matcher does, a list
    /// that also names a metavariable of another kind is not enforced, so it does not count.
    /// </summary>
    private static void AddPositionsAt(CodeRule rule, int token, HashSet<string> names)
    {
        if (!rule.Body.Positions.TryGetValue(token, out var listed))
        {
            return;
        }

        var found = new List<string>();
        foreach (string name in listed)
        {
            var meta = rule.Metavariables.FirstOrDefault(m => m.Name == name);
            if (meta is not { Kind: MetavariableKind.Position })
            {
                return;
            }

            if (meta.IsInherited)
            {
                found.Add(name);
            }
        }

        names.UnionWith(found);
    }
}
