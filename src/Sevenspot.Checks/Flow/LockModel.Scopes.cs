using Sevenspot.C;
using Sevenspot.Checks.Primitives;

namespace Sevenspot.Checks.Flow;

/// <summary>
/// Scope-based lock guards (linux/cleanup.h, Linux 6.5 on): <c>guard(mutex)(&amp;m);</c> takes the
/// lock at the statement and releases it when control leaves the enclosing block, by any path
/// (the end of the block, return, break, continue, goto); <c>scoped_guard(spinlock_irqsave, &amp;l) stmt</c>
/// and <c>scoped_cond_guard(mutex_intr, fail, &amp;m) stmt</c> hold it for their statement. The guard
/// class names its acquire in locks.txt (guard=G).
/// </summary>
public sealed partial class LockModel
{
    // Where each guard's lock was taken (its location's start) and the scope that releases it.
    private readonly Dictionary<int, SyntaxNode> _guardScopes = [];

    /// <summary>The acquire of <c>guard(G)(args)</c> or of a <c>scoped_guard</c> statement; null for anything else.</summary>
    private LockOperation? GuardOperation(SyntaxNode node)
    {
        if (node.Kind == SyntaxKind.CallExpression)
        {
            var callee = SyntaxHelpers.StripParentheses(node.AsCallExpression().Function);
            if (SyntaxHelpers.CalleeName(callee) is not ("guard" or "CLASS") || SyntaxHelpers.Argument(callee, 0) is not { } guardClass)
            {
                return null;
            }

            // CLASS(name, var)(args) declares var as the guard: for a lock guard class, guard(name)(args).
            if (GuardPrimitive(guardClass) is { } primitive)
            {
                return new LockOperation(primitive, true, KeyOf(primitive, node), ClassOf(primitive, node), node);
            }

            return DefinedGuardOperation(guardClass, SyntaxHelpers.Arguments(node), 0, node);
        }

        if (node.Kind == SyntaxKind.IteratorStatement)
        {
            var loop = node.AsIteratorStatement();
            int skip = loop.Name.Text switch
            {
                "scoped_guard" => 1,
                "scoped_cond_guard" => 2,
                _ => -1,
            };
            var arguments = SyntaxHelpers.Arguments(node);
            if (skip < 0 || arguments.Count == 0)
            {
                return null;
            }

            if (GuardPrimitive(arguments[0]) is not { } guarded)
            {
                // A class the file or its headers define: scoped_guard(G, args) or, for a
                // conditional class (DEFINE_GUARD_COND), scoped_cond_guard(G, fail, args).
                return DefinedGuardOperation(arguments[0], arguments, skip, node) is { } defined
                    ? defined with { Primitive = defined.Primitive with { Success = SuccessTest.Always } }
                    : null;
            }

            // The statement runs only once the lock is held: a conditional guard holds it there surely.
            var primitive = guarded with { Success = SuccessTest.Always };
            var lockArgument = Nth(arguments, skip, primitive.LockArgument);
            var bitArgument = Nth(arguments, skip, primitive.BitArgument);
            return new LockOperation(primitive, true, KeyFor(primitive, lockArgument, bitArgument), ClassFor(primitive, lockArgument, bitArgument), node);
        }

        return null;
    }

    /// <summary>
    /// The acquire function a guard statement calls (mutex_lock for <c>guard(mutex)(&amp;m)</c> or
    /// <c>scoped_guard(mutex, &amp;m)</c>), so that what is known of that function (it sleeps)
    /// applies to the guard; null for anything else.
    /// </summary>
    public static string? GuardAcquireName(PrimitiveTables primitives, SyntaxNode node, GuardDefinitions? defined = null)
    {
        SyntaxNode? guardClass = null;
        if (node.Kind == SyntaxKind.CallExpression)
        {
            var callee = SyntaxHelpers.StripParentheses(node.AsCallExpression().Function);
            if (SyntaxHelpers.CalleeName(callee) is "guard" or "CLASS")
            {
                guardClass = SyntaxHelpers.Argument(callee, 0);
            }
        }
        else if (node.Kind == SyntaxKind.IteratorStatement && node.AsIteratorStatement().Name.Text is "scoped_guard" or "scoped_cond_guard")
        {
            guardClass = SyntaxHelpers.Argument(node, 0);
        }

        if (guardClass is not { Kind: SyntaxKind.IdentifierName } name)
        {
            return null;
        }

        string word = name.AsIdentifierName().Identifier.Text;
        return primitives.FindGuard(word)?.Acquire ?? defined?.Find(word)?.Primitive.Acquire;
    }

    /// <summary>
    /// The acquire of a guard of a class the file or its headers define (<see cref="GuardDefinitions"/>): the
    /// lock its lock expression names, with the guard's first argument (after <paramref name="skip"/>) for <c>_T</c>.
    /// </summary>
    private LockOperation? DefinedGuardOperation(SyntaxNode guardClass, List<SyntaxNode> arguments, int skip, SyntaxNode node)
    {
        if (guardClass is not { Kind: SyntaxKind.IdentifierName } name
            || GuardDefinitions.Of(_file).Find(name.AsIdentifierName().Identifier.Text) is not { } definition)
        {
            return null;
        }

        var primitive = definition.Primitive;
        if (definition.Template is null)
        {
            return new LockOperation(primitive, true, KeyFor(primitive, null), ClassFor(primitive, null, null), node);
        }

        if (skip >= arguments.Count)
        {
            return null;
        }

        var argument = arguments[skip];
        if (definition.Field is not { } field)
        {
            return new LockOperation(primitive, true, KeyFor(primitive, argument), ClassFor(primitive, argument, null), node);
        }

        // &_T->field: the field of the object the argument points to.
        string key = SyntaxHelpers.Key(StripAddress(argument)) + " -> " + field;
        if (primitive.FixedClass is { } fixedClass)
        {
            key = fixedClass + "@" + key;
        }

        string? cls = primitive.FixedClass is not null
            ? ClassFor(primitive, null, null)
            : _types.TypeOf(StripAddress(argument)) is { } owner ? StructFieldClass(owner.Tag, field) : null;
        return new LockOperation(primitive, true, key, cls, node);
    }

    private LockPrimitive? GuardPrimitive(SyntaxNode? guardClass) =>
        guardClass is { Kind: SyntaxKind.IdentifierName } name ? Primitives.FindGuard(name.AsIdentifierName().Identifier.Text) : null;

    private static SyntaxNode? Nth(List<SyntaxNode> arguments, int skip, int index) =>
        index >= 0 && skip + index < arguments.Count ? arguments[skip + index] : null;

    private HeldLock ScopedGuardHeld(LockOperation op)
    {
        var loop = op.Call.AsIteratorStatement();
        string text = loop.Name.Text + "(" + SyntaxHelpers.Text(loop.ArgumentList) + ")";
        return new HeldLock(op.Key, op.Primitive.Kind, op.Class, 1, _file.LocateCompact(loop.Name), Shorten(text), op.Primitive.Nested);
    }

    private void RecordGuardScope(LockOperation op, HeldLock held)
    {
        SyntaxNode? scope = null;
        if (op.Call.Kind == SyntaxKind.IteratorStatement)
        {
            scope = op.Call.AsIteratorStatement().Statement;
        }
        else if (GuardOperation(op.Call) is not null)
        {
            scope = op.Call.FirstAncestorOrSelf(SyntaxKind.CompoundStatement);
        }

        if (scope is { } s)
        {
            _guardScopes[held.Location.Span.Start] = s;
        }
    }

    /// <summary>
    /// The state on entering a node: each guard whose scope does not hold the node's code is
    /// released. Nodes without code (joins, braces) keep the state; the exit releases every guard.
    /// </summary>
    public LockState LeaveScopes(LockState state, IFlowGraph graph, int node)
    {
        if (_guardScopes.Count == 0 || state.May.Count == 0)
        {
            return state;
        }

        bool exit = node == graph.Exit;
        var syntax = graph.GetSyntax(node);
        if (!exit && syntax is null)
        {
            return state;
        }

        var span = syntax is { } code ? code.Span : default;
        foreach (var held in state.May)
        {
            if (_guardScopes.TryGetValue(held.Location.Span.Start, out var scope) && (exit || !scope.Span.Contains(span)))
            {
                state = state.Release(held.Key);
            }
        }

        return state;
    }

    /// <summary>
    /// The lock calls of a node in evaluation order: its calls, then for a scoped_guard head the
    /// statement itself (it takes the lock once its arguments are evaluated).
    /// </summary>
    public static List<SyntaxNode> LockCalls(IFlowGraph graph, int node)
    {
        var calls = FlowSyntax.Calls(graph, node);
        if (graph.GetKind(node) == FlowNodeKind.IteratorHead && graph.GetSyntax(node) is { Kind: SyntaxKind.IteratorStatement } loop
            && loop.AsIteratorStatement().Name.Text is "scoped_guard" or "scoped_cond_guard")
        {
            calls.Add(loop);
        }

        return calls;
    }
}
