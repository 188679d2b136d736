namespace Sevenspot.C;

[Flags]
internal enum NodeFlags : byte
{
    None = 0,
    ContainsErrors = 1,
}

/// <summary>One node of a tree, stored in a flat array; its children are a range of <see cref="SyntaxTree"/>'s child array.</summary>
internal struct NodeData
{
    public SyntaxKind Kind;
    public NodeFlags Flags;
    public int Parent;
    public int ChildStart;
    public int ChildCount;

    /// <summary>Index of the first token; for an empty node, the token that follows it.</summary>
    public int FirstToken;

    /// <summary>Index of the last token; FirstToken - 1 for an empty node.</summary>
    public int LastToken;
}

/// <summary>Encoding of a child reference: a token index (&gt;= 0), an absent slot (-1), or a node (-(index + 2)).</summary>
internal static class ChildRef
{
    public const int Absent = -1;

    public static int FromNode(int node) => -(node + 2);

    public static bool IsToken(int r) => r >= 0;

    public static bool IsNode(int r) => r <= -2;

    public static int NodeIndex(int r) => -r - 2;
}
