using Sevenspot.C;
using Sevenspot.Text;

namespace Sevenspot.Checks;

/// <summary>
/// bitand-precedence: <c>!x &amp; y</c>, which C reads as <c>(!x) &amp; y</c>. Reported when y looks
/// like a bit mask, with the fix <c>!(x &amp; y)</c>. The expression may span lines.
/// </summary>
public sealed class BitandPrecedenceCheck : FileCheck
{
    private const int MaxQuotedLength = 60;

    public override CheckDescriptor Descriptor => CheckDescriptors.BitandPrecedence;

    public override void Analyze(FileContext file, FindingSink sink)
    {
        foreach (var node in file.Tree.Root.DescendantNodesAndSelf())
        {
            if (node.Kind != SyntaxKind.BinaryExpression)
            {
                continue;
            }

            var binary = node.AsBinaryExpression();
            if (binary.Operator.Kind != SyntaxKind.AmpersandToken || binary.Left.Kind != SyntaxKind.PrefixUnary)
            {
                continue;
            }

            var not = binary.Left.AsPrefixUnary();
            if (not.Operator.Kind != SyntaxKind.ExclamationToken || IsNegation(not.Operand) || !LooksLikeMask(binary.Right))
            {
                continue;
            }

            sink.Report(new Finding(Descriptor, file.Locate(node), Message(not.Operand, binary.Right), fix: CreateFix(file, node, not.Operand, binary.Right)));
        }
    }

    /// <summary>
    /// Whether y in <c>!x &amp; y</c> is a bit mask rather than a truth value: a number, an upper-case
    /// name or macro call (FLAG, BIT(3)), a shift, ~mask, or masks combined with | and &amp;.
    /// Lower-case names and calls may be booleans, and <c>!a &amp; b</c> of booleans is deliberate.
    /// </summary>
    internal static bool LooksLikeMask(SyntaxNode node)
    {
        node = SyntaxHelpers.StripParentheses(node);
        switch (node.Kind)
        {
            case SyntaxKind.LiteralExpression:
                return node.AsLiteralExpression().Token.Kind == SyntaxKind.IntegerLiteralToken;
            case SyntaxKind.IdentifierName:
                return IsUpperCaseName(node.AsIdentifierName().Identifier.Text);
            case SyntaxKind.CallExpression:
                return SyntaxHelpers.CalleeName(node) is { } name && IsUpperCaseName(name);
            case SyntaxKind.PrefixUnary:
                var prefix = node.AsPrefixUnary();
                return prefix.Operator.Kind == SyntaxKind.TildeToken && LooksLikeMask(prefix.Operand);
            case SyntaxKind.CastExpression:
                return LooksLikeMask(node.AsCastExpression().Expression);
            case SyntaxKind.BinaryExpression:
                var binary = node.AsBinaryExpression();
                return binary.Operator.Kind switch
                {
                    SyntaxKind.LessThanLessThanToken => true,
                    SyntaxKind.BarToken or SyntaxKind.AmpersandToken or SyntaxKind.PlusToken => LooksLikeMask(binary.Left) && LooksLikeMask(binary.Right),
                    _ => false,
                };
            default:
                return false;
        }
    }

    /// <summary>!!x is a deliberate truth value (0 or 1), so !!x &amp; y is not a precedence slip.</summary>
    private static bool IsNegation(SyntaxNode node) =>
        node.Kind == SyntaxKind.PrefixUnary && node.AsPrefixUnary().Operator.Kind == SyntaxKind.ExclamationToken;

    private static bool IsUpperCaseName(string name)
    {
        bool letter = false;
        foreach (char c in name)
        {
            if (char.IsLower(c))
            {
                return false;
            }

            letter |= char.IsUpper(c);
        }

        return letter;
    }

    private static string Message(SyntaxNode operand, SyntaxNode mask)
    {
        string x = SyntaxHelpers.Text(operand);
        string y = SyntaxHelpers.Text(mask);
        if (x.Length + y.Length > MaxQuotedLength)
        {
            return "! binds tighter than &: this is (!x) & y, probably meant as !(x & y)";
        }

        return $"!{x} & {y} is (!{x}) & {y}, probably meant as !({x} & {y})";
    }

    /// <summary>
    /// !(x &amp; y), by inserting the two parentheses so everything else — spacing, line breaks,
    /// comments — stays. In a chain <c>!x &amp; y &amp; z</c> the intended grouping is unclear: no fix.
    /// </summary>
    private static Fix? CreateFix(FileContext file, SyntaxNode expression, SyntaxNode operand, SyntaxNode mask)
    {
        if (expression.Parent is { Kind: SyntaxKind.BinaryExpression } parent && parent.AsBinaryExpression().Operator.Kind == SyntaxKind.AmpersandToken)
        {
            return null;
        }

        return new Fix(
            "Apply ! to the whole bitwise and",
            [
                new FixEdit(file.Locate(new TextSpan(operand.Span.Start, 0)), "("),
                new FixEdit(file.Locate(new TextSpan(mask.Span.End, 0)), ")"),
            ]);
    }
}
