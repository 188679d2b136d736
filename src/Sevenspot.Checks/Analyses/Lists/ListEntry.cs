using Sevenspot.C;
using Sevenspot.Checks.Primitives;

namespace Sevenspot.Checks;

/// <summary>
/// The element a list operation acts on: the object (<c>c</c> in <c>list_add(&amp;c-&gt;node, ...)</c>,
/// <c>elm</c> in <c>TAILQ_REMOVE(head, elm, link)</c>) and its link member. <see cref="Key"/> names the
/// link ("c|node"); a list_head passed by pointer is its own object with an empty member.
/// </summary>
public readonly record struct ListEntry(string Object, string Member)
{
    public string Key => Object + "|" + Member;

    public static string ObjectOfKey(string key) => key[..key.IndexOf('|', StringComparison.Ordinal)];

    public static string MemberOfKey(string key) => key[(key.IndexOf('|', StringComparison.Ordinal) + 1)..];

    /// <summary>
    /// Whether a member stands for the links a function of another file made on the object it
    /// returned (<c>@name</c>): which members they are is known only over the tree.
    /// </summary>
    public static bool IsExternal(string member) => member.StartsWith('@');

    /// <summary>
    /// The caller's key of what a callee does to <paramref name="member"/> of the parameter an
    /// argument is passed to: <c>&amp;x-&gt;node</c> passed to a list_head parameter is x's node,
    /// <c>x</c> passed to a parameter whose node the callee unlinks is x's node too.
    /// </summary>
    public static string KeyThrough(SyntaxNode argument, string member)
    {
        var node = SyntaxHelpers.StripParenthesesAndCasts(argument);
        if (member.Length == 0 && node.Kind == SyntaxKind.PrefixUnary && node.AsPrefixUnary().Operator.Kind == SyntaxKind.AmpersandToken)
        {
            var operand = SyntaxHelpers.StripParentheses(node.AsPrefixUnary().Operand);
            if (operand.Kind == SyntaxKind.MemberAccess)
            {
                var access = operand.AsMemberAccess();
                return SyntaxHelpers.Key(SyntaxHelpers.StripParenthesesAndCasts(access.Expression)) + "|" + access.Name.Text;
            }
        }

        return SyntaxHelpers.Key(node) + "|" + member;
    }

    public static ListEntry? Of(ListOperation operation, SyntaxNode call)
    {
        if (SyntaxHelpers.Argument(call, operation.EntryArgument) is not { } entry)
        {
            return null;
        }

        if (operation.FieldArgument >= 0)
        {
            return SyntaxHelpers.Argument(call, operation.FieldArgument) is { } field
                ? new ListEntry(SyntaxHelpers.Key(SyntaxHelpers.StripParenthesesAndCasts(entry)), SyntaxHelpers.Key(field))
                : null;
        }

        var node = SyntaxHelpers.StripParenthesesAndCasts(entry);
        if (node.Kind == SyntaxKind.PrefixUnary && node.AsPrefixUnary().Operator.Kind == SyntaxKind.AmpersandToken)
        {
            var operand = SyntaxHelpers.StripParentheses(node.AsPrefixUnary().Operand);
            if (operand.Kind == SyntaxKind.MemberAccess)
            {
                var member = operand.AsMemberAccess();
                return new ListEntry(SyntaxHelpers.Key(SyntaxHelpers.StripParenthesesAndCasts(member.Expression)), member.Name.Text);
            }
        }

        return new ListEntry(SyntaxHelpers.Key(node), string.Empty);
    }

    /// <summary>The keys an assignment in a node overwrites: its left sides, and names a declaration introduces.</summary>
    public static IEnumerable<string> AssignedKeys(IEnumerable<SyntaxNode> nodes)
    {
        foreach (var node in nodes)
        {
            if (node.Kind == SyntaxKind.AssignmentExpression)
            {
                yield return SyntaxHelpers.Key(node.AsAssignmentExpression().Left);
            }
            else if (node.Kind == SyntaxKind.InitDeclarator && Declarators.DeclaredName(node.AsInitDeclarator().Declarator, throughFunctions: false) is { } name)
            {
                yield return name;
            }
        }
    }

    /// <summary>Whether a fact about <paramref name="objectKey"/> dies when <paramref name="assigned"/> is assigned: the object itself, or what it is reached through.</summary>
    public static bool DiesWith(string objectKey, string assigned) =>
        objectKey == assigned || objectKey.StartsWith(assigned + " ", StringComparison.Ordinal);
}
