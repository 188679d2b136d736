using Sevenspot.C;
using Sevenspot.Smpl;

namespace Sevenspot.Engine;

/// <summary>An isomorphism that applies at a node of a rule's pattern, with its metavariables bound to parts of that pattern.</summary>
public sealed record IsoApplication(IsoRule Rule, int SourceTerm, Env Bindings)
{
    /// <summary>The terms the node may also match: the iso's targets of its source term, less those that would lose a position.</summary>
    public IReadOnlyList<int> Targets { get; init; } = Rule.Targets[SourceTerm];
}

/// <summary>
/// Where the isomorphisms apply in one rule: each term of each isomorphism is matched against every
/// node of the rule's pattern (a pattern against a pattern), once per rule. At match time a node
/// with applications may also match code shaped like the other terms.
/// </summary>
public sealed class IsoIndex
{
    private readonly Dictionary<int, List<IsoApplication>> _byNode = [];

    // PERF: the matcher asks at nearly every pattern node it tries; an array by node index answers
    // without hashing. Empty when no isomorphism applies.
    private readonly List<IsoApplication>?[] _atNode = [];

    public IsoIndex(CodeRule rule, IsoSet isos)
    {
        var active = isos.Without(rule.DisabledIsos);
        if (active.Rules.Count == 0)
        {
            return;
        }

        var pattern = rule.Body.Minus;
        var oracle = new PatternTypeOracle(rule);
        foreach (var node in pattern.Root.DescendantNodesAndSelf())
        {
            if (node.Kind is SyntaxKind.PatternBody or SyntaxKind.List or SyntaxKind.SeparatedList || node.ContainsErrors)
            {
                continue;
            }

            foreach (var iso in active.Rules)
            {
                if (!Fits(iso.Kind, node))
                {
                    continue;
                }

                for (int t = 0; t < iso.Terms.Count; t++)
                {
                    if (iso.Targets[t].Count == 0)
                    {
                        continue;
                    }

                    var term = iso.Terms[t];
                    var termPattern = Unwrap(term.Pattern);
                    if (!SameSort(termPattern, node))
                    {
                        continue;
                    }

                    var context = new MatchContext(term.Rule, term.Rule.Body.Minus, pattern, oracle) { CodeRule = rule };
                    var matcher = new Matcher(context);
                    // A metavariable the rule declares with several types ("{struct a, b} x;") gives
                    // the iso's type metavariable each of them in turn, one application per type.
                    oracle.Choice = 0;
                    do
                    {
                        oracle.AskedAmbiguous = false;
                        foreach (var m in matcher.Match(new SyntaxElement(termPattern.Tree, Matcher.ChildRefOf(termPattern)), new SyntaxElement(pattern, Matcher.ChildRefOf(node)), new MatchState(Env.Empty, null)))
                        {
                            if (Respects(iso, m.Env, rule) && (iso.Kind != IsoKind.TopLevel || ChangesOnlyBoundNames(node, m.Env, rule)) && Keeping(node, m.Env, rule, iso, iso.Targets[t]) is { Count: > 0 } kept
                                && KeepingPositions(node, m.Env, rule, iso, kept) is { Count: > 0 } targets)
                            {
                                Add(node.Index, new IsoApplication(iso, t, m.Env) { Targets = targets });
                                break;
                            }
                        }
                    }
                    while (oracle.AskedAmbiguous && ++oracle.Choice < oracle.MostTypes);
                }
            }
        }

        DropShadowed(pattern, active);
        if (_byNode.Count > 0)
        {
            _atNode = new List<IsoApplication>?[pattern.NodeCount];
            foreach (var (node, list) in _byNode)
            {
                _atNode[node] = list;
            }
        }
    }

    public bool IsEmpty => _byNode.Count == 0;

    /// <summary>
    /// spatch applies the isomorphisms one after another, each to the pattern the earlier ones made: a
    /// statement isomorphism whose term spells out a part of the pattern that an earlier isomorphism
    /// turned into a choice of forms matches it no more ("x = x + 1;" reads "x = \(x + 1\|1 + x\);"
    /// after plus_comm, which inc's "v = v + 1;" does not match). A part a metavariable of the term
    /// stands for is taken whole, in whatever forms.
    /// </summary>
    private void DropShadowed(SyntaxTree pattern, IsoSet active)
    {
        if (_byNode.Count == 0)
        {
            return;
        }

        var rank = new Dictionary<IsoRule, int>(ReferenceEqualityComparer.Instance);
        for (int i = 0; i < active.Rules.Count; i++)
        {
            rank[active.Rules[i]] = i;
        }

        List<int>? emptied = null;
        foreach (var node in pattern.Root.DescendantNodesAndSelf())
        {
            if (!_byNode.TryGetValue(node.Index, out var list))
            {
                continue;
            }

            list.RemoveAll(application => application.Rule.Kind == IsoKind.Statement && Shadowed(node, application, rank));
            if (list.Count == 0)
            {
                (emptied ??= []).Add(node.Index);
            }
        }

        foreach (int index in emptied ?? [])
        {
            _byNode.Remove(index);
        }
    }

    private bool Shadowed(SyntaxNode node, IsoApplication application, Dictionary<IsoRule, int> rank)
    {
        int own = rank[application.Rule];
        foreach (var inner in node.DescendantNodesAndSelf())
        {
            if (inner.Index == node.Index || !_byNode.TryGetValue(inner.Index, out var applications) || InsideBinding(inner.FirstTokenIndex, application.Bindings)
                || InsideWhen(inner, node))
            {
                continue;
            }

            foreach (var earlier in applications)
            {
                if (rank[earlier.Rule] < own)
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>
    /// Whether a node lies in a when clause below the node an isomorphism applies at. An isomorphism's term
    /// writes no when clause: its dots matched the rule's dots, which take their when code whole, in whatever
    /// forms ("{ ... s ... }" of braces2 still reaches "{ ... when != if (...) S1 else S2 E->f ... }").
    /// </summary>
    private static bool InsideWhen(SyntaxNode inner, SyntaxNode node)
    {
        for (var x = inner.Parent; x is { } up && up.Index != node.Index; x = up.Parent)
        {
            if (up.Kind == SyntaxKind.WhenClause)
            {
                return true;
            }
        }

        return false;
    }

    // For each pattern node with isomorphisms, the kinds of code the roots of its variants can match
    // (Kinds null: any), made on first use and then shared by every file and environment of the rule.
    private VariantKinds?[]? _variantKinds;

    private sealed class VariantKinds(HashSet<SyntaxKind>? kinds)
    {
        public HashSet<SyntaxKind>? Kinds { get; } = kinds;
    }

    /// <summary>Whether the root of some variant of the isomorphisms at a pattern node (its <see cref="At"/>) can match a code node of this kind.</summary>
    internal bool AnyVariantMayMatch(SyntaxNode patternNode, IReadOnlyList<IsoApplication> applications, SyntaxKind codeKind)
    {
        // Two threads may both make the table or an entry: they make the same, and either one serves.
        var table = _variantKinds;
        if (table is null)
        {
            Interlocked.CompareExchange(ref _variantKinds, new VariantKinds?[_atNode.Length], null);
            table = _variantKinds!;
        }

        var entry = table[patternNode.Index] ??= new VariantKinds(RootKinds(applications));
        return entry.Kinds is null || entry.Kinds.Contains(codeKind);
    }

    private static HashSet<SyntaxKind>? RootKinds(IReadOnlyList<IsoApplication> applications)
    {
        var kinds = new HashSet<SyntaxKind>();
        foreach (var application in applications)
        {
            foreach (int target in application.Targets)
            {
                var root = Unwrap(application.Rule.Terms[target].Pattern);
                if (Matcher.MayMatchOtherKind(root))
                {
                    return null;
                }

                kinds.Add(root.Kind);
            }
        }

        return kinds;
    }

    public IReadOnlyList<IsoApplication> At(SyntaxNode patternNode)
    {
        var atNode = _atNode;
        uint index = (uint)patternNode.Index;
        // Not "? list : []": the conditional's type is the list's, so "[]" would be a new empty list per call.
        return index < (uint)atNode.Length && atNode[index] is { } list ? list : Array.Empty<IsoApplication>();
    }

    private void Add(int node, IsoApplication application)
    {
        if (!_byNode.TryGetValue(node, out var list))
        {
            _byNode[node] = list = [];
        }

        list.Add(application);
    }

    internal static SyntaxNode Unwrap(SyntaxNode termPattern) => termPattern.Kind == SyntaxKind.BareExpression ? termPattern.AsBareExpression().Expression : termPattern;

    private static bool SameSort(SyntaxNode term, SyntaxNode node)
    {
        if (SyntaxFacts.IsExpressionKind(term.Kind))
        {
            return SyntaxFacts.IsExpressionKind(node.Kind);
        }

        return term.Kind == node.Kind || (term.Kind == SyntaxKind.TypeName && node.Kind == SyntaxKind.TypeName);
    }

    private static bool Fits(IsoKind kind, SyntaxNode node) => kind switch
    {
        IsoKind.Expression => SyntaxFacts.IsExpressionKind(node.Kind),
        IsoKind.TestExpression => SyntaxFacts.IsExpressionKind(node.Kind) && IsTestPosition(node),
        // The first term anywhere; the terms it leads to match only code in a test position (the matcher checks).
        IsoKind.ToTestExpression => SyntaxFacts.IsExpressionKind(node.Kind),
        IsoKind.ArgExpression => SyntaxFacts.IsExpressionKind(node.Kind) && IsArgument(node),
        IsoKind.Statement => SyntaxFacts.IsStatementKind(node.Kind),
        IsoKind.Declaration => node.Kind == SyntaxKind.Declaration,
        IsoKind.Type => node.Kind == SyntaxKind.TypeName,
        IsoKind.TopLevel => node.Parent is { Parent.Kind: SyntaxKind.PatternBody } items && items.ChildCount == 1,
        _ => false,
    };

    /// <summary>
    /// A top-level isomorphism stands for the rule's whole body, and only for a body whose changes are
    /// names the isomorphism binds to identifiers: spatch carries "I. - remove + remove_new = f;" to
    /// "T I = { .remove = f, };", but leaves the isomorphism out for a changed value ("x.f = - E1 + E2;"
    /// does not reach "T I = { .f = E1, };"), a removed statement or added code around it.
    /// </summary>
    private static bool ChangesOnlyBoundNames(SyntaxNode node, Env bindings, CodeRule rule)
    {
        var body = rule.Body;
        var marks = body.MinusMarks;
        int first = node.FirstTokenIndex, last = Math.Min(node.LastTokenIndex, marks.Length - 1);
        var names = new HashSet<int>();
        foreach (var (_, value) in bindings.Entries)
        {
            if (value is NameValue { Token: { } token })
            {
                names.Add(token.Index);
            }
        }

        for (int t = first; t <= last; t++)
        {
            bool minus = marks[t] == TokenMark.Minus;
            bool before = body.GetPlus(t, PlusSide.Before).Count > 0;
            bool after = body.GetPlus(t, PlusSide.After).Count > 0;
            if ((minus && !names.Contains(t))
                || (before && !IsReplacedName(t, first, last, names, marks) && !IsReplacedName(t - 1, first, last, names, marks))
                || (after && !IsReplacedName(t, first, last, names, marks) && !IsReplacedName(t + 1, first, last, names, marks)))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether the token is a removed name the isomorphism binds (code added beside it replaces it).</summary>
    private static bool IsReplacedName(int token, int first, int last, HashSet<int> names, TokenMark[] marks) =>
        token >= first && token <= last && names.Contains(token) && marks[token] == TokenMark.Minus;

    /// <summary>The kinds of code the top-level isomorphisms at a rule's single item also match (none: null).</summary>
    public HashSet<SyntaxKind>? TopLevelTargetKinds(SyntaxNode item)
    {
        HashSet<SyntaxKind>? kinds = null;
        foreach (var application in At(item))
        {
            if (application.Rule.Kind != IsoKind.TopLevel)
            {
                continue;
            }

            foreach (int target in application.Targets)
            {
                (kinds ??= []).Add(Unwrap(application.Rule.Terms[target].Pattern).Kind);
            }
        }

        return kinds;
    }

    /// <summary>The condition of an if/while/do/for/?:, or an operand of !, &amp;&amp;, ||.</summary>
    internal static bool IsTestPosition(SyntaxNode node)
    {
        if (node.Parent is not { } parent)
        {
            return false;
        }

        switch (parent.Kind)
        {
            case SyntaxKind.IfStatement or SyntaxKind.WhileStatement or SyntaxKind.DoStatement:
                return parent.GetNodeSlot(parent.Kind == SyntaxKind.DoStatement ? 4 : 2) == node;
            case SyntaxKind.ForStatement:
                return parent.GetNodeSlot(4) == node;
            case SyntaxKind.ConditionalExpression:
                return parent.GetNodeSlot(0) == node;
            case SyntaxKind.PrefixUnary:
                return parent.AsPrefixUnary().Operator.Kind == SyntaxKind.ExclamationToken;
            case SyntaxKind.BinaryExpression:
                return parent.AsBinaryExpression().Operator.Kind is SyntaxKind.AmpersandAmpersandToken or SyntaxKind.BarBarToken;
            case SyntaxKind.ParenthesizedExpression or SyntaxKind.Disjunction or SyntaxKind.SeparatedList when parent.Parent is { } grand
                && (grand.Kind == SyntaxKind.Disjunction || parent.Kind != SyntaxKind.SeparatedList):
                return IsTestPosition(parent.Kind == SyntaxKind.SeparatedList ? grand : parent);
            default:
                return false;
        }
    }

    /// <summary>
    /// Where an argument isomorphism applies: a call's argument, or the value assigned by any assignment
    /// operator ("x |= 0" reaches "x |= '\0'"); not an initializer, a return value or an operand.
    /// </summary>
    private static bool IsArgument(SyntaxNode node) => node.Parent switch
    {
        { Kind: SyntaxKind.SeparatedList } list => list.Parent is { Kind: SyntaxKind.CallExpression },
        { Kind: SyntaxKind.AssignmentExpression } assignment => assignment.AsAssignmentExpression().Right == node,
        _ => false,
    };

    /// <summary>
    /// The targets that keep every position the rule puts on the iso's own tokens (<c>E ==@p NULL</c>
    /// has no <c>!E</c> form, which has no <c>==</c> for p, but keeps <c>NULL == E</c>). Positions on
    /// the code a metavariable of the iso stands for go along with it.
    /// </summary>
    private static IReadOnlyList<int> KeepingPositions(SyntaxNode node, Env bindings, CodeRule rule, IsoRule iso, IReadOnlyList<int> targets)
    {
        List<SyntaxKind>? needed = null;
        for (int t = node.FirstTokenIndex; t <= node.LastTokenIndex; t++)
        {
            if (rule.Body.Positions.ContainsKey(t) && !InsideBinding(t, bindings))
            {
                (needed ??= []).Add(node.Tree.Tokens[t].Kind);
            }
        }

        if (needed is null)
        {
            return targets;
        }

        var kept = new List<int>(targets.Count);
        foreach (int target in targets)
        {
            var tokens = new HashSet<SyntaxKind>();
            var pattern = iso.Terms[target].Pattern;
            for (int t = pattern.FirstTokenIndex; t <= pattern.LastTokenIndex; t++)
            {
                tokens.Add(pattern.Tree.Tokens[t].Kind);
            }

            bool all = true;
            foreach (var kind in needed)
            {
                all &= tokens.Contains(kind);
            }

            if (all)
            {
                kept.Add(target);
            }
        }

        return kept;
    }

    private static bool InsideBinding(int token, Env bindings)
    {
        foreach (var (_, value) in bindings.Entries)
        {
            (int from, int to) = value switch
            {
                CodeValue c => (c.FirstToken, c.LastToken),
                ListValue l => (l.Range.FirstToken, l.Range.LastToken),
                NameValue { Token: { } tok } => (tok.Index, tok.Index),
                _ => (0, -1),
            };
            if (token >= from && token <= to)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>"pure" metavariables must match a metavariable of the rule; "context" ones code the rule keeps.</summary>
    private static bool Respects(IsoRule iso, Env bindings, CodeRule rule)
    {
        foreach (var (name, value) in bindings.Entries)
        {
            if (iso.Pure.Contains(name) && (!IsRuleMetavariable(value, rule) || !IsUnitary(value, rule)))
            {
                return false;
            }

            if (iso.Context.Contains(name) && TouchesMinus(value, rule))
            {
                return false;
            }

            // A declared name carrying a position keeps decl_init and its kin away, as in spatch: "int i@p;"
            // does not match "int i = 0;", while "int i;@p" and "int@p i;" do.
            if (iso.Context.Contains(name) && value is NameValue { Token: { } token } && rule.Body.Positions.ContainsKey(token.Index))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Whether the other forms of the iso can carry the rule's changes to the term: the tokens the
    /// iso itself writes (outside its metavariables) are neither removed nor given added code, and
    /// no code is added at the edge of a metavariable's value, unless the whole term goes.
    /// Otherwise a form without those tokens would lose the change (spatch leaves the iso out).
    /// Code added before the first token or after the last token of a whole statement or expression
    /// goes around the code the other form matched, as in spatch: "+ BAD( x != NULL + )" gives
    /// "if (BAD(x))", "+ BAD( x == NULL + )" gives "if (BAD(!x))" and "if (BAD(NULL == x))".
    /// An expression isomorphism whose other forms write tokens of their own also leaves alone a
    /// term whose own tokens stay while a whole expression bound to one of its metavariables goes:
    /// spatch finds "- y + x == NULL" no matched code uniformly removed or kept and matches
    /// "y == NULL" only, not "!y" (a value changed in part, "f(- y + z) == NULL", keeps the
    /// isomorphism).
    /// </summary>
    private static bool KeepsModifications(SyntaxNode node, Env bindings, CodeRule rule, IsoKind kind, bool bareTargets)
    {
        bool edges = kind is not (IsoKind.Declaration or IsoKind.Type);
        // A form that is a metavariable alone carries the value as it is ("(T) - E + g(E)" reaches "E", as in
        // spatch), except as a test ("- E + g(E) != NULL" does not reach "if (E)"): the test is a node of its own.
        bool expression = kind == IsoKind.ToTestExpression || (!bareTargets && kind is IsoKind.Expression or IsoKind.TestExpression or IsoKind.ArgExpression);
        var body = rule.Body;
        var marks = body.MinusMarks;
        int first = node.FirstTokenIndex, last = Math.Min(node.LastTokenIndex, marks.Length - 1);
        bool allMinus = true, anyChange = false;
        for (int t = first; t <= last; t++)
        {
            allMinus &= marks[t] == TokenMark.Minus;
            anyChange |= marks[t] == TokenMark.Minus || body.GetPlus(t, PlusSide.Before).Count > 0 || body.GetPlus(t, PlusSide.After).Count > 0;
        }

        if (!anyChange || allMinus)
        {
            return true;
        }

        var bound = new bool[last - first + 1];
        foreach (var (_, value) in bindings.Entries)
        {
            (int from, int to) = value switch
            {
                CodeValue c => (c.FirstToken, c.LastToken),
                NameValue { Token: { } tok } => (tok.Index, tok.Index),
                _ => (0, -1),
            };
            if (from > to || from < first || to > last)
            {
                continue;
            }

            // A statement isomorphism keeps a removed expression ("if (- E + F) S1 else S2" also matches an if
            // with no else) but not a removed disjunction ("if (- \(A\|B\) + F) S1 else S2" does not, in spatch).
            if ((expression || value is CodeValue { Node.Kind: SyntaxKind.Disjunction }) && value is CodeValue && AllMinus(marks, from, to))
            {
                return false;
            }

            // Code added at the edge of a value that stays could end up on either side of the
            // iso's own tokens; code replacing a removed value goes where the value was.
            if (((body.GetPlus(from, PlusSide.Before).Count > 0 && !(edges && from == first)) || (body.GetPlus(to, PlusSide.After).Count > 0 && !(edges && to == last))) && !AllMinus(marks, from, to))
            {
                return false;
            }

            for (int t = from; t <= to; t++)
            {
                bound[t - first] = true;
            }
        }

        for (int t = first; t <= last; t++)
        {
            // Code added before or after a whole statement stays before or after its other forms.
            bool before = body.GetPlus(t, PlusSide.Before).Count > 0 && !(edges && t == first);
            bool after = body.GetPlus(t, PlusSide.After).Count > 0 && !(edges && t == last);
            if (!bound[t - first] && (marks[t] == TokenMark.Minus || before || after))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// The targets that carry the rule's changes (<see cref="KeepsModifications"/>): all of them, or only those
    /// that are a metavariable alone ("unlikely(- E + g(E))" reaches "E" but not "likely(E)").
    /// </summary>
    private static IReadOnlyList<int> Keeping(SyntaxNode node, Env bindings, CodeRule rule, IsoRule iso, IReadOnlyList<int> targets)
    {
        if (KeepsModifications(node, bindings, rule, iso.Kind, bareTargets: false))
        {
            return targets;
        }

        var bare = new List<int>();
        foreach (int target in targets)
        {
            var term = iso.Terms[target];
            var pattern = Unwrap(term.Pattern);
            if (pattern.Kind == SyntaxKind.IdentifierName && term.Rule.Find(pattern.AsIdentifierName().Identifier.Text) is not null)
            {
                bare.Add(target);
            }
        }

        return bare.Count > 0 && KeepsModifications(node, bindings, rule, iso.Kind, bareTargets: true) ? bare : [];
    }

    private static bool AllMinus(TokenMark[] marks, int from, int to)
    {
        for (int t = from; t <= to; t++)
        {
            if (marks[t] != TokenMark.Minus)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// A pure iso metavariable matches a unitary, unplussed metavariable of the rule: written once in
    /// the pattern and not in added code, so the iso that drops it loses no constraint and no code
    /// ("if (...) S1 else S1" keeps its else).
    /// </summary>
    private static bool IsUnitary(MetaValue value, CodeRule rule)
    {
        var tree = rule.Body.Minus;
        string? name = value switch
        {
            NameValue { Token: { } t } => t.Text,
            CodeValue code => tree.GetToken(code.FirstToken).Text,
            TypeValue { Specifiers: { } s } => tree.GetToken(s.FirstToken).Text,
            _ => null,
        };
        if (name is null)
        {
            return true;
        }

        return WrittenOnce(rule, name) && !InAddedCode(rule, name) && !TypesPatternMetavariable(rule, name);
    }

    /// <summary>
    /// Whether the name is (part of) the declared type of a metavariable the pattern writes ("T[] E;" with E in the
    /// pattern): T is then bound by E's match as well, and an iso that drops T would lose that constraint
    /// (spatch leaves sizeof_type_expr out of "sizeof(E) / sizeof(T)").
    /// </summary>
    private static bool TypesPatternMetavariable(CodeRule rule, string name)
    {
        foreach (var meta in rule.Metavariables)
        {
            bool mentions = false;
            foreach (string type in meta.Types)
            {
                mentions |= MentionsWord(type, name);
            }

            if (mentions && meta.Name != name && !NotWritten(rule, meta.Name))
            {
                return true;
            }
        }

        return false;
    }

    private static bool MentionsWord(string text, string word)
    {
        for (int at = text.IndexOf(word, StringComparison.Ordinal); at >= 0; at = text.IndexOf(word, at + 1, StringComparison.Ordinal))
        {
            int end = at + word.Length;
            if ((at == 0 || !IsWordChar(text[at - 1])) && (end == text.Length || !IsWordChar(text[end])))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsWordChar(char c) => char.IsAsciiLetterOrDigit(c) || c == '_';

    private static bool NotWritten(CodeRule rule, string name)
    {
        var tree = rule.Body.Minus;
        for (int t = 0; t < tree.TokenCount; t++)
        {
            var token = tree.GetToken(t);
            if (token.Kind == SyntaxKind.IdentifierToken && token.Text == name)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether the rule's pattern writes the name at most once.</summary>
    internal static bool WrittenOnce(CodeRule rule, string name) => Uses(rule.Body.Minus.Root, name) <= 1;

    /// <summary>
    /// How many times the pattern writes the name. The branches of a disjunction are alternatives: a name
    /// written once in each branch is written once, as spatch counts it ("( f(sizeof(T)) | f(sizeof(T) + E) )"
    /// keeps sizeof_type_expr for T). So are the when clauses of one "..." or nest: each is checked apart
    /// ("... when != f((T)E) when != g((T)E)" keeps drop_cast for T).
    /// </summary>
    private static int Uses(SyntaxNode node, string name)
    {
        int uses = 0;
        if (node.Kind == SyntaxKind.Disjunction)
        {
            foreach (var branch in Matcher.Branches(node))
            {
                uses = Math.Max(uses, Uses(branch, name));
            }

            return uses;
        }

        if (node.Kind == SyntaxKind.List && node.Parent is { Kind: SyntaxKind.Dots or SyntaxKind.Nest } && node.ChildCount > 0
            && node.GetNodeSlot(0) is { Kind: SyntaxKind.WhenClause })
        {
            foreach (var clause in node.ChildNodes())
            {
                uses = Math.Max(uses, Uses(clause, name));
            }

            return uses;
        }

        foreach (var child in node.Children)
        {
            if (child.IsToken)
            {
                var token = child.AsToken();
                uses += token.Kind == SyntaxKind.IdentifierToken && token.Text == name ? 1 : 0;
            }
            else
            {
                uses += Uses(child.AsNode(), name);
            }

            if (uses > 1)
            {
                return uses;
            }
        }

        return uses;
    }

    /// <summary>Whether the rule's added code writes the name.</summary>
    internal static bool InAddedCode(CodeRule rule, string name)
    {
        var plus = rule.Body.Plus;
        foreach (var chunks in rule.Body.PlusCode.Values)
        {
            foreach (var chunk in chunks)
            {
                for (int t = chunk.First; t <= chunk.Last; t++)
                {
                    var token = plus.GetToken(t);
                    if (token.Kind == SyntaxKind.IdentifierToken && token.Text == name)
                    {
                        return true;
                    }
                }
            }
        }

        return false;
    }

    private static bool IsRuleMetavariable(MetaValue value, CodeRule rule)
    {
        var tree = rule.Body.Minus;
        switch (value)
        {
            case NameValue { Token: { } t }:
                return rule.Find(t.Text) is not null;
            case CodeValue code when code.FirstToken == code.LastToken:
                return rule.Find(tree.GetToken(code.FirstToken).Text) is not null;
            // The whole type, not a type built on one: "(T *)E" is no pure T, and spatch's drop_cast
            // leaves it out (a cast to a pointer never matches the bare expression).
            case TypeValue { Specifiers: { } s } type when s.FirstToken == s.LastToken && type.TypeText == tree.GetToken(s.FirstToken).Text:
                return rule.Find(tree.GetToken(s.FirstToken).Text) is { Kind: MetavariableKind.Type };
            default:
                return false;
        }
    }

    private static bool TouchesMinus(MetaValue value, CodeRule rule)
    {
        var marks = rule.Body.MinusMarks;
        (int first, int last) = value switch
        {
            CodeValue c => (c.FirstToken, c.LastToken),
            NameValue { Token: { } t } => (t.Index, t.Index),
            _ => (0, -1),
        };
        for (int i = first; i <= last && i < marks.Length; i++)
        {
            if (marks[i] == TokenMark.Minus)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Types of pattern terms: what the rule declares for its metavariables.</summary>
    private sealed class PatternTypeOracle : ITypeOracle
    {
        private readonly CodeRule _rule;

        public PatternTypeOracle(CodeRule rule)
        {
            _rule = rule;
            MostTypes = 1;
            foreach (var meta in rule.Metavariables)
            {
                MostTypes = Math.Max(MostTypes, meta.Types.Count);
            }
        }

        /// <summary>Which of its declared types a metavariable with several of them has (the first, the second...).</summary>
        public int Choice { get; set; }

        /// <summary>Whether the type of a metavariable with several types was asked since this was last cleared.</summary>
        public bool AskedAmbiguous { get; set; }

        /// <summary>The most types one metavariable of the rule declares.</summary>
        public int MostTypes { get; }

        public string? TypeOf(SyntaxNode expression)
        {
            if (expression.Kind != SyntaxKind.IdentifierName || _rule.Find(expression.AsIdentifierName().Identifier.Text) is not { } meta)
            {
                return null;
            }

            if (meta.PointerDepth > 0)
            {
                return (meta.TypeTagKind is null ? "void" : meta.TypeTagKind + " t") + " " + new string('*', meta.PointerDepth);
            }

            if (meta.Types.Count > 1)
            {
                AskedAmbiguous = true;
                return Choice < meta.Types.Count ? meta.Types[Choice] : null;
            }

            return meta.Types.Count == 1 ? meta.Types[0] : null;
        }
    }
}
