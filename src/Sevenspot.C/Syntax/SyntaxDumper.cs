using System.Text;

namespace Sevenspot.C;

/// <summary>Prints a tree as indented text: one node per line, tokens with their text.</summary>
public static class SyntaxDumper
{
    public static string Dump(SyntaxNode root)
    {
        var sb = new StringBuilder();
        // Iterative: trees may be deep.
        var stack = new Stack<(SyntaxElement Element, string Label, int Depth)>();
        stack.Push((new SyntaxElement(root.Tree, ChildRef.FromNode(root.Index)), string.Empty, 0));
        while (stack.Count > 0)
        {
            var (element, label, depth) = stack.Pop();
            sb.Append(' ', depth * 2);
            if (label.Length > 0)
            {
                sb.Append(label).Append(": ");
            }

            if (element.IsToken)
            {
                var token = element.AsToken();
                sb.Append(token.Kind).Append(' ').Append(Quote(token.Text)).Append('\n');
                continue;
            }

            var node = element.AsNode();
            sb.Append(node.Kind);
            if (node.ContainsErrors && node.Kind is SyntaxKind.ErrorNode or SyntaxKind.ErrorStatement)
            {
                sb.Append(" (error)");
            }

            sb.Append('\n');
            bool isList = SyntaxFacts.IsListKind(node.Kind);
            for (int i = node.ChildCount - 1; i >= 0; i--)
            {
                var child = node.GetSlot(i);
                string childLabel = isList ? string.Empty : SyntaxFacts.GetSlotName(node.Kind, i);
                if (child is { } c)
                {
                    stack.Push((c, childLabel, depth + 1));
                }
                else if (!SyntaxFacts.IsOptionalSlot(node.Kind, i))
                {
                    sb.Append(' ', (depth + 1) * 2).Append(childLabel).Append(": <missing>\n");
                }
            }
        }

        return sb.ToString();
    }

    private static string Quote(string text)
    {
        var sb = new StringBuilder(text.Length + 2);
        sb.Append('"');
        foreach (char c in text)
        {
            switch (c)
            {
                case '"':
                    sb.Append("\\\"");
                    break;
                case '\\':
                    sb.Append("\\\\");
                    break;
                case '\n':
                    sb.Append("\\n");
                    break;
                case '\t':
                    sb.Append("\\t");
                    break;
                default:
                    sb.Append(c);
                    break;
            }
        }

        return sb.Append('"').ToString();
    }
}
