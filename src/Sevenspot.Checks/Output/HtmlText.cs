using System.Text;

namespace Sevenspot.Checks.Output;

/// <summary>Escaping for HTML text and attribute values; everything else is written as UTF-8.</summary>
internal static class HtmlText
{
    public static StringBuilder AppendEscaped(this StringBuilder sb, string text)
    {
        foreach (char c in text)
        {
            switch (c)
            {
                case '&':
                    sb.Append("&amp;");
                    break;
                case '<':
                    sb.Append("&lt;");
                    break;
                case '>':
                    sb.Append("&gt;");
                    break;
                case '"':
                    sb.Append("&quot;");
                    break;
                case '\'':
                    sb.Append("&#39;");
                    break;
                default:
                    sb.Append(c);
                    break;
            }
        }

        return sb;
    }

    /// <summary>A string usable in an id attribute and a URL fragment.</summary>
    public static string Id(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (char c in text)
        {
            sb.Append(char.IsAsciiLetterOrDigit(c) || c == '-' || c == '_' ? c : '-');
        }

        return sb.ToString();
    }
}
