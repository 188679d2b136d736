using Sevenspot.C;
using Sevenspot.Text;

namespace Sevenspot.Smpl;

/// <summary>
/// Declarations of several declarators in a pattern, as spatch's grammar takes them. When the first
/// declarator has no initializer, what follows it may only be names, with array sizes, or function
/// pointers ("int a, b[4], (*f)(int);"): spatch reads the type once and each name as a declaration of
/// that type, and refuses "int a, *b;" or "int a, b = 1;" with a parse error. The same is refused
/// here, at the declarator, rather than read as C reads it. A declaration whose first declarator has
/// an initializer is taken as C reads it.
/// </summary>
internal static class DeclaratorLists
{
    /// <summary>Reports each declarator spatch would not parse; true when there is one.</summary>
    public static bool Report(SyntaxTree tree, SourceText file, string slice, List<Diagnostic> diagnostics)
    {
        bool any = false;
        foreach (var node in tree.Root.DescendantNodesAndSelf())
        {
            if (node.Kind == SyntaxKind.Declaration && FirstRefused(node) is { } refused)
            {
                var token = tree.GetToken(refused.FirstTokenIndex);
                diagnostics.Add(new Diagnostic(DiagnosticId.SmplSyntaxError, file, token.Span,
                    $"{slice}: after a first declarator without initializer, a declaration takes only names, array names and function pointers (as spatch); write this one as a declaration of its own"));
                any = true;
            }
        }

        return any;
    }

    /// <summary>Whether the first declarator of the declaration has no initializer and others follow it: spatch's list of names.</summary>
    public static bool IsNameList(SyntaxNode declaration)
    {
        var list = declaration.AsDeclaration().DeclaratorList;
        return list.ChildCount > 1 && list.GetNodeSlot(0) is { } first && !HasInitializer(first);
    }

    private static SyntaxNode? FirstRefused(SyntaxNode declaration)
    {
        if (!IsNameList(declaration))
        {
            return null;
        }

        var list = declaration.AsDeclaration().DeclaratorList;
        bool first = true;
        foreach (var child in list.Children)
        {
            if (child.IsToken)
            {
                continue;
            }

            var d = child.AsNode();
            if (!first && (HasInitializer(d) || !IsNameOrFunctionPointer(d.Kind == SyntaxKind.InitDeclarator ? d.AsInitDeclarator().Declarator : d)))
            {
                return d;
            }

            first = false;
        }

        return null;
    }

    private static bool HasInitializer(SyntaxNode d) => d.Kind == SyntaxKind.InitDeclarator && d.AsInitDeclarator().EqualsToken is not null;

    private static bool IsNameOrFunctionPointer(SyntaxNode declarator)
    {
        var d = declarator;
        while (d.Kind == SyntaxKind.ArrayDeclarator)
        {
            d = d.AsArrayDeclarator().Declarator;
        }

        if (d.Kind == SyntaxKind.IdentifierDeclarator)
        {
            return true;
        }

        // "(*f)(int)": a function declarator over a parenthesized pointer to a name.
        return d.Kind == SyntaxKind.FunctionDeclarator && d.AsFunctionDeclarator().Declarator is { Kind: SyntaxKind.ParenthesizedDeclarator } p
            && p.AsParenthesizedDeclarator().Declarator is { Kind: SyntaxKind.PointerDeclarator } star
            && star.AsPointerDeclarator().Declarator.Kind == SyntaxKind.IdentifierDeclarator;
    }
}
