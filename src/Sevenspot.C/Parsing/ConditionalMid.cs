using Sevenspot.Text;

namespace Sevenspot.C;

/// <summary>
/// spatch reads only the first branch of a small #if group that sits inside a construct rather than
/// around whole statements or declarations, and passes over the other branches as comments:
/// <code>
/// struct s x = {
/// #ifdef A
///     .f = 1,
/// #else
///     .f = 2,
/// #endif
/// };
/// </code>
/// A group is read that way when it has several branches of at most six lines each, none holding
/// another #if group, and either the group does not end a statement or block (its last token is
/// not ';', '{' or '}', and it holds no #define, #include or #pragma) or its first branch leaves
/// parentheses open, or braces open the same way in every branch. This computes the byte ranges
/// of those other branches, to be lexed as skipped text.
/// </summary>
internal static class ConditionalMid
{
    private const int MaxBranchLines = 6;

    private sealed class Group
    {
        public List<int> Directives { get; } = [];

        public bool HasNested { get; set; }

        public bool HasOtherDirective { get; set; }
    }

    public static List<TextSpan>? DisabledRanges(LexedText lexed)
    {
        var directives = lexed.Directives;
        List<TextSpan>? ranges = null;
        var stack = new Stack<Group>();
        for (int d = 0; d < directives.Count; d++)
        {
            switch (directives[d].Kind)
            {
                case DirectiveKind.If or DirectiveKind.Ifdef or DirectiveKind.Ifndef:
                    if (stack.Count > 0)
                    {
                        stack.Peek().HasNested = true;
                    }

                    var group = new Group();
                    group.Directives.Add(d);
                    stack.Push(group);
                    break;
                case DirectiveKind.Elif or DirectiveKind.Else:
                    if (stack.Count > 0)
                    {
                        stack.Peek().Directives.Add(d);
                    }

                    break;
                case DirectiveKind.Endif:
                    if (stack.Count > 0)
                    {
                        var done = stack.Pop();
                        done.Directives.Add(d);
                        if (IsMid(lexed, done))
                        {
                            ranges ??= [];
                            for (int i = 1; i < done.Directives.Count - 1; i++)
                            {
                                ranges.Add(TextSpan.FromBounds(directives[done.Directives[i]].End, directives[done.Directives[i + 1]].Start));
                            }
                        }
                    }

                    break;
                default:
                    if (stack.Count > 0)
                    {
                        stack.Peek().HasOtherDirective = true;
                    }

                    break;
            }
        }

        return ranges;
    }

    private static bool IsMid(LexedText lexed, Group group)
    {
        var directives = lexed.Directives;
        var ids = group.Directives;
        if (ids.Count < 3 || group.HasNested || IsLiteralCondition(lexed, directives[ids[0]]))
        {
            return false;
        }

        (int Parens, int Braces) first = default;
        bool sameCounts = true;
        int lastToken = -1;
        for (int b = 0; b + 1 < ids.Count; b++)
        {
            int from = directives[ids[b]].TokenIndex;
            int to = directives[ids[b + 1]].TokenIndex;
            int lines = 0;
            int parens = 0;
            int braces = 0;
            for (int t = from; t < to; t++)
            {
                if ((lexed.FlagsAt(t) & TokenFlags.AtLineStart) != 0 || t == from)
                {
                    lines++;
                }

                switch (lexed.KindAt(t))
                {
                    case SyntaxKind.OpenParenToken:
                        parens++;
                        break;
                    case SyntaxKind.CloseParenToken:
                        parens--;
                        break;
                    case SyntaxKind.OpenBraceToken:
                        braces++;
                        break;
                    case SyntaxKind.CloseBraceToken:
                        braces--;
                        break;
                }

                lastToken = t;
            }

            if (lines > MaxBranchLines)
            {
                return false;
            }

            if (b == 0)
            {
                first = (parens, braces);
            }
            else if ((parens, braces) != first)
            {
                sameCounts = false;
            }
        }

        bool endsStatement = group.HasOtherDirective || lastToken < 0
            || lexed.KindAt(lastToken) is SyntaxKind.SemicolonToken or SyntaxKind.OpenBraceToken or SyntaxKind.CloseBraceToken;
        return !endsStatement || first.Parens != 0 || (first.Braces != 0 && sameCounts);
    }

    /// <summary>"#if 0", "#if 1" and the like: the lexer already reads these groups as spatch does.</summary>
    private static bool IsLiteralCondition(LexedText lexed, Directive directive) =>
        directive.Kind == DirectiveKind.If
        && Lexer.LiteralCondition(lexed.Text.Bytes.Slice(directive.Start, directive.End - directive.Start)) >= 0;
}
