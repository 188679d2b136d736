using System.Runtime.CompilerServices;
using Sevenspot.C;

namespace Sevenspot.Engine;

/// <summary>
/// The file session of each tree being matched, so that bound values (which know only their tree)
/// can ask which declaration a name refers to when two of them are compared.
/// </summary>
internal static class CodeVariables
{
    private static readonly ConditionalWeakTable<SyntaxTree, FileSession> s_sessions = [];

    public static void Register(FileSession session) => s_sessions.AddOrUpdate(session.Tree, session);

    /// <summary>The types of the tree's session (built on first use), or null when the tree has no session or no types.</summary>
    public static ITypeOracle? TypesOf(SyntaxTree tree) => s_sessions.TryGetValue(tree, out var session) ? session.Types : null;
}
