using System.Text;
using Sevenspot.C;

namespace Sevenspot.Checks;

/// <summary>Small questions checks ask of expressions: who is called, with what, and are two expressions the same.</summary>
public static class SyntaxHelpers
{
    /// <summary>The name of the function a call calls directly (<c>f(...)</c>), or null for calls through pointers.</summary>
    public static string? CalleeName(SyntaxNode call)
    {
        if (call.Kind != SyntaxKind.CallExpression)
        {
            return null;
        }

        var function = StripParentheses(call.AsCallExpression().Function);
        return function.Kind == SyntaxKind.IdentifierName ? function.AsIdentifierName().Identifier.Text : null;
    }

    /// <summary>The callee's name token, for fixes that rename it.</summary>
    public static SyntaxToken? CalleeToken(SyntaxNode call)
    {
        if (call.Kind != SyntaxKind.CallExpression)
        {
            return null;
        }

        var function = StripParentheses(call.AsCallExpression().Function);
        return function.Kind == SyntaxKind.IdentifierName ? function.AsIdentifierName().Identifier : null;
    }

    /// <summary>The arguments of a call, or of an iterator or macro statement, in order.</summary>
    public static List<SyntaxNode> Arguments(SyntaxNode call)
    {
        SyntaxNode? list = call.Kind switch
        {
            SyntaxKind.CallExpression => call.AsCallExpression().ArgumentList,
            SyntaxKind.IteratorStatement => call.AsIteratorStatement().ArgumentList,
            SyntaxKind.MacroStatement => call.AsMacroStatement().ArgumentList,
            _ => null,
        };
        return list is { } l ? [.. l.ChildNodes()] : [];
    }

    public static SyntaxNode? Argument(SyntaxNode call, int index)
    {
        if (index < 0)
        {
            return null;
        }

        var arguments = Arguments(call);
        return index < arguments.Count ? arguments[index] : null;
    }

    public static SyntaxNode StripParentheses(SyntaxNode node)
    {
        while (node.Kind == SyntaxKind.ParenthesizedExpression)
        {
            node = node.AsParenthesizedExpression().Expression;
        }

        return node;
    }

    /// <summary>A name written as the kernel writes constants and macros: upper-case letters, digits and
    /// underscores, not starting with a digit, with at least one letter (<c>BIT_LOCK</c>,
    /// <c>PCI_DEVICE_ID_X</c>; not <c>_</c> or <c>__</c>, which say nothing of what they name).</summary>
    public static bool IsUpperCaseName(string name)
    {
        if (name.Length == 0 || char.IsAsciiDigit(name[0]))
        {
            return false;
        }

        bool letter = false;
        foreach (char c in name)
        {
            if (!char.IsAsciiLetterUpper(c) && !char.IsAsciiDigit(c) && c != '_')
            {
                return false;
            }

            letter |= char.IsAsciiLetterUpper(c);
        }

        return letter;
    }

    /// <summary>Removes parentheses and casts: <c>(void *)(p)</c> is <c>p</c>.</summary>
    public static SyntaxNode StripParenthesesAndCasts(SyntaxNode node)
    {
        while (true)
        {
            if (node.Kind == SyntaxKind.ParenthesizedExpression)
            {
                node = node.AsParenthesizedExpression().Expression;
            }
            else if (node.Kind == SyntaxKind.CastExpression)
            {
                node = node.AsCastExpression().Expression;
            }
            else
            {
                return node;
            }
        }
    }

    /// <summary>
    /// A key that two expressions share when they are written with the same tokens, whatever the
    /// spacing, comments and outer parentheses: <c>sizeof(*p)</c> and <c>sizeof( *p )</c>.
    /// </summary>
    public static string Key(SyntaxNode node)
    {
        node = StripParentheses(node);
        var sb = new StringBuilder();
        foreach (var token in node.DescendantTokens())
        {
            if (sb.Length > 0)
            {
                sb.Append(' ');
            }

            sb.Append(token.Text);
        }

        return sb.ToString();
    }

    /// <summary>
    /// The node's code on one line, for messages: tokens as written, with any run of whitespace,
    /// line breaks and comments between them shown as one space.
    /// </summary>
    public static string Text(SyntaxNode node)
    {
        var sb = new StringBuilder();
        foreach (var token in node.DescendantTokens())
        {
            if (sb.Length > 0 && (token.Flags & TokenFlags.HasLeadingTrivia) != 0)
            {
                sb.Append(' ');
            }

            sb.Append(token.Text);
        }

        return sb.ToString();
    }

    /// <summary>The identifiers an expression mentions (not member names after . and ->).</summary>
    public static HashSet<string> Identifiers(SyntaxNode node)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var n in node.DescendantNodesAndSelf())
        {
            if (n.Kind == SyntaxKind.IdentifierName)
            {
                names.Add(n.AsIdentifierName().Identifier.Text);
            }
        }

        return names;
    }

    /// <summary>The calls in a subtree, outer calls first, in source order.</summary>
    public static IEnumerable<SyntaxNode> Calls(SyntaxNode node)
    {
        foreach (var n in node.DescendantNodesAndSelf())
        {
            if (n.Kind == SyntaxKind.CallExpression)
            {
                yield return n;
            }
        }
    }

    /// <summary>The statements of a block, in order.</summary>
    public static List<SyntaxNode> Statements(SyntaxNode compound) =>
        compound.Kind == SyntaxKind.CompoundStatement ? [.. compound.AsCompoundStatement().StatementList.ChildNodes()] : [];

    /// <summary>Whether the expression is the integer literal zero (0, 0x0, 0U, '\0').</summary>
    public static bool IsZeroLiteral(SyntaxNode node)
    {
        node = StripParenthesesAndCasts(node);
        if (node.Kind != SyntaxKind.LiteralExpression)
        {
            return false;
        }

        var token = node.AsLiteralExpression().Token;
        string text = token.Text;
        if (token.Kind == SyntaxKind.CharLiteralToken)
        {
            return text is "'\\0'" or "'\\x0'" or "'\\x00'" or "'\\000'";
        }

        if (token.Kind != SyntaxKind.IntegerLiteralToken)
        {
            return false;
        }

        string digits = text.TrimEnd('u', 'U', 'l', 'L');
        if (digits.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
        {
            digits = digits[2..];
        }

        return digits.Length > 0 && digits.All(c => c == '0');
    }

    /// <summary>The name of the function definition that holds the node, or null at file scope.</summary>
    public static string? EnclosingFunctionName(SyntaxNode node) =>
        node.FirstAncestorOrSelf(SyntaxKind.FunctionDefinition) is { } f ? FunctionCensus.NameOf(f) : null;
}
