using Sevenspot.C;
using Sevenspot.Text;

namespace Sevenspot.Smpl;

/// <summary>
/// spatch's warning on a metavariable a rule declares and never uses: a metavariable of the rule's
/// own must occur in its matched code (context, - and * lines, "when" clauses, a position attached
/// there, or the length of a list metavariable that does); one inherited from another rule may occur
/// in the added code too, or in the seed of a fresh identifier; a fresh identifier
/// must occur in the added code. A metavariable named only in another's constraint is unused.
/// Names that only declare what a word is (symbol, typedef, declarer, iterator and attribute
/// names) are not checked. The warning sits on the metavariable's declaration.
/// </summary>
public static class UnusedMetavariables
{
    /// <summary>The warnings on the code rules named in <paramref name="checkedRules"/>, in rule order.</summary>
    public static List<Diagnostic> Check(SmplFile patch, IReadOnlySet<string> checkedRules)
    {
        var warnings = new List<Diagnostic>();
        foreach (var rule in patch.Rules)
        {
            if (rule is CodeRule code && checkedRules.Contains(code.Name))
            {
                Check(code, patch.SourceOf(code), warnings);
            }
        }

        return warnings;
    }

    private static void Check(CodeRule rule, SourceText file, List<Diagnostic> warnings)
    {
        HashSet<string>? matched = null;
        HashSet<string>? added = null;
        foreach (var meta in rule.Metavariables)
        {
            if (meta.ByExtends
                || meta.Kind is MetavariableKind.Symbol or MetavariableKind.Typedef or MetavariableKind.DeclarerName
                or MetavariableKind.IteratorName or MetavariableKind.AttributeName)
            {
                continue;
            }

            matched ??= MatchedNames(rule);
            if (meta.Kind == MetavariableKind.FreshIdentifier)
            {
                added ??= Names(rule.Body.Plus, rule.Body.PlusPositions, null);
                if (!added.Contains(meta.Name))
                {
                    warnings.Add(new Diagnostic(DiagnosticId.SmplFreshIdentifierNotAdded, file, DeclarationSpan(file, meta), meta.Name));
                }

                continue;
            }

            if (matched.Contains(meta.Name))
            {
                continue;
            }

            if (!meta.IsInherited)
            {
                warnings.Add(new Diagnostic(DiagnosticId.SmplMetavariableNotMatched, file, DeclarationSpan(file, meta), meta.Name));
                continue;
            }

            added ??= Names(rule.Body.Plus, rule.Body.PlusPositions, null);
            if (!added.Contains(meta.Name) && !InFreshSeed(rule, meta.Name))
            {
                warnings.Add(new Diagnostic(DiagnosticId.SmplInheritedMetavariableNotUsed, file, DeclarationSpan(file, meta), meta.Name));
            }
        }
    }

    /// <summary>
    /// The names the rule's matched code gives values to: its context, - and * code and positions,
    /// the lengths of the lists there and the types in the declarations of the metavariables there.
    /// </summary>
    internal static HashSet<string> MatchedNames(CodeRule rule) =>
        WithDeclaredTypes(rule, WithListLengths(rule, Names(rule.Body.Minus, rule.Body.Positions, rule.Body.Directive ?? rule.Body.DefineHeader)));

    /// <summary>A type metavariable named in the declared type of a matched one ("type t; t *dev;") gets its value there.</summary>
    private static HashSet<string> WithDeclaredTypes(CodeRule rule, HashSet<string> names)
    {
        foreach (var meta in rule.Metavariables)
        {
            if (!names.Contains(meta.Name))
            {
                continue;
            }

            foreach (string type in meta.Types)
            {
                foreach (string word in type.Split([' ', '*', '[', ']', '(', ')', ','], StringSplitOptions.RemoveEmptyEntries))
                {
                    names.Add(word);
                }
            }
        }

        return names;
    }

    /// <summary>Whether a fresh identifier of the rule is made from the metavariable's value ("fresh identifier f = "x_" ## fn;").</summary>
    private static bool InFreshSeed(CodeRule rule, string name)
    {
        foreach (var meta in rule.Metavariables)
        {
            foreach (var part in meta.Seed)
            {
                if (part.IsMetavariable && part.Text == name)
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>A metavariable that gives another list's length ("expression list[n] es;") is used where that list is.</summary>
    private static HashSet<string> WithListLengths(CodeRule rule, HashSet<string> names)
    {
        foreach (var meta in rule.Metavariables)
        {
            if (meta.ListLengthName is { } length)
            {
                names.Add(length);
                int dot = length.IndexOf('.', StringComparison.Ordinal);
                if (dot >= 0)
                {
                    names.Add(length[(dot + 1)..]);
                }
            }
        }

        return names;
    }

    /// <summary>Every word of one side of the rule's code, with the positions attached to it and the names in a directive pattern.</summary>
    internal static HashSet<string> Names(SyntaxTree tree, IReadOnlyDictionary<int, IReadOnlyList<string>> positions, DirectivePattern? directive)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < tree.TokenCount; i++)
        {
            var token = tree.GetToken(i);
            names.Add(token.Text);
            if (token.Kind == SyntaxKind.StringLiteralToken)
            {
                AddFormatNames(token.Text, names);
            }
        }

        foreach (var (_, attached) in positions)
        {
            names.UnionWith(attached);
        }

        if (directive is not null)
        {
            string text = directive.Text;
            for (int i = 0; i < text.Length; i++)
            {
                int start = i;
                while (i < text.Length && IsNameChar(text[i]))
                {
                    i++;
                }

                if (i > start)
                {
                    names.Add(text[start..i]);
                }
            }
        }

        return names;
    }

    /// <summary>The format metavariables a string names ("%@d@").</summary>
    private static void AddFormatNames(string text, HashSet<string> names)
    {
        int start = text.IndexOf("%@", StringComparison.Ordinal);
        while (start >= 0)
        {
            int end = text.IndexOf('@', start + 2);
            if (end < 0)
            {
                return;
            }

            names.Add(text[(start + 2)..end]);
            start = text.IndexOf("%@", end + 1, StringComparison.Ordinal);
        }
    }

    /// <summary>The metavariable's name in its declaration ("r.x" for an inherited one), else the start of the declaration's line.</summary>
    internal static TextSpan DeclarationSpan(SourceText file, Metavariable meta)
    {
        if (meta.Line < 1 || meta.Line > file.LineCount)
        {
            return new TextSpan(0, 0);
        }

        string line = file.GetLineText(meta.Line);
        int start = file.GetLineStart(meta.Line);
        string word = meta.IsInherited ? meta.InheritedFrom + "." + meta.InheritedName : meta.Name;
        for (int at = line.IndexOf(word, StringComparison.Ordinal); at >= 0; at = line.IndexOf(word, at + 1, StringComparison.Ordinal))
        {
            bool before = at == 0 || !IsNameChar(line[at - 1]);
            bool after = at + word.Length >= line.Length || !IsNameChar(line[at + word.Length]);
            if (before && after)
            {
                return new TextSpan(start + System.Text.Encoding.UTF8.GetByteCount(line.AsSpan(0, at)), System.Text.Encoding.UTF8.GetByteCount(word));
            }
        }

        // "r . x": spaces around the dot.
        if (meta.IsInherited
            && System.Text.RegularExpressions.Regex.Match(line, @"\b" + System.Text.RegularExpressions.Regex.Escape(meta.InheritedFrom!) + @"\s*\.\s*"
                + System.Text.RegularExpressions.Regex.Escape(meta.InheritedName!) + @"\b") is { Success: true } spaced)
        {
            return new TextSpan(start + System.Text.Encoding.UTF8.GetByteCount(line.AsSpan(0, spaced.Index)), System.Text.Encoding.UTF8.GetByteCount(spaced.Value));
        }

        int indent = 0;
        while (indent < line.Length && line[indent] is ' ' or '\t')
        {
            indent++;
        }

        return new TextSpan(start + indent, 1);
    }

    private static bool IsNameChar(char c) => char.IsAsciiLetterOrDigit(c) || c == '_';
}
