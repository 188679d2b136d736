using Sevenspot.C;
using Sevenspot.Checks.Primitives;
using Sevenspot.Text;

namespace Sevenspot.Checks;

/// <summary>
/// kzalloc: <c>p = kmalloc(size, flags);</c> then, later in the same block,
/// <c>memset(p, 0, size);</c> with the same size. The fix renames the allocator to its zeroing
/// variant (allocators.txt) and removes the memset.
/// </summary>
public sealed class KzallocCheck : FileCheck
{
    public override CheckDescriptor Descriptor => CheckDescriptors.Kzalloc;

    public override void Analyze(FileContext file, FindingSink sink)
    {
        foreach (var node in file.Tree.Root.DescendantNodesAndSelf())
        {
            if (node.Kind != SyntaxKind.CompoundStatement || InTestCase(node))
            {
                continue;
            }

            var statements = SyntaxHelpers.Statements(node);
            for (int i = 0; i < statements.Count; i++)
            {
                foreach (var allocation in Allocations(file.Primitives, statements[i]))
                {
                    if (FindMemset(statements, i + 1, allocation) is { } memset)
                    {
                        Report(file, sink, allocation, memset);
                    }
                }
            }
        }
    }

    /// <summary>
    /// Whether the block belongs to a KUnit test case (a function taking a <c>struct kunit *</c>):
    /// tests allocate and clear memory in two steps on purpose (KMSAN's test that memset
    /// initialises kmalloc'ed memory), and rewriting them changes what they test.
    /// </summary>
    private static bool InTestCase(SyntaxNode block)
    {
        if (block.FirstAncestorOrSelf(SyntaxKind.FunctionDefinition) is not { } function)
        {
            return false;
        }

        foreach (var node in function.AsFunctionDefinition().Declarator.DescendantNodesAndSelf())
        {
            if (node.Kind == SyntaxKind.ParameterDeclaration && SyntaxHelpers.Text(node).StartsWith("struct kunit *", StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>An allocation whose result is stored: the target, the call and its table entry.</summary>
    private readonly record struct Allocation(string TargetText, string TargetKey, HashSet<string> TargetNames, SyntaxNode Call, Allocator Allocator);

    /// <summary>Allocations by an allocator that has a zeroing variant, as <c>p = f(...);</c> or <c>T *p = f(...);</c>.</summary>
    private static IEnumerable<Allocation> Allocations(PrimitiveTables primitives, SyntaxNode statement)
    {
        if (statement.Kind == SyntaxKind.ExpressionStatement)
        {
            var expression = SyntaxHelpers.StripParentheses(statement.AsExpressionStatement().Expression);
            if (expression.Kind == SyntaxKind.AssignmentExpression)
            {
                var assignment = expression.AsAssignmentExpression();
                if (assignment.Operator.Kind == SyntaxKind.EqualsToken && Allocated(primitives, assignment.Right) is var (call, allocator))
                {
                    var target = assignment.Left;
                    yield return new Allocation(SyntaxHelpers.Text(target), SyntaxHelpers.Key(target), SyntaxHelpers.Identifiers(target), call, allocator);
                }
            }
        }
        else if (statement.Kind == SyntaxKind.Declaration)
        {
            foreach (var declarator in statement.AsDeclaration().DeclaratorList.ChildNodes())
            {
                if (declarator.Kind != SyntaxKind.InitDeclarator || declarator.AsInitDeclarator().Initializer is not { } initializer)
                {
                    continue;
                }

                if (DeclaredName(declarator.AsInitDeclarator().Declarator) is { } name && Allocated(primitives, initializer) is var (call, allocator))
                {
                    yield return new Allocation(name.Text, name.Text, new HashSet<string>(StringComparer.Ordinal) { name.Text }, call, allocator);
                }
            }
        }
    }

    private static (SyntaxNode Call, Allocator Allocator)? Allocated(PrimitiveTables primitives, SyntaxNode expression)
    {
        var call = SyntaxHelpers.StripParenthesesAndCasts(expression);
        if (SyntaxHelpers.CalleeName(call) is not { } name || primitives.FindAllocator(name) is not { } allocator)
        {
            return null;
        }

        if (allocator.ZeroingVariant is null || allocator.SizeArgument < 0)
        {
            return null;
        }

        // __GFP_ZERO already zeroes: the memset is redundant, but kzalloc is not the fix.
        if (SyntaxHelpers.Argument(call, allocator.GfpArgument) is { } flags && SyntaxHelpers.Identifiers(flags).Contains("__GFP_ZERO"))
        {
            return null;
        }

        return (call, allocator);
    }

    /// <summary>The name a declarator declares, when it is a plain pointer or identifier declarator.</summary>
    private static SyntaxToken? DeclaredName(SyntaxNode declarator)
    {
        while (true)
        {
            switch (declarator.Kind)
            {
                case SyntaxKind.IdentifierDeclarator:
                    return declarator.AsIdentifierDeclarator().Identifier;
                case SyntaxKind.PointerDeclarator:
                    declarator = declarator.AsPointerDeclarator().Declarator;
                    break;
                default:
                    return null;
            }
        }
    }

    /// <summary>
    /// The memset that clears the allocation, among the statements after it. Only a NULL check
    /// of the target and statements that mention neither the target nor the size may come between;
    /// anything else might read, change or publish the memory, or change the size.
    /// </summary>
    private static SyntaxNode? FindMemset(List<SyntaxNode> statements, int start, Allocation allocation)
    {
        var targetNames = allocation.TargetNames;
        var sizeNames = new HashSet<string>(StringComparer.Ordinal);
        foreach (var argument in SizeArguments(allocation))
        {
            sizeNames.UnionWith(SyntaxHelpers.Identifiers(argument));
        }

        for (int j = start; j < statements.Count; j++)
        {
            var statement = statements[j];
            if (IsMemsetOf(statement, allocation) is { } memset)
            {
                return memset;
            }

            if (statement.Kind is SyntaxKind.LabeledStatement or SyntaxKind.CaseStatement or SyntaxKind.DefaultStatement || statement.ContainsErrors)
            {
                return null;
            }

            if (IsNullCheck(statement, allocation, targetNames, sizeNames))
            {
                continue;
            }

            var mentioned = SyntaxHelpers.Identifiers(statement);
            if (mentioned.Overlaps(targetNames) || mentioned.Overlaps(sizeNames))
            {
                return null;
            }
        }

        return null;
    }

    private static IEnumerable<SyntaxNode> SizeArguments(Allocation allocation)
    {
        if (SyntaxHelpers.Argument(allocation.Call, allocation.Allocator.SizeArgument) is { } size)
        {
            yield return size;
        }

        if (SyntaxHelpers.Argument(allocation.Call, allocation.Allocator.SizeFactorArgument) is { } factor)
        {
            yield return factor;
        }
    }

    /// <summary>The statement if it is <c>memset(target, 0, size);</c> with the allocation's size.</summary>
    private static SyntaxNode? IsMemsetOf(SyntaxNode statement, Allocation allocation)
    {
        if (statement.Kind != SyntaxKind.ExpressionStatement)
        {
            return null;
        }

        var call = SyntaxHelpers.StripParenthesesAndCasts(statement.AsExpressionStatement().Expression);
        if (SyntaxHelpers.CalleeName(call) != "memset")
        {
            return null;
        }

        var arguments = SyntaxHelpers.Arguments(call);
        if (arguments.Count != 3
            || SyntaxHelpers.Key(SyntaxHelpers.StripParenthesesAndCasts(arguments[0])) != allocation.TargetKey
            || !SyntaxHelpers.IsZeroLiteral(arguments[1]))
        {
            return null;
        }

        return SameSize(arguments[2], allocation) ? statement : null;
    }

    private static bool SameSize(SyntaxNode size, Allocation allocation)
    {
        if (SyntaxHelpers.Argument(allocation.Call, allocation.Allocator.SizeArgument) is not { } first)
        {
            return false;
        }

        if (allocation.Allocator.SizeFactorArgument < 0)
        {
            return SyntaxHelpers.Key(size) == SyntaxHelpers.Key(first);
        }

        // count * size, in either order
        size = SyntaxHelpers.StripParentheses(size);
        if (SyntaxHelpers.Argument(allocation.Call, allocation.Allocator.SizeFactorArgument) is not { } second || size.Kind != SyntaxKind.BinaryExpression || size.AsBinaryExpression().Operator.Kind != SyntaxKind.AsteriskToken)
        {
            return false;
        }

        string left = SyntaxHelpers.Key(size.AsBinaryExpression().Left);
        string right = SyntaxHelpers.Key(size.AsBinaryExpression().Right);
        string a = SyntaxHelpers.Key(first);
        string b = SyntaxHelpers.Key(second);
        return (left == a && right == b) || (left == b && right == a);
    }

    /// <summary>
    /// <c>if (!p) ...</c>, <c>if (p == NULL) ...</c>, <c>if (unlikely(!p)) ...</c> without else,
    /// whose branch leaves the block (return, goto, break, continue) and mentions neither the
    /// target nor the size except in the test.
    /// </summary>
    private static bool IsNullCheck(SyntaxNode statement, Allocation allocation, HashSet<string> targetNames, HashSet<string> sizeNames)
    {
        if (statement.Kind != SyntaxKind.IfStatement)
        {
            return false;
        }

        var ifStatement = statement.AsIfStatement();
        if (ifStatement.Else is not null || !TestsNull(ifStatement.Condition, allocation.TargetKey))
        {
            return false;
        }

        var branch = ifStatement.Statement;
        var mentioned = SyntaxHelpers.Identifiers(branch);
        return !mentioned.Overlaps(targetNames) && !mentioned.Overlaps(sizeNames) && Leaves(branch);
    }

    private static bool TestsNull(SyntaxNode condition, string targetKey)
    {
        condition = SyntaxHelpers.StripParentheses(condition);
        if (SyntaxHelpers.CalleeName(condition) is "unlikely" or "likely" && SyntaxHelpers.Arguments(condition) is [var inner])
        {
            return TestsNull(inner, targetKey);
        }

        if (condition.Kind == SyntaxKind.PrefixUnary)
        {
            var not = condition.AsPrefixUnary();
            return not.Operator.Kind == SyntaxKind.ExclamationToken && SyntaxHelpers.Key(not.Operand) == targetKey;
        }

        if (condition.Kind == SyntaxKind.BinaryExpression)
        {
            var binary = condition.AsBinaryExpression();
            if (binary.Operator.Kind != SyntaxKind.EqualsEqualsToken)
            {
                return false;
            }

            return (SyntaxHelpers.Key(binary.Left) == targetKey && IsNull(binary.Right)) || (SyntaxHelpers.Key(binary.Right) == targetKey && IsNull(binary.Left));
        }

        return false;
    }

    private static bool IsNull(SyntaxNode node)
    {
        node = SyntaxHelpers.StripParenthesesAndCasts(node);
        return (node.Kind == SyntaxKind.IdentifierName && node.AsIdentifierName().Identifier.Text == "NULL") || SyntaxHelpers.IsZeroLiteral(node);
    }

    /// <summary>Whether the statement ends by leaving: a jump, or a block whose last statement is one.</summary>
    private static bool Leaves(SyntaxNode statement)
    {
        while (statement.Kind == SyntaxKind.CompoundStatement)
        {
            var list = SyntaxHelpers.Statements(statement);
            if (list.Count == 0)
            {
                return false;
            }

            statement = list[^1];
        }

        return statement.Kind is SyntaxKind.ReturnStatement or SyntaxKind.GotoStatement or SyntaxKind.BreakStatement or SyntaxKind.ContinueStatement;
    }

    private void Report(FileContext file, FindingSink sink, Allocation allocation, SyntaxNode memset)
    {
        var nameToken = SyntaxHelpers.CalleeToken(allocation.Call)!.Value;
        string allocator = allocation.Allocator.Name;
        string zeroing = allocation.Allocator.ZeroingVariant!;
        string target = allocation.TargetText;
        var fix = new Fix(
            $"Allocate with {zeroing} and remove the memset",
            [
                new FixEdit(file.Locate(nameToken), zeroing),
                new FixEdit(file.Locate(StatementLineSpan(file.Text, memset)), string.Empty),
            ]);
        sink.Report(new Finding(
            Descriptor,
            file.Locate(nameToken),
            $"{zeroing} should be used for {target}, instead of {allocator}/memset",
            [new RelatedLocation(file.Locate(memset), $"memset of {target} to zero")],
            fix: fix));
    }

    /// <summary>The statement's whole line(s) when nothing else is on them, else just the statement.</summary>
    private static TextSpan StatementLineSpan(SourceText text, SyntaxNode statement)
    {
        var span = statement.Span;
        var bytes = text.Bytes;
        int start = span.Start;
        while (start > 0 && bytes[start - 1] is (byte)' ' or (byte)'\t')
        {
            start--;
        }

        int end = span.End;
        while (end < bytes.Length && bytes[end] is (byte)' ' or (byte)'\t' or (byte)'\r')
        {
            end++;
        }

        bool lineStart = start == 0 || bytes[start - 1] == (byte)'\n';
        bool lineEnd = end == bytes.Length || bytes[end] == (byte)'\n';
        if (lineStart && lineEnd)
        {
            return TextSpan.FromBounds(start, Math.Min(end + 1, bytes.Length));
        }

        return span;
    }
}
