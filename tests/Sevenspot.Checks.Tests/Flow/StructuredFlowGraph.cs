using Sevenspot.C;
using Sevenspot.Checks.Flow;

namespace Sevenspot.Checks.Tests.Flow;

/// <summary>
/// A test-only control-flow graph for the analyses' unit tests, built straight from the syntax
/// of structured code (blocks, if/else, while, do, for, iterator macros, switch, break,
/// continue, return, goto and labels). It is not the C front end's ControlFlowGraph and does
/// not try to match spatch's node shapes; it exists so the dataflow analyses can be exercised
/// before that graph is available, and is to be retired once the checks run on it.
/// </summary>
internal sealed class StructuredFlowGraph : IFlowGraph
{
    private readonly List<FlowNodeKind> _kinds = [];
    private readonly List<SyntaxNode?> _syntax = [];
    private readonly List<List<FlowEdge>> _successors = [];
    private readonly List<List<FlowEdge>> _predecessors = [];
    private readonly Dictionary<string, int> _labels = new(StringComparer.Ordinal);
    private readonly Stack<(List<Pending> Breaks, int Continue)> _loops = new();
    private readonly Stack<List<Pending>> _switchBreaks = new();
    private readonly Stack<bool> _breakIsSwitch = new();

    private StructuredFlowGraph(SyntaxNode function)
    {
        Function = function;
        Entry = NewNode(FlowNodeKind.Entry, function);
        Exit = NewNode(FlowNodeKind.Exit, function);
    }

    public int NodeCount => _kinds.Count;

    public int Entry { get; }

    public int Exit { get; }

    public SyntaxNode Function { get; }

    private readonly record struct Pending(int From, FlowEdgeKind Kind);

    public static StructuredFlowGraph Build(SyntaxNode function)
    {
        var graph = new StructuredFlowGraph(function);
        var end = graph.Statement(function.AsFunctionDefinition().Body, [new Pending(graph.Entry, FlowEdgeKind.Normal)]);
        graph.Connect(end, graph.Exit);
        return graph;
    }

    public FlowNodeKind GetKind(int node) => _kinds[node];

    public SyntaxNode? GetSyntax(int node) => _kinds[node] is FlowNodeKind.Entry or FlowNodeKind.Exit ? null : _syntax[node];

    public ReadOnlySpan<FlowEdge> GetSuccessors(int node) => System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_successors[node]);

    public ReadOnlySpan<FlowEdge> GetPredecessors(int node) => System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_predecessors[node]);

    public override string ToString()
    {
        var lines = new List<string>();
        for (int i = 0; i < NodeCount; i++)
        {
            string text = _syntax[i] is { } s && _kinds[i] is not (FlowNodeKind.Entry or FlowNodeKind.Exit) ? SyntaxHelpers.Text(s) : string.Empty;
            if (text.Length > 40)
            {
                text = text[..40];
            }

            lines.Add($"{i} {_kinds[i]} {text} -> {string.Join(", ", _successors[i].Select(e => e.Kind == FlowEdgeKind.Normal ? e.Node.ToString() : $"{e.Node}{(e.Kind == FlowEdgeKind.True ? "T" : "F")}"))}");
        }

        return string.Join('\n', lines);
    }

    private int NewNode(FlowNodeKind kind, SyntaxNode? syntax)
    {
        _kinds.Add(kind);
        _syntax.Add(syntax);
        _successors.Add([]);
        _predecessors.Add([]);
        return _kinds.Count - 1;
    }

    private void Connect(List<Pending> from, int to)
    {
        foreach (var p in from)
        {
            _successors[p.From].Add(new FlowEdge(to, p.Kind));
            _predecessors[to].Add(new FlowEdge(p.From, p.Kind));
        }
    }

    private List<Pending> Simple(FlowNodeKind kind, SyntaxNode syntax, List<Pending> incoming)
    {
        int node = NewNode(kind, syntax);
        Connect(incoming, node);
        return [new Pending(node, FlowEdgeKind.Normal)];
    }

    private int Label(string name) => _labels.TryGetValue(name, out int node) ? node : _labels[name] = NewNode(FlowNodeKind.Other, null);

    private List<Pending> Statement(SyntaxNode statement, List<Pending> incoming)
    {
        switch (statement.Kind)
        {
            case SyntaxKind.CompoundStatement:
                var current = incoming;
                foreach (var s in SyntaxHelpers.Statements(statement))
                {
                    current = Statement(s, current);
                }

                return current;

            case SyntaxKind.IfStatement:
            {
                var s = statement.AsIfStatement();
                int test = NewNode(FlowNodeKind.Branch, s.Condition);
                Connect(incoming, test);
                var after = Statement(s.Statement, [new Pending(test, FlowEdgeKind.True)]);
                if (s.Else is { } otherwise)
                {
                    after.AddRange(Statement(otherwise, [new Pending(test, FlowEdgeKind.False)]));
                }
                else
                {
                    after.Add(new Pending(test, FlowEdgeKind.False));
                }

                return after;
            }

            case SyntaxKind.WhileStatement:
            {
                var s = statement.AsWhileStatement();
                int test = NewNode(FlowNodeKind.Branch, s.Condition);
                Connect(incoming, test);
                return Loop(test, s.Statement, [new Pending(test, FlowEdgeKind.True)], [new Pending(test, FlowEdgeKind.False)]);
            }

            case SyntaxKind.ForStatement:
            {
                int head = NewNode(FlowNodeKind.Branch, statement);
                Connect(incoming, head);
                return Loop(head, statement.AsForStatement().Statement, [new Pending(head, FlowEdgeKind.True)], [new Pending(head, FlowEdgeKind.False)]);
            }

            case SyntaxKind.IteratorStatement:
            {
                int head = NewNode(FlowNodeKind.IteratorHead, statement);
                Connect(incoming, head);
                return Loop(head, statement.AsIteratorStatement().Statement, [new Pending(head, FlowEdgeKind.Normal)], [new Pending(head, FlowEdgeKind.Normal)]);
            }

            case SyntaxKind.DoStatement:
            {
                var s = statement.AsDoStatement();
                int start = NewNode(FlowNodeKind.Other, null);
                Connect(incoming, start);
                int test = NewNode(FlowNodeKind.Branch, s.Condition);
                var breaks = new List<Pending>();
                _loops.Push((breaks, test));
                _breakIsSwitch.Push(false);
                var end = Statement(s.Statement, [new Pending(start, FlowEdgeKind.Normal)]);
                _breakIsSwitch.Pop();
                _loops.Pop();
                Connect(end, test);
                Connect([new Pending(test, FlowEdgeKind.True)], start);
                breaks.Add(new Pending(test, FlowEdgeKind.False));
                return breaks;
            }

            case SyntaxKind.SwitchStatement:
            {
                var s = statement.AsSwitchStatement();
                int test = NewNode(FlowNodeKind.Statement, s.Expression);
                Connect(incoming, test);
                var breaks = new List<Pending>();
                _switchBreaks.Push(breaks);
                _breakIsSwitch.Push(true);
                var dispatch = new List<Pending> { new(test, FlowEdgeKind.Normal) };
                var flow = new List<Pending>();
                bool hasDefault = false;
                foreach (var item in SyntaxHelpers.Statements(s.Statement))
                {
                    var inner = item;
                    while (inner.Kind is SyntaxKind.CaseStatement or SyntaxKind.DefaultStatement)
                    {
                        hasDefault |= inner.Kind == SyntaxKind.DefaultStatement;
                        int label = NewNode(FlowNodeKind.Other, inner);
                        Connect(dispatch, label);
                        Connect(flow, label);
                        flow = [new Pending(label, FlowEdgeKind.Normal)];
                        SyntaxNode? next = inner.Kind == SyntaxKind.CaseStatement ? inner.AsCaseStatement().Statement : inner.AsDefaultStatement().Statement;
                        if (next is not { } n)
                        {
                            inner = default;
                            break;
                        }

                        inner = n;
                    }

                    if (inner.Tree is not null)
                    {
                        flow = Statement(inner, flow);
                    }
                }

                _breakIsSwitch.Pop();
                _switchBreaks.Pop();
                breaks.AddRange(flow);
                if (!hasDefault)
                {
                    breaks.Add(new Pending(test, FlowEdgeKind.Normal));
                }

                return breaks;
            }

            case SyntaxKind.BreakStatement:
                int brk = NewNode(FlowNodeKind.Other, statement);
                Connect(incoming, brk);
                if (_breakIsSwitch.Count > 0 && _breakIsSwitch.Peek())
                {
                    _switchBreaks.Peek().Add(new Pending(brk, FlowEdgeKind.Normal));
                }
                else if (_loops.Count > 0)
                {
                    _loops.Peek().Breaks.Add(new Pending(brk, FlowEdgeKind.Normal));
                }

                return [];

            case SyntaxKind.ContinueStatement:
                int cont = NewNode(FlowNodeKind.Other, statement);
                Connect(incoming, cont);
                if (_loops.Count > 0)
                {
                    Connect([new Pending(cont, FlowEdgeKind.Normal)], _loops.Peek().Continue);
                }

                return [];

            case SyntaxKind.ReturnStatement:
                int ret = NewNode(FlowNodeKind.Return, statement);
                Connect(incoming, ret);
                Connect([new Pending(ret, FlowEdgeKind.Normal)], Exit);
                return [];

            case SyntaxKind.GotoStatement:
                int jump = NewNode(FlowNodeKind.Other, statement);
                Connect(incoming, jump);
                var target = statement.AsGotoStatement().Target;
                if (target.Kind == SyntaxKind.IdentifierName)
                {
                    Connect([new Pending(jump, FlowEdgeKind.Normal)], Label(target.AsIdentifierName().Identifier.Text));
                }

                return [];

            case SyntaxKind.LabeledStatement:
            {
                var s = statement.AsLabeledStatement();
                int label = Label(s.Label.Text);
                _syntax[label] = statement;
                Connect(incoming, label);
                var after = new List<Pending> { new(label, FlowEdgeKind.Normal) };
                return s.Statement is { } inner ? Statement(inner, after) : after;
            }

            default:
                return Simple(FlowNodeKind.Statement, statement, incoming);
        }
    }

    private List<Pending> Loop(int head, SyntaxNode body, List<Pending> enter, List<Pending> leave)
    {
        var breaks = new List<Pending>(leave);
        _loops.Push((breaks, head));
        _breakIsSwitch.Push(false);
        var end = Statement(body, enter);
        _breakIsSwitch.Pop();
        _loops.Pop();
        Connect(end, head);
        return breaks;
    }
}

/// <summary>Provides <see cref="StructuredFlowGraph"/>s to a check run (tests only).</summary>
internal sealed class StructuredFlowGraphProvider : IFlowGraphProvider
{
    public static readonly StructuredFlowGraphProvider Instance = new();

    public IFlowGraph? Build(SyntaxNode functionDefinition) => StructuredFlowGraph.Build(functionDefinition);
}
