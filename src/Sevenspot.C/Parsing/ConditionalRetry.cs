using Sevenspot.Text;

namespace Sevenspot.C;

/// <summary>
/// When a top-level item fails to parse and holds #if groups, the branches after the first
/// (#elif, #else) often make the code unbalanced ("#ifdef A if (x) { #else if (y) { #endif").
/// This computes byte ranges that, lexed as skipped text, keep only the first branch of each
/// such group, for a second parse.
/// </summary>
internal static class ConditionalRetry
{
    public static bool TryGetDisabledRanges(SyntaxTree tree, out List<TextSpan> ranges)
    {
        ranges = [];
        var directives = tree.Lexed.Directives;
        if (directives.Count == 0)
        {
            return false;
        }

        var failing = new List<TextSpan>();
        foreach (var item in tree.Root.AsCompilationUnit().ItemList.ChildNodes())
        {
            if (item.ContainsErrors)
            {
                failing.Add(item.FullSpan);
            }
        }

        if (failing.Count == 0)
        {
            return false;
        }

        // Group directives: each group is the list of its #if, #elif..., #else, #endif.
        var stack = new Stack<List<Directive>>();
        foreach (var d in directives)
        {
            switch (d.Kind)
            {
                case DirectiveKind.If or DirectiveKind.Ifdef or DirectiveKind.Ifndef:
                    stack.Push([d]);
                    break;
                case DirectiveKind.Elif or DirectiveKind.Else:
                    if (stack.Count > 0)
                    {
                        stack.Peek().Add(d);
                    }

                    break;
                case DirectiveKind.Endif:
                    if (stack.Count > 0)
                    {
                        var group = stack.Pop();
                        group.Add(d);
                        if (group.Count > 2 && Intersects(failing, TextSpan.FromBounds(group[0].Start, d.End)))
                        {
                            for (int i = 1; i < group.Count - 1; i++)
                            {
                                ranges.Add(TextSpan.FromBounds(group[i].End, group[i + 1].Start));
                            }
                        }
                    }

                    break;
            }
        }

        if (ranges.Count == 0)
        {
            return false;
        }

        ranges = Merge(ranges);
        return true;
    }

    /// <summary>The ranges sorted, overlapping ones joined.</summary>
    public static List<TextSpan> Merge(List<TextSpan> ranges)
    {
        ranges.Sort((a, b) => a.Start.CompareTo(b.Start));
        var merged = new List<TextSpan> { ranges[0] };
        for (int i = 1; i < ranges.Count; i++)
        {
            var last = merged[^1];
            if (ranges[i].Start <= last.End)
            {
                merged[^1] = TextSpan.FromBounds(last.Start, Math.Max(last.End, ranges[i].End));
            }
            else
            {
                merged.Add(ranges[i]);
            }
        }

        return merged;
    }

    private static bool Intersects(List<TextSpan> spans, TextSpan span)
    {
        foreach (var s in spans)
        {
            if (s.OverlapsWith(span))
            {
                return true;
            }
        }

        return false;
    }
}
