using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Sevenspot.C;
using Sevenspot.Smpl;
using Sevenspot.Text;

namespace Sevenspot.Engine;

/// <summary>
/// Matches a pattern (a subtree of a rule's minus slice) against C code (a subtree of the file),
/// yielding every way it matches: the extended bindings and, for the transformer, which code
/// tokens each pattern token covered. Both trees share one syntax model, so most nodes match
/// slot by slot; metavariables, "...", disjunctions, nests, lists, declarations and types have
/// their own rules.
/// </summary>
public sealed partial class Matcher
{
    private readonly MatchContext _ctx;
    private readonly CodeBody _body;
    // Compiled once per run: a matcher is made per rule × file and per isomorphism tried.
    private static readonly ConcurrentDictionary<string, Regex> s_regexes = new(StringComparer.Ordinal);
    private readonly IsoIndex? _isos;

    /// <summary>Where the isomorphisms apply in the rule's pattern, if any do.</summary>
    internal IsoIndex? Isos => _isos;

    // When matching a variant of an isomorphism: its metavariables stand for parts of the rule's
    // pattern, which the rule's matcher (the parent) matches against the code.
    private readonly Matcher? _parent;
    private readonly Env? _delegates;

    /// <summary>The one branch a disjunction of the element being matched takes (see <see cref="RuleElement.ChosenDisjunction"/>).</summary>
    private (SyntaxNode Disjunction, int Branch)? _chosen;

    /// <summary>The one declarator a declaration of the element being matched stands for (see <see cref="RuleElement.SplitDeclarator"/>).</summary>
    private (SyntaxNode Declaration, int Index)? _split;

    /// <summary>
    /// Set while an if or while header is matched: spatch quantifies the header's variables around the whole
    /// statement, so an isomorphism's variant there is excluded only where the pattern as written matches with
    /// the same values, and a variant binding a variable otherwise is a match too ("if (E != 0)" against
    /// "if (x != 0)" gives E = x and, through isnt_zero, E = "x != 0").
    /// </summary>
    private bool _variantsBesideDirect;

    private Matcher RootMatcher
    {
        get
        {
            var m = this;
            while (m._parent is { } parent)
            {
                m = parent;
            }

            return m;
        }
    }

    public Matcher(MatchContext context, IsoIndex? isos = null)
    {
        _ctx = context;
        _body = context.Rule.Body;
        _isos = isos is { IsEmpty: false } ? isos : null;
    }

    private Matcher(MatchContext context, Matcher parent, Env delegates)
        : this(context)
    {
        _parent = parent;
        _delegates = delegates;
    }

    public MatchContext Context => _ctx;

    private SyntaxTree PatternTree => _ctx.Pattern;

    private SyntaxTree CodeTree => _ctx.Code;

    /// <summary>Matches a pattern element against a code element.</summary>
    public IEnumerable<MatchState> Match(SyntaxElement p, SyntaxElement c, MatchState s)
    {
        if (p.IsToken)
        {
            return c.IsToken ? MatchToken(p.AsToken(), c.AsToken(), s) : [];
        }

        if (c.IsToken)
        {
            return MatchNodeAgainstToken(p.AsNode(), c.AsToken(), s);
        }

        return MatchNode(p.AsNode(), c.AsNode(), s);
    }

    // ---- Tokens ----

    private IEnumerable<MatchState> MatchToken(SyntaxToken p, SyntaxToken c, MatchState s)
    {
        if (_delegates is not null && p.Kind == SyntaxKind.IdentifierToken && _delegates.TryGet(p.Text, out var delegated))
        {
            return Delegate(delegated, new SyntaxElement(c.Tree, c.Index), s);
        }

        return MatchTokenDirect(p, c, s);
    }

    private IEnumerable<MatchState> MatchTokenDirect(SyntaxToken p, SyntaxToken c, MatchState s)
    {
        if (IsFormatPattern(p, c))
        {
            return MatchFormatMetavariables(p, c, s);
        }

        return MatchTokenOnce(p, c, s) is { } r ? [r] : [];
    }

    /// <summary>A pattern string with format metavariables ("%@d@") against a string: the one token match with several ways.</summary>
    private static bool IsFormatPattern(SyntaxToken p, SyntaxToken c) =>
        p.Kind == SyntaxKind.StringLiteralToken && c.Kind == SyntaxKind.StringLiteralToken && p.Text.Contains("%@", StringComparison.Ordinal);

    /// <summary>The one match of a token of the rule that is no format string (see <see cref="MatchTokenDirect"/>), or null.</summary>
    private MatchState? MatchTokenOnce(SyntaxToken p, SyntaxToken c, MatchState s)
    {
        var meta = _ctx.Meta(p);
        if (meta is not null && IsNameKind(meta.Kind))
        {
            if (c.Kind != SyntaxKind.IdentifierToken)
            {
                return null;
            }

            // A type metavariable in a name's place is the name a typedef declares ("typedef T1 T2;"):
            // it binds a type, so that later rules find the name where it is used as one.
            MetaValue value = meta.Kind == MetavariableKind.Type ? new TypeValue(c.Text, null) : new NameValue(c.Text, c);
            var env = BindChecked(meta, value, s.Env);
            return env is null ? null : WithPositions(p.Index, c.Index, c.Index, s.With(env).Record(p.Index, c.Index, c.Index));
        }

        if (meta is not null && meta.Kind is MetavariableKind.BinaryOperator or MetavariableKind.AssignmentOperator or MetavariableKind.UnaryOperator)
        {
            string op = c.Text;
            if (meta.Operators.Count > 0 && !meta.Operators.Contains(op))
            {
                return null;
            }

            var env = BindChecked(meta, new NameValue(op, c), s.Env);
            return env is null ? null : WithPositions(p.Index, c.Index, c.Index, s.With(env).Record(p.Index, c.Index, c.Index));
        }

        return TokensEqual(p, c) ? WithPositions(p.Index, c.Index, c.Index, s.Record(p.Index, c.Index, c.Index)) : null;
    }

    /// <summary>
    /// Matches a slot that has at most one match (a token of the rule other than a format string, a name
    /// without isomorphisms) in place: true when handled, with the state or null when it fails.
    /// </summary>
    /// <remarks>PERF: slot-by-slot matching otherwise makes two enumerators per slot, most of them for punctuation.</remarks>
    private bool TryMatchOnce(SyntaxElement p, SyntaxElement c, MatchState s, out MatchState? result)
    {
        result = null;
        if (_delegates is not null)
        {
            return false;
        }

        if (p.IsToken)
        {
            if (!c.IsToken)
            {
                return true; // a token of the rule matches only a token (Match)
            }

            var pt = p.AsToken();
            var ct = c.AsToken();
            if (IsFormatPattern(pt, ct))
            {
                return false;
            }

            result = MatchTokenOnce(pt, ct, s);
            return true;
        }

        if (c.IsToken)
        {
            return false;
        }

        var pn = p.AsNode();
        if (pn.Kind != SyntaxKind.IdentifierName || (_isos is not null && _isos.At(pn).Count > 0))
        {
            return false;
        }

        result = MatchIdentifierNameOnce(pn, c.AsNode(), s);
        return true;
    }

    /// <summary>A pattern string with format metavariables ("%@d@"): each binds the code directive it stands for.</summary>
    private IEnumerable<MatchState> MatchFormatMetavariables(SyntaxToken p, SyntaxToken c, MatchState s)
    {
        foreach (var way in FormatStrings.MatchesWithMetavariables(p.Text, c.Text, FormatListLength))
        {
            Env? env = s.Env;
            foreach (var (name, directive) in way)
            {
                if (env is null)
                {
                    break;
                }

                env = _ctx.Meta(name) is { Kind: MetavariableKind.Format or MetavariableKind.FormatList } meta ? BindChecked(meta, new NameValue(directive, c), env) : null;
            }

            if (env is not null && WithPositions(p.Index, c.Index, c.Index, s.With(env).Record(p.Index, c.Index, c.Index)) is { } positioned)
            {
                yield return positioned;
            }
        }
    }

    /// <summary>For a format list metavariable, the number of directives it stands for (-1: any); null for a single directive.</summary>
    private int? FormatListLength(string name) => _ctx.Meta(name) is { Kind: MetavariableKind.FormatList } meta
        ? meta.ListLength ?? -1
        : null;

    private static bool IsNameKind(MetavariableKind kind) => kind is MetavariableKind.Identifier or MetavariableKind.Metavariable
        or MetavariableKind.Field or MetavariableKind.Iterator or MetavariableKind.Declarer or MetavariableKind.Attribute or MetavariableKind.Type;

    private static bool TokensEqual(SyntaxToken p, SyntaxToken c)
    {
        if (p.Kind != c.Kind)
        {
            return false;
        }

        return p.Kind switch
        {
            SyntaxKind.IntegerLiteralToken => p.Bytes.SequenceEqual(c.Bytes) || SameIntegerValue(p.Text, c.Text),
            SyntaxKind.StringLiteralToken => p.Bytes.SequenceEqual(c.Bytes) || (p.Bytes.Contains((byte)'%') && FormatStrings.Matches(p.Text, c.Text)),
            SyntaxKind.IdentifierToken or SyntaxKind.FloatLiteralToken
                or SyntaxKind.CharLiteralToken or SyntaxKind.BadToken => p.Bytes.SequenceEqual(c.Bytes),
            _ => true, // punctuation and keywords (an alias such as __inline matches inline)
        };
    }

    /// <summary>Integer literals without a suffix match by value: 0 matches 0x00 and 00.</summary>
    internal static bool SameIntegerValue(string p, string c) =>
        IntegerValue(p) is { } a && IntegerValue(c) is { } b && a == b;

    private static ulong? IntegerValue(string text)
    {
        int radix = 10;
        int start = 0;
        if (text.Length > 2 && text[0] == '0' && (text[1] is 'x' or 'X'))
        {
            radix = 16;
            start = 2;
        }
        else if (text.Length > 1 && text[0] == '0')
        {
            radix = 8;
            start = 1;
        }

        ulong value = 0;
        for (int i = start; i < text.Length; i++)
        {
            int digit = text[i] switch
            {
                >= '0' and <= '9' => text[i] - '0',
                >= 'a' and <= 'f' => text[i] - 'a' + 10,
                >= 'A' and <= 'F' => text[i] - 'A' + 10,
                _ => 99,
            };
            if (digit >= radix)
            {
                return null; // a suffix or a malformed literal: only the same spelling matches
            }

            value = unchecked((value * (ulong)radix) + (ulong)digit);
        }

        return value;
    }

    /// <summary>Pattern node vs a code token: only a metavariable standing for a name can match a lone token.</summary>
    private IEnumerable<MatchState> MatchNodeAgainstToken(SyntaxNode p, SyntaxToken c, MatchState s)
    {
        if (p.Kind == SyntaxKind.IdentifierName)
        {
            return MatchToken(p.AsIdentifierName().Identifier, c, s);
        }

        if (p.Kind == SyntaxKind.Disjunction)
        {
            return MatchDisjunction(p, new SyntaxElement(c.Tree, c.Index), s);
        }

        if (p.Kind == SyntaxKind.Conjunction)
        {
            return MatchConjunction(p, new SyntaxElement(c.Tree, c.Index), s);
        }

        return [];
    }

    // ---- Metavariables ----

    private static bool SameTypeText(TypeValue known, TypeValue given)
    {
        string k = NormalizeType(known.TypeText);
        return k == NormalizeType(given.TypeText) || (given.Resolved is { Length: > 0 } r && k == NormalizeType(r))
            || (known.Resolved is { Length: > 0 } kr && NormalizeType(kr) == NormalizeType(given.TypeText));
    }

    /// <summary>Binds a metavariable after checking its constraints; null when it does not fit.</summary>
    internal Env? BindChecked(Metavariable meta, MetaValue value, Env env)
    {
        // An inherited metavariable that the earlier rule left unbound matches nothing.
        int id = _ctx.IdOf(meta);
        if (_parent is null && meta.IsInherited && !env.Contains(id))
        {
            return null;
        }

        // A type the rule fixes only by its text ("T E" against a metavariable declared "struct s x")
        // is that type: the iso's other forms match it written out ("T I = ..." is "struct s I = ...").
        if (_delegates is not null && _delegates.TryGet(id, out var fixedType) && fixedType is TypeValue { Specifiers: null } known
            && (value is not TypeValue given || !SameTypeText(known, given)))
        {
            return null;
        }

        // A metavariable of an isomorphism that the rule does not fix gets a name of its own. Code
        // inherited from an earlier rule compares by its tokens alone, as spatch compares it: the
        // earlier match may lie in another function, or outside a block that declares its own
        // variable of that name ("note(a)" in one function, "check(a)" in the next).
        var bound = _parent is null && meta.IsInherited && value is CodeValue code && env.TryGet(id, out var inherited)
            && inherited is CodeValue inheritedCode
            ? (inheritedCode.SameTokens(code) ? env : null)
            : env.TryBind(_parent is null ? id : _ctx.HiddenIdOf(meta), value);
        if (bound is null)
        {
            return null;
        }

        foreach (var constraint in meta.Constraints)
        {
            if (!Satisfies(constraint, meta, value, bound))
            {
                return null;
            }
        }

        return _parent is null && !SatisfiesSubtermsOf(meta, value, bound) ? null : bound;
    }

    /// <summary>Whether a value satisfies one constraint of its metavariable.</summary>
    private bool Satisfies(MetavariableConstraint constraint, Metavariable meta, MetaValue value, Env bound)
    {
        switch (constraint)
        {
            case RegexConstraint regex:
                return GetRegex(regex.Pattern).IsMatch(value.Text) != regex.Negated;
            case SetConstraint set:
                bool member = false;
                foreach (string v in set.Values)
                {
                    if (value is TypeValue type ? TypeMatchesConstraintText(v, type, bound) : ValueMatchesConstraintText(v, value, bound))
                    {
                        member = true;
                        break;
                    }
                }

                return member != set.Negated;
            case SubExpressionConstraint sub:
                return SatisfiesSubterm(value, sub.Of, bound);
            case ScriptConstraint script when _ctx.Scripts is { } scripts:
                return scripts.CheckConstraint(_ctx.Rule, meta, script, value, bound);
            case AnyOfConstraint any:
                foreach (var alternative in any.Alternatives)
                {
                    bool all = true;
                    foreach (var c in alternative)
                    {
                        if (!Satisfies(c, meta, value, bound))
                        {
                            all = false;
                            break;
                        }
                    }

                    if (all)
                    {
                        return true;
                    }
                }

                return false;
            default:
                return true;
        }
    }

    /// <summary>
    /// Whether a type is the type a constraint names: the same words ("bool *"), or the value of a
    /// metavariable named alone ("r.T"). A metavariable under pointers ("r.T *") stands for any type
    /// there, as in spatch: the constraint asks for a pointer of that depth.
    /// </summary>
    private bool TypeMatchesConstraintText(string text, TypeValue value, Env env)
    {
        string wanted = NormalizeType(text);
        if (wanted == value.Key)
        {
            return true;
        }

        int space = wanted.IndexOf(' ', StringComparison.Ordinal);
        if (space < 0)
        {
            return ValueMatchesConstraintText(wanted, value, env);
        }

        string head = wanted[..space];
        string tail = wanted[space..];
        if (tail.Replace(" ", string.Empty, StringComparison.Ordinal).Trim('*').Length != 0)
        {
            return false;
        }

        // A type metavariable of this rule compares by its value; one that nothing binds ("type P != {T*};" with T
        // used nowhere else) stands for any type, as an inherited one does.
        if (!head.Contains('.', StringComparison.Ordinal))
        {
            if (_ctx.Meta(head) is not { Kind: MetavariableKind.Type })
            {
                return false;
            }

            if (env.TryGet(head, out var bound))
            {
                return NormalizeType(bound.Key + tail) == value.Key;
            }
        }

        // Any type under as many pointers: "char **" is a "T *" (T = char *).
        string compact = value.Key.Replace(" ", string.Empty, StringComparison.Ordinal);
        int stars = 0;
        foreach (char ch in tail)
        {
            stars += ch == '*' ? 1 : 0;
        }

        return compact.Length > stars && compact.EndsWith(new string('*', stars), StringComparison.Ordinal);
    }

    private bool ValueMatchesConstraintText(string text, MetaValue value, Env env)
    {
        // A metavariable of this rule (or r.x inherited under its local name) compares by value.
        string local = text;
        int dot = text.IndexOf('.', StringComparison.Ordinal);
        if (dot >= 0)
        {
            string rule = text[..dot];
            string name = text[(dot + 1)..];
            local = _ctx.Rule.Metavariables.FirstOrDefault(m => m.IsInherited && m.InheritedFrom == rule && m.InheritedName == name)?.Name ?? text;
        }

        // "position any r.p" stands for every value r.p took, not the one of this binding: a constraint
        // naming it compares with all of them (spatch: a position used as a constraint is the set of its values).
        bool allValues = local != text && _ctx.Meta(local) is { AnyPosition: true };
        if (!allValues && env.TryGet(local, out var other) && _ctx.Meta(local) is not null)
        {
            return other.Key == value.Key;
        }

        // A metavariable of an earlier rule that this rule does not inherit: any value it had in a match of
        // that rule that agrees with what this rule inherits from it.
        if (dot >= 0 && (local == text || allValues) && _ctx.EarlierMatches is { } earlier && earlier.TryGetValue(text[..dot], out var matches))
        {
            string rule = text[..dot];
            string name = text[(dot + 1)..];
            foreach (var match in matches)
            {
                if (match.TryGet(name, out var v) && v.Key == value.Key && AgreesWithInherited(rule, match, env))
                {
                    return true;
                }
            }
        }

        return value.Key == text || value.Text == text;
    }

    /// <summary>Whether a match of an earlier rule has the values this rule inherits from it.</summary>
    private bool AgreesWithInherited(string rule, Env match, Env env)
    {
        foreach (var meta in _ctx.Rule.Metavariables)
        {
            if (meta.InheritedFrom == rule && !meta.AnyPosition && meta.InheritedName is { } inherited && env.TryGet(meta.Name, out var mine)
                && match.TryGet(inherited, out var theirs) && mine.Key != theirs.Key)
            {
                return false;
            }
        }

        return true;
    }

    private static Regex GetRegex(string pattern)
    {
        if (!s_regexes.TryGetValue(pattern, out var regex))
        {
            // OCaml's Str syntax differs in places; the common subset is ERE-like.
            regex = s_regexes.GetOrAdd(pattern, static p => new Regex(p, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)));
        }

        return regex;
    }

    /// <summary>Binds the position metavariables attached to a pattern token (spatch's @p).</summary>
    private MatchState? WithPositions(int patternToken, int codeFirst, int codeLast, MatchState s)
    {
        if (!_body.Positions.TryGetValue(patternToken, out var names))
        {
            return s;
        }

        // PERF: indexed, not by the list's interface enumerator (one token match after another).
        var env = s.Env;
        for (int i = 0; i < names.Count; i++)
        {
            string name = names[i];
            var meta = _ctx.Meta(name);
            if (meta is { Kind: MetavariableKind.Expression or MetavariableKind.IdExpression or MetavariableKind.Constant or MetavariableKind.Identifier })
            {
                // "c@i": the code matched is also what i stands for, so it must fit i's kind and agree
                // with i's other occurrences (spatch binds i to the same term).
                if (AttachedTerm(meta, codeFirst, codeLast, s.With(env)) is not { } withTerm)
                {
                    return null;
                }

                s = withTerm;
                env = withTerm.Env;
                continue;
            }

            if (meta is { Kind: MetavariableKind.Statement or MetavariableKind.Declaration })
            {
                // "E@S": S is the innermost statement holding the code E matched (spatch's binding);
                // "x@d" with d a declaration: the declaration holding it.
                if (Enclosing(codeFirst, meta.Kind == MetavariableKind.Declaration) is not { } statement || BindChecked(meta, new CodeValue(statement), env) is not { } withStatement)
                {
                    return null;
                }

                env = withStatement;
                continue;
            }

            var value = MakePosition(codeFirst, codeLast);
            env = (meta is null ? env.TryBind(name, value) : BindChecked(meta, value, env))!;
            if (env is null)
            {
                // An inherited position elsewhere, or one its constraint excludes; spatch does not enforce
                // positions in a list that also names a metavariable of another kind ("@S@p" with S a statement).
                return NamesOtherThanPosition(names) ? s : null;
            }
        }

        return s.With(env);
    }

    /// <summary>Whether a list of metavariables attached to a token names one that is no position.</summary>
    private bool NamesOtherThanPosition(IReadOnlyList<string> names)
    {
        for (int i = 0; i < names.Count; i++)
        {
            if (_ctx.Meta(names[i]) is { Kind: not MetavariableKind.Position })
            {
                return true;
            }
        }

        return false;
    }

    private SyntaxNode? Enclosing(int codeToken, bool declaration)
    {
        for (var n = CodeTree.GetTokenParent(codeToken); n is { } node; n = node.Parent)
        {
            if (declaration ? node.Kind is SyntaxKind.Declaration or SyntaxKind.MacroDeclaration : SyntaxFacts.IsStatementKind(node.Kind))
            {
                return node;
            }
        }

        return null;
    }

    /// <summary>Binds a term metavariable attached with @ to the code node spanning codeFirst..codeLast; null when none fits.</summary>
    private MatchState? AttachedTerm(Metavariable meta, int codeFirst, int codeLast, MatchState s)
    {
        var current = CodeTree.GetTokenParent(codeFirst);
        while (current is { } node && node.FirstTokenIndex == codeFirst && node.LastTokenIndex <= codeLast)
        {
            var state = s;
            if (node.LastTokenIndex == codeLast && TermValue(meta, node, ref state) is { } term && BindChecked(meta, term, state.Env) is { } env)
            {
                return state.With(env);
            }

            current = node.Parent;
        }

        // "dev->\(probe@fld\|remove@fld\)": an identifier on a field name (a token, not a term of its own) is that name.
        if (meta.Kind == MetavariableKind.Identifier && codeFirst == codeLast && CodeTree.GetToken(codeFirst) is { Kind: SyntaxKind.IdentifierToken } name
            && BindChecked(meta, new NameValue(name.Text, name), s.Env) is { } named)
        {
            return s.With(named);
        }

        // "A +@E B": a metavariable on an operator stands for the expression the operator makes, as in spatch;
        // "f(...)@E" on the closing token, for the expression it closes.
        if (codeFirst == codeLast && CodeTree.GetTokenParent(codeFirst) is { } parent && SyntaxFacts.IsExpressionKind(parent.Kind)
            && parent.FirstTokenIndex < codeFirst && parent.LastTokenIndex >= codeFirst)
        {
            var state = s;
            if (TermValue(meta, parent, ref state) is { } term && BindChecked(meta, term, state.Env) is { } env)
            {
                return state.With(env);
            }
        }

        return null;
    }

    internal PositionValue MakePosition(int codeFirst, int codeLast)
    {
        var tokens = CodeTree.Tokens;
        int last = Math.Max(codeFirst, codeLast);
        var span = TextSpan.FromBounds(tokens[codeFirst].Start, tokens[last].End);
        var text = CodeTree.Text;
        if (_ctx.Origin is { } origin)
        {
            // A #define body: the place in the file, outside any function (spatch's "something_else").
            var inFile = TextSpan.FromBounds(origin.ToFile(span.Start), origin.ToFile(span.End));
            var file = origin.File;
            return new PositionValue(file.Path, file.GetLinePosition(inFile.Start), file.GetLinePosition(inFile.End), "something_else", inFile)
            {
                ElementStart = file.GetLinePosition(origin.FileStart),
                ElementEnd = file.GetLinePosition(origin.FileStart + origin.Length),
            };
        }

        var start = text.GetLinePosition(span.Start);
        var end = text.GetLinePosition(span.End);
        string function = "something_else";
        var element = span;
        if (CodeTree.GetTokenParent(codeFirst) is { } parent)
        {
            if (parent.FirstAncestorOrSelf(SyntaxKind.FunctionDefinition) is { } fn)
            {
                function = FunctionCensus.NameOf(fn);
            }

            // The item of the file's list of top-level items (CompilationUnit > List > item).
            var top = parent;
            while (top.Parent is { } up && up.Kind != SyntaxKind.CompilationUnit && !(up.Kind == SyntaxKind.List && up.Parent is { Kind: SyntaxKind.CompilationUnit }))
            {
                top = up;
            }

            element = top.Span;
        }

        return new PositionValue(text.Path, start, end, function, span)
        {
            ElementStart = text.GetLinePosition(element.Start),
            ElementEnd = text.GetLinePosition(element.End),
        };
    }

    /// <summary>Records a metavariable bound to a code node: its pattern token covers the node's tokens.</summary>
    private MatchState? RecordNode(SyntaxToken patternToken, SyntaxNode code, MatchState s) =>
        WithPositions(patternToken.Index, code.FirstTokenIndex, code.LastTokenIndex, s.Record(patternToken.Index, code.FirstTokenIndex, code.LastTokenIndex));

    // ---- Nodes ----

    private IEnumerable<MatchState> MatchNode(SyntaxNode p, SyntaxNode c, MatchState s)
    {
        if (_delegates is not null && DelegatedName(p) is { } name && _delegates.TryGet(name, out var delegated))
        {
            return Delegate(delegated, new SyntaxElement(c.Tree, ChildRefOf(c)), s);
        }

        var direct = MatchNodeDirect(p, c, s);
        if (_isos is null)
        {
            return direct;
        }

        var applications = _isos.At(p);
        if (applications.Count == 0 || !AnyVariantMayMatch(p, applications, c.Kind) || _expanding.Contains((p.Index, c.Index)))
        {
            return direct;
        }

        // PERF: the direct matches are often known already (none, or one); then no enumerator is made to
        // put them before the variants'.
        if (direct is IReadOnlyCollection<MatchState> known && (known.Count == 0 || !RootMatcher._variantsBesideDirect))
        {
            return known.Count > 0 ? direct : VariantMatches(applications, p, c, s);
        }

        return WithIsomorphisms(direct, applications, p, c, s);
    }

    // Pattern and code nodes whose isomorphism variants are being tried (no variant of a variant there).
    private readonly HashSet<(int, int)> _expanding = [];

    /// <summary>Direct matches first; only where there is none, the variants of the isomorphisms, in order.</summary>
    private IEnumerable<MatchState> WithIsomorphisms(IEnumerable<MatchState> direct, IReadOnlyList<IsoApplication> applications, SyntaxNode p, SyntaxNode c, MatchState s)
    {
        bool any = false;
        foreach (var r in direct)
        {
            any = true;
            yield return r;
        }

        if (any && !RootMatcher._variantsBesideDirect)
        {
            yield break;
        }

        foreach (var r in VariantMatches(applications, p, c, s))
        {
            if (!any || !MatchesDirectly(p, c, r))
            {
                yield return r;
            }
        }
    }

    private bool MatchesDirectly(SyntaxNode p, SyntaxNode c, MatchState s)
    {
        using var matches = MatchNodeDirect(p, c, s).GetEnumerator();
        return matches.MoveNext();
    }

    /// <summary>
    /// The matches of the first variant of the isomorphisms at <paramref name="p"/> that matches the code, in
    /// the order of the applications and their targets; gathered at once. PERF: most nodes match no
    /// variant, and then nothing is allocated.
    /// </summary>
    private IEnumerable<MatchState> VariantMatches(IReadOnlyList<IsoApplication> applications, SyntaxNode p, SyntaxNode c, MatchState s)
    {
        _expanding.Add((p.Index, c.Index));
        try
        {
            // PERF: indexed, as an interface's enumerator would be allocated per node tried.
            for (int a = 0; a < applications.Count; a++)
            {
                var application = applications[a];
                if (application.Rule.Name == ParenIso && ParensOptional(p, c))
                {
                    // Its variant is the expression inside the parentheses, which the direct match has tried already.
                    continue;
                }

                var targets = application.Targets;
                for (int t = 0; t < targets.Count; t++)
                {
                    if (VariantAt(application, targets[t], c) is not { } variant)
                    {
                        continue;
                    }

                    List<MatchState>? found = null;
                    var sub = MatcherOf(variant, application);
                    foreach (var m in sub.Match(new SyntaxElement(variant.Node.Tree, ChildRefOf(variant.Node)), new SyntaxElement(c.Tree, ChildRefOf(c)), s.WithMuted(true)))
                    {
                        if (WithOwnTokenPositions(p, c, m.WithMuted(s.Muted)) is not { } r)
                        {
                            continue;
                        }

                        // The rule's node stands for the whole code it matched (the variant's own tokens
                        // are not in the trace: they are not the rule's). A removed first or last token of a
                        // node that is not removed whole stays where the variant put it: over the whole code
                        // it would take the variant's own tokens along ("E-> - f + g" against "q[i].f").
                        bool wholeRemoved = AllRemoved(p);
                        var recorded = wholeRemoved || !IsRemoved(p.FirstTokenIndex) ? r.Record(p.FirstTokenIndex, c.FirstTokenIndex, c.LastTokenIndex) : r;
                        (found ??= []).Add(p.LastTokenIndex == p.FirstTokenIndex || (!wholeRemoved && IsRemoved(p.LastTokenIndex)) ? recorded : recorded.Record(p.LastTokenIndex, c.FirstTokenIndex, c.LastTokenIndex));
                    }

                    if (found is not null)
                    {
                        return found;
                    }
                }
            }

            return [];
        }
        finally
        {
            _expanding.Remove((p.Index, c.Index));
        }
    }

    /// <summary>
    /// The header of a loop (slots [0, to) of a for statement): as written first; only where that does not match,
    /// the headers of the statement isomorphisms' other forms of the whole loop ("for (X; Y; ++i) S" of
    /// for_inc), whose metavariables stand for the rule's parts. The body is a rule element of its own, which the
    /// other form binds to the rule's body whole.
    /// </summary>
    internal IEnumerable<MatchState> MatchHeaderWithIsomorphisms(SyntaxNode p, SyntaxNode c, int to, MatchState s)
    {
        bool any = false;
        foreach (var r in MatchSlotRange(p, c, 0, to, s))
        {
            any = true;
            yield return r;
        }

        if (any || _isos is null)
        {
            yield break;
        }

        var applications = _isos.At(p);
        for (int a = 0; a < applications.Count; a++)
        {
            var application = applications[a];
            if (application.Rule.Kind != IsoKind.Statement)
            {
                continue;
            }

            foreach (int target in application.Targets)
            {
                var variant = VariantOf(application, target);
                if (variant.Node.Kind != p.Kind)
                {
                    continue;
                }

                bool found = false;
                foreach (var m in MatcherOf(variant, application).MatchSlotRange(variant.Node, c, 0, to, s.WithMuted(true)))
                {
                    if (WithOwnTokenPositions(p, c, m.WithMuted(s.Muted)) is not { } r)
                    {
                        continue;
                    }

                    // The rule's own tokens of the header stand for the code's tokens in the same places.
                    for (int slot = 0; slot < to; slot++)
                    {
                        if (p.GetTokenSlot(slot) is { } own && c.GetTokenSlot(slot) is { } code && own.Kind == code.Kind)
                        {
                            r = r.Record(own.Index, code.Index, code.Index);
                        }
                    }

                    found = true;
                    yield return r;
                }

                if (found)
                {
                    yield break;
                }
            }
        }
    }

    private const string ParenIso = "paren";

    /// <summary>
    /// Whether the direct match of a parenthesized pattern expression also tries the expression inside against
    /// code that has no parentheses there (the paren isomorphism, built in).
    /// </summary>
    private bool ParensOptional(SyntaxNode p, SyntaxNode c) =>
        p.Kind == SyntaxKind.ParenthesizedExpression && c.Kind != SyntaxKind.ParenthesizedExpression && !_ctx.CodeIsPattern
        && (_ctx.Rule.DisabledIsos.Count == 0 || !_ctx.Rule.DisabledIsos.Contains(ParenIso));

    private bool IsRemoved(int patternToken) => patternToken < _body.MinusMarks.Length && _body.MinusMarks[patternToken] == TokenMark.Minus;

    private bool AllRemoved(SyntaxNode p)
    {
        for (int t = p.FirstTokenIndex; t <= p.LastTokenIndex; t++)
        {
            if (!IsRemoved(t))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>One term of an isomorphism that a pattern node may also match, with its matcher once one is needed.</summary>
    private sealed class IsoVariant(CodeRule rule, SyntaxNode node)
    {
        public CodeRule Rule { get; } = rule;

        public SyntaxNode Node { get; } = node;

        public bool MayMatchOtherKind { get; } = Matcher.MayMatchOtherKind(node);

        public Matcher? Matcher { get; set; }
    }

    // The variants of the isomorphisms tried, with their matchers on this file: made on first use, per
    // rule × file × environment (the kinds of code their roots can match are the rule's: IsoIndex).
    private Dictionary<IsoApplication, IsoVariant?[]>? _variants;

    private IsoVariant VariantOf(IsoApplication application, int target)
    {
        _variants ??= new Dictionary<IsoApplication, IsoVariant?[]>(ReferenceEqualityComparer.Instance);
        if (!_variants.TryGetValue(application, out var byTarget))
        {
            byTarget = new IsoVariant?[application.Rule.Terms.Count];
            _variants.Add(application, byTarget);
        }

        var term = application.Rule.Terms[target];
        return byTarget[target] ??= new IsoVariant(term.Rule, IsoIndex.Unwrap(term.Pattern));
    }

    /// <summary>The variant of an isomorphism's term that may be tried at the code node; null when its root cannot match it.</summary>
    private IsoVariant? VariantAt(IsoApplication application, int target, SyntaxNode c)
    {
        // "X != NULL => X" (ToTestExpression): the terms after the first are test expressions,
        // so the bare X matches a condition, not any expression.
        if (application.Rule.Kind == IsoKind.ToTestExpression && target != 0 && !IsoIndex.IsTestPosition(c))
        {
            return null;
        }

        var variant = VariantOf(application, target);
        return variant.Node.Kind == c.Kind || variant.MayMatchOtherKind ? variant : null;
    }

    /// <summary>The matcher of a variant on this file, made on first use.</summary>
    private Matcher MatcherOf(IsoVariant variant, IsoApplication application) =>
        variant.Matcher ??= new Matcher(new MatchContext(variant.Rule, variant.Rule.Body.Minus, _ctx.Code, _ctx.Types), this, application.Bindings);

    /// <summary>Whether the root of some variant of the isomorphisms at a pattern node can match a code node of this kind.</summary>
    private bool AnyVariantMayMatch(SyntaxNode p, IReadOnlyList<IsoApplication> applications, SyntaxKind codeKind) =>
        _isos!.AnyVariantMayMatch(p, applications, codeKind);

    /// <summary>
    /// Whether a pattern node may match a code node of another kind (see <see cref="MatchNodeDirect"/>):
    /// a metavariable, a disjunction or conjunction, dots, a nest, optional parentheses, a type, a
    /// declaration, a list, a logical chain, an assignment matching an initializer. Any other node
    /// matches only a node of its own kind.
    /// </summary>
    internal static bool MayMatchOtherKind(SyntaxNode p) => p.Kind switch
    {
        SyntaxKind.IdentifierName or SyntaxKind.Disjunction or SyntaxKind.Conjunction or SyntaxKind.Dots or SyntaxKind.Nest
            or SyntaxKind.ParenthesizedExpression or SyntaxKind.TypeName or SyntaxKind.Declaration or SyntaxKind.MetavariableStatement
            or SyntaxKind.BareExpression or SyntaxKind.AssignmentExpression or SyntaxKind.TypedefName => true,
        SyntaxKind.BinaryExpression => IsLogicalChainPattern(p),
        _ => SyntaxFacts.IsListKind(p.Kind) || DelegatedName(p) is not null,
    };

    /// <summary>
    /// The positions the rule puts on a node's own tokens ("c1 +@p c2") hold in a variant of an
    /// isomorphism too ("c2 + c1"): each is bound to the code's token of the same kind, and a variant
    /// where there is no such single token does not match.
    /// </summary>
    private MatchState? WithOwnTokenPositions(SyntaxNode p, SyntaxNode c, MatchState s)
    {
        for (int i = 0; i < p.ChildCount; i++)
        {
            if (p.GetTokenSlot(i) is not { } own || !_body.Positions.ContainsKey(own.Index))
            {
                continue;
            }

            SyntaxToken? same = null;
            for (int j = 0; j < c.ChildCount; j++)
            {
                if (c.GetTokenSlot(j) is { } ct && ct.Kind == own.Kind)
                {
                    if (same is not null)
                    {
                        return null;
                    }

                    same = ct;
                }
            }

            if (same is not { } token || WithPositions(own.Index, token.Index, token.Index, s) is not { } positioned)
            {
                return null;
            }

            s = positioned;
        }

        return s;
    }

    /// <summary>The metavariable name a pattern node consists of (x, T, S), if any.</summary>
    private static string? DelegatedName(SyntaxNode p) => p.Kind switch
    {
        SyntaxKind.IdentifierName => p.AsIdentifierName().Identifier.Text,
        SyntaxKind.MetavariableStatement => p.AsMetavariableStatement().Name.Text,
        SyntaxKind.TypedefName => p.AsTypedefName().Identifier.Text,
        SyntaxKind.BareExpression when p.AsBareExpression().Expression.Kind == SyntaxKind.IdentifierName => p.AsBareExpression().Expression.AsIdentifierName().Identifier.Text,
        SyntaxKind.ExpressionStatement => null,
        _ => null,
    };

    /// <summary>Matches the part of the rule's pattern that an isomorphism metavariable stands for.</summary>
    private IEnumerable<MatchState> Delegate(MetaValue delegated, SyntaxElement c, MatchState s)
    {
        var parent = _parent!;
        var tree = parent._ctx.Pattern;
        var element = delegated switch
        {
            CodeValue { Node: { } node } => new SyntaxElement(tree, ChildRefOf(node)),
            // A name the iso writes as an expression ("++v;" with v bound to the rule's "x") stands for the
            // rule's expression of that name, which code expressions are matched against.
            NameValue { Token: { } token } when !c.IsToken && token.Parent is { Kind: SyntaxKind.IdentifierName } name => new SyntaxElement(tree, ChildRefOf(name)),
            NameValue { Token: { } token } => new SyntaxElement(tree, token.Index),
            TypeValue { Specifiers: { } specifiers } when specifiers.Node is { } typeNode => new SyntaxElement(tree, ChildRefOf(typeNode)),
            _ => default,
        };
        if (element.Tree is null)
        {
            yield break;
        }

        // The rule's own tokens are recorded again, as the parent matcher would record them.
        foreach (var r in parent.Match(element, c, s.WithMuted(parent._parent is not null)))
        {
            yield return r.WithMuted(true);
        }
    }

    private IEnumerable<MatchState> MatchNodeDirect(SyntaxNode p, SyntaxNode c, MatchState s)
    {
        switch (p.Kind)
        {
            case SyntaxKind.IdentifierName:
                return MatchIdentifierName(p, c, s);
            case SyntaxKind.Disjunction:
                return MatchDisjunction(p, new SyntaxElement(c.Tree, ChildRefOf(c)), s);
            case SyntaxKind.Conjunction:
                return MatchConjunction(p, c, s);
            case SyntaxKind.Dots:
                return MatchDotsExpression(p, c, s);
            case SyntaxKind.BinaryExpression when IsLogicalChainPattern(p) && !_ctx.CodeIsPattern:
                return MatchLogicalChain(p, c, s);
            case SyntaxKind.Nest:
                return MatchExpressionNest(p, c, s);
            case SyntaxKind.ParenthesizedExpression when ParensOptional(p, c):
                // Parentheses in the pattern are optional in the code (the paren isomorphism).
                return MatchNode(p.AsParenthesizedExpression().Expression, c, s);
            case SyntaxKind.TypeName:
                return MatchTypeName(p, c, s);
            case SyntaxKind.Declaration:
                return MatchDeclaration(p, c, s);
            case SyntaxKind.MetavariableStatement:
                return MatchMetaStatement(p, c, s);
            case SyntaxKind.BareExpression:
                return MatchNode(p.AsBareExpression().Expression, c, s);
            case SyntaxKind.ExpressionStatement when c.Kind == SyntaxKind.ExpressionStatement:
                return SlotsMayMatch(p, c) ? MatchSlots(p, c, s) : [];
            case SyntaxKind.AssignmentExpression when c.Kind == SyntaxKind.InitDeclarator && !_ctx.CodeIsPattern && IsPlainAssignment(p):
                return MatchAssignmentToInitializer(p, c, s);
        }

        if (SyntaxFacts.IsListKind(p.Kind))
        {
            if (IsBareEllipsisList(p) && SyntaxFacts.IsListKind(c.Kind))
            {
                // The arguments of an attribute written "attr(...)": any arguments.
                return [s];
            }

            return SyntaxFacts.IsListKind(c.Kind) ? MatchSequence(p, c, s) : [];
        }

        if (p.Kind != c.Kind)
        {
            return [];
        }

        return p.Kind switch
        {
            SyntaxKind.StructSpecifier => MatchStruct(p, c, s),
            SyntaxKind.InitializerList => MatchInitializerList(p, c, s),
            SyntaxKind.ParameterDeclaration => MatchParameter(p, c, s),
            SyntaxKind.InitDeclarator => MatchInitDeclarator(p, c, s),
            SyntaxKind.PointerDeclarator => MatchPointerDeclarator(p, c, s),
            SyntaxKind.MacroDeclaration => SlotsMayMatch(p, c) ? MatchMacroDeclaration(p, c, s) : [],
            _ => SlotsMayMatch(p, c) ? MatchSlots(p, c, s) : [],
        };
    }

    internal static int ChildRefOf(SyntaxNode node) => -(node.Index + 2);

    /// <summary>
    /// A declarer's storage class, qualifiers and attributes match as a declaration's: the code may have
    /// more than the rule writes (optional_storage), so "DEFINE_MUTEX(m);" matches "static DEFINE_MUTEX(m);"
    /// and, removed whole, takes its storage class with it.
    /// </summary>
    private IEnumerable<MatchState> MatchMacroDeclaration(SyntaxNode p, SyntaxNode c, MatchState s)
    {
        if (p.GetNodeSlot(0) is not { } pSpecifiers || c.GetNodeSlot(0) is not { } cSpecifiers)
        {
            foreach (var r in MatchSlots(p, c, s))
            {
                yield return r;
            }

            yield break;
        }

        foreach (var s1 in MatchSpecifiers(pSpecifiers, cSpecifiers, s))
        {
            foreach (var r in MatchSlotsFrom(p, c, 1, s1))
            {
                // "- DEFINE_MUTEX(m);" removes "static DEFINE_MUTEX(m);" whole, as a removed declaration.
                yield return WithStorageOfRemoved(p, pSpecifiers, cSpecifiers, r);
            }
        }
    }

    private static bool IsBareEllipsisList(SyntaxNode list) =>
        list.Parent?.Kind == SyntaxKind.AttributeMacro && list.ChildCount == 1 && list.GetSlot(0) is { IsToken: true } only && only.Kind == SyntaxKind.EllipsisToken;

    /// <summary>Slot by slot: an absent pattern slot requires an absent code slot.</summary>
    private IEnumerable<MatchState> MatchSlots(SyntaxNode p, SyntaxNode c, MatchState s) => MatchSlotsFrom(p, c, 0, s);

    private IEnumerable<MatchState> MatchSlotsFrom(SyntaxNode p, SyntaxNode c, int slot, MatchState s) =>
        MatchSlotsBetween(p, c, slot, p.ChildCount, s, AbsentSlots.ByKind);

    /// <summary>How a slot that one side leaves out is passed over (any other absent slot fails the match when the other side has it).</summary>
    private enum AbsentSlots : byte
    {
        /// <summary>A pattern slot left out where <see cref="IsIgnorableWhenAbsent"/> allows it.</summary>
        ByKind,

        /// <summary>"..." in the pattern for a part of a header the code leaves out ("for (...;...;...)" against "for (;;)").</summary>
        DotsInHeader,
    }

    /// <summary>Slots [<paramref name="slot"/>, <paramref name="to"/>) of two nodes, slot by slot.</summary>
    private IEnumerable<MatchState> MatchSlotsBetween(SyntaxNode p, SyntaxNode c, int slot, int to, MatchState s, AbsentSlots absent)
    {
        if (!MatchOnceSlots(p, c, ref slot, to, absent, ref s))
        {
            return [];
        }

        return slot < to ? MatchSlotsOnwards(p, c, slot, to, absent, s) : [s];
    }

    /// <summary>
    /// The matches of a slot that may match several ways (both sides present), each followed by the slots after it up to
    /// <paramref name="to"/>. PERF: when the slot's matches are known already (none, or one), no enumerator is made for them.
    /// </summary>
    private IEnumerable<MatchState> MatchSlotsOnwards(SyntaxNode p, SyntaxNode c, int slot, int to, AbsentSlots absent, MatchState s)
    {
        var matches = Match(p.GetSlot(slot)!.Value, c.GetSlot(slot)!.Value, s);
        if (matches is not IReadOnlyList<MatchState> { Count: <= 1 } known)
        {
            return MatchSeveralSlots(p, c, slot, to, absent, matches);
        }

        if (known.Count == 0)
        {
            return [];
        }

        int next = slot + 1;
        var one = known[0];
        if (!MatchOnceSlots(p, c, ref next, to, absent, ref one))
        {
            return [];
        }

        return next < to ? MatchSlotsOnwards(p, c, next, to, absent, one) : [one];
    }

    /// <summary>
    /// Matches slots [<paramref name="slot"/>, <paramref name="to"/>) in place while each has at most one
    /// match (<see cref="TryMatchOnce"/>): false when one fails; otherwise <paramref name="slot"/> is the
    /// first slot that may match several ways, or <paramref name="to"/>.
    /// </summary>
    /// <remarks>PERF: most candidates fail on such a slot, and many match on them alone: no enumerator is made for either.</remarks>
    private bool MatchOnceSlots(SyntaxNode p, SyntaxNode c, ref int slot, int to, AbsentSlots absent, ref MatchState s)
    {
        while (slot < to)
        {
            var ps = p.GetSlot(slot);
            var cs = c.GetSlot(slot);
            if (ps is null && cs is null)
            {
                slot++;
                continue;
            }

            if (ps is null || cs is null)
            {
                bool passedOver = absent == AbsentSlots.ByKind
                    ? ps is null && IsIgnorableWhenAbsent(p.Kind, slot)
                    : ps is { IsNode: true } dots && dots.AsNode().Kind == SyntaxKind.Dots;
                if (passedOver)
                {
                    slot++;
                    continue;
                }

                return false;
            }

            if (!TryMatchOnce(ps.Value, cs.Value, s, out var once))
            {
                return true;
            }

            if (once is not { } matched)
            {
                return false;
            }

            s = matched;
            slot++;
        }

        return true;
    }

    /// <summary>The matches of slot <paramref name="slot"/> (<paramref name="matches"/>), each followed by the slots after it up to <paramref name="to"/>.</summary>
    private IEnumerable<MatchState> MatchSeveralSlots(SyntaxNode p, SyntaxNode c, int slot, int to, AbsentSlots absent, IEnumerable<MatchState> matches)
    {
        foreach (var s2 in matches)
        {
            int next = slot + 1;
            var s3 = s2;
            if (!MatchOnceSlots(p, c, ref next, to, absent, ref s3))
            {
                continue;
            }

            if (next >= to)
            {
                yield return s3;
                continue;
            }

            foreach (var r in MatchSlotsOnwards(p, c, next, to, absent, s3))
            {
                yield return r;
            }
        }
    }

    /// <summary>Slots a pattern may leave out while the code has them (a trailing ';' after a declarer, a do-while's ';').</summary>
    private static bool IsIgnorableWhenAbsent(SyntaxKind kind, int slot) => (kind, slot) switch
    {
        (SyntaxKind.Declaration, 2) => true, // struct definitions written without ';' in the rule
        (SyntaxKind.MacroDeclaration, 5) => true, // attributes after a declarer (optional_attributes)
        (SyntaxKind.MacroDeclaration, 8) => true,
        _ => false,
    };

    /// <summary>
    /// A disjunction inside one node: a later branch matches where no earlier branch matches with the values
    /// the later one binds (A ∨ (¬A ∧ B), ¬A taken for those values). A metavariable that the rule binds at
    /// another node is still unbound here, so an earlier branch matching with some other value of it does not
    /// hide the later one: "E = ALLOC(...) ... if (\(E\|!E\))" finds "if (!y)" after "y = ALLOC()".
    /// </summary>
    private IEnumerable<MatchState> MatchDisjunction(SyntaxNode p, SyntaxElement c, MatchState s)
    {
        if (RootMatcher._chosen is { } chosen && chosen.Disjunction == p)
        {
            return MatchBranch(Branches(p).ElementAt(chosen.Branch), c, s);
        }

        return MatchDisjunctionBranches(p, c, s);
    }

    private IEnumerable<MatchState> MatchDisjunctionBranches(SyntaxNode p, SyntaxElement c, MatchState s)
    {
        List<SyntaxNode>? earlier = null;
        foreach (var branch in Branches(p))
        {
            bool decided = false;
            foreach (var r in MatchBranch(branch, c, s))
            {
                // A branch matching without binding anything new matches whatever a later branch binds.
                decided |= r.Env.Count == s.Env.Count;
                if (earlier is null || !MatchesAny(earlier, c, r))
                {
                    yield return r;
                }
            }

            if (decided)
            {
                yield break;
            }

            (earlier ??= []).Add(branch);
        }
    }

    private bool MatchesAny(List<SyntaxNode> branches, SyntaxElement c, MatchState s)
    {
        foreach (var branch in branches)
        {
            using var matches = MatchBranch(branch, c, s).GetEnumerator();
            if (matches.MoveNext())
            {
                return true;
            }
        }

        return false;
    }

    private IEnumerable<MatchState> MatchBranch(SyntaxNode branch, SyntaxElement c, MatchState s)
    {
        // A statement-level branch is a List of one item.
        if (branch.Kind == SyntaxKind.List && branch.ChildCount == 1 && branch.GetNodeSlot(0) is { } single)
        {
            return Match(new SyntaxElement(single.Tree, ChildRefOf(single)), c, s);
        }

        return Match(new SyntaxElement(branch.Tree, ChildRefOf(branch)), c, s);
    }

    private IEnumerable<MatchState> MatchConjunction(SyntaxNode p, SyntaxNode c, MatchState s) => MatchConjunction(p, new SyntaxElement(c.Tree, ChildRefOf(c)), s);

    private IEnumerable<MatchState> MatchConjunction(SyntaxNode p, SyntaxElement c, MatchState s)
    {
        IEnumerable<MatchState> states = [s];
        foreach (var branch in Branches(p))
        {
            var b = branch;
            states = states.SelectMany(st => MatchBranch(b, c, st)).ToList();
        }

        return states;
    }

    internal static IEnumerable<SyntaxNode> Branches(SyntaxNode disjunction)
    {
        var list = disjunction.GetNodeSlot(1);
        if (list is null)
        {
            yield break;
        }

        foreach (var child in list.Value.Children)
        {
            if (child.IsNode)
            {
                yield return child.AsNode();
            }
        }
    }
}
