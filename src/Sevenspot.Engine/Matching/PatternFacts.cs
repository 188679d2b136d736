using System.Collections.Concurrent;
using Sevenspot.C;

namespace Sevenspot.Engine;

/// <summary>
/// Facts about a rule's pattern that do not depend on the code: computed on first use and then
/// shared by every file, inherited environment and control-flow node the rule is matched at (the
/// matcher otherwise recomputed them at each node). Safe to share between worker threads.
/// </summary>
internal sealed class PatternFacts
{
    private readonly ConcurrentDictionary<(SyntaxTree Tree, int Branch, int Disjunction), string[]> _localToBranch = new();

    /// <summary>
    /// The metavariables of a disjunction's branch (those of the code it adds included) that the rule
    /// names nowhere outside the disjunction: where the branch matches with them left free excludes
    /// the later branches.
    /// </summary>
    public string[] LocalToBranch(Matcher matcher, SyntaxNode branch, SyntaxNode disjunction)
    {
        var key = (branch.Tree, branch.Index, disjunction.Index);
        if (_localToBranch.TryGetValue(key, out var names))
        {
            return names;
        }

        var local = new List<string>();
        foreach (string name in matcher.FreeVariables(branch))
        {
            if (!matcher.UsedOutside(name, disjunction))
            {
                local.Add(name);
            }
        }

        names = [.. local];
        _localToBranch.TryAdd(key, names);
        return names;
    }
}
