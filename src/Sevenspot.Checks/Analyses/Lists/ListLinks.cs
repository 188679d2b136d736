using Sevenspot.C;
using Sevenspot.C.Flow;
using Sevenspot.Checks.Flow;
using Sevenspot.Checks.Primitives;

namespace Sevenspot.Checks;

/// <summary>What <see cref="ListLinks"/> tells a visitor about one call, with the links made before it.</summary>
public interface IListLinkVisitor
{
    /// <summary>
    /// A call frees <paramref name="obj"/>: a free primitive (<paramref name="via"/> null) or a
    /// function of the file that frees its argument (its summary), the links of the object it
    /// unlinks already undone in <paramref name="state"/>.
    /// </summary>
    void Freed(SyntaxNode call, string obj, SyntaxNode argument, string name, ListFunctionSummary? via, KeyedFacts state);

    /// <summary>A call of a function the file does not define, which may free or unlink what it is passed.</summary>
    void External(SyntaxNode call, string callee, KeyedFacts state);
}

/// <summary>
/// Forward dataflow of the list links a function made (list_add and relatives, lists.txt) and has
/// not undone (list_del, list_del_init), through the calls of functions of its own file by their
/// <see cref="ListFunctionSummary"/>: a callee that links its argument (attach) or returns a linked
/// object (create) makes links, one that unlinks undoes them, one that waits forgets them all, as
/// waiting for another thread does. With <c>external</c>, a variable assigned the result of a
/// function of another file gets a link <c>x|@name</c>, whose members are known only over the tree.
/// Assigning the object's variable forgets its links. An attach that is also passed an object the
/// function allocated itself links nothing here: the list may be that object's own, built and torn
/// down with the element, and whether its head outlives the element is not followed.
/// </summary>
public readonly struct ListLinks : IForwardAnalysis<KeyedFacts>
{
    private readonly FileContext _file;
    private readonly ListSummaries _summaries;
    private readonly bool _external;
    private readonly HashSet<string> _allocated;

    public ListLinks(FileContext file, ListSummaries summaries, bool external, SyntaxNode function)
    {
        _file = file;
        _summaries = summaries;
        _external = external;
        _allocated = AllocatedIn(file, function);
    }

    public KeyedFacts Initial(IFlowGraph graph) => KeyedFacts.Empty;

    public KeyedFacts Transfer(IFlowGraph graph, int node, KeyedFacts input) => Run(graph, node, input, null);

    public KeyedFacts TransferEdge(IFlowGraph graph, int from, FlowEdge edge, KeyedFacts output) => output;

    public KeyedFacts Join(KeyedFacts left, KeyedFacts right) => KeyedFacts.Join(left, right);

    public bool Same(KeyedFacts left, KeyedFacts right) => left.Equals(right);

    /// <summary>The names of a function's parameters in order (empty for one without a name).</summary>
    public static List<string> ParametersOf(SyntaxNode function)
    {
        var parameters = new List<string>();
        foreach (var node in function.AsFunctionDefinition().Declarator.DescendantNodesAndSelf())
        {
            if (node.Kind == SyntaxKind.ParameterDeclaration)
            {
                parameters.Add(Declarators.DeclaredName(node.AsParameterDeclaration().Declarator, throughFunctions: false) ?? string.Empty);
            }
        }

        return parameters;
    }

    /// <summary>Applies a node's list operations, calls and assignments, telling the visitor about frees and calls of other files.</summary>
    public KeyedFacts Run(IFlowGraph graph, int node, KeyedFacts input, IListLinkVisitor? visitor)
    {
        var state = input;
        var tables = _file.Primitives;
        Dictionary<SyntaxNode, ListFunctionSummary>? creators = null;
        foreach (var call in FlowSyntax.Calls(graph, node))
        {
            if (SyntaxHelpers.CalleeName(call) is not { } name)
            {
                continue;
            }

            if (tables.FindFree(name) is { } free)
            {
                if (visitor is not null && SyntaxHelpers.Argument(call, free.ObjectArgument) is { } argument)
                {
                    visitor.Freed(call, SyntaxHelpers.Key(SyntaxHelpers.StripParenthesesAndCasts(argument)), argument, name, null, state);
                }

                continue;
            }

            // Waiting for another thread (a completion, an event, a flush) may be waiting for
            // it to take the object off the list: what the function linked is no longer known.
            if (tables.FindSleeping(name) is { Reason: SleepReason.Waits })
            {
                state = state.RemoveWhere(_ => true);
                continue;
            }

            if (tables.FindListOperation(name) is { } operation)
            {
                if (ListEntry.Of(operation, call) is { } entry)
                {
                    state = operation.Kind switch
                    {
                        ListOperationKind.Add or ListOperationKind.Move => state.Add(new Fact(entry.Key, _file.Locate(call), name)),
                        ListOperationKind.Delete or ListOperationKind.DeleteInit => Unlink(state, entry.Key),
                        _ => state,
                    };
                }

                continue;
            }

            if (_summaries.Local(name) is { } callee)
            {
                // if (attach(x)) ...: the result tells whether it linked; its links are not counted.
                if (graph.GetKind(node) == FlowNodeKind.Branch)
                {
                    callee = callee with { StaysLinked = [] };
                }

                state = Apply(state, call, name, callee, visitor);
                if (callee.ReturnsLinked.Length > 0)
                {
                    (creators ??= [])[call] = callee;
                }

                continue;
            }

            if (!_summaries.Defines(name) && !tables.IsPrimitive(name))
            {
                visitor?.External(call, name, state);
            }
        }

        foreach (var syntax in FlowSyntax.EvaluatedNodes(graph, node))
        {
            if (Assigned(syntax) is not var (target, value))
            {
                continue;
            }

            state = state.RemoveWhere(key => ListEntry.DiesWith(ListEntry.ObjectOfKey(key), target));
            if (value is not { } assignedValue || SyntaxHelpers.StripParenthesesAndCasts(assignedValue) is not { Kind: SyntaxKind.CallExpression } call
                || SyntaxHelpers.CalleeName(call) is not { } name)
            {
                continue;
            }

            // x = create(...): the links the creator made on what it returns are x's.
            if (creators is not null && creators.TryGetValue(call, out var creator))
            {
                foreach (string member in creator.ReturnsLinked)
                {
                    state = state.Add(new Fact(target + "|" + member, _file.Locate(call), name));
                }
            }
            else if (_external && !_summaries.Defines(name) && !_file.Primitives.IsPrimitive(name))
            {
                state = state.Add(new Fact(target + "|@" + name, _file.Locate(call), name));
            }
        }

        return state;
    }

    // A call of a function of the file: its unlinks, its free, its links, in that order.
    private KeyedFacts Apply(KeyedFacts state, SyntaxNode call, string name, ListFunctionSummary callee, IListLinkVisitor? visitor)
    {
        if (callee.Waits)
        {
            return state.RemoveWhere(_ => true);
        }

        var arguments = SyntaxHelpers.Arguments(call);
        for (int i = 0; i < arguments.Count; i++)
        {
            foreach (string member in callee.UnlinksAt(i))
            {
                state = Unlink(state, ListEntry.KeyThrough(arguments[i], member));
            }
        }

        for (int i = 0; i < arguments.Count; i++)
        {
            if (callee.FreesAt(i))
            {
                visitor?.Freed(call, SyntaxHelpers.Key(SyntaxHelpers.StripParenthesesAndCasts(arguments[i])), arguments[i], name, callee, state);
            }
        }

        for (int i = 0; i < arguments.Count && i < callee.StaysLinked.Length; i++)
        {
            if (callee.StaysLinked[i].Length > 0 && PassedOwnAllocation(arguments, i))
            {
                continue;
            }

            foreach (string member in callee.StaysLinked[i])
            {
                state = state.Add(new Fact(ListEntry.KeyThrough(arguments[i], member), _file.Locate(call), name));
            }
        }

        return state;
    }

    // Whether an argument other than the linked one is an object the function allocated itself.
    private bool PassedOwnAllocation(IReadOnlyList<SyntaxNode> arguments, int linked)
    {
        for (int j = 0; j < arguments.Count; j++)
        {
            if (j != linked && _allocated.Contains(SyntaxHelpers.Key(SyntaxHelpers.StripParenthesesAndCasts(arguments[j]))))
            {
                return true;
            }
        }

        return false;
    }

    // The variables a function assigns the result of an allocator (kmalloc and relatives).
    private static HashSet<string> AllocatedIn(FileContext file, SyntaxNode function)
    {
        var allocated = new HashSet<string>(StringComparer.Ordinal);
        foreach (var node in function.AsFunctionDefinition().Body.DescendantNodesAndSelf())
        {
            if (Assigned(node) is (var target, { } value)
                && SyntaxHelpers.StripParenthesesAndCasts(value) is { Kind: SyntaxKind.CallExpression } call
                && SyntaxHelpers.CalleeName(call) is { } name && file.Primitives.FindAllocator(name) is not null)
            {
                allocated.Add(target);
            }
        }

        return allocated;
    }

    // Unlinking one member of an object also forgets the links another file's creator made on it.
    private static KeyedFacts Unlink(KeyedFacts state, string key)
    {
        string obj = ListEntry.ObjectOfKey(key);
        return state.RemoveWhere(k => k == key || (ListEntry.ObjectOfKey(k) == obj && ListEntry.IsExternal(ListEntry.MemberOfKey(k))));
    }

    /// <summary>An assignment or initialised declaration: the variable's key, and the value when it is a plain <c>=</c>.</summary>
    public static (string Target, SyntaxNode? Value)? Assigned(SyntaxNode node)
    {
        if (node.Kind == SyntaxKind.AssignmentExpression)
        {
            var assignment = node.AsAssignmentExpression();
            return (SyntaxHelpers.Key(assignment.Left), assignment.Operator.Kind == SyntaxKind.EqualsToken ? assignment.Right : null);
        }

        if (node.Kind == SyntaxKind.InitDeclarator && Declarators.DeclaredName(node.AsInitDeclarator().Declarator, throughFunctions: false) is { } name)
        {
            return (name, node.AsInitDeclarator().Initializer);
        }

        return null;
    }
}
