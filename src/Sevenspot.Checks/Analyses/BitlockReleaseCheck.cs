using Sevenspot.C;
using Sevenspot.Checks.Primitives;

namespace Sevenspot.Checks;

/// <summary>
/// bitlock-release: in one function, <c>test_and_set_bit(N, addr)</c> whose result decides a
/// branch or loop (the bit is taken as a lock), and later <c>clear_bit(N, addr)</c> of the same bit
/// and address outside the branch that failed to take it, at least one of them on the way through
/// (not only under an if after the set). Reported at the clear_bit, with the fix
/// test_and_set_bit_lock / clear_bit_unlock (bitops.txt).
/// </summary>
public sealed class BitlockReleaseCheck : FileCheck
{
    public override CheckDescriptor Descriptor => CheckDescriptors.BitlockRelease;

    public override void Analyze(FileContext file, FindingSink sink)
    {
        foreach (var function in file.Functions)
        {
            AnalyzeFunction(file, function, sink);
        }
    }

    /// <summary>A taken bit lock: the test-and-set call, its bit and address keys, and the region where taking it failed.</summary>
    private sealed record Acquisition(SyntaxNode Call, BitOperation Operation, string BitKey, string AddressKey, SyntaxNode? FailedRegion);

    private void AnalyzeFunction(FileContext file, SyntaxNode function, FindingSink sink)
    {
        var body = function.AsFunctionDefinition().Body;
        var acquisitions = new List<Acquisition>();
        var releases = new List<(Acquisition Taken, SyntaxNode Clear, BitOperation Operation)>();
        foreach (var call in SyntaxHelpers.Calls(body))
        {
            if (SyntaxHelpers.CalleeName(call) is not { } name || file.Primitives.FindBitOperation(name) is not { } operation)
            {
                continue;
            }

            var arguments = SyntaxHelpers.Arguments(call);
            if (arguments.Count != 2)
            {
                continue;
            }

            string bit = SyntaxHelpers.Key(arguments[0]);
            string address = SyntaxHelpers.Key(SyntaxHelpers.StripParenthesesAndCasts(arguments[1]));
            if (operation.Role == BitOperationRole.TestAndSet)
            {
                if (TestedAsLock(call, out var failed))
                {
                    acquisitions.Add(new Acquisition(call, operation, bit, address, failed));
                }

                continue;
            }

            if (operation.Role != BitOperationRole.Clear || operation.Ordered || operation.Fix is null)
            {
                continue;
            }

            var taken = acquisitions.FindLast(a => a.BitKey == bit && a.AddressKey == address && !Inside(call, a.FailedRegion));
            if (taken is null || PrecededByBarrier(file.Primitives, call))
            {
                continue;
            }

            releases.Add((taken, call, operation));
        }

        // A bit cleared only on some paths after it was set (if (err) clear_bit(...)) is a state
        // flag undone on failure, not a lock: a lock is released on the way through too.
        foreach (var (taken, clear, operation) in releases)
        {
            if (releases.Any(r => r.Taken == taken && ReleasedOnTheWayThrough(r.Clear, taken.Call)))
            {
                Report(file, sink, taken, clear, operation);
            }
        }
    }

    /// <summary>
    /// Whether no if, loop or switch decides whether the clear runs, between it and the statement
    /// that holds the acquisition too (a block, or the if whose test took the bit).
    /// </summary>
    private static bool ReleasedOnTheWayThrough(SyntaxNode clear, SyntaxNode acquisition)
    {
        for (var node = clear.Parent; node is { } n; node = n.Parent)
        {
            if (n.Span.Contains(acquisition.Span))
            {
                // The common ancestor: a block holding both, or the if whose test took the bit.
                return true;
            }

            switch (n.Kind)
            {
                case SyntaxKind.IfStatement or SyntaxKind.WhileStatement or SyntaxKind.DoStatement or SyntaxKind.ForStatement
                    or SyntaxKind.SwitchStatement or SyntaxKind.IteratorStatement or SyntaxKind.CaseStatement or SyntaxKind.DefaultStatement
                    or SyntaxKind.ConditionalExpression or SyntaxKind.FunctionDefinition:
                    return false;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether the call's result decides an if, a while or a do-while (possibly under !, likely
    /// or unlikely), and which statement runs when taking the bit failed: the then-branch of
    /// <c>if (test_and_set_bit(...))</c>, the else-branch of <c>if (!test_and_set_bit(...))</c>, the
    /// body of <c>while (test_and_set_bit(...))</c>.
    /// </summary>
    private static bool TestedAsLock(SyntaxNode call, out SyntaxNode? failedRegion)
    {
        failedRegion = null;
        bool negated = false;
        var node = call;
        while (node.Parent is { } parent)
        {
            if (parent.Kind == SyntaxKind.ParenthesizedExpression)
            {
                node = parent;
                continue;
            }

            if (parent.Kind == SyntaxKind.PrefixUnary && parent.AsPrefixUnary().Operator.Kind == SyntaxKind.ExclamationToken)
            {
                negated = !negated;
                node = parent;
                continue;
            }

            // likely(x) / unlikely(x): the argument list sits between the call and its argument.
            if (parent.Kind == SyntaxKind.SeparatedList && parent.Parent is { Kind: SyntaxKind.CallExpression } wrapper
                && SyntaxHelpers.CalleeName(wrapper) is "likely" or "unlikely")
            {
                node = wrapper;
                continue;
            }

            switch (parent.Kind)
            {
                case SyntaxKind.IfStatement:
                    var ifStatement = parent.AsIfStatement();
                    if (ifStatement.Condition != node)
                    {
                        return false;
                    }

                    failedRegion = negated ? ifStatement.Else : ifStatement.Statement;
                    return true;
                case SyntaxKind.WhileStatement:
                    var whileStatement = parent.AsWhileStatement();
                    if (whileStatement.Condition != node || negated)
                    {
                        return false;
                    }

                    failedRegion = whileStatement.Statement;
                    return true;
                case SyntaxKind.DoStatement:
                    var doStatement = parent.AsDoStatement();
                    if (doStatement.Condition != node || negated)
                    {
                        return false;
                    }

                    failedRegion = doStatement.Statement;
                    return true;
                default:
                    return false;
            }
        }

        return false;
    }

    private static bool Inside(SyntaxNode node, SyntaxNode? region) => region is { } r && r.Span.Contains(node.Span);

    /// <summary>Whether the statement just before the clear's statement, in its block, is a barrier call (smp_mb__before_atomic();).</summary>
    private static bool PrecededByBarrier(PrimitiveTables primitives, SyntaxNode call)
    {
        var statement = call.Parent;
        while (statement is { } s && s.Kind != SyntaxKind.ExpressionStatement)
        {
            statement = s.Parent;
        }

        if (statement is not { } clearStatement || clearStatement.Parent is not { Kind: SyntaxKind.List } list)
        {
            return false;
        }

        SyntaxNode? previous = null;
        foreach (var sibling in list.ChildNodes())
        {
            if (sibling == clearStatement)
            {
                break;
            }

            previous = sibling;
        }

        if (previous is not { Kind: SyntaxKind.ExpressionStatement } p)
        {
            return false;
        }

        var expression = SyntaxHelpers.StripParentheses(p.AsExpressionStatement().Expression);
        return SyntaxHelpers.CalleeName(expression) is { } name && primitives.FindBitOperation(name) is { Role: BitOperationRole.Barrier };
    }

    private void Report(FileContext file, FindingSink sink, Acquisition taken, SyntaxNode clear, BitOperation clearOperation)
    {
        var clearName = SyntaxHelpers.CalleeToken(clear)!.Value;
        var takeName = SyntaxHelpers.CalleeToken(taken.Call)!.Value;
        var arguments = SyntaxHelpers.Arguments(clear);
        string bit = SyntaxHelpers.Text(arguments[0]);
        string address = SyntaxHelpers.Text(arguments[1]);
        int line = file.Locate(takeName).Start.Line;
        var edits = new List<FixEdit> { new(file.Locate(clearName), clearOperation.Fix!) };
        string fixText = clearOperation.Fix!;
        if (!taken.Operation.Ordered && taken.Operation.Fix is { } takeFix)
        {
            edits.Insert(0, new FixEdit(file.Locate(takeName), takeFix));
            fixText = $"{takeFix}/{clearOperation.Fix}";
        }

        sink.Report(new Finding(
            Descriptor,
            file.Locate(clearName),
            $"bit {bit} of {address} is a lock taken by {takeName.Text} at line {line} but released by {clearName.Text}, which has no release ordering; use {fixText}",
            [new RelatedLocation(file.Locate(taken.Call), $"bit {bit} of {address} taken as a lock")],
            fix: new Fix($"Use {fixText}", edits)));
    }
}
