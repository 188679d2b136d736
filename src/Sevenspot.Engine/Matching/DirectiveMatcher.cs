using Sevenspot.C;
using Sevenspot.Smpl;

namespace Sevenspot.Engine;

/// <summary>
/// Matches a rule whose pattern is one file-level directive (see <see cref="DirectivePattern"/>)
/// against the directives of a file. #include compares the file name part by part, a trailing
/// "..." standing for the rest ("&lt;linux/...&gt;"), and "#include ..." matches any include; #define
/// compares the name, the parameters and the body, where a body that is one expression, type or
/// constant metavariable takes the whole body; any other directive compares word by word, "..."
/// standing for the rest. As in spatch, code added before an #include goes in once, before the
/// first include that matches, and code added after it once, after the last one, includes in #if
/// branches counting only when no other include matches.
/// </summary>
internal static class DirectiveMatcher
{
    /// <summary>The pattern token a match records: the trace entry's code range is the directive's index.</summary>
    public const int PatternToken = int.MaxValue;

    public static void FindMatches(DirectivePattern pattern, SyntaxTree tree, Matcher matcher, MatchState start, List<MatchState> results)
    {
        string patternText = WithoutPositions(pattern.Text, out var positions);
        var wanted = DirectiveText.Read(patternText);
        var directives = tree.Lexed.Directives;
        var text = tree.Text;
        var found = new List<(int Index, Env Env)>();
        for (int i = 0; i < directives.Count; i++)
        {
            var code = DirectiveText.Read(text.ToString(Sevenspot.Text.TextSpan.FromBounds(directives[i].Start, directives[i].End)));
            if (code.Keyword != wanted.Keyword)
            {
                continue;
            }

            foreach (var env in Match(wanted, code, matcher, start.Env))
            {
                if (WithPositions(positions, tree, directives[i], matcher, env) is { } positioned)
                {
                    found.Add((i, positioned));
                }
            }
        }

        if (found.Count == 0)
        {
            return;
        }

        // Added code next to a kept #include goes in at one include only.
        bool onlyOne = wanted.Keyword == "include" && pattern.Mark == TokenMark.Context && (pattern.Before.Count > 0 || pattern.After.Count > 0);
        if (onlyOne)
        {
            var inIf = InConditional(tree);
            var candidates = found.FindAll(f => !inIf[f.Index]);
            if (candidates.Count == 0)
            {
                candidates = found;
            }

            var chosen = new List<(int Index, Env Env)>();
            if (pattern.Before.Count > 0)
            {
                chosen.Add(candidates[0]);
            }

            if (pattern.After.Count > 0 && (chosen.Count == 0 || chosen[0].Index != candidates[^1].Index))
            {
                chosen.Add(candidates[^1]);
            }

            found = chosen;
        }

        foreach (var (index, env) in found)
        {
            results.Add(start.With(env).Record(PatternToken, index, index));
        }
    }

    /// <summary>
    /// "#include &lt;...&gt;@p": the directive without the positions written after its file name, and their names.
    /// </summary>
    private static string WithoutPositions(string text, out List<string>? positions)
    {
        positions = null;
        string trimmed = text.TrimEnd();
        if (!trimmed.TrimStart().StartsWith('#') || !DirectiveText.Read(trimmed).Keyword.Equals("include", StringComparison.Ordinal))
        {
            return text;
        }

        int end = trimmed.Length;
        while (true)
        {
            int k = end;
            while (k > 0 && (char.IsAsciiLetterOrDigit(trimmed[k - 1]) || trimmed[k - 1] == '_'))
            {
                k--;
            }

            if (k == end || k == 0 || trimmed[k - 1] != '@' || char.IsAsciiDigit(trimmed[k]))
            {
                break;
            }

            (positions ??= []).Insert(0, trimmed[k..end]);
            end = k - 1;
        }

        return positions is null ? text : trimmed[..end];
    }

    /// <summary>
    /// Binds the positions of an #include to its file name ("&lt;three&gt;" or "\"two\""), where spatch puts
    /// them; null when one is inherited and names another place.
    /// </summary>
    private static Env? WithPositions(List<string>? positions, SyntaxTree tree, Directive directive, Matcher matcher, Env env)
    {
        if (positions is null)
        {
            return env;
        }

        var text = tree.Text;
        string line = text.ToString(Sevenspot.Text.TextSpan.FromBounds(directive.Start, directive.End));
        int open = line.IndexOfAny(['<', '"'], Math.Max(0, line.IndexOf("include", StringComparison.Ordinal)));
        if (open < 0)
        {
            return env;
        }

        int close = line.IndexOf(line[open] == '<' ? '>' : '"', open + 1);
        int first = directive.Start + open, last = directive.Start + (close < 0 ? line.TrimEnd().Length : close + 1);
        var span = Sevenspot.Text.TextSpan.FromBounds(first, last);
        var start = text.GetLinePosition(first);
        var end = text.GetLinePosition(last);
        var value = new PositionValue(text.Path, start, end, "something_else", span) { ElementStart = start, ElementEnd = end };
        foreach (string name in positions)
        {
            var bound = matcher.Context.Meta(name) is { } meta ? matcher.BindChecked(meta, value, env) : env.TryBind(name, value);
            if (bound is null)
            {
                return null;
            }

            env = bound;
        }

        return env;
    }

    private static IEnumerable<Env> Match(DirectiveText pattern, DirectiveText code, Matcher matcher, Env env)
    {
        if (pattern.Keyword == "include")
        {
            if (pattern.Words.Count == 1 && code.Words.Count >= 1 && IncludeMatches(pattern.Words[0], code.Words[0]) && code.Words.Count == 1)
            {
                yield return env;
            }

            yield break;
        }

        if (pattern.MacroName is { } name)
        {
            if (code.MacroName is not { } codeName || pattern.IsFunctionLike != code.IsFunctionLike)
            {
                yield break;
            }

            var named = MatchWord(name, codeName, matcher, env);
            if (named is null)
            {
                yield break;
            }

            int pBody = pattern.BodyStart, cBody = code.BodyStart;
            foreach (var withParameters in MatchParameters(pattern.Words, pBody, code.Words, cBody, matcher, named))
            {
                foreach (var e in MatchBody(pattern, pBody, code, cBody, matcher, withParameters))
                {
                    yield return e;
                }
            }

            yield break;
        }

        foreach (var e in MatchWords(pattern.Words, 0, pattern.Words.Count, code.Words, 0, code.Words.Count, matcher, env))
        {
            yield return e;
        }
    }

    /// <summary>
    /// The header of a #define pattern whose body is code (see <see cref="CodeBody.DefineHeader"/>)
    /// against a #define of the file: the name, and the parameters as a list.
    /// </summary>
    public static IEnumerable<Env> MatchDefineHeader(DirectivePattern header, string directive, Matcher matcher, Env env)
    {
        var pattern = DirectiveText.Read(header.Text);
        var code = DirectiveText.Read(directive);
        if (pattern.MacroName is not { } name || code.MacroName is not { } codeName || pattern.IsFunctionLike != code.IsFunctionLike
            || MatchWord(name, codeName, matcher, env) is not { } named)
        {
            return [];
        }

        return MatchParameters(pattern.Words, pattern.BodyStart, code.Words, code.BodyStart, matcher, named);
    }

    /// <summary>A #define body: one metavariable of a kind that stands for code takes the whole body.</summary>
    private static IEnumerable<Env> MatchBody(DirectiveText pattern, int pFirst, DirectiveText code, int cFirst, Matcher matcher, Env env)
    {
        if (pattern.Words.Count - pFirst == 1 && pattern.Words[pFirst].Kind == DirectiveWordKind.Identifier
            && matcher.Context.Meta(pattern.Words[pFirst].Text) is { } meta && TakesWholeBody(meta.Kind))
        {
            int count = code.Words.Count - cFirst;
            bool fits = meta.Kind switch
            {
                MetavariableKind.Constant => count == 1 && code.Words[cFirst].Kind is DirectiveWordKind.Number or DirectiveWordKind.String or DirectiveWordKind.Character,
                MetavariableKind.IdExpression => count == 1 && code.Words[cFirst].Kind == DirectiveWordKind.Identifier,
                MetavariableKind.Type => count > 0 && LooksLikeType(code.Words, cFirst),
                _ => count > 0,
            };
            if (fits && matcher.BindChecked(meta, new ScriptTextValue(code.TextFrom(cFirst), code.KeyFrom(cFirst)), env) is { } bound)
            {
                yield return bound;
            }

            yield break;
        }

        foreach (var e in MatchWords(pattern.Words, pFirst, pattern.Words.Count, code.Words, cFirst, code.Words.Count, matcher, env))
        {
            yield return e;
        }
    }

    private static bool TakesWholeBody(MetavariableKind kind) => kind is MetavariableKind.Expression or MetavariableKind.IdExpression or MetavariableKind.Constant
        or MetavariableKind.Type or MetavariableKind.Statement or MetavariableKind.Initializer;

    private static bool LooksLikeType(List<DirectiveWord> words, int first)
    {
        for (int i = first; i < words.Count; i++)
        {
            if (words[i].Kind != DirectiveWordKind.Identifier && words[i].Text != "*")
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// The parameters of a function-like macro, words 1 up to the body: a list, where "..." stands
    /// for any run of parameters, none included, with the commas around it ("h(...,a,...)" matches "h(a)").
    /// </summary>
    private static IEnumerable<Env> MatchParameters(List<DirectiveWord> p, int pEnd, List<DirectiveWord> c, int cEnd, Matcher matcher, Env env)
    {
        if (pEnd - 1 < 2 || cEnd - 1 < 2 || p[1].Text != "(" || p[pEnd - 1].Text != ")" || c[1].Text != "(" || c[cEnd - 1].Text != ")")
        {
            return MatchWords(p, 1, pEnd, c, 1, cEnd, matcher, env);
        }

        return MatchParameterList(p, SplitParameters(p, 2, pEnd - 1), 0, c, SplitParameters(c, 2, cEnd - 1), 0, matcher, env);
    }

    /// <summary>The [first, end) word ranges of the comma-separated items between "(" and ")".</summary>
    private static List<(int First, int End)> SplitParameters(List<DirectiveWord> words, int first, int end)
    {
        var items = new List<(int, int)>();
        if (first == end)
        {
            return items;
        }

        int depth = 0, start = first;
        for (int i = first; i < end; i++)
        {
            string t = words[i].Text;
            if (t is "(" or "[" or "{")
            {
                depth++;
            }
            else if (t is ")" or "]" or "}")
            {
                depth--;
            }
            else if (t == "," && depth == 0)
            {
                items.Add((start, i));
                start = i + 1;
            }
        }

        items.Add((start, end));
        return items;
    }

    private static IEnumerable<Env> MatchParameterList(
        List<DirectiveWord> p, List<(int First, int End)> pItems, int pi, List<DirectiveWord> c, List<(int First, int End)> cItems, int ci, Matcher matcher, Env env)
    {
        if (pi == pItems.Count)
        {
            if (ci == cItems.Count)
            {
                yield return env;
            }

            yield break;
        }

        var (pFirst, pEnd) = pItems[pi];
        if (pEnd - pFirst == 1 && p[pFirst].Kind == DirectiveWordKind.Ellipsis)
        {
            for (int skip = ci; skip <= cItems.Count; skip++)
            {
                foreach (var e in MatchParameterList(p, pItems, pi + 1, c, cItems, skip, matcher, env))
                {
                    yield return e;
                }
            }

            yield break;
        }

        if (ci == cItems.Count)
        {
            yield break;
        }

        var (cFirst, cEnd) = cItems[ci];
        foreach (var item in MatchWords(p, pFirst, pEnd, c, cFirst, cEnd, matcher, env))
        {
            foreach (var e in MatchParameterList(p, pItems, pi + 1, c, cItems, ci + 1, matcher, item))
            {
                yield return e;
            }
        }
    }

    /// <summary>Words p[pi..pEnd) against c[ci..cEnd): "..." stands for any run of words.</summary>
    private static IEnumerable<Env> MatchWords(List<DirectiveWord> p, int pi, int pEnd, List<DirectiveWord> c, int ci, int cEnd, Matcher matcher, Env env)
    {
        if (pi == pEnd)
        {
            if (ci == cEnd)
            {
                yield return env;
            }

            yield break;
        }

        if (p[pi].Kind == DirectiveWordKind.Ellipsis)
        {
            for (int skip = ci; skip <= cEnd; skip++)
            {
                foreach (var e in MatchWords(p, pi + 1, pEnd, c, skip, cEnd, matcher, env))
                {
                    yield return e;
                }
            }

            yield break;
        }

        if (ci == cEnd || MatchWord(p[pi], c[ci], matcher, env) is not { } next)
        {
            yield break;
        }

        foreach (var e in MatchWords(p, pi + 1, pEnd, c, ci + 1, cEnd, matcher, next))
        {
            yield return e;
        }
    }

    /// <summary>One word: a metavariable binds the code's word (identifiers to names, expressions to any operand), anything else is compared.</summary>
    private static Env? MatchWord(DirectiveWord p, DirectiveWord c, Matcher matcher, Env env)
    {
        if (p.Kind == DirectiveWordKind.Identifier && matcher.Context.Meta(p.Text) is { } meta && meta.Kind != MetavariableKind.Symbol)
        {
            MetaValue? value = meta.Kind switch
            {
                MetavariableKind.Identifier or MetavariableKind.Metavariable or MetavariableKind.DeclarerName or MetavariableKind.IteratorName
                    or MetavariableKind.AttributeName when c.Kind == DirectiveWordKind.Identifier => new NameValue(c.Text),
                MetavariableKind.Expression or MetavariableKind.IdExpression when c.Kind is DirectiveWordKind.Identifier => new ScriptTextValue(c.Text, c.Text),
                MetavariableKind.Expression or MetavariableKind.Constant when c.Kind is DirectiveWordKind.Number or DirectiveWordKind.String or DirectiveWordKind.Character
                    => new ScriptTextValue(c.Text, c.Text),
                _ => null,
            };
            return value is null ? null : matcher.BindChecked(meta, value, env);
        }

        return p.Text == c.Text ? env : null;
    }

    /// <summary>"&lt;a/b/...&gt;" against the file an #include names: same brackets, same parts, "..." for the remaining ones.</summary>
    private static bool IncludeMatches(DirectiveWord pattern, DirectiveWord code)
    {
        if (pattern.Kind == DirectiveWordKind.Ellipsis)
        {
            return true;
        }

        if (pattern.Kind != DirectiveWordKind.HeaderName || code.Kind != DirectiveWordKind.HeaderName || pattern.Text[0] != code.Text[0] || code.Text.Length < 2)
        {
            return pattern.Text == code.Text;
        }

        string[] want = pattern.Text[1..^1].Trim().Split('/');
        string[] have = code.Text[1..^1].Trim().Split('/');
        for (int i = 0; i < want.Length; i++)
        {
            if (want[i] == "..." && i == want.Length - 1)
            {
                return have.Length > i;
            }

            if (i >= have.Length || want[i] != have[i])
            {
                return false;
            }
        }

        return want.Length == have.Length;
    }

    /// <summary>
    /// Whether each directive of the file sits in an #if group, not counting an include guard
    /// (#ifndef X, #define X first, the group closed by the file's last directive).
    /// </summary>
    private static bool[] InConditional(SyntaxTree tree)
    {
        var directives = tree.Lexed.Directives;
        var result = new bool[directives.Count];
        bool guarded = directives.Count >= 3 && directives[0].Kind == DirectiveKind.Ifndef && directives[1].Kind == DirectiveKind.Define
            && directives[^1].Kind == DirectiveKind.Endif && SameGuardName(tree, directives[0], directives[1]);
        int depth = 0;
        for (int i = 0; i < directives.Count; i++)
        {
            switch (directives[i].Kind)
            {
                case DirectiveKind.If or DirectiveKind.Ifdef or DirectiveKind.Ifndef:
                    result[i] = depth > (guarded ? 1 : 0);
                    depth++;
                    break;
                case DirectiveKind.Endif:
                    depth = Math.Max(0, depth - 1);
                    result[i] = depth > (guarded ? 1 : 0);
                    break;
                default:
                    result[i] = depth > (guarded ? 1 : 0);
                    break;
            }
        }

        return result;
    }

    private static bool SameGuardName(SyntaxTree tree, Directive ifndef, Directive define)
    {
        var test = DirectiveText.Read(tree.Text.ToString(Sevenspot.Text.TextSpan.FromBounds(ifndef.Start, ifndef.End)));
        var defined = DirectiveText.Read(tree.Text.ToString(Sevenspot.Text.TextSpan.FromBounds(define.Start, define.End)));
        return test.Words.Count == 1 && defined.MacroName is { } name && name.Text == test.Words[0].Text;
    }
}
