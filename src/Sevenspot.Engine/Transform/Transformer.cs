using Sevenspot.C;
using Sevenspot.Smpl;

namespace Sevenspot.Engine;

/// <summary>One successful match of a rule, ready to be applied.</summary>
public sealed record RuleMatch(CodeRule Rule, MatchState State);

/// <summary>Raised for edits that cannot both be made (spatch's "already tagged token").</summary>
public sealed class TransformConflict
{
    public TransformConflict(SyntaxTree tree, int token, string detail)
    {
        Tree = tree;
        Token = token;
        Detail = detail;
    }

    public SyntaxTree Tree { get; }

    public int Token { get; }

    public string Detail { get; }
}

/// <summary>
/// Turns the matches of one rule into the new text of the file. Tokens matched by removed pattern
/// tokens are marked removed; added code is printed (see <see cref="PlusFormatter"/>) and hung on
/// the tokens it goes before, after or in place of; a statement of the rule that is changed and
/// matched a lone branch of an if or a loop gets braces (or "{}" when it goes). Then each top-level
/// item that changed is laid out again by <see cref="Unparser"/>; the others keep their bytes.
/// </summary>
public sealed partial class Transformer
{
    private readonly SyntaxTree _code;
    private readonly FreshNames _fresh;
    private readonly bool[] _deleted;
    private readonly int[] _deletedBy;
    private readonly int[] _deletedAdjacency;

    // The code range of the pattern element whose match removed each token, to tell a token removed
    // again as part of a different element (a nested match) from the same removal seen twice.
    private readonly (int First, int Last)[] _deletedExtent;

    // Added code by code token: before it, after it, in place of it (it is removed), and at an
    // empty place just before it (a pattern token that matched no token).
    private readonly Dictionary<int, List<Addition>> _before = [];
    private readonly Dictionary<int, List<Addition>> _after = [];
    private readonly Dictionary<int, List<Addition>> _inPlace = [];
    private readonly Dictionary<int, List<Addition>> _atPlace = [];
    private readonly HashSet<int> _removedPlaces = [];

    /// <summary>Added code that goes before a whole top-level item, its leading comments included.</summary>
    private readonly Dictionary<int, List<Addition>> _beforeItem = [];

    private readonly Dictionary<CodeRule, RuleLayout> _layouts = [];
    private readonly HashSet<int> _bracedBranches = [];
    private readonly Dictionary<int, (int Id, HashSet<int> Tokens)> _applications = [];

    // Code a match hung on a token for a pattern token an isomorphism left out, and, by match, the
    // bindings and the code range it removed: see DropLeftOutRepeats.
    private readonly List<(int Token, Addition Addition)> _leftOut = [];
    private readonly Dictionary<int, (Env Env, int First, int Last)> _removedByMatch = [];
    private int _matchCount;

    /// <summary>
    /// The nesting of the code wrapped around the tree's own text (a #define body parsed inside a
    /// function): lines added in the text are indented by their depth within it, as spatch lays out
    /// a body it reads at the top level of the file.
    /// </summary>
    public int OuterDepth { get; init; }

    public Transformer(SyntaxTree code, FreshNames fresh)
    {
        _code = code;
        _fresh = fresh;
        _deleted = new bool[code.TokenCount];
        _deletedBy = new int[code.TokenCount];
        _deletedAdjacency = new int[code.TokenCount];
        _deletedExtent = new (int, int)[code.TokenCount];
    }

    public TransformConflict? Conflict { get; private set; }

    public bool HasEdits { get; private set; }

    /// <summary>Added code, printed, with what is needed to tell two additions apart.</summary>
    private sealed record Addition(string Key, List<Piece> Pieces, bool PlusPlus, int Order, int Match);

    /// <summary>Adds the edits of one match.</summary>
    public void Add(RuleMatch match)
    {
        var rule = match.Rule;
        var body = rule.Body;
        if (body.Directive is { } directive)
        {
            AddDirective(match, directive);
            return;
        }

        var layout = LayoutOf(rule);
        int matchId = _matchCount++;

        // Removed tokens of one application of the rule (one witness tree) go together, as do the
        // blanks between them, even when its rule elements were matched one node at a time. The
        // same pattern tokens matched again in the tree (under <... ...>) start another application.
        int application = matchId;
        if (match.State.Witness >= 0)
        {
            var patternTokens = new HashSet<int>();
            foreach (var e in match.State.Trace?.Entries ?? [])
            {
                patternTokens.Add(e.PatternToken);
            }

            if (_applications.TryGetValue(match.State.Witness, out var known) && !known.Tokens.Overlaps(patternTokens))
            {
                application = known.Id;
                known.Tokens.UnionWith(patternTokens);
            }
            else
            {
                _applications[match.State.Witness] = (matchId, patternTokens);
            }
        }

        var printer = new PlusFormatter(rule, _fresh) { Application = (this, application), Match = FreshNames.KeyOf(match.State) };
        var entries = new List<TraceEntry>(match.State.Trace?.Entries ?? []);
        var codeOf = new Dictionary<int, (int First, int Last)>();
        foreach (var e in entries)
        {
            codeOf.TryAdd(e.PatternToken, (e.CodeFirst, e.CodeLast));
        }

        var braces = BracesFor(layout, body, codeOf);
        var plusPlaced = new HashSet<(int, int)>();
        List<TraceEntry>? plusRanges = null;
        bool adds = body.HasPlus;
        int removedFirst = int.MaxValue, removedLast = int.MinValue;
        var withOrphans = WithOrphanChunks(layout, body, entries, codeOf, out int leftOutFrom);
        for (int index = 0; index < withOrphans.Count; index++)
        {
            var entry = withOrphans[index];
            bool leftOut = index >= leftOutFrom;
            var env = entry.LocalEnv is { } local ? match.State.Env.Merge(local) ?? local : match.State.Env;
            int p = entry.PatternToken;
            bool minus = p >= 0 && p < body.MinusMarks.Length && body.MinusMarks[p] == TokenMark.Minus;
            bool place = entry.CodeLast < entry.CodeFirst;
            if (minus)
            {
                if (place)
                {
                    _removedPlaces.Add(entry.CodeFirst);
                }

                if (entry.CodeFirst <= entry.CodeLast)
                {
                    removedFirst = Math.Min(removedFirst, entry.CodeFirst);
                    removedLast = Math.Max(removedLast, entry.CodeLast);
                }

                for (int t = entry.CodeFirst; t <= entry.CodeLast; t++)
                {
                    if (!_deleted[t])
                    {
                        _deleted[t] = true;
                        _deletedBy[t] = application;
                        _deletedAdjacency[t] = layout.Adjacency[p];
                        _deletedExtent[t] = (entry.CodeFirst, entry.CodeLast);
                    }
                    else if (adds && _deletedBy[t] != application && _deletedExtent[t] != (entry.CodeFirst, entry.CodeLast) && Conflict is null)
                    {
                        // Removed again inside another match's removed code: the two matches tag the
                        // token differently, and the code each adds cannot both go in.
                        Conflict = new TransformConflict(_code, t, "removed by two matches that add different code");
                    }

                    HasEdits = true;
                }
            }

            // A pattern token matched both by a whole node and by its part inside (an isomorphism's
            // variant) carries its added code once, where the outer match puts it.
            if ((p >= 0 && !plusPlaced.Add((p, entry.CodeFirst))) || OverlapsPlaced(plusRanges, p, entry))
            {
                continue;
            }

            (plusRanges ??= []).Add(entry);
            braces.TryGetValue(p, out var brace);
            // A removed token's added code replaces it where it starts; kept, code goes around both runs.
            var beforeChunks = p >= 0 && entry.Part is not (TracePart.Tail or TracePart.Middle) ? body.GetPlus(p, PlusSide.Before) : [];
            var afterChunks = p >= 0 && entry.Part != TracePart.Middle && (minus ? entry.Part != TracePart.Tail : entry.Part != TracePart.Head) ? body.GetPlus(p, PlusSide.After) : [];
            for (int c = 0; c < beforeChunks.Count; c++)
            {
                var chunk = beforeChunks[c];
                bool open = brace.Open && c == 0;
                bool close = brace.Close && c == beforeChunks.Count - 1 && afterChunks.Count == 0;
                if (minus)
                {
                    var placement = place ? PlusPlacement.Before : PlusPlacement.InPlace;
                    var added = AddTo(place ? _atPlace : _inPlace, entry.CodeFirst, printer.Format(chunk, env, placement, open, close), chunk);
                    if (leftOut && !place && added is not null)
                    {
                        _leftOut.Add((entry.CodeFirst, added));
                    }
                }
                else if (place && IsStatementList(rule, body, p))
                {
                    // An empty statement list ("{ SL }" on "{ }") is the place before the closing brace.
                    AddTo(_before, entry.CodeFirst, printer.Format(chunk, env, PlusPlacement.Before, false, false), chunk);
                }
                else if (place)
                {
                    // Code hung on a pattern element that matched nothing (an empty list) is dropped.
                }
                else if (layout.ItemStarts.Contains(p) && ItemOf(entry.CodeFirst) is { } item)
                {
                    AddTo(_beforeItem, item.FirstTokenIndex, printer.Format(chunk, env, PlusPlacement.Before, false, false), chunk);
                }
                else
                {
                    AddTo(_before, entry.CodeFirst, printer.Format(chunk, env, PlusPlacement.Before, false, false), chunk);
                }
            }

            for (int c = 0; c < afterChunks.Count; c++)
            {
                var chunk = entry.Part == TracePart.HeaderOnly ? body.HeaderOf(afterChunks[c]) ?? afterChunks[c] : afterChunks[c];
                bool open = brace.Open && c == 0 && beforeChunks.Count == 0;
                bool close = brace.Close && c == afterChunks.Count - 1;
                if (minus)
                {
                    var placement = place ? PlusPlacement.Before : PlusPlacement.InPlace;
                    int at = place ? entry.CodeFirst : entry.CodeLast;
                    var added = AddTo(place ? _atPlace : _inPlace, at, printer.Format(chunk, env, placement, open, close), chunk);
                    if (leftOut && !place && added is not null)
                    {
                        _leftOut.Add((at, added));
                    }
                }
                else if (place && IsSeparatorAfterLast(body, p, entry.CodeFirst))
                {
                    // A pattern comma matched the place after a list's last element, which has none:
                    // the code goes after that element, behind a comma of its own.
                    var pieces = printer.Format(chunk, env, PlusPlacement.After, false, false);
                    pieces.Insert(0, new Piece(PieceKind.Comma, ","));
                    AddTo(_after, entry.CodeFirst - 1, pieces, chunk.PlusPlus, AfterOrder(entry.CodeFirst - 1, entry.CodeFirst - 1));
                }
                else if (place && IsStatementList(rule, body, p))
                {
                    AddTo(_before, entry.CodeFirst, printer.Format(chunk, env, PlusPlacement.Before, false, false), chunk);
                }
                else if (place)
                {
                    // As above: nothing to hang the code on.
                }
                else
                {
                    // An added "else" stays on the line of the written token it follows ("foo(x);else bar(x);",
                    // "}else"); after a statement metavariable it starts a line of its own, as in spatch.
                    bool elseOnLine = p >= 0 && p < body.Minus.TokenCount && body.Minus.GetToken(p).Parent?.Kind != SyntaxKind.MetavariableStatement;
                    AddTo(_after, entry.CodeLast, printer.Format(chunk, env, PlusPlacement.After, false, false, elseOnLine), chunk.PlusPlus, AfterOrder(StartOf(body, p, entry, codeOf), entry.CodeLast));
                }
            }
        }

        if (removedFirst <= removedLast)
        {
            _removedByMatch[matchId] = (match.State.Env, removedFirst, removedLast);
        }

        AddBranchBraces(layout, codeOf, printer);
    }

    /// <summary>
    /// An isomorphism's variant of a pattern matches again inside a match of the whole pattern
    /// ("a + E" inside "(a + 3)" for "- (a + E) + h(E)"): spatch transforms that place once. The code
    /// the inner match hung on a token for a left-out pattern token is dropped when a match with the
    /// same bindings removed the code around that token and added the same code.
    /// </summary>
    private void DropLeftOutRepeats()
    {
        foreach (var (token, addition) in _leftOut)
        {
            if (!_removedByMatch.TryGetValue(addition.Match, out var own) || !_inPlace.TryGetValue(token, out var list))
            {
                continue;
            }

            foreach (var (other, removed) in _removedByMatch)
            {
                if (other != addition.Match && removed.First <= own.First && own.Last <= removed.Last
                    && (removed.First, removed.Last) != (own.First, own.Last) && removed.Env.Equals(own.Env) && AddsInPlace(other, addition.Key, removed.First, removed.Last))
                {
                    list.Remove(addition);
                    if (list.Count == 0)
                    {
                        _inPlace.Remove(token);
                    }

                    break;
                }
            }
        }
    }

    private bool AddsInPlace(int match, string key, int first, int last)
    {
        for (int t = first; t <= last; t++)
        {
            if (_inPlace.TryGetValue(t, out var list))
            {
                foreach (var a in list)
                {
                    if (a.Match == match && a.Key == key)
                    {
                        return true;
                    }
                }
            }
        }

        return false;
    }

    /// <summary>Whether the pattern token names a statement list metavariable.</summary>
    private static bool IsStatementList(CodeRule rule, CodeBody body, int patternToken) =>
        patternToken >= 0 && patternToken < body.Minus.TokenCount && body.Minus.GetToken(patternToken) is { Kind: SyntaxKind.IdentifierToken } token
        && rule.Find(token.Text) is { Kind: MetavariableKind.StatementList };

    /// <summary>A pattern comma recorded at the empty place just after the last element of a code list.</summary>
    private bool IsSeparatorAfterLast(CodeBody body, int patternToken, int place) =>
        patternToken >= 0 && patternToken < body.Minus.TokenCount && body.Minus.GetToken(patternToken).Kind == SyntaxKind.CommaToken
        && place > 0 && place < _code.TokenCount && _code.GetToken(place).Kind is SyntaxKind.CloseBraceToken or SyntaxKind.CloseParenToken;

    private static bool OverlapsPlaced(List<TraceEntry>? placed, int patternToken, TraceEntry entry)
    {
        if (placed is null || patternToken < 0 || entry.CodeLast < entry.CodeFirst)
        {
            return false;
        }

        foreach (var e in placed)
        {
            if (e.PatternToken == patternToken && e.CodeLast >= e.CodeFirst && e.CodeFirst <= entry.CodeLast && entry.CodeFirst <= e.CodeLast)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Where code added after matched code goes among the additions on its last token. As in spatch,
    /// an if statement ends with an end marker of its own, after its last token: code added after a
    /// whole if goes after code (and braces) added after its last branch, and after the code added
    /// after an if nested in it.
    /// </summary>
    /// <summary>
    /// Where the code a pattern token matched starts, for the order of code added after it: a closing
    /// brace stands for its whole block, which is the whole statement when an isomorphism dropped the
    /// braces ("{ S } + foo();" on an if: the code goes after the if, outside what its branch gets).
    /// </summary>
    private static int StartOf(CodeBody body, int p, TraceEntry entry, Dictionary<int, (int First, int Last)> codeOf)
    {
        if (p >= 0 && body.Minus.GetToken(p) is { Kind: SyntaxKind.CloseBraceToken, Parent: { Kind: SyntaxKind.CompoundStatement } block }
            && block.LastTokenIndex == p && codeOf.TryGetValue(block.FirstTokenIndex, out var open) && open.First <= entry.CodeFirst)
        {
            return open.First;
        }

        return entry.CodeFirst;
    }

    private int AfterOrder(int first, int last)
    {
        int ifs = 0;
        for (var n = _code.GetToken(last).Parent; n is { } node && node.LastTokenIndex == last && node.FirstTokenIndex >= first; n = node.Parent)
        {
            // A loop ends with its body as an if ends with its branch: code after the loop goes after
            // the code its body gets ("S + foo();" on "while (x) a();": foo() once in the loop, once after).
            if (node.Kind is SyntaxKind.IfStatement or SyntaxKind.WhileStatement or SyntaxKind.ForStatement or SyntaxKind.IteratorStatement)
            {
                ifs++;
            }
        }

        return ifs * (_code.TokenCount + 2);
    }

    /// <summary>
    /// The trace entries, plus one for each removed pattern token that carries added code but matched
    /// nothing recorded: it stands where the nearest recorded token of the same removed run is. Inside
    /// the matched pattern tokens that is a separator with no counterpart in the code (an empty place
    /// there). Before the first or after the last, it is a token an isomorphism left out (the
    /// parentheses of "sizeof(X)" against "sizeof 3"): as in spatch, its code goes with the nearest
    /// code token of the same removed run, in place of it, as long as the two tokens belong to one
    /// expression of the pattern (a token of the next rule element is matched by another match).
    /// </summary>
    private static List<TraceEntry> WithOrphanChunks(RuleLayout layout, CodeBody body, List<TraceEntry> entries, Dictionary<int, (int First, int Last)> codeOf, out int leftOutFrom)
    {
        leftOutFrom = int.MaxValue;
        // A match found through the control-flow graph covers one rule element: the pattern tokens
        // of the other elements are matched (or not) by other matches.
        int low = int.MaxValue, high = int.MinValue;
        foreach (var e in entries)
        {
            if (e.PatternToken >= 0)
            {
                low = Math.Min(low, e.PatternToken);
                high = Math.Max(high, e.PatternToken);
            }
        }

        List<TraceEntry>? extra = null;
        List<TraceEntry>? leftOut = null;

        foreach (var ((token, _), _) in body.PlusCode)
        {
            if (low > high || codeOf.ContainsKey(token) || layout.Adjacency[token] < 0)
            {
                continue;
            }

            bool outside = token < low || token > high;
            if (outside && !SharesExpression(body.Minus, token, codeOf))
            {
                continue;
            }

            int run = layout.Adjacency[token];
            int best = -1;
            for (int d = 1; d < layout.Adjacency.Length && best < 0; d++)
            {
                foreach (int q in (ReadOnlySpan<int>)[token - d, token + d])
                {
                    if (best < 0 && q >= 0 && q < layout.Adjacency.Length && layout.Adjacency[q] == run && codeOf.ContainsKey(q))
                    {
                        best = q;
                    }
                }

                if (token - d < 0 && token + d >= layout.Adjacency.Length)
                {
                    break;
                }
            }

            if (best < 0)
            {
                continue;
            }

            var (first, last) = codeOf[best];
            var source = entries.Find(e => e.PatternToken == best);
            if (outside)
            {
                int on = best < token ? last : first;
                (leftOut ??= []).Add(new TraceEntry(token, on, on, source.LocalEnv));
                continue;
            }

            int at = best < token ? Math.Max(first, last + 1) : first;
            (extra ??= []).Add(new TraceEntry(token, at, at - 1, source.LocalEnv));
        }

        if (extra is null && leftOut is null)
        {
            return entries;
        }

        var all = new List<TraceEntry>(entries);
        all.AddRange(extra ?? []);
        if (leftOut is not null)
        {
            leftOutFrom = all.Count;
            all.AddRange(leftOut);
        }

        return all;
    }

    /// <summary>Whether the smallest expression of the pattern holding a token also holds a matched token.</summary>
    private static bool SharesExpression(SyntaxTree pattern, int token, Dictionary<int, (int First, int Last)> codeOf)
    {
        for (var n = pattern.GetToken(token).Parent; n is { } node; n = node.Parent)
        {
            if (!SyntaxFacts.IsExpressionKind(node.Kind))
            {
                continue;
            }

            for (int t = node.FirstTokenIndex; t <= node.LastTokenIndex; t++)
            {
                if (t != token && codeOf.ContainsKey(t))
                {
                    return true;
                }
            }

            return false;
        }

        return false;
    }

    private Addition? AddTo(Dictionary<int, List<Addition>> table, int token, List<Piece> pieces, PlusChunk chunk) =>
        AddTo(table, token, pieces, chunk.PlusPlus, 0);

    /// <summary>
    /// Hangs added code on a token. The same code from another match is added once; different code
    /// from another match at the same place is a conflict, unless both are ++ code.
    /// </summary>
    private Addition? AddTo(Dictionary<int, List<Addition>> table, int token, List<Piece> pieces, bool plusPlus, int order)
    {
        var key = string.Concat(pieces.Select(p => p.Kind + ":" + p.Text + "|"));
        if (!table.TryGetValue(token, out var list))
        {
            table[token] = list = [];
        }

        int match = _matchCount - 1;
        foreach (var existing in list)
        {
            if (existing.Match == match || existing.Order != order || (plusPlus && existing.PlusPlus))
            {
                continue;
            }

            if (existing.Key == key)
            {
                return null; // the same code from another environment: once is enough
            }

            if (order == 0 && Conflict is null)
            {
                int named = Math.Clamp(token, 0, _code.TokenCount - 1);
                Conflict = new TransformConflict(_code, table == _inPlace ? ReplacedTermStart(named) : named, "different code added at the same place");
            }
        }

        var addition = new Addition(key, pieces, plusPlus, order, match);
        // Code added with ++ comes out in the order of the matches (the runner orders them as spatch does).
        int at = list.FindIndex(a => a.Order > order);
        list.Insert(at < 0 ? list.Count : at, addition);
        HasEdits = true;
        return addition;
    }

    /// <summary>
    /// Where spatch names a conflict between two replacements: code that replaces a whole removed
    /// expression or statement is tagged on its first token ("- a(x); + b(x);" names a, "- z = a(x); ..."
    /// names z), other replaced code on the token the code hangs on ("- if (E) + if (f(E)) S" names ")").
    /// </summary>
    private int ReplacedTermStart(int token)
    {
        int first = token;
        for (var n = _code.GetToken(token).Parent; n is { } node && node.LastTokenIndex == token; n = node.Parent)
        {
            if (!SyntaxFacts.IsStatementKind(node.Kind) && !SyntaxFacts.IsExpressionKind(node.Kind))
            {
                continue;
            }

            for (int t = node.FirstTokenIndex; t <= token; t++)
            {
                if (!_deleted[t])
                {
                    return first;
                }
            }

            first = node.FirstTokenIndex;
        }

        return first;
    }

    /// <summary>The top-level item (function, declaration ...) that holds a token.</summary>
    private SyntaxNode? ItemOf(int token)
    {
        if (token < 0 || token >= _code.TokenCount)
        {
            return null;
        }

        for (var n = _code.GetToken(token).Parent; n is { } node; n = node.Parent)
        {
            if (node.Parent is { Kind: SyntaxKind.List } list && list.Parent?.Kind == SyntaxKind.CompilationUnit)
            {
                return node;
            }
        }

        return null;
    }
}
