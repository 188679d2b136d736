using Sevenspot.C;
using Sevenspot.Checks.Primitives;

namespace Sevenspot.Checks;

/// <summary>
/// Sleeps that a flag parameter selects, and the literal arguments that select them. A function
/// sleeps for a caller that passes a literal when the sleeping call lies on every path but for
/// one test of that parameter: an allocation whose GFP flags a parameter chooses
/// (<c>gfp = atomic ? GFP_ATOMIC : GFP_KERNEL; kmalloc(len, gfp);</c>, or the conditional as
/// the flags argument itself), or a sleeping call in one branch of <c>if (wait)</c>.
/// <c>buf_alloc(len, false)</c> under a spinlock then sleeps, <c>buf_alloc(len, true)</c> does not.
/// </summary>
internal static class ParameterSleeps
{
    /// <summary>The first parameters whose literal arguments a call records.</summary>
    public const int MaxArguments = 32;

    /// <summary>
    /// For a call outside the function's own atomic sections, the parameter test under which
    /// it sleeps and why, or null. <paramref name="cause"/> is the call's own sleep (null for an
    /// allocation whose flags are not a constant); <paramref name="onEveryPath"/> whether its node
    /// lies on every path.
    /// </summary>
    public static (ParameterTest Test, string Cause)? Of(PrimitiveTables tables, SyntaxNode function, SyntaxNode call, string? cause, bool onEveryPath)
    {
        if (cause is null)
        {
            // An allocation whose flags a parameter chooses, made on every path.
            if (!onEveryPath || SyntaxHelpers.CalleeName(call) is not { } name || tables.FindAllocator(name) is not { } allocator
                || SyntaxHelpers.Argument(call, allocator.GfpArgument) is not { } flags
                || Conditional(function, SyntaxHelpers.StripParenthesesAndCasts(flags)) is not { } choice)
            {
                return null;
            }

            var conditional = choice.AsConditionalExpression();
            if (conditional.WhenTrue is not { } whenTrue || Test(function, conditional.Condition) is not var (index, nonZero))
            {
                return null;
            }

            var onTrue = SleepClassifier.ClassifyGfp(tables, whenTrue);
            var onFalse = SleepClassifier.ClassifyGfp(tables, conditional.WhenFalse);
            if (onTrue == GfpClass.Sleeping && onFalse == GfpClass.Atomic)
            {
                return (new ParameterTest(index, nonZero), $"allocates with {SyntaxHelpers.Text(whenTrue)}, which may sleep");
            }

            if (onTrue == GfpClass.Atomic && onFalse == GfpClass.Sleeping)
            {
                return (new ParameterTest(index, !nonZero), $"allocates with {SyntaxHelpers.Text(conditional.WhenFalse)}, which may sleep");
            }

            return null;
        }

        // A sleeping call in one branch of an if on a parameter, that if itself on every path:
        // in the function's top-level block, with no return, goto or break before it.
        SyntaxNode node = call;
        while (node.Parent is { } parent && parent.Kind is SyntaxKind.ParenthesizedExpression or SyntaxKind.CastExpression)
        {
            node = parent;
        }

        if (node.Parent is not { Kind: SyntaxKind.ExpressionStatement } statement)
        {
            return null;
        }

        // The branch is the statement, or a block whose first statement it is (blocks hold their statements in a list).
        SyntaxNode branch = statement;
        if (branch.Parent?.Parent is { Kind: SyntaxKind.CompoundStatement } block && block.Parent is { Kind: SyntaxKind.IfStatement }
            && SyntaxHelpers.Statements(block).FirstOrDefault() == statement)
        {
            branch = block;
        }

        if (branch.Parent is not { Kind: SyntaxKind.IfStatement } ifNode)
        {
            return null;
        }

        var test = ifNode.AsIfStatement();
        bool inThen = test.Statement == branch;
        if ((!inThen && test.Else != branch) || ifNode.Parent?.Parent != function.AsFunctionDefinition().Body
            || Test(function, test.Condition) is not var (parameter, whenTrue2)
            || LeavesBefore(function.AsFunctionDefinition().Body, ifNode))
        {
            return null;
        }

        return (new ParameterTest(parameter, inThen == whenTrue2), cause);
    }

    /// <summary>The literal arguments of a call: bit i of Zero (NonZero) set when argument i is a literal zero, false or NULL (a non-zero literal or true).</summary>
    public static (uint Zero, uint NonZero) Literals(SyntaxNode call)
    {
        uint zero = 0, nonZero = 0;
        var arguments = SyntaxHelpers.Arguments(call);
        for (int i = 0; i < arguments.Count && i < MaxArguments; i++)
        {
            var argument = SyntaxHelpers.StripParenthesesAndCasts(arguments[i]);
            if (argument.Kind == SyntaxKind.IdentifierName)
            {
                string text = argument.AsIdentifierName().Identifier.Text;
                if (text is "false" or "NULL")
                {
                    zero |= 1u << i;
                }
                else if (text == "true")
                {
                    nonZero |= 1u << i;
                }
            }
            else if (argument.Kind == SyntaxKind.LiteralExpression && argument.AsLiteralExpression().Token.Kind == SyntaxKind.IntegerLiteralToken)
            {
                if (SyntaxHelpers.IsZeroLiteral(argument))
                {
                    zero |= 1u << i;
                }
                else
                {
                    nonZero |= 1u << i;
                }
            }
        }

        return (zero, nonZero);
    }

    /// <summary>Whether literal arguments pass a parameter test.</summary>
    public static bool Passes(ParameterTest test, uint zero, uint nonZero) =>
        test.Index < MaxArguments && ((test.NonZero ? nonZero : zero) & (1u << test.Index)) != 0;

    /// <summary>The conditional expression the flags are: itself, or the one initializer of a local never assigned again.</summary>
    private static SyntaxNode? Conditional(SyntaxNode function, SyntaxNode flags)
    {
        if (flags.Kind == SyntaxKind.ConditionalExpression)
        {
            return flags;
        }

        if (flags.Kind != SyntaxKind.IdentifierName)
        {
            return null;
        }

        string name = flags.AsIdentifierName().Identifier.Text;
        SyntaxNode? value = null;
        int definitions = 0;
        foreach (var node in function.AsFunctionDefinition().Body.DescendantNodesAndSelf())
        {
            if (node.Kind == SyntaxKind.InitDeclarator && Declarators.DeclaredName(node.AsInitDeclarator().Declarator, throughFunctions: false) == name)
            {
                definitions++;
                value = node.AsInitDeclarator().Initializer;
            }
            else if (Writes(node, name))
            {
                definitions++;
                value = node.Kind == SyntaxKind.AssignmentExpression && node.AsAssignmentExpression().Operator.Kind == SyntaxKind.EqualsToken ? node.AsAssignmentExpression().Right : null;
            }
        }

        return definitions == 1 && value is { } initial && SyntaxHelpers.StripParenthesesAndCasts(initial) is { Kind: SyntaxKind.ConditionalExpression } conditional ? conditional : null;
    }

    /// <summary>For a test of a parameter the function never writes (<c>p</c>, <c>!p</c>, <c>p == 0</c>, <c>p != 0</c>, under likely/unlikely): its index, and whether the test is true when it is non-zero.</summary>
    private static (int Index, bool NonZero)? Test(SyntaxNode function, SyntaxNode condition)
    {
        bool nonZero = true;
        var node = SyntaxHelpers.StripParentheses(condition);
        while (true)
        {
            if (node.Kind == SyntaxKind.PrefixUnary && node.AsPrefixUnary().Operator.Kind == SyntaxKind.ExclamationToken)
            {
                nonZero = !nonZero;
                node = SyntaxHelpers.StripParentheses(node.AsPrefixUnary().Operand);
            }
            else if (SyntaxHelpers.CalleeName(node) is "likely" or "unlikely" && SyntaxHelpers.Arguments(node) is [var inner])
            {
                node = SyntaxHelpers.StripParentheses(inner);
            }
            else if (node.Kind == SyntaxKind.BinaryExpression && node.AsBinaryExpression() is var binary
                && binary.Operator.Kind is SyntaxKind.EqualsEqualsToken or SyntaxKind.ExclamationEqualsToken && IsZero(binary.Right))
            {
                nonZero = nonZero == (binary.Operator.Kind == SyntaxKind.ExclamationEqualsToken);
                node = SyntaxHelpers.StripParentheses(binary.Left);
            }
            else
            {
                break;
            }
        }

        if (node.Kind != SyntaxKind.IdentifierName)
        {
            return null;
        }

        string name = node.AsIdentifierName().Identifier.Text;
        int index = -1, position = 0;
        foreach (var declaration in function.AsFunctionDefinition().Declarator.DescendantNodesAndSelf())
        {
            if (declaration.Kind == SyntaxKind.ParameterDeclaration)
            {
                if (Declarators.DeclaredName(declaration.AsParameterDeclaration().Declarator, throughFunctions: false) == name)
                {
                    index = position;
                }

                position++;
            }
        }

        if (index < 0)
        {
            return null;
        }

        foreach (var inner in function.AsFunctionDefinition().Body.DescendantNodesAndSelf())
        {
            if (Writes(inner, name) || (inner.Kind == SyntaxKind.InitDeclarator && Declarators.DeclaredName(inner.AsInitDeclarator().Declarator, throughFunctions: false) == name))
            {
                return null;
            }
        }

        return (index, nonZero);

        static bool IsZero(SyntaxNode value) =>
            SyntaxHelpers.IsZeroLiteral(value) || (SyntaxHelpers.StripParentheses(value) is { Kind: SyntaxKind.IdentifierName } n && n.AsIdentifierName().Identifier.Text is "false" or "NULL");
    }

    /// <summary>Whether a node assigns, steps or takes the address of the variable.</summary>
    private static bool Writes(SyntaxNode node, string name)
    {
        SyntaxNode? target = node.Kind switch
        {
            SyntaxKind.AssignmentExpression => node.AsAssignmentExpression().Left,
            SyntaxKind.PrefixUnary when node.AsPrefixUnary().Operator.Kind is SyntaxKind.AmpersandToken or SyntaxKind.PlusPlusToken or SyntaxKind.MinusMinusToken => node.AsPrefixUnary().Operand,
            SyntaxKind.PostfixUnary => node.AsPostfixUnary().Operand,
            _ => null,
        };
        return target is { } written && SyntaxHelpers.StripParentheses(written) is { Kind: SyntaxKind.IdentifierName } id && id.AsIdentifierName().Identifier.Text == name;
    }

    /// <summary>Whether a statement before the given one in the block may leave it (a return, goto, break or continue anywhere in it).</summary>
    private static bool LeavesBefore(SyntaxNode body, SyntaxNode statement)
    {
        foreach (var node in body.DescendantNodesAndSelf())
        {
            if (node.Span.Start >= statement.Span.Start)
            {
                continue;
            }

            if (node.Kind is SyntaxKind.ReturnStatement or SyntaxKind.GotoStatement or SyntaxKind.BreakStatement or SyntaxKind.ContinueStatement)
            {
                return true;
            }
        }

        return false;
    }
}
