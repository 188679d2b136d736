using System.Text;
using Sevenspot.C;
using Sevenspot.Smpl;

namespace Sevenspot.Engine;

/// <summary>
/// Prints added code: the tokens of a plus chunk, with bound metavariables replaced by the code
/// they matched (their original text), fresh identifiers by their generated names. Spacing within
/// a line follows the rule's text; each further line of the rule starts a new line.
/// </summary>
internal sealed class PlusPrinter
{
    private readonly CodeRule _rule;
    private readonly FreshNames _fresh;

    public PlusPrinter(CodeRule rule, FreshNames fresh)
    {
        _rule = rule;
        _fresh = fresh;
    }

    /// <summary>The chunk as lines of text (relative indentation kept as extra leading tabs).</summary>
    public List<string> Print(PlusChunk chunk, Env env)
    {
        var tree = _rule.Body.Plus;
        var text = tree.Text;
        var lines = new List<string>();
        var current = new StringBuilder();
        int baseColumn = -1;
        int previousEnd = -1;
        int previousLine = -1;
        for (int i = chunk.First; i <= chunk.Last; i++)
        {
            var token = tree.GetToken(i);
            if (token.Kind == SyntaxKind.OptionalToken)
            {
                continue;
            }

            var position = text.GetLinePosition(token.Span.Start);
            if (previousLine >= 0 && position.Line != previousLine)
            {
                lines.Add(current.ToString());
                current.Clear();
                previousEnd = -1;
            }

            if (current.Length == 0 && previousEnd < 0)
            {
                if (baseColumn < 0)
                {
                    baseColumn = IndentWidth(text, position.Line);
                }

                int extra = IndentWidth(text, position.Line) - baseColumn;
                for (int k = 0; k < extra / 8 + (extra % 8 >= 2 ? 1 : 0) && extra > 0; k++)
                {
                    current.Append('\t');
                }
            }
            else if (previousEnd >= 0 && token.Span.Start > previousEnd)
            {
                current.Append(' ');
            }

            current.Append(TextOf(token, env));
            previousEnd = token.Span.End;
            previousLine = position.Line;
        }

        if (current.Length > 0 || lines.Count == 0)
        {
            lines.Add(current.ToString());
        }

        return lines;
    }

    private string TextOf(SyntaxToken token, Env env)
    {
        if (token.Kind != SyntaxKind.IdentifierToken)
        {
            return token.Text;
        }

        string name = token.Text;
        var meta = _rule.Find(name);
        if (meta is null)
        {
            return name;
        }

        if (meta.Kind == MetavariableKind.FreshIdentifier)
        {
            return _fresh.Get(meta, env);
        }

        return env.TryGet(name, out var value) && value is not PositionValue ? value.Text : name;
    }

    /// <summary>Width of a line's leading whitespace in the rule, a tab counting 8 (the mark column ignored).</summary>
    private static int IndentWidth(Sevenspot.Text.SourceText text, int line)
    {
        string s = text.GetLineText(line);
        int width = 0;
        for (int i = 0; i < s.Length; i++)
        {
            char ch = s[i];
            if (i == 0 && ch is '+' or '-' or '*' or '?')
            {
                continue;
            }

            if (ch == ' ')
            {
                width++;
            }
            else if (ch == '\t')
            {
                width = (width / 8 + 1) * 8;
            }
            else if (i == 1 && ch == '+' && s[0] == '+')
            {
                continue;
            }
            else
            {
                break;
            }
        }

        return width;
    }
}

/// <summary>Generates fresh identifiers: seeds concatenated with bound names, or a counter for a lone string.</summary>
public sealed class FreshNames
{
    private readonly Dictionary<(string, Env), string> _given = [];
    private int _counter;

    public string Get(Metavariable meta, Env env)
    {
        if (_given.TryGetValue((meta.Name, env), out var name))
        {
            return name;
        }

        var sb = new StringBuilder();
        bool hasMeta = false;
        foreach (var part in meta.Seed)
        {
            if (part.IsMetavariable)
            {
                hasMeta = true;
                sb.Append(env.TryGet(part.Text, out var v) ? v.Text : part.Text);
            }
            else
            {
                sb.Append(part.Text);
            }
        }

        if (meta.Seed.Count == 0)
        {
            sb.Append(meta.Name);
        }

        if (!hasMeta)
        {
            sb.Append(_counter++.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        name = sb.ToString();
        _given[(meta.Name, env)] = name;
        return name;
    }
}
