using Sevenspot.C;
using Sevenspot.Text;

namespace Sevenspot.Engine;

/// <summary>
/// The order in which spatch takes its environments, and so runs its scripts: after each rule it
/// sorts them by value (OCaml's structural compare of the sorted list of (rule, name) = value
/// bindings still used later), not by where they were found. So a script prints first for the least
/// environment: bindings compare in the order of their names, and the first that differs decides.
/// Values of one metavariable compare as spatch's do:
/// <list type="bullet">
/// <item>names and identifier expressions by their spelling (byte order: "Zed" before "alpha");</item>
/// <item>positions by file, enclosing function, then line and column;</item>
/// <item>constants by kind (strings, concatenated strings, characters, integers, floating), then by
/// what they hold ('L"a"' before '"b"'), then as written ("7" before "7L" before "7U");</item>
/// <item>types as <see cref="TypeOrder"/> says (qualifiers, then form, then parts);</item>
/// <item>statements by kind (labels, blocks, expression statements, if, switch, while, do, for,
/// goto, continue, break, return, return with a value), then part by part; declarations by the
/// declared name, then the initializer (none first), then the rest.</item>
/// <item>other code by the form of its outermost term, in the order of spatch's expression kinds
/// (identifier, constant, call, conditional, comma, assignment, postfix, prefix ++/--, unary,
/// binary, index, member, sizeof, cast, statement expression, compound literal, parentheses),
/// then term by term, tokens by their text.</item>
/// </list>
/// The order follows values only, so it is the same whatever order files were read or matched in.
/// </summary>
internal static class EnvironmentOrder
{
    /// <summary>
    /// Compares two environments on the bindings named in <paramref name="live"/>, each taken in
    /// spatch's order for it: the outputs of the scripts that ran since the last code rule matched in
    /// it first (the latest script's first, in the order the script declares them), then the others
    /// by name.
    /// </summary>
    public static int Compare(Env x, LeadingScripts? leadX, Env y, LeadingScripts? leadY, IReadOnlySet<string> live)
    {
        var a = InOrder(x, leadX, live);
        var b = InOrder(y, leadY, live);
        for (int i = 0; i < a.Count && i < b.Count; i++)
        {
            // "r.x" in byte order is (r, x) in tuple order: '.' sorts before any letter, digit or '_'.
            int c = string.CompareOrdinal(a[i].Key, b[i].Key);
            if (c == 0)
            {
                c = CompareValues(a[i].Value, b[i].Value);
            }

            if (c != 0)
            {
                return c;
            }
        }

        return a.Count.CompareTo(b.Count); // the shorter list first
    }

    /// <summary>
    /// Two environments on all their bindings, name by name in byte order, each value as
    /// <see cref="CompareValues"/> does: the order spatch sorts the environments a rule inherits in.
    /// </summary>
    public static int Compare(Env x, Env y)
    {
        var a = x.EntrySpan;
        var b = y.EntrySpan;
        for (int i = 0; i < a.Length && i < b.Length; i++)
        {
            int c = string.CompareOrdinal(a[i].Key, b[i].Key);
            if (c == 0)
            {
                c = CompareValues(a[i].Value, b[i].Value);
            }

            if (c != 0)
            {
                return c;
            }
        }

        return a.Length.CompareTo(b.Length);
    }

    private static List<KeyValuePair<string, MetaValue>> InOrder(Env env, LeadingScripts? lead, IReadOnlySet<string> live)
    {
        var result = new List<KeyValuePair<string, MetaValue>>(env.Count);
        HashSet<string>? leading = null;
        for (var l = lead; l is not null; l = l.Next)
        {
            foreach (var binding in l.Script.Bindings)
            {
                string key = l.Script.Name + "." + binding.Name;
                if (binding.Rule is null && live.Contains(key) && env.TryGet(key, out var value) && (leading ??= new(StringComparer.Ordinal)).Add(key))
                {
                    result.Add(new(key, value));
                }
            }
        }

        foreach (var entry in env.EntrySpan)
        {
            if (live.Contains(entry.Key) && (leading is null || !leading.Contains(entry.Key)))
            {
                result.Add(entry);
            }
        }

        return result;
    }

    public static int CompareValues(MetaValue x, MetaValue y)
    {
        switch (x, y)
        {
            case (PositionValue p, PositionValue q):
                return ComparePositions(p, q);
            case (PositionListValue p, PositionListValue q):
                for (int i = 0; i < p.Positions.Count && i < q.Positions.Count; i++)
                {
                    int c = ComparePositions(p.Positions[i], q.Positions[i]);
                    if (c != 0)
                    {
                        return c;
                    }
                }

                return p.Positions.Count.CompareTo(q.Positions.Count);
            case (PositionValue p, PositionListValue { Positions.Count: > 0 } q):
                return ComparePositions(p, q.Positions[0]);
            case (PositionListValue { Positions.Count: > 0 } p, PositionValue q):
                return ComparePositions(p.Positions[0], q);
            case (CodeValue { Node: { } n }, CodeValue { Node: { } m }):
                return CompareTerms(n, m);
            case (TypeValue s, TypeValue t):
                return TypeOrder.Compare(s.TypeText, t.TypeText);
            case (ListValue l, ListValue m):
                for (int i = 0; i < l.Items.Count && i < m.Items.Count; i++)
                {
                    int c = CompareValues(l.Items[i], m.Items[i]);
                    if (c != 0)
                    {
                        return c;
                    }
                }

                return l.Items.Count.CompareTo(m.Items.Count);
            default:
                // A name bound as code (an identifier expression) and as a name compare by spelling alike.
                return string.CompareOrdinal(Spelling(x), Spelling(y));
        }
    }

    private static string Spelling(MetaValue value) => value switch
    {
        NameValue n => n.Name,
        _ => value.Key,
    };

    private static int ComparePositions(PositionValue p, PositionValue q)
    {
        int c = string.CompareOrdinal(p.File, q.File);
        if (c == 0)
        {
            c = string.CompareOrdinal(p.Function, q.Function);
        }

        if (c == 0)
        {
            c = Compare(p.ElementStart, q.ElementStart);
        }

        if (c == 0)
        {
            c = Compare(p.ElementEnd, q.ElementEnd);
        }

        if (c == 0)
        {
            c = Compare(p.Start, q.Start);
        }

        return c != 0 ? c : Compare(p.End, q.End);
    }

    private static int Compare(LinePosition a, LinePosition b) =>
        a.Line != b.Line ? a.Line.CompareTo(b.Line) : a.Column.CompareTo(b.Column);

    private static int CompareTerms(SyntaxNode x, SyntaxNode y)
    {
        int c = Rank(x).CompareTo(Rank(y));
        if (c != 0)
        {
            return c;
        }

        if (x.Kind == SyntaxKind.TypeName && y.Kind == SyntaxKind.TypeName)
        {
            return TypeOrder.Compare(new CodeValue(x).Key, new CodeValue(y).Key);
        }

        if (Rank(x) == ConstantRank)
        {
            return CompareConstants(x, y);
        }

        if (x.Kind == SyntaxKind.Declaration && y.Kind == SyntaxKind.Declaration)
        {
            c = CompareDeclarations(x, y);
            if (c != 0)
            {
                return c;
            }
        }

        if (x.Kind == SyntaxKind.PrefixUnary && y.Kind == SyntaxKind.PrefixUnary)
        {
            // spatch keeps a unary term as (operand, operator): the operand decides first.
            var xs = x.GetNodeSlot(1);
            var ys = y.GetNodeSlot(1);
            if (xs is { } xo && ys is { } yo)
            {
                c = CompareTerms(xo, yo);
                if (c != 0)
                {
                    return c;
                }
            }

            return CompareTokens(x.Kind, x.FirstToken.Text, y.FirstToken.Text);
        }

        var a = x.Children.GetEnumerator();
        var b = y.Children.GetEnumerator();
        while (true)
        {
            bool hasA = a.MoveNext(), hasB = b.MoveNext();
            if (!hasA || !hasB)
            {
                return hasA.CompareTo(hasB);
            }

            var ea = a.Current;
            var eb = b.Current;
            if (ea.IsNode && eb.IsNode)
            {
                c = CompareTerms(ea.AsNode(), eb.AsNode());
            }
            else if (ea.IsToken && eb.IsToken)
            {
                c = CompareTokens(x.Kind, ea.AsToken().Text, eb.AsToken().Text);
            }
            else
            {
                c = ea.IsToken.CompareTo(eb.IsToken);
            }

            if (c != 0)
            {
                return c;
            }
        }
    }

    private const int ConstantRank = 1;

    /// <summary>
    /// spatch keeps a declaration as its list of declared names, each with its initializer and then
    /// its type: the first declarator that differs decides, by name, then initializer.
    /// </summary>
    private static int CompareDeclarations(SyntaxNode x, SyntaxNode y)
    {
        if (x.GetNodeSlot(1) is not { } listX || y.GetNodeSlot(1) is not { } listY)
        {
            return 0;
        }

        var ea = listX.Children.GetEnumerator();
        var eb = listY.Children.GetEnumerator();
        while (true)
        {
            SyntaxNode? da = NextNode(ref ea), db = NextNode(ref eb);
            if (da is not { } na || db is not { } nb)
            {
                return da.HasValue.CompareTo(db.HasValue);
            }

            int c = string.CompareOrdinal(Declarators.DeclaredName(na.GetNodeSlot(0)), Declarators.DeclaredName(nb.GetNodeSlot(0)));
            if (c != 0)
            {
                return c;
            }

            SyntaxNode? ia = na.GetNodeSlot(3), ib = nb.GetNodeSlot(3);
            c = ia.HasValue.CompareTo(ib.HasValue);
            if (c == 0 && ia is { } va && ib is { } vb)
            {
                c = CompareTerms(va, vb);
            }

            if (c != 0)
            {
                return c;
            }
        }
    }

    private static SyntaxNode? NextNode(ref SyntaxNode.ChildEnumerator children)
    {
        while (children.MoveNext())
        {
            if (children.Current.IsNode)
            {
                return children.Current.AsNode();
            }
        }

        return null;
    }

    /// <summary>Constants by kind, then by the text they hold without quotes or prefix, then as written.</summary>
    private static int CompareConstants(SyntaxNode x, SyntaxNode y)
    {
        int c = ConstantKind(x).CompareTo(ConstantKind(y));
        if (c != 0)
        {
            return c;
        }

        if (x.Kind == SyntaxKind.ConcatenatedString)
        {
            // spatch keeps the pieces as a list of strings: piece by piece, the shorter list first.
            int i = x.FirstTokenIndex, j = y.FirstTokenIndex;
            for (; i <= x.LastTokenIndex && j <= y.LastTokenIndex; i++, j++)
            {
                c = string.CompareOrdinal(Content(x.Tree.GetToken(i).Text), Content(y.Tree.GetToken(j).Text));
                if (c != 0)
                {
                    return c;
                }
            }

            return (x.LastTokenIndex - x.FirstTokenIndex).CompareTo(y.LastTokenIndex - y.FirstTokenIndex);
        }

        string s = x.FirstToken.Text, t = y.FirstToken.Text;
        c = string.CompareOrdinal(Content(s), Content(t));
        return c != 0 ? c : string.CompareOrdinal(s, t);
    }

    /// <summary>spatch's kinds of constant in its order: string, concatenated strings, character, integer, floating.</summary>
    private static int ConstantKind(SyntaxNode node) => node.Kind == SyntaxKind.ConcatenatedString ? 1 : node.FirstToken.Kind switch
    {
        SyntaxKind.StringLiteralToken => 0,
        SyntaxKind.CharLiteralToken => 2,
        SyntaxKind.IntegerLiteralToken => 3,
        SyntaxKind.FloatLiteralToken => 4,
        _ => 5,
    };

    /// <summary>What a string or character constant holds: the text between its quotes (L"a" holds a).</summary>
    private static string Content(string text)
    {
        int open = text.IndexOfAny(['"', '\'']);
        return open >= 0 && text.Length >= open + 2 && (text[^1] == '"' || text[^1] == '\'') ? text[(open + 1)..^1] : text;
    }

    /// <summary>Operators compare in the order spatch lists them (per kind of term); other tokens by their text.</summary>
    private static int CompareTokens(SyntaxKind kind, string a, string b)
    {
        if (a == b)
        {
            return 0;
        }

        int ra = OperatorRank(kind, a), rb = OperatorRank(kind, b);
        return ra != int.MinValue && rb != int.MinValue ? ra.CompareTo(rb) : string.CompareOrdinal(a, b);
    }

    private static int OperatorRank(SyntaxKind kind, string op)
    {
        switch (kind)
        {
            case SyntaxKind.PostfixUnary:
            case SyntaxKind.PrefixUnary when op is "++" or "--":
                return op == "--" ? 0 : 1;
            case SyntaxKind.PrefixUnary:
                return op switch { "&" => 0, "&&" => 1, "*" => 2, "+" => 3, "-" => 4, "~" => 5, "!" => 6, _ => int.MinValue };
            case SyntaxKind.AssignmentExpression:
                // A plain '=' comes before every compound assignment, which go by their operator.
                return op == "=" ? -1 : op.Length > 1 && op[^1] == '=' ? BinaryRank(op[..^1]) : int.MinValue;
            case SyntaxKind.BinaryExpression:
                return BinaryRank(op);
            default:
                return int.MinValue;
        }
    }

    /// <summary>The arithmetic operators, then the comparisons and logical ones.</summary>
    private static int BinaryRank(string op) => op switch
    {
        "+" => 0, "-" => 1, "*" => 2, "/" => 3, "%" => 4, "<<" => 5, ">>" => 6, "&" => 7, "|" => 8, "^" => 9,
        "<" => 10, ">" => 11, "<=" => 12, ">=" => 13, "==" => 14, "!=" => 15, "&&" => 16, "||" => 17,
        _ => int.MinValue,
    };

    /// <summary>The place of a term's kind in spatch's list of expression kinds; other code after them all.</summary>
    private static int Rank(SyntaxNode node) => node.Kind switch
    {
        SyntaxKind.IdentifierName => 0,
        SyntaxKind.LiteralExpression => ConstantRank,
        SyntaxKind.ConcatenatedString => ConstantRank,
        SyntaxKind.CallExpression => 3,
        SyntaxKind.ConditionalExpression => 4,
        SyntaxKind.CommaExpression => 5,
        SyntaxKind.AssignmentExpression => 6,
        SyntaxKind.PostfixUnary => 7,
        SyntaxKind.PrefixUnary => node.FirstToken.Text is "++" or "--" ? 8 : 9,
        SyntaxKind.BinaryExpression => 10,
        SyntaxKind.ElementAccess => 11,
        SyntaxKind.MemberAccess => node.GetTokenSlot(1) is { } op && op.Text == "->" ? 13 : 12,
        SyntaxKind.SizeofExpression => 14,
        SyntaxKind.SizeofType => 15,
        SyntaxKind.CastExpression => 16,
        SyntaxKind.StatementExpression => 17,
        SyntaxKind.CompoundLiteral => 18,
        SyntaxKind.ParenthesizedExpression => 19,

        // Statements, in the order of spatch's kinds of statement: an empty statement is an
        // expression statement without its expression, "return;" comes before "return e;".
        SyntaxKind.LabeledStatement => 38,
        SyntaxKind.CaseStatement => 39,
        SyntaxKind.DefaultStatement => 40,
        SyntaxKind.CompoundStatement => 41,
        SyntaxKind.EmptyStatement => 42,
        SyntaxKind.ExpressionStatement => 43,
        SyntaxKind.IfStatement => 44,
        SyntaxKind.SwitchStatement => 45,
        SyntaxKind.WhileStatement => 46,
        SyntaxKind.DoStatement => 47,
        SyntaxKind.ForStatement => 48,
        SyntaxKind.IteratorStatement => 49,
        SyntaxKind.GotoStatement => 50,
        SyntaxKind.ContinueStatement => 51,
        SyntaxKind.BreakStatement => 52,
        SyntaxKind.ReturnStatement => node.GetNodeSlot(1) is null ? 53 : 54,
        SyntaxKind.Declaration => 55,
        _ => 100 + (int)node.Kind,
    };
}

/// <summary>The script rules that ran on an environment since a code rule last matched in it, the latest first.</summary>
internal sealed record LeadingScripts(Smpl.ScriptRule Script, LeadingScripts? Next);
