using Sevenspot.C;

namespace Sevenspot.Engine;

/// <summary>
/// What a single-term pattern can match in a #define body that is one integer constant
/// ("#define REG__FIELD_MASK 0x0000FFFFL"), decided from the pattern alone so that such a body is
/// not parsed for a rule that cannot match there. The body is read as the initializer
/// "int __sevenspot_macro_body = 0x0000FFFFL;" and a term matches the body's own code only
/// (<see cref="MacroBody"/>), so a match is rooted at the constant's node or at a node of the
/// wrapper (the declaration, its declarator): none of them is an operator of C, and the constant is
/// at no test position (the condition of an if, an operand of !, &amp;&amp;, ||).
/// </summary>
internal static class BodyPatterns
{
    /// <summary>
    /// False only when the pattern cannot match any node of such a body: every form of it (disjunction
    /// branches, optional parentheses, the targets of an isomorphism that applies at it) is an operator
    /// expression of a kind that matches only a node of its own kind (<see cref="Matcher.NodeMayMatch"/>),
    /// or a struct or union declaration. True whenever in doubt.
    /// </summary>
    public static bool MayMatchLoneConstant(SyntaxNode pattern, IsoIndex? isos)
    {
        // The targets of an isomorphism that applies at the node are the other forms it matches (as the
        // matcher tries them). A term is read as it is written: the isomorphisms do not apply in it.
        foreach (var application in isos?.At(pattern) ?? [])
        {
            foreach (int target in application.Targets)
            {
                if (MayMatchLoneConstant(IsoIndex.Unwrap(application.Rule.Terms[target].Pattern), null))
                {
                    return true;
                }
            }
        }

        switch (pattern.Kind)
        {
            case SyntaxKind.Disjunction:
                foreach (var branch in Matcher.Branches(pattern))
                {
                    var item = branch.Kind == SyntaxKind.List && branch.ChildCount == 1 && branch.GetNodeSlot(0) is { } single ? single : branch;
                    if (MayMatchLoneConstant(item, isos))
                    {
                        return true;
                    }
                }

                return false;
            case SyntaxKind.BareExpression:
                return MayMatchLoneConstant(pattern.AsBareExpression().Expression, isos);
            case SyntaxKind.ParenthesizedExpression:
                return MayMatchLoneConstant(pattern.AsParenthesizedExpression().Expression, isos);
            case SyntaxKind.BinaryExpression:
                // "A || ..." matches A alone only at a test position; other operators their own kind only.
                return false;
            case SyntaxKind.PrefixUnary or SyntaxKind.PostfixUnary or SyntaxKind.CallExpression or SyntaxKind.ElementAccess
                or SyntaxKind.MemberAccess or SyntaxKind.CastExpression or SyntaxKind.SizeofExpression or SyntaxKind.SizeofType
                or SyntaxKind.ConditionalExpression or SyntaxKind.CommaExpression:
                return Matcher.MayMatchOtherKind(pattern);
            case SyntaxKind.Declaration:
                return !DeclaresStructOrUnion(pattern);
            default:
                return true;
        }
    }

    /// <summary>Whether a declaration pattern's type is a struct or union written with its members: "int x = 1;" has none.</summary>
    private static bool DeclaresStructOrUnion(SyntaxNode declaration)
    {
        foreach (var specifier in declaration.AsDeclaration().SpecifierList.ChildNodes())
        {
            if (specifier.Kind == SyntaxKind.StructSpecifier && specifier.AsStructSpecifier().MemberList is not null)
            {
                return true;
            }
        }

        return false;
    }
}
