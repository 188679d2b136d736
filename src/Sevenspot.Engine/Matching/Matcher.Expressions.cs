using System.Buffers;
using System.Text.RegularExpressions;
using Sevenspot.C;
using Sevenspot.Smpl;

namespace Sevenspot.Engine;

public sealed partial class Matcher
{
    private static readonly Regex s_constantName = new("^[A-Z_][A-Z_0-9]*$", RegexOptions.CultureInvariant);

    /// <summary>A name in expression position: a metavariable binds to the code; a C name must be spelt the same.</summary>
    private IEnumerable<MatchState> MatchIdentifierName(SyntaxNode p, SyntaxNode c, MatchState s) =>
        MatchIdentifierNameOnce(p, c, s) is { } r ? [r] : [];

    /// <summary>The one match of a name in expression position (see <see cref="MatchIdentifierName"/>), or null.</summary>
    private MatchState? MatchIdentifierNameOnce(SyntaxNode p, SyntaxNode c, MatchState s)
    {
        var token = p.AsIdentifierName().Identifier;
        var meta = _ctx.Meta(token);
        if (meta is null)
        {
            if (c.Kind == SyntaxKind.IdentifierName && TokensEqual(token, c.AsIdentifierName().Identifier))
            {
                var ct = c.AsIdentifierName().Identifier;
                return WithPositions(token.Index, ct.Index, ct.Index, s.Record(token.Index, ct.Index, ct.Index));
            }

            return null;
        }

        if (BoundToOtherCode(meta, c, s.Env))
        {
            return null;
        }

        var value = TermValue(meta, c, ref s);
        if (value is null)
        {
            return null;
        }

        var env = BindChecked(meta, value, s.Env);
        return env is null ? null : RecordNode(token, c, s.With(env));
    }

    /// <summary>
    /// Whether a metavariable of a code kind already holds code that spells other tokens than the
    /// node: binding it there fails whatever the node's type (<see cref="BindChecked"/> compares the
    /// tokens first), so the type is not looked up.
    /// </summary>
    private bool BoundToOtherCode(Metavariable meta, SyntaxNode c, Env env) =>
        meta.Kind is MetavariableKind.Expression or MetavariableKind.Metavariable or MetavariableKind.IdExpression or MetavariableKind.Constant
        && env.Count > 0
        && env.TryGet(_parent is null ? _ctx.IdOf(meta) : _ctx.HiddenIdOf(meta), out var bound)
        && bound is CodeValue code
        && !code.SameTokens(new CodeValue(c));

    /// <summary>What a metavariable of a term kind (expression, constant, identifier, ...) binds to for this code; null when it cannot.</summary>
    private MetaValue? TermValue(Metavariable meta, SyntaxNode c, ref MatchState s)
    {
        MetaValue? value = null;
        switch (meta.Kind)
        {
            case MetavariableKind.Expression or MetavariableKind.Metavariable:
                if (IsExpression(c) && TypeAllows(meta, c, ref s))
                {
                    value = new CodeValue(c);
                }
                else if (_ctx.CodeIsPattern && IsPatternExpression(c) && meta.Types.Count == 0 && meta.PointerDepth == 0 && meta.TypeTagKind is null)
                {
                    // An isomorphism's expression stands for what a rule writes where an expression goes: "...", a nest,
                    // a disjunction or conjunction of expressions (drop_else: "if (\(E\|!E\)) S1 else S2" also matches
                    // an if with no else).
                    value = new CodeValue(c);
                }

                break;
            case MetavariableKind.IdExpression:
                if (c.Kind == SyntaxKind.IdentifierName && LocalityAllows(meta, c) && TypeAllows(meta, c, ref s))
                {
                    value = new CodeValue(c);
                }

                break;
            case MetavariableKind.Constant:
                if (IsConstant(c, _ctx.CodeRule) && TypeAllows(meta, c, ref s))
                {
                    value = new CodeValue(c);
                }

                break;
            case MetavariableKind.Identifier or MetavariableKind.Field or MetavariableKind.Iterator or MetavariableKind.Declarer:
                // An isomorphism's name matches a name of the rule, not a rule's metavariable that stands for any
                // expression ("v++;" of inc does not reach "E++;" with E an expression, as in spatch).
                if (c.Kind == SyntaxKind.IdentifierName
                    && !(_ctx.CodeIsPattern && _ctx.CodeRule?.Find(c.AsIdentifierName().Identifier.Text) is { Kind: MetavariableKind.Expression or MetavariableKind.IdExpression or MetavariableKind.Constant }))
                {
                    var ct = c.AsIdentifierName().Identifier;
                    value = new NameValue(ct.Text, ct);
                }

                break;
            case MetavariableKind.ExpressionList:
                if (IsExpression(c))
                {
                    value = new ListValue([new CodeValue(c)], c.Tree, c.FirstTokenIndex, c.LastTokenIndex);
                }

                break;
            case MetavariableKind.Initializer:
                if (IsExpression(c) || c.Kind == SyntaxKind.InitializerList)
                {
                    value = new CodeValue(c);
                }

                break;
            case MetavariableKind.Type:
                if (c.Kind == SyntaxKind.TypeName)
                {
                    value = new TypeValue(CanonicalType(c), new CodeValue(c));
                }

                break;
        }

        return value;
    }

    /// <summary>"local idexpression" wants a variable declared in the function (not static); "global" anything else.</summary>
    private static bool LocalityAllows(Metavariable meta, SyntaxNode c) => meta.Locality switch
    {
        "local" => IsLocalVariable(c),
        "global" => !IsLocalVariable(c),
        _ => true,
    };

    /// <summary>Whether a name refers to a parameter or a non-static variable declared in an enclosing block.</summary>
    internal static bool IsLocalVariable(SyntaxNode name)
    {
        string text = name.AsIdentifierName().Identifier.Text;
        for (var x = name.Parent; x is { } node; x = node.Parent)
        {
            switch (node.Kind)
            {
                case SyntaxKind.CompoundStatement:
                    foreach (var item in node.AsCompoundStatement().StatementList.ChildNodes())
                    {
                        if (item.FirstTokenIndex >= name.FirstTokenIndex)
                        {
                            break;
                        }

                        if (item.Kind == SyntaxKind.Declaration && DeclaresName(item, text) is { } isStatic)
                        {
                            return !isStatic;
                        }
                    }

                    break;
                case SyntaxKind.ForStatement when node.AsForStatement().Initializer is { Kind: SyntaxKind.Declaration } init:
                    if (DeclaresName(init, text) is { } forStatic)
                    {
                        return !forStatic;
                    }

                    break;
                case SyntaxKind.FunctionDefinition:
                    foreach (var parameter in node.AsFunctionDefinition().Declarator.DescendantNodesAndSelf())
                    {
                        if (parameter.Kind == SyntaxKind.ParameterDeclaration && Declarators.DeclaredName(parameter.AsParameterDeclaration().Declarator) == text)
                        {
                            return true;
                        }
                    }

                    return false;
            }
        }

        return false;
    }

    /// <summary>Null when the declaration does not declare the name, else whether it is static.</summary>
    private static bool? DeclaresName(SyntaxNode declaration, string text)
    {
        var d = declaration.AsDeclaration();
        foreach (var init in d.DeclaratorList.ChildNodes())
        {
            if (init.Kind == SyntaxKind.InitDeclarator && Declarators.DeclaredName(init.AsInitDeclarator().Declarator) == text)
            {
                foreach (var element in d.SpecifierList.Children)
                {
                    if (element.IsToken && element.AsToken().Kind == SyntaxKind.StaticKeyword)
                    {
                        return true;
                    }
                }

                return false;
            }
        }

        return null;
    }

    private static bool IsExpression(SyntaxNode c) => SyntaxFacts.IsExpressionKind(c.Kind) && c.Kind != SyntaxKind.MacroArgument && !c.ContainsErrors;

    /// <summary>
    /// spatch's "constant": literals, sizeof, ALL-CAPS names, and casts or negations of those, nested
    /// (<c>- -FOO</c>, <c>(int)-10</c>, <c>-sizeof(int)</c>); a parenthesised constant, <c>~</c> or unary
    /// <c>+</c> is not one.
    /// </summary>
    /// <remarks>
    /// In a rule's pattern (<paramref name="patternRule"/>, when an isomorphism is matched against it) a
    /// metavariable is a constant only when declared one: "E == E2" with E2 an expression does not take
    /// the "E == C" isomorphism, however E2 is spelt (spatch 1.1.1).
    /// </remarks>
    private static bool IsConstant(SyntaxNode c, CodeRule? patternRule)
    {
        while (true)
        {
            switch (c.Kind)
            {
                case SyntaxKind.LiteralExpression or SyntaxKind.ConcatenatedString or SyntaxKind.SizeofExpression or SyntaxKind.SizeofType:
                    return true;
                case SyntaxKind.IdentifierName:
                    string name = c.AsIdentifierName().Identifier.Text;
                    if (patternRule?.Find(name) is { } meta)
                    {
                        return meta.Kind == MetavariableKind.Constant;
                    }

                    return s_constantName.IsMatch(name);
                case SyntaxKind.PrefixUnary:
                    var u = c.AsPrefixUnary();
                    if (u.Operator.Kind is not SyntaxKind.MinusToken)
                    {
                        return false;
                    }

                    c = u.Operand;
                    break;
                case SyntaxKind.CastExpression:
                    c = c.AsCastExpression().Expression;
                    break;
                default:
                    return false;
            }
        }
    }

    /// <summary>Checks the declared type of a typed metavariable against the code's type.</summary>
    private bool TypeAllows(Metavariable meta, SyntaxNode c, ref MatchState s)
    {
        if (meta.Types.Count == 0 && meta.PointerDepth == 0 && meta.TypeTagKind is null)
        {
            return true;
        }

        string? type = _ctx.Types?.TypeOf(c);
        if (type is null)
        {
            return false;
        }

        string normalized = NormalizeType(type);
        if (meta.PointerDepth > 0 || meta.TypeTagKind is not null)
        {
            // PERF: asked at every term an "expression *E" is tried at: no enumerator, no resolved type.
            int stars = PointerStars(normalized);
            if (stars < meta.PointerDepth)
            {
                return false;
            }

            return meta.TypeTagKind is not { } tag
                || (normalized.Length > tag.Length && normalized[tag.Length] == ' ' && normalized.StartsWith(tag, StringComparison.Ordinal));
        }

        string? resolved = _ctx.Types?.ResolvedTypeOf(c) is { } r ? NormalizeType(r) : null;

        foreach (string allowed in meta.Types)
        {
            string declared = NormalizeType(allowed);
            if (TypeTextMatches(declared, normalized, ref s, resolved) || (resolved is not null && resolved != normalized && TypeTextMatches(declared, resolved, ref s)))
            {
                return true;
            }

            // Qualifiers the declared type does not write are the code's business: "struct s *x" matches
            // an expression of type "const struct s *" or "struct s * const", "int x" a "const int";
            // "const struct s *x" still needs the const.
            // The qualifiers may come from a typedef only: "cs *" with cs a "const struct s".
            string? loosenedResolved = resolved is null ? null : WithoutUnwrittenQualifiers(declared, resolved);
            if (WithoutUnwrittenQualifiers(declared, normalized) is { } loosened
                && TypeTextMatches(declared, loosened, ref s, loosenedResolved ?? resolved))
            {
                return true;
            }

            if (loosenedResolved is not null && TypeTextMatches(declared, loosenedResolved, ref s))
            {
                return true;
            }

            // "T[] E" names an array of any size: "int [4]" is one.
            if (declared.EndsWith("[]", StringComparison.Ordinal)
                && (WithoutLastArraySize(normalized) is { } unsized && TypeTextMatches(declared, unsized, ref s)
                    || resolved is not null && WithoutLastArraySize(resolved) is { } unsizedResolved && TypeTextMatches(declared, unsizedResolved, ref s)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The code type (normalized) without the const and volatile of each pointer level where the declared
    /// type writes none, or null when that removes nothing. Levels are the words before the first star
    /// and after each star, paired from the last; a level whose declared words name a type
    /// metavariable keeps its qualifiers ("T *" binds T to "const struct s" in "const struct s *"), and
    /// so do the code's levels that such a metavariable takes.
    /// </summary>
    private string? WithoutUnwrittenQualifiers(string declared, string code)
    {
        if (!code.Contains("const", StringComparison.Ordinal) && !code.Contains("volatile", StringComparison.Ordinal))
        {
            return null;
        }

        // PERF: asked at every term a typed metavariable is tried at whose type is qualified; the few
        // (declared, code) pairs of a file are worked out once.
        _unwrittenQualifiers ??= [];
        if (!_unwrittenQualifiers.TryGetValue((declared, code), out string? result))
        {
            result = ComputeWithoutUnwrittenQualifiers(declared, code);
            _unwrittenQualifiers[(declared, code)] = result;
        }

        return result;
    }

    private Dictionary<(string Declared, string Code), string?>? _unwrittenQualifiers;

    private string? ComputeWithoutUnwrittenQualifiers(string declared, string code)
    {
        var patternLevels = SplitPointerLevels(declared);
        var codeLevels = SplitPointerLevels(code);
        bool absorbs = false;
        foreach (var level in patternLevels)
        {
            foreach (string word in level)
            {
                absorbs |= _ctx.Meta(word) is { Kind: MetavariableKind.Type };
            }
        }

        if (codeLevels.Count < patternLevels.Count || (codeLevels.Count > patternLevels.Count && !absorbs))
        {
            return null;
        }

        bool removed = false;
        for (int i = 1; i <= patternLevels.Count; i++)
        {
            var patternLevel = patternLevels[^i];
            bool keep = false;
            foreach (string word in patternLevel)
            {
                keep |= word is "const" or "volatile" || _ctx.Meta(word) is { Kind: MetavariableKind.Type };
            }

            if (!keep)
            {
                var level = codeLevels[^i];
                for (int w = level.Count - 1; w >= 0; w--)
                {
                    if (level[w] is "const" or "volatile")
                    {
                        level.RemoveAt(w);
                        removed = true;
                    }
                }
            }
        }

        if (!removed)
        {
            return null;
        }

        var sb = new System.Text.StringBuilder();
        for (int i = 0; i < codeLevels.Count; i++)
        {
            if (i > 0)
            {
                // Written as NormalizeType writes it: "char **", "char * const *".
                sb.Append(sb.Length == 0 || sb[^1] == '*' ? "*" : " *");
            }

            foreach (string word in codeLevels[i])
            {
                sb.Append(sb.Length > 0 ? " " : string.Empty).Append(word);
            }
        }

        return sb.ToString();
    }

    /// <summary>
    /// The words of a normalized type, grouped by pointer level: before the first star, then after each star
    /// (stars in a row are one word there: "char **").
    /// </summary>
    private static List<List<string>> SplitPointerLevels(string type)
    {
        var levels = new List<List<string>> { new() };
        foreach (string word in type.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (word.Length > 0 && word.AsSpan().TrimStart('*').IsEmpty)
            {
                for (int star = 0; star < word.Length; star++)
                {
                    levels.Add([]);
                }
            }
            else
            {
                levels[^1].Add(word);
            }
        }

        return levels;
    }

    /// <summary>
    /// How many pointers deep a type is. An array ("u32 * [4]", "char [N * 2]") is no pointer, whatever its
    /// elements are and whatever its size is written with; a pointer to an array ("int ( * ) [4]") is one.
    /// </summary>
    private static int PointerStars(string type)
    {
        int bracket = type.IndexOf('[', StringComparison.Ordinal);
        if (bracket < 0)
        {
            return type.AsSpan().Count('*');
        }

        var head = type.AsSpan(0, bracket);
        int paren = head.IndexOf('(');
        return paren < 0 ? 0 : head[paren..].Count('*');
    }

    /// <summary>An array type with the size of its last dimension left out ("int [4]" gives "int []"), or null.</summary>
    private static string? WithoutLastArraySize(string type)
    {
        if (!type.EndsWith(']') || type.EndsWith("[]", StringComparison.Ordinal))
        {
            return null;
        }

        int open = type.LastIndexOf('[');
        return open < 0 ? null : NormalizeType(type[..open] + "[]");
    }

    /// <summary>
    /// Compares a declared type (which may name type metavariables, "T *") with a code type, given
    /// also with its typedefs resolved when known.
    /// </summary>
    /// <summary>
    /// The normalized code type before the pattern's tail (" *" after "T"), or null when it does not end so. Stars
    /// in a row are one word ("int **"), so a tail of stars may end one: "int **" before " *" is "int *".
    /// </summary>
    private static string? WithoutTail(string code, string tail)
    {
        if (code.EndsWith(tail, StringComparison.Ordinal))
        {
            return code[..^tail.Length].Trim();
        }

        string stars = tail.TrimStart(' ');
        return stars.StartsWith('*') && code.Length > stars.Length && code[^(stars.Length + 1)] == '*' && code.EndsWith(stars, StringComparison.Ordinal)
            ? code[..^stars.Length].Trim()
            : null;
    }

    private bool TypeTextMatches(string pattern, string code, ref MatchState s, string? resolvedCode = null)
    {
        if (pattern == code)
        {
            return true;
        }

        // A type metavariable after qualifiers: "T *" against "struct foo **" binds T to "struct foo *",
        // "const T" against "const int" binds T to "int".
        int space = pattern.IndexOf(' ', StringComparison.Ordinal);
        while (space > 0 && pattern[..space] is "const" or "volatile" && code.StartsWith(pattern[..(space + 1)], StringComparison.Ordinal))
        {
            code = code[(space + 1)..];
            pattern = pattern[(space + 1)..];
            space = pattern.IndexOf(' ', StringComparison.Ordinal);
        }

        string head = space < 0 ? pattern : pattern[..space];
        string tail = space < 0 ? string.Empty : pattern[space..];
        if (_ctx.Meta(head) is { Kind: MetavariableKind.Type } typeMeta && WithoutTail(code, tail) is { } bound)
        {
            if (bound.Length == 0)
            {
                return false;
            }

            string? boundResolved = resolvedCode is null ? null : WithoutTail(resolvedCode, tail);
            var env = BindChecked(typeMeta, new TypeValue(bound, null) { Resolved = boundResolved }, s.Env);
            if (env is null)
            {
                // A typedef and what it stands for are one type when the file defines the typedef
                // ("struct foo *" and "foo_t *" for typedef struct foo foo_t): T keeps its first text.
                return s.Env.TryGet(_ctx.IdOf(typeMeta), out var known) && known is TypeValue { Resolved: { } knownResolved } && !string.IsNullOrEmpty(knownResolved)
                    && (knownResolved == bound || knownResolved == boundResolved);
            }

            s = s.With(env);
            return true;
        }

        // Identifier metavariables inside the type ("struct i1 *"): word by word, each binds one code word.
        string[] pw = pattern.Split(' ');
        string[] cw = code.Split(' ');
        if (pw.Length != cw.Length)
        {
            return false;
        }

        var bound2 = s.Env;
        bool any = false;
        for (int i = 0; i < pw.Length; i++)
        {
            if (pw[i] == cw[i])
            {
                continue;
            }

            if (_ctx.Meta(pw[i]) is not { Kind: MetavariableKind.Identifier } nameMeta || !IsIdentifierWord(cw[i]))
            {
                return false;
            }

            bound2 = BindChecked(nameMeta, new NameValue(cw[i]), bound2);
            if (bound2 is null)
            {
                return false;
            }

            any = true;
        }

        if (!any)
        {
            return false;
        }

        s = s.With(bound2);
        return true;
    }

    private static bool IsIdentifierWord(string word) => word.Length > 0 && (char.IsLetter(word[0]) || word[0] == '_');

    internal static string NormalizeType(string type)
    {
        // PERF: types printed by the annotation are nearly always written so already; they are kept as they are.
        if (IsNormalType(type))
        {
            return type;
        }

        var sb = new System.Text.StringBuilder();
        foreach (char ch in type)
        {
            if (ch == '*')
            {
                if (sb.Length > 0 && sb[^1] != ' ' && sb[^1] != '*')
                {
                    sb.Append(' ');
                }

                sb.Append('*');
            }
            else if (char.IsWhiteSpace(ch))
            {
                if (sb.Length > 0 && sb[^1] != ' ')
                {
                    sb.Append(' ');
                }
            }
            else
            {
                if (sb.Length > 0 && sb[^1] == '*')
                {
                    sb.Append(' ');
                }

                sb.Append(ch);
            }
        }

        return sb.ToString().Trim();
    }

    /// <summary>Whether <see cref="NormalizeType"/> leaves the text as it is.</summary>
    private static bool IsNormalType(string type)
    {
        for (int i = 0; i < type.Length; i++)
        {
            char ch = type[i];
            char previous = i > 0 ? type[i - 1] : '\0';
            if (ch == '*')
            {
                if (i > 0 && previous != ' ' && previous != '*')
                {
                    return false;
                }
            }
            else if (char.IsWhiteSpace(ch))
            {
                if (ch != ' ' || i == 0 || previous == ' ' || i == type.Length - 1)
                {
                    return false;
                }
            }
            else if (previous == '*')
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>"..." as an expression matches any expression.</summary>
    private IEnumerable<MatchState> MatchDotsExpression(SyntaxNode p, SyntaxNode c, MatchState s)
    {
        // Against a pattern (an isomorphism's term read against a rule), "..." stands for the rule's
        // "..." only: the ret isomorphism "return ...; => return;" lets "return ...;" match "return;",
        // never "return E;" with E some expression of the rule.
        if (_ctx.CodeIsPattern ? c.Kind != SyntaxKind.Dots : !IsExpression(c) && c.Kind != SyntaxKind.InitializerList)
        {
            yield break;
        }

        var dots = p.AsDots().Ellipsis;
        yield return s.Record(dots.Index, c.FirstTokenIndex, c.LastTokenIndex);
    }

    /// <summary>"A || ..." or "A &amp;&amp; ...": a logical operator whose right operand is "...".</summary>
    private static bool IsLogicalChainPattern(SyntaxNode p)
    {
        var binary = p.AsBinaryExpression();
        return binary.Right.Kind == SyntaxKind.Dots && binary.Left.Kind != SyntaxKind.Dots
            && binary.Operator.Kind is SyntaxKind.BarBarToken or SyntaxKind.AmpersandAmpersandToken;
    }

    /// <summary>
    /// "A || ..." (likewise "A &amp;&amp; ...") stands for any condition that has A as one of its operands:
    /// A alone where the code is a test (the condition of an if/while/for/?:, an operand of !, &amp;&amp;,
    /// ||), or a chain of the same operator, not broken by parentheses, with A on either side of
    /// any of its operators; "..." stands for the other operands. As in spatch,
    /// <c>if (IS_ERR(x) || ...)</c> matches <c>if (IS_ERR(p))</c> and <c>if (c || IS_ERR(p) || d)</c>,
    /// not <c>x = IS_ERR(p);</c>.
    /// </summary>
    private IEnumerable<MatchState> MatchLogicalChain(SyntaxNode p, SyntaxNode c, MatchState s)
    {
        // PERF: most code is not both a test and a chain of the operator; one part alone needs no enumerator of its own.
        if (!IsoIndex.IsTestPosition(c))
        {
            return MatchInLogicalChain(p, c, s);
        }

        if (!IsChainOf(p, c))
        {
            return MatchNode(p.AsBinaryExpression().Left, c, s);
        }

        return MatchTestAndLogicalChain(p, c, s);
    }

    private IEnumerable<MatchState> MatchTestAndLogicalChain(SyntaxNode p, SyntaxNode c, MatchState s)
    {
        foreach (var r in MatchNode(p.AsBinaryExpression().Left, c, s))
        {
            yield return r;
        }

        foreach (var r in MatchInLogicalChain(p, c, s))
        {
            yield return r;
        }
    }

    /// <summary>Whether the code is a binary expression of the operator of the pattern's "A || ..." (or "A &amp;&amp; ...").</summary>
    private static bool IsChainOf(SyntaxNode p, SyntaxNode c) =>
        c.Kind == SyntaxKind.BinaryExpression && c.AsBinaryExpression().Operator.Kind == p.AsBinaryExpression().Operator.Kind;

    /// <summary>A as an operand of the chain <paramref name="c"/>, at any depth of its operators.</summary>
    private IEnumerable<MatchState> MatchInLogicalChain(SyntaxNode p, SyntaxNode c, MatchState s)
    {
        // PERF: most operands are no chain of the operator: no enumerator for them.
        return IsChainOf(p, c) ? MatchInChainOperands(p, c, s) : [];
    }

    private IEnumerable<MatchState> MatchInChainOperands(SyntaxNode p, SyntaxNode c, MatchState s)
    {
        var pattern = p.AsBinaryExpression();
        var code = c.AsBinaryExpression();
        foreach (var withOperator in MatchToken(pattern.Operator, code.Operator, s))
        {
            // A on the left or on the right of this operator (the order of the operands does not
            // matter), then A inside the left or the right operand's own chain.
            for (int side = 0; side < 2; side++)
            {
                var here = side == 0 ? code.Left : code.Right;
                var other = side == 0 ? code.Right : code.Left;
                foreach (var withDots in MatchDotsExpression(pattern.Right, other, withOperator))
                {
                    foreach (var r in MatchNode(pattern.Left, here, withDots))
                    {
                        yield return r;
                    }

                    foreach (var r in MatchInLogicalChain(p, here, withDots))
                    {
                        yield return r;
                    }
                }
            }
        }
    }

    /// <summary>
    /// &lt;... P ...&gt; / &lt;+... P ...+&gt; as an expression: the code contains P zero or more
    /// (at least one) times; every occurrence is matched, with names local to the nest bound anew.
    /// A metavariable the rule also uses outside the nest is not local: when it has no value yet, each
    /// value the occurrences give it is a separate match, which binds it, so that
    /// "e = ioremap(...); ... return &lt;+...e...+&gt;;" does not take "return g(hw);" for any e.
    /// </summary>
    private IEnumerable<MatchState> MatchExpressionNest(SyntaxNode p, SyntaxNode c, MatchState s)
    {
        var outer = UnboundOuterVariables(p, s.Env);
        if (outer is null)
        {
            foreach (var only in MatchNestOccurrences(p, c, s, null))
            {
                yield return only;
            }

            yield break;
        }

        var values = new HashSet<Env>();
        MatchNestOccurrences(p, c, s, values);
        foreach (var value in values)
        {
            if (s.Env.Merge(value) is not { } bound)
            {
                continue;
            }

            foreach (var r in MatchNestOccurrences(p, c, s.With(bound), null))
            {
                yield return r;
            }
        }

        // "<... P ...>" also holds with no occurrence, whatever value they take.
        if (p.AsNest().Open.Kind != SyntaxKind.NestPlusOpenToken)
        {
            var open = p.AsNest().Open;
            yield return s.Record(open.Index, c.FirstTokenIndex, c.LastTokenIndex);
        }
    }

    /// <summary>The metavariables of a nest that the rule uses outside it and that have no value yet; null when none.</summary>
    private HashSet<string>? UnboundOuterVariables(SyntaxNode nest, Env env)
    {
        if (!_nestOuterVariables.TryGetValue(nest.Index, out var outer))
        {
            foreach (string name in FreeVariables(nest.AsNest().Body))
            {
                if (UsedOutside(name, nest))
                {
                    (outer ??= new HashSet<string>(StringComparer.Ordinal)).Add(name);
                }
            }

            _nestOuterVariables[nest.Index] = outer;
        }

        if (outer is null)
        {
            return null;
        }

        HashSet<string>? unbound = null;
        foreach (string name in outer)
        {
            if (!env.Contains(name))
            {
                (unbound ??= new HashSet<string>(StringComparer.Ordinal)).Add(name);
            }
        }

        return unbound;
    }

    // Per nest of the pattern: the metavariables of its body that the rule also uses outside it.
    private readonly Dictionary<int, HashSet<string>?> _nestOuterVariables = [];

    /// <summary>
    /// Whether a metavariable appears in the rule's pattern outside a subtree of it, or in code the rule
    /// adds outside every nest: "- a(&lt;+... x ...+&gt;); + b(x);" needs a value of x for the whole call.
    /// </summary>
    private bool UsedOutside(string name, SyntaxNode subtree)
    {
        foreach (var token in _ctx.Pattern.Root.DescendantTokens())
        {
            if (token.Kind == SyntaxKind.IdentifierToken && token.Text == name
                && (token.Index < subtree.FirstTokenIndex || token.Index > subtree.LastTokenIndex))
            {
                return true;
            }
        }

        var body = _ctx.Rule.Body;
        foreach (var ((anchor, _), chunks) in body.PlusCode)
        {
            if (InsideNest(body.Minus, anchor))
            {
                continue;
            }

            foreach (var chunk in chunks)
            {
                for (int t = chunk.First; t <= chunk.Last; t++)
                {
                    var token = body.Plus.GetToken(t);
                    if (token.Kind == SyntaxKind.IdentifierToken && token.Text == name)
                    {
                        return true;
                    }
                }
            }
        }

        return false;
    }

    private static bool InsideNest(SyntaxTree tree, int token)
    {
        if (token < 0 || token >= tree.TokenCount)
        {
            return false;
        }

        for (var node = tree.GetToken(token).Parent; node is { } n; node = n.Parent)
        {
            if (n.Kind == SyntaxKind.Nest)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The occurrences of a nest's body in the code, each matched with the bindings of <paramref name="s"/>:
    /// the nest's matches (in a rule that only finds code, one per occurrence that binds something new),
    /// or none when it needs an occurrence and there is none. With <paramref name="outerValues"/>,
    /// the values each occurrence gives to the metavariables in it are collected there.
    /// </summary>
    private List<MatchState> MatchNestOccurrences(SyntaxNode p, SyntaxNode c, MatchState s, HashSet<Env>? outerValues)
    {
        var nest = p.AsNest();
        bool atLeastOne = nest.Open.Kind == SyntaxKind.NestPlusOpenToken;
        if (ExpressionNestBody(p) is not { } body)
        {
            return []; // a nest of statements is not looked for inside an expression
        }

        var trace = s.Trace;
        int count = 0;
        // What each occurrence binds that was not bound before the nest (a position on a term inside it).
        // A rule that only finds code reports each occurrence with its own bindings, as spatch does
        // ("E ? <+... E->f@p ...+> : ..." gives one match per dereference); a rule that changes code keeps
        // one match, so that each change is made once.
        List<Env>? occurrences = _ctx.Rule.Body.Transforms ? null : [];
        // PERF: the code's terms are walked with a rented stack of node indices, and a term the body
        // cannot match whatever the bindings (NodeMayMatch) makes no enumerator: a nest is looked for
        // in every term of every expression tried.
        var tree = c.Tree;
        var stack = ArrayPool<int>.Shared.Rent(32);
        int depth = 0;
        stack[depth++] = c.Index;
        try
        {
        while (depth > 0)
        {
            var x = new SyntaxNode(tree, stack[--depth]);
            bool matched = false;
            if (IsExpression(x) && NodeMayMatch(body, x))
            {
                foreach (var r in Match(new SyntaxElement(body.Tree, ChildRefOf(body)), new SyntaxElement(x.Tree, ChildRefOf(x)), new MatchState(s.Env, null)))
                {
                    // Keep the occurrence's trace, tagged with its own bindings.
                    for (var t = r.Trace; t is not null; t = t.Next)
                    {
                        var e = t.Entry;
                        trace = new Trace(e with { LocalEnv = r.Env }, trace);
                    }

                    if (occurrences is not null && r.Env.Count > s.Env.Count && !occurrences.Contains(r.Env))
                    {
                        occurrences.Add(r.Env);
                    }

                    matched = true;
                    if (outerValues is not null && UnboundOuterVariables(p, s.Env) is { } names)
                    {
                        outerValues.Add(r.Env.Restrict(names));
                    }

                    count++;
                    break;
                }
            }

            // Collecting values, the terms inside a matched one can give others.
            if (!matched || outerValues is not null)
            {
                int children = x.ChildCount;
                if (depth + children > stack.Length)
                {
                    var larger = ArrayPool<int>.Shared.Rent(Math.Max(stack.Length * 2, depth + children));
                    stack.AsSpan(0, depth).CopyTo(larger);
                    ArrayPool<int>.Shared.Return(stack);
                    stack = larger;
                }

                for (int i = children - 1; i >= 0; i--)
                {
                    if (x.GetNodeSlot(i) is { } child)
                    {
                        stack[depth++] = child.Index;
                    }
                }
            }
        }
        }
        finally
        {
            ArrayPool<int>.Shared.Return(stack);
        }

        if (atLeastOne && count == 0)
        {
            return [];
        }

        // The nest spans the whole expression, like "...": a removed nest removes all of it.
        var open = nest.Open;
        if (occurrences is not { Count: > 0 })
        {
            return [new MatchState(s.Env, trace).Record(open.Index, c.FirstTokenIndex, c.LastTokenIndex)];
        }

        var result = new List<MatchState>(occurrences.Count);
        foreach (var env in occurrences)
        {
            result.Add(new MatchState(env, trace).Record(open.Index, c.FirstTokenIndex, c.LastTokenIndex));
        }

        return result;
    }

    /// <summary>
    /// The expression a nest looks for: its body when the nest was read inside an expression, or the one
    /// bare expression of a nest read where a statement goes; null when the body is statements.
    /// </summary>
    internal static SyntaxNode? ExpressionNestBody(SyntaxNode nest)
    {
        var body = nest.AsNest().Body;
        if (body.Kind != SyntaxKind.List)
        {
            return body;
        }

        return body.ChildCount == 1 && body.GetNodeSlot(0) is { Kind: SyntaxKind.BareExpression } item ? item.AsBareExpression().Expression : null;
    }

    /// <summary>A disjunction whose every branch is a single expression written where a statement goes.</summary>
    /// <summary>A disjunction of the rule each of whose branches is one element of a statement sequence.</summary>
    internal static bool IsOneStatementDisjunction(SyntaxNode disjunction)
    {
        bool any = false;
        foreach (var branch in Branches(disjunction))
        {
            var item = branch.Kind == SyntaxKind.List && branch.ChildCount == 1 && branch.GetNodeSlot(0) is { } single ? single : branch;
            bool one = item.Kind switch
            {
                SyntaxKind.BareExpression or SyntaxKind.MetavariableStatement or SyntaxKind.Nest => true,
                SyntaxKind.Disjunction => IsOneStatementDisjunction(item),
                SyntaxKind.ErrorStatement or SyntaxKind.List => false,
                _ => SyntaxFacts.IsStatementKind(item.Kind),
            };
            if (!one)
            {
                return false;
            }

            any = true;
        }

        return any;
    }

    /// <summary>
    /// A part of a rule's pattern written where an expression goes that is no C expression: "...", an expression
    /// nest, or a disjunction or conjunction whose branches are each an expression.
    /// </summary>
    private static bool IsPatternExpression(SyntaxNode c)
    {
        switch (c.Kind)
        {
            case SyntaxKind.Dots:
                return true;
            case SyntaxKind.Nest:
                return c.Parent is { Kind: not (SyntaxKind.List or SyntaxKind.PatternBody) }; // not one of a sequence of statements
            case SyntaxKind.Disjunction or SyntaxKind.Conjunction:
                bool any = false;
                foreach (var branch in Branches(c))
                {
                    if (!IsExpression(branch) && !IsPatternExpression(branch))
                    {
                        return false;
                    }

                    any = true;
                }

                return any;
            default:
                return false;
        }
    }

    internal static bool IsExpressionDisjunction(SyntaxNode disjunction)
    {
        if (disjunction.Kind != SyntaxKind.Disjunction)
        {
            return false;
        }

        bool any = false;
        foreach (var branch in Branches(disjunction))
        {
            var item = branch.Kind == SyntaxKind.List && branch.ChildCount == 1 && branch.GetNodeSlot(0) is { } single ? single : branch;
            if (item.Kind != SyntaxKind.BareExpression)
            {
                return false;
            }

            any = true;
        }

        return any;
    }

    /// <summary>A statement metavariable in a statement position (S as the branch of an if).</summary>
    private IEnumerable<MatchState> MatchMetaStatement(SyntaxNode p, SyntaxNode c, MatchState s) =>
        MatchMetaStatementOnce(p, c, s) is { } r ? [r] : [];

    /// <summary>The one match of a statement (declaration, field) metavariable, or null.</summary>
    /// <remarks>PERF: made at once, with no enumerator: it is tried at every statement of a function.</remarks>
    private MatchState? MatchMetaStatementOnce(SyntaxNode p, SyntaxNode c, MatchState s)
    {
        var token = p.AsMetavariableStatement().Name;
        var meta = _ctx.Meta(token);
        if (meta is null)
        {
            return null;
        }

        bool ok = meta.Kind switch
        {
            // In a pattern (an isomorphism applied to a rule) a statement stands for a statement metavariable too,
            // and so do an expression written where a statement goes ("... x == NULL ...") and a disjunction whose
            // branches are each one such element ("( for (...) S | E->f )"): each is one element of the statement
            // sequence, as in spatch ({ ... S ... } => S). A disjunction with a branch of several statements is not
            // one statement. A nest of a rule counts as a statement for the braces isomorphisms ("{ <... P ...> }"
            // as "<... P ...>").
            MetavariableKind.Statement => (SyntaxFacts.IsStatementKind(c.Kind) && c.Kind != SyntaxKind.ErrorStatement)
                || (_ctx.CodeIsPattern && (c.Kind is SyntaxKind.MetavariableStatement or SyntaxKind.BareExpression or SyntaxKind.Nest || IsOneStatementDisjunction(c))),
            MetavariableKind.Declaration => c.Kind is SyntaxKind.Declaration or SyntaxKind.MacroDeclaration,
            MetavariableKind.Field => c.Kind is SyntaxKind.Declaration,
            _ => false,
        };
        if (!ok)
        {
            return null;
        }

        var env = BindChecked(meta, new CodeValue(c), s.Env);
        return env is null ? null : RecordNode(token, c, s.With(env));
    }
}
