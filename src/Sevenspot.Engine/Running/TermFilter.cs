using Sevenspot.C;

namespace Sevenspot.Engine;

/// <summary>
/// Which terms of a file a single-term pattern can match in one inherited environment. A match compares
/// each of the rule's <see cref="CompiledRule.RequiredTerms"/> with code inside the term, and compared
/// code spells the same tokens as the value (<see cref="CodeValue.SameTokens"/>), so a term that holds
/// no token with the rarest name of a value cannot match: it is not tried. A rule that inherits the
/// expression of each kfree call tries every term of the file per call otherwise. Likewise a match binds
/// each of the rule's <see cref="CompiledRule.RequiredTermPositions"/> at a token of the term, and an
/// inherited position equals only a token at its line and column: a term that does not reach the line
/// of its value is not tried (a rule inheriting the place of each initializer of a file tried every
/// declaration of the file per place).
/// </summary>
internal sealed class TermFilter
{
    private readonly int[][] _occurrences;

    // Offset ranges [start, end) of the lines the inherited positions name, in the file (for a #define
    // body parsed on its own, the file it is in: positions bound there are reported at their place in it).
    private readonly (int Start, int End)[] _lines;

    // Where the tree's text is in its file; null for the file's own tree.
    private readonly SourceOrigin? _origin;

    private TermFilter(int[][] occurrences, (int Start, int End)[] lines, SourceOrigin? origin, bool nothingMatches)
    {
        _occurrences = occurrences;
        _lines = lines;
        _origin = origin;
        NothingMatches = nothingMatches;
    }

    /// <summary>Some value has a name that the file never spells: no term matches.</summary>
    public bool NothingMatches { get; }

    /// <summary>The filter for the environment, or null when it rules nothing out.</summary>
    public static TermFilter? For(string[] requiredTerms, string[] requiredPositions, Env env, FileSession session)
    {
        var lines = LinesOf(requiredPositions, env, session);
        if (requiredTerms.Length == 0)
        {
            return lines.Length == 0 ? null : new TermFilter([], lines, session.Origin, nothingMatches: false);
        }

        var names = session.Tree.Names;
        List<int[]>? occurrences = null;
        foreach (string name in requiredTerms)
        {
            // A value from a script compares by its text, which need not be tokens: no filter for it.
            if (!env.TryGet(name, out var value) || value is not CodeValue code)
            {
                continue;
            }

            int[]? rarest = null;
            var tree = code.Tree;
            for (int t = code.FirstToken; t <= code.LastToken; t++)
            {
                var token = tree.Tokens[t];
                if (token.Name == 0 || token.Kind == SyntaxKind.DisabledToken)
                {
                    continue;
                }

                int id = ReferenceEquals(tree, session.Tree) ? token.Name : names.Find(tree.Names.GetString(token.Name));
                if (id <= 0)
                {
                    return new TermFilter([], [], null, nothingMatches: true);
                }

                var found = session.OccurrencesOf(id);
                if (rarest is null || found.Length < rarest.Length)
                {
                    rarest = found;
                }
            }

            if (rarest is not null)
            {
                if (rarest.Length == 0)
                {
                    return new TermFilter([], [], null, nothingMatches: true);
                }

                (occurrences ??= []).Add(rarest);
            }
        }

        return occurrences is null && lines.Length == 0 ? null : new TermFilter(occurrences is null ? [] : [.. occurrences], lines, session.Origin, nothingMatches: false);
    }

    /// <summary>The lines of this file that the environment's values of the positions name (a value in another file rules nothing out).</summary>
    private static (int Start, int End)[] LinesOf(string[] requiredPositions, Env env, FileSession session)
    {
        if (requiredPositions.Length == 0)
        {
            return [];
        }

        var text = session.Origin?.File ?? session.Tree.Text;
        List<(int, int)>? lines = null;
        foreach (string name in requiredPositions)
        {
            if (env.TryGet(name, out var value) && value is PositionValue p && p.File == text.Path && p.Start.Line >= 1 && p.Start.Line <= text.LineCount)
            {
                int line = p.Start.Line;
                (lines ??= []).Add((text.GetLineStart(line), line < text.LineCount ? text.GetLineStart(line + 1) : text.Length));
            }
        }

        return lines is null ? [] : [.. lines];
    }

    /// <summary>Whether the term reaches the line of each needed position and holds a token of each needed name.</summary>
    public bool MayMatch(SyntaxNode term)
    {
        var span = term.Span;
        int termStart = _origin?.ToFile(span.Start) ?? span.Start;
        int termEnd = _origin?.ToFile(span.End) ?? span.End;
        foreach (var (start, end) in _lines)
        {
            if (termStart >= end || termEnd < start)
            {
                return false;
            }
        }

        int first = term.FirstTokenIndex, last = term.LastTokenIndex;
        foreach (var sorted in _occurrences)
        {
            int i = Array.BinarySearch(sorted, first);
            if (i < 0)
            {
                i = ~i;
            }

            if (i >= sorted.Length || sorted[i] > last)
            {
                return false;
            }
        }

        return true;
    }
}
