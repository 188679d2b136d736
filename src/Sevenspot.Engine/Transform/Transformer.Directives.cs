using System.Text;
using Sevenspot.C;
using Sevenspot.Smpl;

namespace Sevenspot.Engine;

/// <summary>
/// Edits of directive rules (see <see cref="DirectiveMatcher"/>): a matched directive is removed
/// with its line, and the added lines go in as whole lines before or after it. Directives are
/// trivia of the tree, so these edits are made on the text.
/// </summary>
public sealed partial class Transformer
{
    private sealed class DirectiveEdit
    {
        public bool Remove { get; set; }

        public List<string> Before { get; } = [];

        public List<string> After { get; } = [];
    }

    private readonly SortedDictionary<int, DirectiveEdit> _directiveEdits = [];

    private void AddDirective(RuleMatch match, DirectivePattern pattern)
    {
        foreach (var entry in match.State.Trace?.Entries ?? [])
        {
            if (entry.PatternToken != DirectiveMatcher.PatternToken)
            {
                continue;
            }

            if (!_directiveEdits.TryGetValue(entry.CodeFirst, out var edit))
            {
                _directiveEdits[entry.CodeFirst] = edit = new DirectiveEdit();
            }

            edit.Remove |= pattern.Mark == TokenMark.Minus;
            AddLines(edit.Before, pattern.Before, match);
            AddLines(edit.After, pattern.After, match);
            HasEdits = true;
        }
    }

    /// <summary>The added lines with the values of the metavariables they name; the same line twice at one place only with ++.</summary>
    private static void AddLines(List<string> into, IReadOnlyList<AddedLine> lines, RuleMatch match)
    {
        var fresh = new List<string>();
        foreach (var line in lines)
        {
            fresh.Add(Instantiate(line.Text, match));
        }

        if (fresh.Count == 0)
        {
            return;
        }

        bool plusPlus = lines[0].PlusPlus;
        if (!plusPlus && into.Count >= fresh.Count && into.GetRange(into.Count - fresh.Count, fresh.Count).SequenceEqual(fresh))
        {
            return;
        }

        into.AddRange(fresh);
    }

    private static string Instantiate(string text, RuleMatch match)
    {
        var sb = new StringBuilder(text.Length);
        bool include = text.TrimStart().StartsWith('#') && text.Contains("include", StringComparison.Ordinal);
        int i = 0;
        while (i < text.Length)
        {
            char c = text[i];
            if (c is '"' or '\'' || (include && c == '<'))
            {
                char close = c == '<' ? '>' : c;
                int end = i + 1;
                while (end < text.Length && text[end] != close)
                {
                    end += text[end] == '\\' ? 2 : 1;
                }

                end = Math.Min(end + 1, text.Length);
                sb.Append(text, i, end - i);
                i = end;
            }
            else if (char.IsAsciiLetter(c) || c == '_')
            {
                int end = i;
                while (end < text.Length && (char.IsAsciiLetterOrDigit(text[end]) || text[end] == '_'))
                {
                    end++;
                }

                string name = text[i..end];
                bool meta = match.Rule.Find(name) is { Kind: not MetavariableKind.Symbol };
                sb.Append(meta && match.State.Env[name] is { } value ? value.Text : name);
                i = end;
            }
            else
            {
                sb.Append(c);
                i++;
            }
        }

        return sb.ToString();
    }

    /// <summary>The text with the directive edits made.</summary>
    private byte[] RenderDirectives()
    {
        var src = Source;
        var directives = _code.Lexed.Directives;
        var output = new MemoryStream(src.Length + 256);
        int copied = 0;
        foreach (var (index, edit) in _directiveEdits)
        {
            var d = directives[index];
            int lineStart = d.Start;
            while (lineStart > 0 && src[lineStart - 1] != (byte)'\n')
            {
                lineStart--;
            }

            int lineEnd = d.End;
            if (lineEnd == 0 || src[lineEnd - 1] != (byte)'\n')
            {
                int newline = Array.IndexOf(src, (byte)'\n', lineEnd);
                lineEnd = newline < 0 ? src.Length : newline + 1;
            }

            output.Write(src, copied, lineStart - copied);
            WriteLines(output, edit.Before, newlineFirst: false);
            if (edit.Remove)
            {
                // spatch leaves the line break of a directive removed from the very start of the file
                // when nothing takes its place.
                if (lineStart == 0 && lineEnd > 0 && src[lineEnd - 1] == (byte)'\n' && edit.Before.Count == 0 && edit.After.Count == 0)
                {
                    output.WriteByte((byte)'\n');
                }
            }
            else
            {
                output.Write(src, lineStart, lineEnd - lineStart);
            }

            WriteLines(output, edit.After, newlineFirst: lineEnd == 0 || src[lineEnd - 1] != (byte)'\n');
            copied = lineEnd;
        }

        output.Write(src, copied, src.Length - copied);
        return output.ToArray();
    }

    private static void WriteLines(MemoryStream output, List<string> lines, bool newlineFirst)
    {
        if (lines.Count == 0)
        {
            return;
        }

        var sb = new StringBuilder();
        if (newlineFirst)
        {
            sb.Append('\n');
        }

        foreach (string line in lines)
        {
            sb.Append(line).Append('\n');
        }

        output.Write(Encoding.UTF8.GetBytes(sb.ToString()));
    }
}
