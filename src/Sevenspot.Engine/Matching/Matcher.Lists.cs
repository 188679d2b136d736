using Sevenspot.C;
using Sevenspot.Smpl;

namespace Sevenspot.Engine;

public sealed partial class Matcher
{
    /// <summary>The elements of a list node with, for separated lists, the separator that follows each one.</summary>
    internal readonly struct ListItems
    {
        public ListItems(List<SyntaxElement> elements, List<SyntaxToken?> separators)
        {
            Elements = elements;
            Separators = separators;
        }

        public List<SyntaxElement> Elements { get; }

        public List<SyntaxToken?> Separators { get; }
    }

    internal static ListItems ItemsOf(SyntaxNode list)
    {
        var elements = new List<SyntaxElement>();
        var separators = new List<SyntaxToken?>();
        bool separated = list.Kind == SyntaxKind.SeparatedList;
        foreach (var child in list.Children)
        {
            if (separated && child.IsToken && child.Kind is SyntaxKind.CommaToken or SyntaxKind.SemicolonToken)
            {
                if (separators.Count > 0 && separators[^1] is null)
                {
                    separators[^1] = child.AsToken();
                }

                continue;
            }

            // A rule's "......" (C's varargs "...") is two ellipsis tokens with no comma between them:
            // one element, as the code's "..." is.
            if (child.IsToken && child.Kind == SyntaxKind.EllipsisToken && elements.Count > 0 && separators[^1] is null
                && elements[^1] is { IsToken: true, Kind: SyntaxKind.EllipsisToken })
            {
                continue;
            }

            elements.Add(child);
            separators.Add(null);
        }

        return new ListItems(elements, separators);
    }

    /// <summary>Matches two lists element by element, with "..." and list metavariables taking any number of elements.</summary>
    private IEnumerable<MatchState> MatchSequence(SyntaxNode p, SyntaxNode c, MatchState s)
    {
        var pi = ItemsOf(p);
        var ci = ItemsOf(c);
        if (IsDefinitionParameterList(c) && IsParameterList(p))
        {
            // spatch compares a function definition's parameters without C's varargs, on both sides:
            // "int f(int a)" and "int f(int a, ......)" both match "int f(int a, ...) { }" and
            // "int f(int a) { }". A prototype's "..." still counts.
            WithoutVarargs(pi);
            if (WithoutVarargs(ci) is { } varargs && pi.Elements.Count > 0 && IsRemoved(LastTokenOf(pi.Elements[^1])) && IsRemoved(p.LastTokenIndex + 1))
            {
                // The code's ", ..." matches nothing of the rule: the last parameter removed with the closing
                // parenthesis takes it along ("- int f(int a) {...}" removes "int f(int a, ...) { }" whole;
                // "int f(int a - , int b) {...}" leaves "int f(int a, ...)").
                return WithVarargsRemoved(MatchSequenceFrom(pi, 0, ci, 0, c, s), LastTokenOf(pi.Elements[^1]), varargs);
            }
        }

        return MatchSequenceFrom(pi, 0, ci, 0, c, s);
    }

    private static IEnumerable<MatchState> WithVarargsRemoved(IEnumerable<MatchState> matches, int lastParameterToken, (int Comma, int Ellipsis) varargs)
    {
        foreach (var m in matches)
        {
            yield return m.Record(lastParameterToken, varargs.Comma, varargs.Ellipsis);
        }
    }

    private static bool IsParameterList(SyntaxNode list) => list.Parent is { Kind: SyntaxKind.FunctionDeclarator };

    /// <summary>Whether the list is the parameter list of a function definition's own declarator.</summary>
    private static bool IsDefinitionParameterList(SyntaxNode list)
    {
        if (list.Parent is not { Kind: SyntaxKind.FunctionDeclarator } declarator)
        {
            return false;
        }

        var node = declarator;
        while (node.Parent is { Kind: SyntaxKind.PointerDeclarator } pointer)
        {
            node = pointer;
        }

        return node.Parent is { Kind: SyntaxKind.FunctionDefinition } definition && definition.AsFunctionDefinition().Declarator == node;
    }

    /// <summary>Drops a trailing varargs "..." and the comma before it; their token indices, when there were some.</summary>
    private static (int Comma, int Ellipsis)? WithoutVarargs(ListItems items)
    {
        if (items.Elements.Count > 1 && items.Elements[^1] is { IsToken: true, Kind: SyntaxKind.EllipsisToken } ellipsis
            && items.Separators[^2] is { } comma)
        {
            items.Elements.RemoveAt(items.Elements.Count - 1);
            items.Separators.RemoveAt(items.Separators.Count - 1);
            items.Separators[^1] = null;
            return (comma.Index, ellipsis.AsToken().Index);
        }

        return null;
    }

    /// <summary>
    /// Matches a structure's members. spatch counts each preprocessor directive among them as a member of its own,
    /// which only "..." (or a list metavariable) takes: "T a[0];" followed by a #define is not the last member.
    /// </summary>
    private IEnumerable<MatchState> MatchMembers(SyntaxNode p, SyntaxNode c, int closeBrace, MatchState s)
    {
        var pi = ItemsOf(p);
        var ci = ItemsOf(c);
        return MatchSequenceFrom(pi, 0, ci, 0, c, s, _ctx.CodeIsPattern ? null : DirectiveGaps(ci, c.Tree, closeBrace));
    }

    /// <summary>
    /// For each gap between the code elements (gap j is before element j, the last one after the last element),
    /// whether a directive stands there; null when none does. The list ends at <paramref name="end"/> (its closing brace).
    /// </summary>
    private static bool[]? DirectiveGaps(ListItems c, SyntaxTree tree, int end)
    {
        int first = c.Elements.Count > 0 ? FirstTokenOf(c.Elements[0]) : end;
        bool[]? gaps = null;
        var directives = tree.Lexed.Directives;

        // The directives are in file order: skip to the first one at or after the list's start.
        int lo = 0, hi = directives.Count;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (directives[mid].TokenIndex < first)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        for (int n = lo; n < directives.Count && directives[n].TokenIndex <= end; n++)
        {
            var d = directives[n];

            int gap = -1;
            for (int j = 0; j < c.Elements.Count && gap < 0; j++)
            {
                int t = FirstTokenOf(c.Elements[j]);
                if (t == d.TokenIndex)
                {
                    gap = j;
                }
                else if (t > d.TokenIndex)
                {
                    break; // inside a member (or its separator): not one of the list's own
                }
            }

            if (gap < 0 && d.TokenIndex == end && (c.Elements.Count == 0 || LastTokenOf(c.Elements[^1]) < end))
            {
                gap = c.Elements.Count;
            }

            if (gap >= 0)
            {
                gaps ??= new bool[c.Elements.Count + 1];
                gaps[gap] = true;
            }
        }

        return gaps;
    }

    /// <param name="directiveGaps">Where directives stand among the code elements (<see cref="DirectiveGaps"/>):
    /// each must be next to a run of "..." of the pattern.</param>
    /// <param name="afterRun">Whether the previous pattern element took a run of elements (a directive before j is its).</param>
    private IEnumerable<MatchState> MatchSequenceFrom(ListItems p, int i, ListItems c, int j, SyntaxNode codeList, MatchState s,
        bool[]? directiveGaps = null, bool afterRun = false)
    {
        if (i == p.Elements.Count)
        {
            if (j == c.Elements.Count && (directiveGaps is null || afterRun || !directiveGaps[j]))
            {
                yield return s;
            }

            yield break;
        }

        var pe = p.Elements[i];
        var variable = VariableLengthElement(pe, out var listMeta, out int? fixedLength);
        if (variable)
        {
            // An isomorphism's "..." among statements stands for a "..." of the rule, not for its
            // statements: "{ ... S }" does not make "{ S1 S2 }" match S2 alone.
            bool dotsForDots = _ctx.CodeIsPattern && pe.IsNode && pe.AsNode().Kind == SyntaxKind.Dots
                && codeList.Parent?.Kind == SyntaxKind.CompoundStatement;
            int maxK = c.Elements.Count - j;
            for (int k = 0; k <= maxK; k++)
            {
                if (fixedLength is { } n && k != n)
                {
                    continue;
                }

                if (dotsForDots && (k != 1 || !c.Elements[j].IsNode || c.Elements[j].AsNode().Kind != SyntaxKind.Dots))
                {
                    continue;
                }

                var s2 = RecordRun(pe, listMeta, c, j, k, codeList, s);
                if (s2 is null)
                {
                    continue;
                }

                var s3 = MapSeparator(p, i, c, j + k - 1, s2.Value, k > 0, placeAfterLast: true);
                foreach (var r in MatchSequenceFrom(p, i + 1, c, j + k, codeList, s3, directiveGaps, afterRun: true))
                {
                    yield return r;
                }
            }

            yield break;
        }

        if (j >= c.Elements.Count || (directiveGaps is not null && !afterRun && directiveGaps[j]))
        {
            yield break;
        }

        foreach (var s2 in Match(pe, c.Elements[j], s))
        {
            var s3 = MapSeparator(p, i, c, j, s2, true, placeAfterLast: true);
            foreach (var r in MatchSequenceFrom(p, i + 1, c, j + 1, codeList, s3, directiveGaps))
            {
                yield return r;
            }
        }
    }

    /// <summary>
    /// The pattern separator after element i corresponds to the code separator after code element j.
    /// With <paramref name="placeAfterLast"/>, a pattern separator after the last code element, which
    /// has none, matches the place after that element (the transformer puts code there).
    /// </summary>
    private static MatchState MapSeparator(ListItems p, int i, ListItems c, int j, MatchState s, bool consumed, bool placeAfterLast = false)
    {
        if (p.Separators[i] is { } ps && consumed && j >= 0 && j < c.Separators.Count && c.Separators[j] is { } cs)
        {
            return s.Record(ps.Index, cs.Index, cs.Index);
        }

        if (placeAfterLast && p.Separators[i] is { } trailing && consumed && j == c.Elements.Count - 1)
        {
            var element = c.Elements[j];
            int after = (element.IsNode ? element.AsNode().LastTokenIndex : element.AsToken().Index) + 1;
            return s.Record(trailing.Index, after, after - 1);
        }

        return s;
    }

    /// <summary>"...", and metavariables of list kinds, stand for any number of elements.</summary>
    private bool VariableLengthElement(SyntaxElement pe, out Metavariable? listMeta, out int? fixedLength)
    {
        listMeta = null;
        fixedLength = null;
        if (pe.IsToken)
        {
            return false;
        }

        var node = pe.AsNode();
        if (node.Kind == SyntaxKind.Dots)
        {
            return true;
        }

        var name = node.Kind switch
        {
            SyntaxKind.IdentifierName => node.AsIdentifierName().Identifier,
            SyntaxKind.ParameterDeclaration when node.AsParameterDeclaration().SpecifierList.ChildCount == 0
                && node.AsParameterDeclaration().Declarator.Kind == SyntaxKind.IdentifierDeclarator => node.AsParameterDeclaration().Declarator.AsIdentifierDeclarator().Identifier,
            SyntaxKind.MetavariableStatement => node.AsMetavariableStatement().Name,
            _ => (SyntaxToken?)null,
        };
        if (name is null || _ctx.Meta(name.Value) is not { } meta)
        {
            return false;
        }

        if (meta.Kind is MetavariableKind.ExpressionList or MetavariableKind.ParameterList or MetavariableKind.FieldList
            or MetavariableKind.InitializerList or MetavariableKind.StatementList or MetavariableKind.IdentifierList)
        {
            listMeta = meta;
            fixedLength = meta.ListLength;
            return true;
        }

        return false;
    }

    /// <summary>Records k code elements from j as the match of a "..." or list metavariable; null when a binding conflicts.</summary>
    private MatchState? RecordRun(SyntaxElement pe, Metavariable? listMeta, ListItems c, int j, int k, SyntaxNode codeList, MatchState s)
    {
        int first, last;
        if (k == 0)
        {
            first = j < c.Elements.Count ? FirstTokenOf(c.Elements[j]) : codeList.LastTokenIndex + 1;
            last = first - 1;
        }
        else
        {
            first = FirstTokenOf(c.Elements[j]);
            last = LastTokenOf(c.Elements[j + k - 1]);
        }

        var node = pe.AsNode();
        var patternToken = node.FirstToken;
        if (listMeta is not null)
        {
            if (listMeta.ListLengthRanges is { } ranges && !ranges.Any(r => r.Min <= k && k <= r.Max))
            {
                return null;
            }

            var items = new List<CodeValue>(k);
            for (int x = j; x < j + k; x++)
            {
                var e = c.Elements[x];
                if (listMeta.Kind == MetavariableKind.IdentifierList && !IsIdentifierItem(e))
                {
                    return null; // a constant or any other expression is no identifier
                }

                items.Add(e.IsNode ? new CodeValue(e.AsNode()) : new CodeValue(e.Tree, e.AsToken().Index, e.AsToken().Index));
            }

            var value = new ListValue(items, codeList.Tree, first, last) { Statements = listMeta.Kind == MetavariableKind.StatementList };
            var env = BindChecked(listMeta, value, s.Env);
            if (env is null)
            {
                return null;
            }

            if (listMeta.ListLengthName is { } lengthName)
            {
                env = env.TryBind(lengthName, new NameValue(k.ToString(System.Globalization.CultureInfo.InvariantCulture)));
                if (env is null)
                {
                    return null;
                }
            }

            s = s.With(env);
        }

        return WithPositions(patternToken.Index, first, last, s.Record(patternToken.Index, first, last));
    }

    /// <summary>An item an identifier list takes: one identifier (or the "..." of a macro's parameters).</summary>
    private static bool IsIdentifierItem(SyntaxElement e)
    {
        int first = FirstTokenOf(e);
        if (first != LastTokenOf(e))
        {
            return false;
        }

        var kind = e.Tree.GetToken(first).Kind;
        return kind is SyntaxKind.IdentifierToken or SyntaxKind.EllipsisToken;
    }

    internal static int FirstTokenOf(SyntaxElement e) => e.IsNode ? e.AsNode().FirstTokenIndex : e.AsToken().Index;

    internal static int LastTokenOf(SyntaxElement e) => e.IsNode ? e.AsNode().LastTokenIndex : e.AsToken().Index;
}
