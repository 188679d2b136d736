using Sevenspot.C;
using Sevenspot.Checks.Flow;
using Sevenspot.Checks.Primitives;

namespace Sevenspot.Checks;

/// <summary>
/// A removal of a link made under a condition on a field of the element: the field is zero, or
/// non-zero, once it is done; the lock classes the function holds there on every path.
/// </summary>
public sealed record ListRemoval(string Member, string Field, string State, string Function, SourceLocation Location, string[] Classes);

/// <summary>
/// Which functions of a file remove which link (list_del and the other removals that poison the
/// element, not list_del_init), on which condition of which field of the element, under which
/// lock classes: the removal is in the branch of a test of the field (<c>if (!e-&gt;on_list)</c>,
/// <c>if (atomic_dec_and_test(&amp;e-&gt;count))</c>, <c>if (atomic_inc_return(&amp;e-&gt;users) == 1)</c>),
/// or a statement beside it stores the field (<c>e-&gt;on_list = false;</c>). Each says in which
/// state the field is once the element is removed. Lock classes are the lock model's (a global
/// lock's name, a struct type and field; a file's own static lock or struct is that file's).
/// </summary>
public static class ListRemovers
{
    public const string Zero = "zero";
    public const string NonZero = "non-zero";

    /// <summary>The removals of a file made under a condition on a field, with the lock classes held at each.</summary>
    public static List<ListRemoval> Collect(FileContext file)
    {
        var removals = new List<ListRemoval>();
        foreach (var function in file.Functions)
        {
            List<(SyntaxNode Call, string Member, List<(string Field, string State)> Conditions)>? found = null;
            foreach (var call in SyntaxHelpers.Calls(function.AsFunctionDefinition().Body))
            {
                if (SyntaxHelpers.CalleeName(call) is not { } callee
                    || file.Primitives.FindListOperation(callee) is not { Kind: ListOperationKind.Delete } operation
                    || ListEntry.Of(operation, call) is not { Member.Length: > 0 } entry
                    || Conditions(call, entry.Object) is not { Count: > 0 } conditions)
                {
                    continue;
                }

                (found ??= []).Add((call, entry.Member, conditions));
            }

            if (found is null)
            {
                continue;
            }

            var classes = HeldClasses(file, function, found.Select(f => f.Call));
            string name = file.Name(FunctionCensus.NameOf(function));
            foreach (var (call, member, conditions) in found)
            {
                foreach (var (field, state) in conditions)
                {
                    removals.Add(new ListRemoval(member, field, state, name, file.LocateCompact(call), classes.GetValueOrDefault(call) ?? []));
                }
            }
        }

        return removals;
    }

    // The lock classes held on every path at each of the calls (none where the analysis did not converge).
    private static Dictionary<SyntaxNode, string[]> HeldClasses(FileContext file, SyntaxNode function, IEnumerable<SyntaxNode> calls)
    {
        var wanted = new HashSet<SyntaxNode>(calls);
        var held = new Dictionary<SyntaxNode, string[]>();
        if (FileLockFacts.Analyze(file, function) is not var (graph, model, result))
        {
            return held;
        }

        for (int node = 0; node < graph.NodeCount; node++)
        {
            if (!result.IsReached(node))
            {
                continue;
            }

            LockAnalysis.Replay(model, graph, node, result.In(node), (call, state) =>
            {
                if (wanted.Contains(call))
                {
                    held[call] = [.. state.Must.Where(h => h.Class is not null).Select(h => file.Name(h.Class!)).Distinct()];
                }
            });
        }

        return held;
    }

    // The stores beside the removal, as (field, state after the removal); without any, the tests
    // around it (a store after the test decides the state the removal leaves the field in).
    private static List<(string Field, string State)> Conditions(SyntaxNode call, string obj)
    {
        var found = new List<(string, string)>();
        bool stores = false;
        for (var parent = call.Parent; parent is { } p && p.Kind != SyntaxKind.FunctionDefinition; parent = p.Parent)
        {
            if (p.Kind == SyntaxKind.IfStatement && !stores)
            {
                var statement = p.AsIfStatement();
                bool inThen = statement.Statement.Span.Contains(call.Span);
                bool inElse = !inThen && statement.Else is { } otherwise && otherwise.Span.Contains(call.Span);
                if ((inThen || inElse) && Modifies(statement.Condition) && FieldTest(statement.Condition, obj) is var (field, whenTrue, whenFalse)
                    && (inThen ? whenTrue : whenFalse) is { } state)
                {
                    found.Add((field, state));
                }
            }
            else if (p.Kind == SyntaxKind.CompoundStatement && !stores)
            {
                foreach (var sibling in SyntaxHelpers.Statements(p))
                {
                    if (Stored(sibling, obj) is { } stored)
                    {
                        found.Add(stored);
                        stores = true;
                    }
                }
            }
        }

        return found;
    }

    // A test that changes what it tests (a count taken or dropped): a plain read of a field says
    // in which state the removal found it, not that the removal made it so.
    public static bool Modifies(SyntaxNode condition)
    {
        foreach (var node in condition.DescendantNodesAndSelf())
        {
            if (node.Kind == SyntaxKind.PrefixUnary && node.AsPrefixUnary().Operator.Kind is SyntaxKind.PlusPlusToken or SyntaxKind.MinusMinusToken
                || node.Kind == SyntaxKind.CallExpression && SyntaxHelpers.CalleeName(node) is { } name && (name.EndsWith("_and_test", StringComparison.Ordinal) || name.EndsWith("_return", StringComparison.Ordinal)))
            {
                return true;
            }
        }

        return false;
    }

    // e->field = 0 / false / NULL, = 1 / true (also WRITE_ONCE(e->field, v)).
    private static (string, string)? Stored(SyntaxNode statement, string obj)
    {
        if (statement.Kind != SyntaxKind.ExpressionStatement)
        {
            return null;
        }

        var expression = SyntaxHelpers.StripParentheses(statement.AsExpressionStatement().Expression);
        SyntaxNode target;
        SyntaxNode value;
        if (expression.Kind == SyntaxKind.AssignmentExpression && expression.AsAssignmentExpression().Operator.Kind == SyntaxKind.EqualsToken)
        {
            target = expression.AsAssignmentExpression().Left;
            value = expression.AsAssignmentExpression().Right;
        }
        else if (SyntaxHelpers.CalleeName(expression) is "WRITE_ONCE" && SyntaxHelpers.Arguments(expression) is [var t, var v])
        {
            target = t;
            value = v;
        }
        else
        {
            return null;
        }

        if (FieldOf(target, obj) is not { } field)
        {
            return null;
        }

        value = SyntaxHelpers.StripParenthesesAndCasts(value);
        if (SyntaxHelpers.IsZeroLiteral(value) || value.Kind == SyntaxKind.IdentifierName && value.AsIdentifierName().Identifier.Text is "false" or "NULL")
        {
            return (field, Zero);
        }

        return value.Kind == SyntaxKind.IdentifierName && value.AsIdentifierName().Identifier.Text == "true"
            || value.Kind == SyntaxKind.LiteralExpression && SyntaxHelpers.Text(value) is "1"
            ? (field, NonZero) : null;
    }

    /// <summary>
    /// A test of a field of the element: the field, and its state when the test holds and when it
    /// fails (null when that branch says nothing exact: <c>x == 1</c> fails for 0 and for 2).
    /// </summary>
    public static (string Field, string? WhenTrue, string? WhenFalse)? FieldTest(SyntaxNode condition, string obj)
    {
        var test = SyntaxHelpers.StripParentheses(condition);
        if (test.Kind == SyntaxKind.PrefixUnary && test.AsPrefixUnary().Operator.Kind == SyntaxKind.ExclamationToken)
        {
            return FieldTest(test.AsPrefixUnary().Operand, obj) is var (f, t, e) ? (f, e, t) : null;
        }

        if (SyntaxHelpers.CalleeName(test) is { } name && SyntaxHelpers.Arguments(test) is [var argument])
        {
            switch (name)
            {
                case "likely" or "unlikely":
                    return FieldTest(argument, obj);
                case "atomic_dec_and_test" or "refcount_dec_and_test" or "atomic_long_dec_and_test" or "atomic64_dec_and_test":
                    return FieldOf(argument, obj) is { } counter ? (counter, Zero, NonZero) : null;
            }
        }

        if (ReadField(test, obj) is { } read)
        {
            return (read, NonZero, Zero);
        }

        if (test.Kind != SyntaxKind.BinaryExpression)
        {
            return null;
        }

        var binary = test.AsBinaryExpression();
        var left = SyntaxHelpers.StripParenthesesAndCasts(binary.Left);
        var right = SyntaxHelpers.StripParenthesesAndCasts(binary.Right);
        string? field = ReadField(left, obj) ?? Counted(left, obj);
        if (field is null)
        {
            return null;
        }

        bool zero = SyntaxHelpers.IsZeroLiteral(right) || right.Kind == SyntaxKind.IdentifierName && right.AsIdentifierName().Identifier.Text is "NULL" or "false";
        bool one = right.Kind == SyntaxKind.LiteralExpression && SyntaxHelpers.Text(right) == "1";
        return binary.Operator.Kind switch
        {
            SyntaxKind.EqualsEqualsToken when zero => (field, Zero, NonZero),
            SyntaxKind.ExclamationEqualsToken when zero => (field, NonZero, Zero),
            SyntaxKind.GreaterThanToken when zero => (field, NonZero, Zero),
            SyntaxKind.EqualsEqualsToken when one => (field, NonZero, null),
            _ => null,
        };
    }

    // obj->field, READ_ONCE(obj->field), atomic_read(&obj->field) and relatives.
    private static string? ReadField(SyntaxNode node, string obj)
    {
        node = SyntaxHelpers.StripParenthesesAndCasts(node);
        if (SyntaxHelpers.CalleeName(node) is "READ_ONCE" or "atomic_read" or "atomic_long_read" or "atomic64_read" or "refcount_read" or "kref_read"
            && SyntaxHelpers.Arguments(node) is [var argument])
        {
            return FieldOf(argument, obj);
        }

        return node.Kind == SyntaxKind.MemberAccess ? FieldOf(node, obj) : null;
    }

    // The counter a value-returning increment or decrement of the field reads: atomic_inc_return(&obj->field).
    // --obj->field also.
    private static string? Counted(SyntaxNode node, string obj)
    {
        if (node.Kind == SyntaxKind.PrefixUnary && node.AsPrefixUnary().Operator.Kind is SyntaxKind.PlusPlusToken or SyntaxKind.MinusMinusToken)
        {
            return FieldOf(node.AsPrefixUnary().Operand, obj);
        }

        return SyntaxHelpers.CalleeName(node) is "atomic_inc_return" or "atomic_dec_return" or "refcount_inc_return" or "atomic_long_inc_return"
            && SyntaxHelpers.Arguments(node) is [var argument] ? FieldOf(argument, obj) : null;
    }

    // obj->field or &obj->field: the field's name.
    private static string? FieldOf(SyntaxNode node, string obj)
    {
        node = SyntaxHelpers.StripParenthesesAndCasts(node);
        if (node.Kind == SyntaxKind.PrefixUnary && node.AsPrefixUnary().Operator.Kind == SyntaxKind.AmpersandToken)
        {
            node = SyntaxHelpers.StripParentheses(node.AsPrefixUnary().Operand);
        }

        if (node.Kind != SyntaxKind.MemberAccess)
        {
            return null;
        }

        var access = node.AsMemberAccess();
        return SyntaxHelpers.Key(SyntaxHelpers.StripParenthesesAndCasts(access.Expression)) == obj ? access.Name.Text : null;
    }
}
