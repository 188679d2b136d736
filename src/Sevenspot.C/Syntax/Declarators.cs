namespace Sevenspot.C;

/// <summary>Questions about declarators that several layers ask.</summary>
public static class Declarators
{
    /// <summary>
    /// The identifier a declarator declares, looking through init-declarators and pointer,
    /// parenthesized, array, bit-field and (unless <paramref name="throughFunctions"/> is false)
    /// function declarators; null for an abstract declarator.
    /// </summary>
    public static SyntaxToken? DeclaredIdentifier(SyntaxNode? declarator, bool throughFunctions = true)
    {
        while (declarator is { } d)
        {
            switch (d.Kind)
            {
                case SyntaxKind.IdentifierDeclarator:
                    return d.AsIdentifierDeclarator().Identifier;
                case SyntaxKind.InitDeclarator:
                    declarator = d.AsInitDeclarator().Declarator;
                    break;
                case SyntaxKind.PointerDeclarator:
                    declarator = d.AsPointerDeclarator().Declarator;
                    break;
                case SyntaxKind.ParenthesizedDeclarator:
                    declarator = d.AsParenthesizedDeclarator().Declarator;
                    break;
                case SyntaxKind.ArrayDeclarator:
                    declarator = d.AsArrayDeclarator().Declarator;
                    break;
                case SyntaxKind.BitFieldDeclarator:
                    declarator = d.AsBitFieldDeclarator().Declarator;
                    break;
                case SyntaxKind.FunctionDeclarator when throughFunctions:
                    declarator = d.AsFunctionDeclarator().Declarator;
                    break;
                default:
                    return null;
            }
        }

        return null;
    }

    /// <summary>The text of <see cref="DeclaredIdentifier"/>.</summary>
    public static string? DeclaredName(SyntaxNode? declarator, bool throughFunctions = true) =>
        DeclaredIdentifier(declarator, throughFunctions)?.Text;
}
