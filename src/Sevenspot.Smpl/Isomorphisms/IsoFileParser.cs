using System.Text;
using Sevenspot.C;
using System.Text.RegularExpressions;
using Sevenspot.Text;

namespace Sevenspot.Smpl;

/// <summary>
/// Reads an isomorphism file in Coccinelle's format: each isomorphism is a kind line
/// (Expression, Statement, Type...), a header "@ name @", metavariable declarations, "@@", and
/// terms separated by "&lt;=&gt;" or "=&gt;". Each term is parsed as the code of a small rule.
/// </summary>
public static partial class IsoFileParser
{
    [GeneratedRegex(@"(?<=\s|^)(<=>|=>)(?=\s|$)")]
    private static partial Regex ArrowRegex();

    public static (List<IsoRule> Rules, List<Diagnostic> Diagnostics) Parse(SourceText file)
    {
        var rules = new List<IsoRule>();
        var diagnostics = new List<Diagnostic>();
        string text = file.ToString();
        var lines = text.Split('\n');
        int i = 0;
        while (i < lines.Length)
        {
            string line = StripComment(lines[i]).Trim();
            if (line.Length == 0)
            {
                i++;
                continue;
            }

            if (!TryKind(line, out var kind))
            {
                diagnostics.Add(Error(file, i, $"expected an isomorphism kind (Expression, Statement, Type...) but found '{line}'"));
                return (rules, diagnostics);
            }

            int kindLine = i;
            i++;
            // Header, declarations and "@@" up to the terms.
            var header = new StringBuilder();
            int atCount = 0;
            while (i < lines.Length)
            {
                string l = lines[i];
                header.Append(l).Append('\n');
                atCount += Count(StripComment(l), "@@") * 2 + Count(StripComment(l).Replace("@@", string.Empty, StringComparison.Ordinal), "@");
                i++;
                if (atCount >= 4)
                {
                    break;
                }
            }

            // Terms: up to the next kind line.
            var body = new StringBuilder();
            int bodyLine = i;
            while (i < lines.Length && !TryKind(StripComment(lines[i]).Trim(), out _))
            {
                body.Append(lines[i]).Append('\n');
                i++;
            }

            var rule = BuildRule(file, kind, header.ToString(), body.ToString(), kindLine, bodyLine, diagnostics);
            if (rule is not null)
            {
                rules.Add(rule);
            }
        }

        return (rules, diagnostics);
    }

    private static IsoRule? BuildRule(SourceText file, IsoKind kind, string header, string body, int kindLine, int bodyLine, List<Diagnostic> diagnostics)
    {
        // "pure" and "context" qualify metavariables; note and drop them for the declaration parser.
        var pure = new HashSet<string>(StringComparer.Ordinal);
        var context = new HashSet<string>(StringComparer.Ordinal);
        var headerLines = header.Split('\n');
        var cleaned = new StringBuilder();
        string? name = null;
        foreach (string raw in headerLines)
        {
            string l = StripComment(raw);
            string trimmed = l.Trim();
            if (name is null && trimmed.StartsWith('@') && !trimmed.StartsWith("@@", StringComparison.Ordinal))
            {
                name = trimmed.Trim('@').Trim();
            }

            bool isPure = false, isContext = false;
            while (true)
            {
                if (trimmed.StartsWith("pure ", StringComparison.Ordinal))
                {
                    isPure = true;
                    trimmed = trimmed[5..].TrimStart();
                }
                else if (trimmed.StartsWith("context ", StringComparison.Ordinal))
                {
                    isContext = true;
                    trimmed = trimmed[8..].TrimStart();
                }
                else
                {
                    break;
                }
            }

            if (isPure || isContext)
            {
                foreach (string n in DeclaredNames(trimmed))
                {
                    if (isPure)
                    {
                        pure.Add(n);
                    }

                    if (isContext)
                    {
                        context.Add(n);
                    }
                }
            }

            cleaned.Append(trimmed.StartsWith('@') ? "@@" : trimmed).Append('\n');
        }

        // The terms, split at the arrows (which may sit on their own lines).
        var flat = new StringBuilder();
        foreach (string raw in body.Split('\n'))
        {
            flat.Append(StripComment(raw)).Append('\n');
        }

        string all = flat.ToString();
        var pieces = new List<string>();
        var arrows = new List<string>();
        int last = 0;
        foreach (Match m in ArrowRegex().Matches(all))
        {
            pieces.Add(all[last..m.Index]);
            arrows.Add(m.Value);
            last = m.Index + m.Length;
        }

        pieces.Add(all[last..]);
        var terms = new List<IsoTerm>();
        string declarations = cleaned.ToString();
        int firstAt = declarations.IndexOf("@@", StringComparison.Ordinal);
        foreach (string piece in pieces)
        {
            string ruleText = declarations + "\n" + (piece.StartsWith(' ') ? piece : " " + piece.Trim()) + "\n";
            var parsed = SmplParser.Parse(SourceText.FromString(file.Path, ruleText));
            if (!parsed.Success || parsed.File!.Rules.Count != 1 || parsed.File.Rules[0] is not CodeRule codeRule)
            {
                string why = parsed.Diagnostics.FirstOrDefault()?.Message ?? "not a pattern";
                diagnostics.Add(Error(file, bodyLine, $"isomorphism {name}: cannot read term '{piece.Trim()}': {why}"));
                return null;
            }

            var items = codeRule.Body.Minus.Root.AsPatternBody().ItemList.ChildNodes().ToList();
            if (items.Count != 1)
            {
                diagnostics.Add(Error(file, bodyLine, $"isomorphism {name}: a term must be one pattern: '{piece.Trim()}'"));
                return null;
            }

            terms.Add(new IsoTerm { Rule = codeRule, Pattern = items[0] });
        }

        _ = firstAt;
        _ = kindLine;
        return new IsoRule
        {
            Name = name ?? $"iso{kindLine + 1}",
            Kind = kind,
            Terms = terms,
            Targets = ComputeTargets(arrows, terms.Count),
            Pure = pure,
            Context = context,
            Span = new TextSpan(kindLine < file.LineCount ? file.GetLineStart(kindLine + 1) : file.Length, 0),
        };
    }

    /// <summary>
    /// Terms connected by &lt;=&gt; lead to each other; "=&gt;" leads from everything before it to
    /// everything after it, one way.
    /// </summary>
    private static List<IReadOnlyList<int>> ComputeTargets(List<string> arrows, int count)
    {
        var targets = new List<IReadOnlyList<int>>();
        for (int from = 0; from < count; from++)
        {
            var list = new List<int>();
            for (int to = 0; to < count; to++)
            {
                if (to == from)
                {
                    continue;
                }

                bool ok = true;
                if (to < from)
                {
                    // Going left: only across <=>.
                    for (int a = to; a < from; a++)
                    {
                        ok &= arrows[a] == "<=>";
                    }
                }

                if (ok)
                {
                    list.Add(to);
                }
            }

            targets.Add(list);
        }

        return targets;
    }

    private static IEnumerable<string> DeclaredNames(string declaration)
    {
        string d = declaration.TrimEnd().TrimEnd(';');
        // The names are the comma-separated last words: "identifier fld" / "T *E1" / "expression X, Y".
        foreach (string part in d.Split(','))
        {
            string p = part.Trim().TrimStart('*');
            int space = p.LastIndexOfAny([' ', '*']);
            yield return (space < 0 ? p : p[(space + 1)..]).Trim();
        }
    }

    private static bool TryKind(string line, out IsoKind kind)
    {
        switch (line)
        {
            case "Expression":
                kind = IsoKind.Expression;
                return true;
            case "TestExpression":
                kind = IsoKind.TestExpression;
                return true;
            case "ToTestExpression":
                kind = IsoKind.ToTestExpression;
                return true;
            case "ArgExpression":
                kind = IsoKind.ArgExpression;
                return true;
            case "Statement":
                kind = IsoKind.Statement;
                return true;
            case "Type":
                kind = IsoKind.Type;
                return true;
            case "Declaration":
                kind = IsoKind.Declaration;
                return true;
            case "TopLevel":
                kind = IsoKind.TopLevel;
                return true;
            default:
                kind = default;
                return false;
        }
    }

    private static string StripComment(string line)
    {
        int c = line.IndexOf("//", StringComparison.Ordinal);
        return c < 0 ? line : line[..c];
    }

    private static int Count(string s, string sub)
    {
        int n = 0;
        int i = 0;
        while ((i = s.IndexOf(sub, i, StringComparison.Ordinal)) >= 0)
        {
            n++;
            i += sub.Length;
        }

        return n;
    }

    private static Diagnostic Error(SourceText file, int line, string message)
    {
        int offset = line < file.LineCount ? file.GetLineStart(line + 1) : file.Length;
        return new Diagnostic(DiagnosticId.IsoSyntaxError, file, new TextSpan(offset, 0), message);
    }
}
