using Sevenspot.C;
using Sevenspot.Smpl;

namespace Sevenspot.Engine;

/// <summary>
/// What the transformer needs to know of a rule's pattern: which removed tokens are adjacent, which
/// tokens start a function, and which statements get braces when they match a lone branch.
/// A statement of the rule that stands between "..." (or at either end of the rule) and is changed
/// gets braces when it matched the single-statement branch of an if or a loop: "{}" when it is
/// removed with nothing in its place, "{ ... }" around it when code is added to it or it is partly
/// removed, as spatch's single_statement step decides. Replacing a statement by one statement
/// (other than an if) needs no braces.
/// </summary>
public sealed partial class Transformer
{
    private enum BraceKind : byte
    {
        /// <summary>Removed with nothing added: the branch becomes "{}".</summary>
        Dropping,

        /// <summary>Removed and replaced by code that needs braces: they go around the replacement.</summary>
        AroundReplacement,

        /// <summary>Changed in part, or with code added before or after it: braces go around the statement.</summary>
        AroundStatement,
    }

    /// <param name="AddedOutside">Whether code is added before the statement's first token or after its last one.</param>
    private sealed record BracedStatement(int First, int Last, BraceKind Kind, bool AddedOutside);

    private sealed class RuleLayout
    {
        /// <summary>For each token of the minus tree, the run of adjacent removed tokens it belongs to.</summary>
        public required int[] Adjacency { get; init; }

        /// <summary>Pattern tokens that start a function definition: code added before them goes before the function.</summary>
        public HashSet<int> ItemStarts { get; } = [];

        public List<BracedStatement> Statements { get; } = [];
    }

    private RuleLayout LayoutOf(CodeRule rule)
    {
        if (_layouts.TryGetValue(rule, out var layout))
        {
            return layout;
        }

        var body = rule.Body;
        var adjacency = new int[body.MinusMarks.Length];
        int run = 0;
        bool inRun = false;
        for (int i = 0; i < adjacency.Length; i++)
        {
            if (body.MinusMarks[i] == TokenMark.Minus)
            {
                if (!inRun)
                {
                    run++;
                    inRun = true;
                }

                adjacency[i] = run;
            }
            else
            {
                inRun = false;
                adjacency[i] = -1;
            }
        }

        layout = new RuleLayout { Adjacency = adjacency };
        var items = body.Minus.Root.AsPatternBody().ItemList.ChildNodes().ToList();
        foreach (var item in items)
        {
            if (item.Kind == SyntaxKind.FunctionDefinition)
            {
                layout.ItemStarts.Add(item.FirstTokenIndex);
            }
        }

        StatementDots(rule, layout, items, true, true);
        _layouts[rule] = layout;
        return layout;
    }

    private static bool IsDots(SyntaxNode n) => n.Kind is SyntaxKind.Dots or SyntaxKind.Nest;

    private static void StatementDots(CodeRule rule, RuleLayout layout, List<SyntaxNode> items, bool dotsBefore, bool dotsAfter)
    {
        for (int i = 0; i < items.Count; i++)
        {
            var x = items[i];
            if (IsDots(x))
            {
                if (x.Kind == SyntaxKind.Nest)
                {
                    Statement(rule, layout, x, true, true); // the statements in a nest stand between dots
                }

                dotsBefore = true;
                continue;
            }

            bool last = i == items.Count - 1;
            bool dotsNext = !last && IsDots(items[i + 1]);
            Statement(rule, layout, x, dotsBefore, last ? dotsAfter : dotsNext);
            dotsBefore = false;
        }
    }

    private static void Statement(CodeRule rule, RuleLayout layout, SyntaxNode s, bool dotsBefore, bool dotsAfter)
    {
        switch (s.Kind)
        {
            case SyntaxKind.FunctionDefinition:
                if (s.AsFunctionDefinition().Body is { Kind: SyntaxKind.CompoundStatement } fbody)
                {
                    StatementDots(rule, layout, fbody.AsCompoundStatement().StatementList.ChildNodes().ToList(), false, true);
                }

                break;
            case SyntaxKind.CompoundStatement:
                StatementDots(rule, layout, s.AsCompoundStatement().StatementList.ChildNodes().ToList(), false, false);

                // A block with code added around it, matched as a lone branch (itself, or the statement
                // an isomorphism left without its braces), gets braces around it as any statement does.
                if (rule.Body.GetPlus(s.FirstTokenIndex, PlusSide.Before).Count > 0 || rule.Body.GetPlus(s.LastTokenIndex, PlusSide.After).Count > 0)
                {
                    DoOne(rule, layout, s, dotsBefore, dotsAfter);
                }

                break;
            case SyntaxKind.IfStatement:
                Statement(rule, layout, s.AsIfStatement().Statement, false, false);
                if (s.AsIfStatement().Else is { } e)
                {
                    Statement(rule, layout, e, false, false);
                }

                DoOne(rule, layout, s, dotsBefore, dotsAfter);
                break;
            case SyntaxKind.WhileStatement:
                Statement(rule, layout, s.AsWhileStatement().Statement, false, false);
                DoOne(rule, layout, s, dotsBefore, dotsAfter);
                break;
            case SyntaxKind.ForStatement:
                Statement(rule, layout, s.AsForStatement().Statement, false, false);
                DoOne(rule, layout, s, dotsBefore, dotsAfter);
                break;
            case SyntaxKind.DoStatement:
                Statement(rule, layout, s.AsDoStatement().Statement, false, false);
                DoOne(rule, layout, s, dotsBefore, dotsAfter);
                break;
            case SyntaxKind.IteratorStatement:
                Statement(rule, layout, s.AsIteratorStatement().Statement, false, false);
                DoOne(rule, layout, s, dotsBefore, dotsAfter);
                break;
            case SyntaxKind.SwitchStatement or SyntaxKind.ExpressionStatement or SyntaxKind.BreakStatement or SyntaxKind.ContinueStatement
                or SyntaxKind.LabeledStatement or SyntaxKind.GotoStatement or SyntaxKind.ReturnStatement or SyntaxKind.MetavariableStatement:
                DoOne(rule, layout, s, dotsBefore, dotsAfter);
                break;
            case SyntaxKind.Disjunction:
                foreach (var branch in s.AsDisjunction().BranchList.ChildNodes())
                {
                    StatementDots(rule, layout, branch.Kind == SyntaxKind.List ? branch.ChildNodes().ToList() : [branch], dotsBefore, dotsAfter);
                }

                break;
            case SyntaxKind.Conjunction:
                {
                    bool first = true;
                    foreach (var branch in s.AsConjunction().BranchList.ChildNodes())
                    {
                        StatementDots(rule, layout, branch.Kind == SyntaxKind.List ? branch.ChildNodes().ToList() : [branch], first && dotsBefore, first && dotsAfter);
                        first = false;
                    }

                    break;
                }

            case SyntaxKind.Nest:
                {
                    var n = s.AsNest();
                    if (rule.Body.MinusMarks[n.Open.Index] != TokenMark.Minus)
                    {
                        StatementDots(rule, layout, n.Body.Kind == SyntaxKind.List ? n.Body.ChildNodes().ToList() : [n.Body], true, true);
                    }

                    break;
                }

            case SyntaxKind.OptionalStatement:
                Statement(rule, layout, s.AsOptionalStatement().Statement, dotsBefore, dotsAfter);
                break;
        }
    }

    /// <summary>A statement between dots: whether it gets braces when it matches a lone branch, and which.</summary>
    private static void DoOne(CodeRule rule, RuleLayout layout, SyntaxNode s, bool dotsBefore, bool dotsAfter)
    {
        if (!(dotsBefore && dotsAfter))
        {
            return;
        }

        var body = rule.Body;
        bool anyMinus = false, anyContext = false;
        var chunks = new List<PlusChunk>();
        bool kept = IsKept(body, s);
        for (int t = s.FirstTokenIndex; t <= s.LastTokenIndex; t++)
        {
            var kind = body.Minus.GetToken(t).Kind;
            if (kind is SyntaxKind.OptionalToken or SyntaxKind.EndOfFileToken)
            {
                continue;
            }

            if (body.MinusMarks[t] == TokenMark.Minus)
            {
                anyMinus = true;
            }
            else
            {
                anyContext = true;
            }

            foreach (var chunk in body.GetPlus(t, PlusSide.Before))
            {
                if (t != s.FirstTokenIndex || !kept || !IsCommentsOnly(chunk))
                {
                    chunks.Add(chunk);
                }
            }

            chunks.AddRange(body.GetPlus(t, PlusSide.After));
        }

        var before = body.GetPlus(s.FirstTokenIndex, PlusSide.Before);
        bool outside = (kept ? HasCode(before) : before.Count > 0) || body.GetPlus(s.LastTokenIndex, PlusSide.After).Count > 0;
        BraceKind? kindOf = (anyMinus, anyContext, chunks.Count) switch
        {
            (true, false, 0) => BraceKind.Dropping,
            (true, false, _) => IsOneStatement(body.Plus, chunks) ? null : BraceKind.AroundReplacement,
            (false, true, 0) => null,
            _ => ChangedAtItsEnds(body, s, outside, chunks.Count) ? BraceKind.AroundStatement : null,
        };
        if (kindOf is { } k)
        {
            layout.Statements.Add(new BracedStatement(s.FirstTokenIndex, s.LastTokenIndex, k, outside));
        }
    }

    /// <summary>
    /// Comment lines added before a kept statement are no code for its branch: spatch prints them above
    /// the statement, indented as it, and adds no braces for them (a comment after it does get braces).
    /// </summary>
    private static bool IsCommentsOnly(PlusChunk chunk)
    {
        if (chunk.HasTokens || chunk.RawLines.Count == 0)
        {
            return false;
        }

        foreach (var line in chunk.RawLines)
        {
            if (!line.IsComment)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether no token of the statement is removed.</summary>
    private static bool IsKept(CodeBody body, SyntaxNode s)
    {
        for (int t = s.FirstTokenIndex; t <= s.LastTokenIndex; t++)
        {
            if (body.MinusMarks[t] == TokenMark.Minus)
            {
                return false;
            }
        }

        return true;
    }

    private static bool HasCode(IReadOnlyList<PlusChunk> chunks)
    {
        foreach (var chunk in chunks)
        {
            if (!IsCommentsOnly(chunk))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether a simple statement (an expression statement, return, break, continue or goto) that is
    /// changed only in part gets braces as a lone branch. As spatch decides: when code is added before
    /// or after it, when its last token is removed, or when a return loses its whole value with nothing
    /// in its place. A change inside it, even of its first token ("- foo + bar (E);"), leaves the
    /// branch as it is. Other statements get braces for any change.
    /// </summary>
    private static bool ChangedAtItsEnds(CodeBody body, SyntaxNode s, bool outside, int chunks)
    {
        if (s.Kind is not (SyntaxKind.ExpressionStatement or SyntaxKind.ReturnStatement or SyntaxKind.BreakStatement
            or SyntaxKind.ContinueStatement or SyntaxKind.GotoStatement))
        {
            return true;
        }

        if (outside || body.MinusMarks[s.LastTokenIndex] == TokenMark.Minus)
        {
            return true;
        }

        if (s.Kind == SyntaxKind.ReturnStatement && chunks == 0 && s.AsReturnStatement().Expression is { } value)
        {
            for (int t = value.FirstTokenIndex; t <= value.LastTokenIndex; t++)
            {
                if (body.MinusMarks[t] != TokenMark.Minus)
                {
                    return false;
                }
            }

            return true;
        }

        return false;
    }

    /// <summary>
    /// Whether added code is one statement other than an if: replacing a statement by it needs no
    /// braces. Comment lines around it do not count, as in spatch.
    /// </summary>
    private static bool IsOneStatement(SyntaxTree plus, List<PlusChunk> chunks)
    {
        if (chunks.Count != 1 || !chunks[0].HasTokens)
        {
            return false;
        }

        foreach (var raw in chunks[0].RawLines)
        {
            if (!raw.IsComment)
            {
                return false;
            }
        }

        var chunk = chunks[0];
        SyntaxNode? statement = null;
        for (var n = plus.GetToken(chunk.First).Parent; n is { } node && node.FirstTokenIndex == chunk.First; n = node.Parent)
        {
            if (node.LastTokenIndex == chunk.Last && (SyntaxFacts.IsStatementKind(node.Kind) || node.Kind == SyntaxKind.MetavariableStatement))
            {
                statement = node;
            }
        }

        return statement is { } s && !(s.Kind == SyntaxKind.IfStatement && s.AsIfStatement().Else is null);
    }

    /// <summary>For statements replaced by code that needs braces: which pattern tokens' chunks open and close them.</summary>
    private Dictionary<int, (bool Open, bool Close)> BracesFor(RuleLayout layout, CodeBody body, Dictionary<int, (int First, int Last)> codeOf)
    {
        var result = new Dictionary<int, (bool Open, bool Close)>();
        foreach (var s in layout.Statements)
        {
            if (s.Kind != BraceKind.AroundReplacement || !codeOf.TryGetValue(s.First, out var code) || BranchAt(code.First) is null)
            {
                continue;
            }

            // The rule's tokens of the statement that carry the added code, in order.
            var holders = new List<int>();
            foreach (var (token, _) in codeOf)
            {
                if (token >= s.First && token <= s.Last)
                {
                    holders.Add(token);
                }
            }

            holders.Sort();
            int open = -1, close = -1;
            foreach (int t in holders)
            {
                if (body.GetPlus(t, PlusSide.Before).Count > 0 || body.GetPlus(t, PlusSide.After).Count > 0)
                {
                    if (open < 0)
                    {
                        open = t;
                    }

                    close = t;
                }
            }

            if (open < 0)
            {
                continue;
            }

            result[open] = (true, result.TryGetValue(open, out var o) && o.Close);
            result[close] = (result.TryGetValue(close, out var c) && c.Open, true);
        }

        return result;
    }

    /// <summary>Braces around branches for statements that are removed or changed around.</summary>
    private void AddBranchBraces(RuleLayout layout, Dictionary<int, (int First, int Last)> codeOf, PlusFormatter printer)
    {
        foreach (var s in layout.Statements)
        {
            // A compound branch gets braces only for code added next to it, not inside it.
            bool compound = s.Kind == BraceKind.AroundStatement && s.AddedOutside;
            if (s.Kind == BraceKind.AroundReplacement || !codeOf.TryGetValue(s.First, out var code) || BranchAt(code.First, compound) is not { } branch)
            {
                continue;
            }

            // spatch puts the braces for code around a do's body around the whole do ... while, and the
            // code added after the body stays between the body and "while" ("{ do { a(); } foo(); while (x); }").
            if (s.Kind == BraceKind.AroundStatement && branch.Parent is { Kind: SyntaxKind.DoStatement } loop)
            {
                branch = loop;
            }

            if (!_bracedBranches.Add(branch.FirstTokenIndex))
            {
                continue;
            }

            if (s.Kind == BraceKind.Dropping)
            {
                if (branch.Parent is { } owner && _deleted[owner.FirstTokenIndex])
                {
                    continue; // the statement that owns the branch goes too
                }

                AddTo(_inPlace, branch.FirstTokenIndex, [new Piece(PieceKind.Added, "{}")], false, 0);
            }
            else
            {
                // On a removed token the brace takes its place; on a kept one it goes on its own line.
                // Nested branches can share a token: the braces of the larger one go outside, and are
                // not mistaken for the same brace added twice.
                int first = branch.FirstTokenIndex, last = branch.LastTokenIndex;
                int nesting = last - first;
                int closing = AfterOrder(first, last) + 1 + nesting; // after the end of an if in the branch
                if (_deleted[first])
                {
                    AddTo(_inPlace, first, printer.FormatBrace("{", PlusPlacement.InPlace), false, -1 - nesting);
                }
                else
                {
                    AddTo(_before, first, printer.FormatBrace("{", PlusPlacement.Before), false, -1 - nesting);
                }

                if (_deleted[last])
                {
                    AddTo(_inPlace, last, printer.FormatBrace("}", PlusPlacement.InPlace), false, closing);
                }
                else
                {
                    AddTo(_after, last, printer.FormatBrace("}", PlusPlacement.After), false, closing);
                }
            }
        }
    }

    /// <summary>
    /// The statement starting at a code token when it is the single-statement branch of an if or a loop
    /// (or a compound branch, when <paramref name="compound"/> allows it).
    /// </summary>
    private SyntaxNode? BranchAt(int token, bool compound = false)
    {
        if (token < 0 || token >= _code.TokenCount)
        {
            return null;
        }

        SyntaxNode? statement = null;
        for (var n = _code.GetToken(token).Parent; n is { } node && node.FirstTokenIndex == token; n = node.Parent)
        {
            if (SyntaxFacts.IsStatementKind(node.Kind))
            {
                statement = node;
            }
        }

        if (statement is not { } s || s.Kind == SyntaxKind.CompoundStatement && !compound || s.Parent is not { } parent)
        {
            return null;
        }

        bool isBranch = parent.Kind switch
        {
            SyntaxKind.IfStatement => parent.AsIfStatement().Statement == s || parent.AsIfStatement().Else == s,
            SyntaxKind.WhileStatement => parent.AsWhileStatement().Statement == s,
            SyntaxKind.ForStatement => parent.AsForStatement().Statement == s,
            SyntaxKind.DoStatement => parent.AsDoStatement().Statement == s,
            SyntaxKind.IteratorStatement => parent.AsIteratorStatement().Statement == s,
            _ => false,
        };
        return isBranch ? s : null;
    }
}
