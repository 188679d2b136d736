using Sevenspot.C;

namespace Sevenspot.Checks.Flow;

/// <summary>
/// Variables with a scope-based cleanup (linux/cleanup.h, Linux 6.5 on):
/// <c>struct device *dev __free(put_device) = ...;</c> runs put_device(dev) when dev goes out of
/// scope, on every path; <c>no_free_ptr(dev)</c> and <c>return_ptr(dev)</c> hand the object on
/// instead. Either way the function holds no reference in such a variable that it must drop itself.
/// </summary>
public static class ScopeFreed
{
    /// <summary>The names of a function's variables declared with <c>__free(...)</c>.</summary>
    public static HashSet<string> Variables(SyntaxNode function)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var node in function.DescendantNodesAndSelf())
        {
            if (node.Kind != SyntaxKind.AttributeMacro || node.AsAttributeMacro().Name.Text != "__free")
            {
                continue;
            }

            if (node.FirstAncestorOrSelf(SyntaxKind.InitDeclarator) is { } init
                && Declarators.DeclaredName(init.AsInitDeclarator().Declarator, throughFunctions: false) is { } name)
            {
                names.Add(name);
            }
            else if (node.FirstAncestorOrSelf(SyntaxKind.Declaration) is { } declaration)
            {
                // The attribute among the specifiers: it belongs to every declarator of the declaration.
                foreach (var declarator in declaration.AsDeclaration().DeclaratorList.ChildNodes())
                {
                    var inner = declarator.Kind == SyntaxKind.InitDeclarator ? declarator.AsInitDeclarator().Declarator : declarator;
                    if (Declarators.DeclaredName(inner, throughFunctions: false) is { } declared)
                    {
                        names.Add(declared);
                    }
                }
            }
        }

        return names;
    }
}
