using Sevenspot.C;

namespace Sevenspot.Engine;

/// <summary>
/// Which terms of a file a single-term pattern can match in one inherited environment. A match compares
/// each of the rule's <see cref="CompiledRule.RequiredTerms"/> with code inside the term, and compared
/// code spells the same tokens as the value (<see cref="CodeValue.SameTokens"/>), so a term that holds
/// no token with the rarest name of a value cannot match: it is not tried. A rule that inherits the
/// expression of each kfree call tries every term of the file per call otherwise.
/// </summary>
internal sealed class TermFilter
{
    private readonly int[][] _occurrences;

    private TermFilter(int[][] occurrences, bool nothingMatches)
    {
        _occurrences = occurrences;
        NothingMatches = nothingMatches;
    }

    /// <summary>Some value has a name that the file never spells: no term matches.</summary>
    public bool NothingMatches { get; }

    /// <summary>The filter for the environment, or null when it rules nothing out.</summary>
    public static TermFilter? For(string[] requiredTerms, Env env, FileSession session)
    {
        if (requiredTerms.Length == 0)
        {
            return null;
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
                    return new TermFilter([], nothingMatches: true);
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
                    return new TermFilter([], nothingMatches: true);
                }

                (occurrences ??= []).Add(rarest);
            }
        }

        return occurrences is null ? null : new TermFilter([.. occurrences], nothingMatches: false);
    }

    /// <summary>Whether the term holds a token of each needed name.</summary>
    public bool MayMatch(SyntaxNode term)
    {
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
