namespace Sevenspot.Checks;

/// <summary>
/// The <c>#include</c> directives of a file, in order: the name, and whether it was quoted
/// (<c>"x.h"</c>) or angled (<c>&lt;linux/x.h&gt;</c>). Scanned once per file and shared by
/// the readers of its headers (guard classes, reference-taking inlines).
/// </summary>
public sealed class IncludeDirectives
{
    private IncludeDirectives(IReadOnlyList<(string Name, bool Quoted)> names) => Names = names;

    /// <summary>The directives of the file, in order.</summary>
    public IReadOnlyList<(string Name, bool Quoted)> Names { get; }

    /// <summary>The directives of a file, scanned on the first request.</summary>
    public static IncludeDirectives Of(FileContext file) => file.GetShared(static f => new IncludeDirectives([.. Scan(f.Text.ToString())]));

    /// <summary>The <c>#include</c> directives of any text (a header read from disk): the name, and whether it was quoted.</summary>
    public static IEnumerable<(string Name, bool Quoted)> Scan(string text)
    {
        int at = 0;
        while ((at = text.IndexOf("include", at, StringComparison.Ordinal)) >= 0)
        {
            int word = at;
            at += "include".Length;
            int hash = word - 1;
            while (hash >= 0 && text[hash] is ' ' or '\t')
            {
                hash--;
            }

            if (hash < 0 || text[hash] != '#')
            {
                continue;
            }

            int lineStart = hash - 1;
            while (lineStart >= 0 && text[lineStart] is ' ' or '\t')
            {
                lineStart--;
            }

            if (lineStart >= 0 && text[lineStart] != '\n')
            {
                continue;
            }

            int i = at;
            while (i < text.Length && text[i] is ' ' or '\t')
            {
                i++;
            }

            if (i >= text.Length || text[i] is not ('"' or '<'))
            {
                continue;
            }

            char close = text[i] == '"' ? '"' : '>';
            int end = text.IndexOf(close, i + 1);
            int newline = text.IndexOf('\n', i + 1);
            if (end > i + 1 && (newline < 0 || end < newline))
            {
                yield return (text[(i + 1)..end], close == '"');
            }
        }
    }
}
