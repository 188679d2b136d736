using Sevenspot.C;
using Sevenspot.Smpl;

namespace Sevenspot.Engine;

/// <summary>
/// The words a file must contain for a code rule to match, as spatch's "worth trying" test derives
/// them: the identifiers of the rule's pattern (its - and context code; + code is not looked for),
/// AND-ed along the pattern, OR-ed over the branches of a disjunction; nothing is required from
/// what may be absent (..., &lt;... ...&gt;, ? S, when clauses, attributes), from metavariables
/// (except an identifier constrained to a set of names: one of them), from keywords, numbers and
/// strings (but "sizeof", spelt in every code it matches). Where an isomorphism lets a pattern node match code of another shape, a word counts only
/// if every shape keeps it (x == NULL also matches !x, so NULL is never required). A metavariable
/// inherited from rule r can only have a value where r matched, so it requires what r requires.
/// When in doubt the formula requires less: it must never keep a rule from a file it matches.
/// </summary>
public static class RequiredTokens
{
    /// <summary>The requirement of a rule's body alone.</summary>
    /// <param name="rule">The rule.</param>
    /// <param name="isos">Where isomorphisms apply in the rule (null: none).</param>
    /// <param name="inherited">What a metavariable inherited from a rule ("r", or "virtual") requires, given the rule and the name there.</param>
    public static TokenFormula ForBody(CodeRule rule, IsoIndex? isos, Func<string, string, TokenFormula> inherited)
    {
        var collector = new Collector(rule, isos is { IsEmpty: false } ? isos : null, inherited, functionTokens: false);
        var root = rule.Body.Minus.Root;
        if (root.Kind != SyntaxKind.PatternBody)
        {
            return TokenFormula.True;
        }

        return collector.Node(root);
    }

    /// <summary>
    /// The requirement of a flow rule's body on one function: that of <see cref="ForBody"/> with the
    /// punctuation and keywords of <see cref="FunctionTokens"/> too. With <paramref name="someNest"/>,
    /// also the body of one of the pattern's nests ("&lt;... P ...&gt;" as well as "&lt;+... P ...+&gt;"):
    /// the caller asks for it when a match in which no nest's body matched changes nothing and is read
    /// by no later rule, so that a function where none can match is as good as one where the rule fails.
    /// </summary>
    public static TokenFormula ForFunction(CodeRule rule, IsoIndex? isos, Func<string, string, TokenFormula> inherited, bool someNest)
    {
        var collector = new Collector(rule, isos is { IsEmpty: false } ? isos : null, inherited, functionTokens: true);
        var root = rule.Body.Minus.Root;
        if (root.Kind != SyntaxKind.PatternBody)
        {
            return TokenFormula.True;
        }

        var body = collector.Node(root);
        if (!someNest)
        {
            return body;
        }

        var nests = new List<TokenFormula>();
        foreach (var node in root.DescendantNodesAndSelf())
        {
            if (node.Kind == SyntaxKind.Nest && node.GetNodeSlot(2) is { } nestBody)
            {
                nests.Add(collector.Node(nestBody));
            }
        }

        return nests.Count == 0 ? body : TokenFormula.And(body, TokenFormula.Or(nests));
    }

    /// <summary>
    /// Whether a match of a rule in which no nest's body matched is invisible: no token outside the
    /// nests' bodies is removed, starred or has code added, and no metavariable a later rule reads
    /// (<paramref name="usedAfter"/>) is written outside them or inherited (such a match binds none of them).
    /// </summary>
    public static bool NestlessMatchesUnseen(CodeRule rule, IReadOnlySet<string> usedAfter)
    {
        var body = rule.Body;
        var tree = body.Minus;
        var insideNest = new bool[tree.TokenCount];
        bool anyNest = false;
        foreach (var node in tree.Root.DescendantNodesAndSelf())
        {
            if (node.Kind == SyntaxKind.Nest && node.GetNodeSlot(2) is { } nestBody && nestBody.LastTokenIndex >= nestBody.FirstTokenIndex)
            {
                anyNest = true;
                for (int t = nestBody.FirstTokenIndex; t <= nestBody.LastTokenIndex; t++)
                {
                    insideNest[t] = true;
                }
            }
        }

        if (!anyNest)
        {
            return false;
        }

        foreach (string name in usedAfter)
        {
            if (rule.Find(name) is not { } meta || meta.IsInherited)
            {
                return false;
            }
        }

        for (int t = 0; t < tree.TokenCount; t++)
        {
            if (insideNest[t])
            {
                continue;
            }

            var token = tree.GetToken(t);
            if ((t < body.MinusMarks.Length && body.MinusMarks[t] != TokenMark.Context)
                || body.GetPlus(t, PlusSide.Before).Count > 0 || body.GetPlus(t, PlusSide.After).Count > 0
                || (token.Kind == SyntaxKind.IdentifierToken && usedAfter.Contains(token.Text)))
            {
                return false;
            }

            if (body.Positions.TryGetValue(t, out var positions))
            {
                foreach (string position in positions)
                {
                    if (usedAfter.Contains(position))
                    {
                        return false;
                    }
                }
            }
        }

        return true;
    }

    /// <summary>
    /// The requirement of every rule of a patch, in rule order: a code rule's body AND-ed with what
    /// its "depends on" requires (a rule can only run where the rules it depends on matched); a
    /// script rule's dependencies and the rules it takes values from without a default. A rule that
    /// depends on a virtual rule that is not defined requires False.
    /// </summary>
    public static Dictionary<Rule, TokenFormula> ForPatch(SmplFile patch, IReadOnlyDictionary<CodeRule, IsoIndex> isos, IReadOnlySet<string> definedVirtuals,
        IReadOnlyDictionary<string, string> virtualValues)
    {
        var result = new Dictionary<Rule, TokenFormula>();
        var byName = new Dictionary<string, TokenFormula>(StringComparer.Ordinal);
        var ruleNames = new HashSet<string>(StringComparer.Ordinal);
        foreach (var rule in patch.Rules)
        {
            ruleNames.Add(rule.Name);
        }

        TokenFormula Inherited(string from, string name)
        {
            if (from == "virtual")
            {
                return virtualValues.TryGetValue(name, out string? value) && Identifiers.IsPlain(value) ? TokenFormula.Of(value) : TokenFormula.True;
            }

            return byName.TryGetValue(from, out var formula) ? formula : TokenFormula.True;
        }

        TokenFormula Dependency(Dependency? d) => d is null
            ? TokenFormula.True
            : Dependencies.Evaluate<Requirement, RequiredWords>(d, ruleNames, definedVirtuals, new RequiredWords(byName)).Words;

        foreach (var rule in patch.Rules)
        {
            TokenFormula formula;
            switch (rule)
            {
                case CodeRule code:
                    var deps = Dependency(code.DependsOn);
                    formula = deps.Kind == TokenFormulaKind.False
                        ? deps
                        : TokenFormula.And(deps, ForBody(code, isos.TryGetValue(code, out var index) ? index : null, Inherited));
                    break;
                case ScriptRule { ScriptKind: ScriptKind.Script } script:
                    var parts = new List<TokenFormula> { Dependency(script.DependsOn) };
                    foreach (var binding in script.Bindings)
                    {
                        // A value without a default comes from a match of that rule: the script runs only where it matched.
                        if (binding.Rule is { } from && from != "virtual" && binding.DefaultValue is null && !binding.DefaultIsEmptyList)
                        {
                            parts.Add(byName.TryGetValue(from, out var f) ? f : TokenFormula.True);
                        }
                    }

                    formula = TokenFormula.And(parts);
                    break;
                default:
                    formula = TokenFormula.True;
                    break;
            }

            result[rule] = formula;
            byName[rule.Name] = formula;
        }

        return result;
    }

    /// <summary>
    /// What a dependency requires of a file: its truth where it is known before the file is read
    /// (virtual rules, and rules that no file can run), else the words of the rules it needs to have
    /// matched (r, ever r; !r and never r hold where r did not match, which says nothing of words).
    /// </summary>
    private readonly struct Requirement(DependencyTruth truth, TokenFormula words)
    {
        public DependencyTruth Truth { get; } = truth;

        public TokenFormula Words { get; } = truth switch
        {
            DependencyTruth.True => TokenFormula.True,
            DependencyTruth.False => TokenFormula.False,
            _ => words,
        };
    }

    /// <summary>The requirements of the rules read so far, by name: a dependency on one of them requires what it requires.</summary>
    private readonly struct RequiredWords(Dictionary<string, TokenFormula> byName) : Dependencies.IValues<Requirement>
    {
        public Requirement Matched(string rule, bool ever) => byName.TryGetValue(rule, out var words)
            ? new(words.Kind == TokenFormulaKind.False ? DependencyTruth.False : DependencyTruth.Unknown, words)
            : Unknown;

        public Requirement InFile(FileDependency file) => Unknown;

        public Requirement Virtual(bool defined) => new(Dependencies.Of(defined), TokenFormula.True);

        public Requirement Unknown => new(DependencyTruth.Unknown, TokenFormula.True);

        public Requirement Not(Requirement value) => new(Dependencies.Not(value.Truth), TokenFormula.True);

        public Requirement And(Requirement left, Requirement right) =>
            new(Dependencies.And(left.Truth, right.Truth), TokenFormula.And(left.Words, right.Words));

        public Requirement Or(Requirement left, Requirement right) =>
            new(Dependencies.Or(left.Truth, right.Truth), TokenFormula.Or(left.Words, right.Words));

        public DependencyTruth Truth(Requirement value) => value.Truth;
    }

    private sealed class Collector(CodeRule rule, IsoIndex? isos, Func<string, string, TokenFormula> inherited, bool functionTokens)
    {
        // Metavariable kinds whose name is a plain C name in the pattern (the matcher treats them so too).
        private static bool IsLiteralName(MetavariableKind kind) => kind is MetavariableKind.Symbol or MetavariableKind.Typedef
            or MetavariableKind.DeclarerName or MetavariableKind.IteratorName or MetavariableKind.AttributeName;

        public TokenFormula Node(SyntaxNode node)
        {
            var own = Own(node);
            if (isos is null)
            {
                return own;
            }

            var applications = isos.At(node);
            if (applications.Count == 0)
            {
                return own;
            }

            // The node may match code shaped like another term of an isomorphism: only what that term keeps
            // of the pattern (the parts its metavariables stand for) is then required.
            var result = own;
            foreach (var application in applications)
            {
                foreach (int target in application.Targets)
                {
                    result = TokenFormula.Or(result, Variant(node, application, application.Rule.Terms[target]));
                    if (result.Kind == TokenFormulaKind.True)
                    {
                        return result;
                    }
                }
            }

            return result;
        }

        private TokenFormula Variant(SyntaxNode node, IsoApplication application, IsoTerm term)
        {
            var parts = new List<TokenFormula>();
            var done = new HashSet<string>(StringComparer.Ordinal);
            bool literal = IsPlain(term.Pattern);
            foreach (var token in term.Pattern.DescendantTokens())
            {
                if (literal && !token.IsMissing && KeywordWord(token.Kind) is { } word)
                {
                    parts.Add(TokenFormula.Of(word)); // the term's own "?", "else" or "sizeof" is in the code it matches
                    continue;
                }

                if (token.Kind != SyntaxKind.IdentifierToken || !done.Add(token.Text) || term.Rule.Find(token.Text) is not { } meta || IsLiteralName(meta.Kind))
                {
                    continue;
                }

                parts.Add(application.Bindings[token.Text] switch
                {
                    // A term that stands for the node itself (X => X != 0) requires what the node requires.
                    CodeValue { Node: { } bound } when bound == node => TokenFormula.True,
                    CodeValue { Node: { } bound } when ReferenceEquals(bound.Tree, node.Tree) => Node(bound),
                    NameValue { Token: { } name } when ReferenceEquals(name.Tree, node.Tree) => Token(name),
                    TypeValue { Specifiers.Node: { } bound } when ReferenceEquals(bound.Tree, node.Tree) && bound != node => Node(bound),
                    _ => TokenFormula.True,
                });
            }

            return TokenFormula.And(parts);
        }

        /// <summary>Whether a term is code alone: every token of it is in the code it matches (no "...", nest, optional part or disjunction).</summary>
        private static bool IsPlain(SyntaxNode term)
        {
            foreach (var node in term.DescendantNodesAndSelf())
            {
                if (node.Kind is SyntaxKind.Dots or SyntaxKind.Nest or SyntaxKind.OptionalStatement or SyntaxKind.Disjunction or SyntaxKind.WhenClause)
                {
                    return false;
                }
            }

            return true;
        }

        private TokenFormula Own(SyntaxNode node)
        {
            switch (node.Kind)
            {
                case SyntaxKind.Disjunction:
                    var branches = new List<TokenFormula>();
                    foreach (var branch in Matcher.Branches(node))
                    {
                        branches.Add(Node(branch));
                    }

                    // An empty branch matches without anything: then nothing is required.
                    return branches.Count == 0 || branches.Count <= CountBars(node) ? TokenFormula.True : TokenFormula.Or(branches);
                case SyntaxKind.Nest:
                    // <+... P ...+> needs P at least once; <... P ...> not at all.
                    return node.GetTokenSlot(0) is { Kind: SyntaxKind.NestPlusOpenToken } && node.GetNodeSlot(2) is { } body ? Node(body) : TokenFormula.True;
                case SyntaxKind.Dots:
                case SyntaxKind.WhenClause:
                case SyntaxKind.OptionalStatement:
                case SyntaxKind.AttributeMacro:
                case SyntaxKind.AttributeSpecifier:
                    return TokenFormula.True;
            }

            if (node.Kind is SyntaxKind.ErrorNode or SyntaxKind.ErrorStatement)
            {
                return TokenFormula.True; // what the pattern parser could not read may match anything
            }

            // Everything else (sequences, conjunctions, plain C) needs all of its parts; but the "=" before an
            // initializer written "...", which says nothing of the code (no doubt left to the matcher).
            bool anyInitializer = node.Kind == SyntaxKind.InitDeclarator && node.AsInitDeclarator().Initializer is { Kind: SyntaxKind.Dots };
            var parts = new List<TokenFormula>();
            foreach (var child in node.Children)
            {
                parts.Add(child.IsNode ? Node(child.AsNode())
                    : anyInitializer && child.Kind == SyntaxKind.EqualsToken ? TokenFormula.True
                    : Token(child.AsToken()));
            }

            return TokenFormula.And(parts);
        }

        /// <summary>The word a keyword or punctuation token of the pattern requires, in a function or in a file.</summary>
        private string? KeywordWord(SyntaxKind kind) => functionTokens ? FunctionTokens.WordOf(kind) : FunctionTokens.FileWordOf(kind);

        private static int CountBars(SyntaxNode disjunction)
        {
            int bars = 0;
            if (disjunction.GetNodeSlot(1) is { } list)
            {
                foreach (var child in list.Children)
                {
                    bars += child.IsToken && child.Kind == SyntaxKind.DisjunctionBarToken ? 1 : 0;
                }
            }

            return bars;
        }

        private TokenFormula Token(SyntaxToken token)
        {
            if (token.IsMissing)
            {
                return TokenFormula.True;
            }

            if (token.Kind != SyntaxKind.IdentifierToken)
            {
                // Keywords, numbers, strings, punctuation: those no matching leaves out (in a file, only "sizeof").
                return KeywordWord(token.Kind) is { } word ? TokenFormula.Of(word) : TokenFormula.True;
            }

            string text = token.Text;
            var meta = rule.Find(text);
            if (meta is null || IsLiteralName(meta.Kind))
            {
                return Identifiers.IsPlain(text) ? TokenFormula.Of(text) : TokenFormula.True;
            }

            var result = TokenFormula.True;
            if (meta.IsInherited)
            {
                result = inherited(meta.InheritedFrom!, meta.InheritedName!);
            }

            if (meta.Kind is MetavariableKind.Identifier or MetavariableKind.Field or MetavariableKind.Iterator or MetavariableKind.Declarer)
            {
                foreach (var constraint in meta.Constraints)
                {
                    if (constraint is SetConstraint { Negated: false } set && NamesOnly(set))
                    {
                        var names = new List<TokenFormula>();
                        foreach (string value in set.Values)
                        {
                            names.Add(TokenFormula.Of(value));
                        }

                        result = TokenFormula.And(result, TokenFormula.Or(names));
                    }
                }
            }

            return result;
        }

        /// <summary>A set of C names (not metavariables of this rule or of others, which compare by value).</summary>
        private bool NamesOnly(SetConstraint set)
        {
            if (set.Values.Count == 0)
            {
                return false;
            }

            foreach (string value in set.Values)
            {
                if (!Identifiers.IsPlain(value) || rule.Find(value) is not null)
                {
                    return false;
                }
            }

            return true;
        }
    }
}
