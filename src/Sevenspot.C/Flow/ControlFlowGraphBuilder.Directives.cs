using Sevenspot.Text;

namespace Sevenspot.C.Flow;

/// <summary>
/// Statement lists, and the #if groups between their statements. spatch turns an #if group whose
/// directives all sit between statements of one block into alternatives: "[ifdef]" leads to the
/// first branch, one "[elseif]" per #elif/#else leads to the others (or a "[fallthrough]" skips
/// the group when it has no #else), and every branch ends at "[endif]". When some group of a
/// function cuts across statements (a directive inside a statement, between a label and its
/// statement, or the parts of a group in different blocks), spatch models none of the
/// function's groups, and neither do we: the code is then a plain sequence, as the parser read it.
/// </summary>
internal sealed partial class ControlFlowGraphBuilder
{
    // Directives of the file, and for those inside the body the #if group each belongs to.
    private IReadOnlyList<Directive>? _directives;
    private int _firstDirective;
    private int _endDirective;
    private int[]? _groupOf;

    // Group -> its directives in order: #if, #elif/#else..., #endif.
    private List<int[]>? _groups;

    // Block -> the directive events between its statements, computed once when groups are checked.
    private Dictionary<int, List<DirectiveEvent>>? _blockEvents;

    private enum DirectiveRole : byte
    {
        Open,
        Middle,
        Close,
    }

    private readonly record struct DirectiveEvent(int Boundary, int Directive, int Group, DirectiveRole Role);

    private sealed class IfdefFrame(int tail, int[] branches, Context saved)
    {
        public int Tail { get; } = tail;

        public int[] Branches { get; } = branches;

        public int NextBranch { get; set; }

        public Context Saved { get; } = saved;
    }

    /// <summary>Matches the conditional directives inside the body into groups; most bodies have none.</summary>
    private void InitializeDirectives(SyntaxNode body)
    {
        var directives = body.Tree.Lexed.Directives;
        if (directives.Count == 0)
        {
            return;
        }

        var span = body.Span;
        int first = LowerBound(directives, 0, directives.Count, span.Start);
        int end = LowerBound(directives, first, directives.Count, span.End);
        List<int[]>? groups = null;
        int[]? groupOf = null;
        var open = new Stack<List<int>>();
        for (int k = first; k < end; k++)
        {
            switch (directives[k].Kind)
            {
                case DirectiveKind.If or DirectiveKind.Ifdef or DirectiveKind.Ifndef:
                    open.Push([k]);
                    break;
                case DirectiveKind.Elif or DirectiveKind.Else when open.Count > 0:
                    open.Peek().Add(k);
                    break;
                case DirectiveKind.Endif when open.Count > 0:
                    {
                        var members = open.Pop();
                        members.Add(k);
                        if (IsLiteralCondition(body.Tree.Text, directives[members[0]]))
                        {
                            // Like spatch, the lexer reads "#if 0" code (and the #else of "#if 1") as a comment: no alternatives.
                            break;
                        }

                        groups ??= [];
                        if (groupOf is null)
                        {
                            groupOf = new int[end - first];
                            Array.Fill(groupOf, None);
                        }

                        foreach (int m in members)
                        {
                            groupOf[m - first] = groups.Count;
                        }

                        groups.Add([.. members]);
                        break;
                    }
            }
        }

        if (groups is null)
        {
            return;
        }

        _directives = directives;
        _firstDirective = first;
        _endDirective = end;
        _groupOf = groupOf;
        _groups = groups;
        if (!AllGroupsBetweenStatements(body))
        {
            _groups = null;
            _blockEvents = null;
        }
    }

    /// <summary>Whether every group has all its directives between whole statements of one block.</summary>
    private bool AllGroupsBetweenStatements(SyntaxNode body)
    {
        var complete = new bool[_groups!.Count];
        var stack = new Stack<SyntaxNode>();
        stack.Push(body);
        while (stack.Count > 0)
        {
            var node = stack.Pop();
            if (node.Kind == SyntaxKind.CompoundStatement && CollectDirectiveEvents(node) is { } events)
            {
                (_blockEvents ??= [])[node.Index] = events;
                foreach (var e in events)
                {
                    complete[e.Group] = true;
                }
            }

            for (int i = node.ChildCount - 1; i >= 0; i--)
            {
                if (node.GetNodeSlot(i) is { } child && (SyntaxFacts.IsStatementKind(child.Kind) || child.Kind == SyntaxKind.List))
                {
                    stack.Push(child);
                }
            }
        }

        return Array.TrueForAll(complete, static c => c);
    }

    /// <summary>An #if that the lexer reads as "#if 0" or "#if 1" (<see cref="Lexer.LiteralCondition"/>).</summary>
    private static bool IsLiteralCondition(SourceText text, Directive directive) =>
        directive.Kind == DirectiveKind.If
        && Lexer.LiteralCondition(text.Slice(TextSpan.FromBounds(directive.Start, directive.End))) >= 0;

    private static int LowerBound(IReadOnlyList<Directive> directives, int low, int high, int position)
    {
        while (low < high)
        {
            int mid = (low + high) >>> 1;
            if (directives[mid].Start < position)
            {
                low = mid + 1;
            }
            else
            {
                high = mid;
            }
        }

        return low;
    }

    /// <summary>The statements of a block in sequence, with the #if groups between them.</summary>
    private int BuildStatementList(int start, Context context, SyntaxNode block)
    {
        var list = block.AsCompoundStatement().StatementList;
        int count = list.ChildCount;
        List<DirectiveEvent>? events = null;
        _blockEvents?.TryGetValue(block.Index, out events);
        int next = 0;
        Stack<IfdefFrame>? frames = null;
        for (int i = 0; ; i++)
        {
            while (events is not null && next < events.Count && events[next].Boundary == i)
            {
                ApplyDirective(events[next++], block, ref start, ref context, ref frames);
            }

            if (i == count)
            {
                break;
            }

            if (list.GetNodeSlot(i) is not { } item)
            {
                continue;
            }

            // "case 1: case 2: f();" reads as case 1 holding case 2 holding f().
            int last = i;
            for (var current = item; last + 1 < count && HasNoStatement(current) && !HasEventAt(events, next, last + 1) && list.GetNodeSlot(last + 1) is { } sibling; last++)
            {
                (_adoptedStatements ??= [])[current.Index] = sibling;
                current = sibling;
            }

            start = BuildStatement(start, context, item);
            i = last;
        }

        while (frames is { Count: > 0 })
        {
            var frame = frames.Pop();
            AddEdge(start, frame.Tail);
            start = frame.Tail;
            context = frame.Saved;
        }

        return start;
    }

    private static bool HasNoStatement(SyntaxNode statement) => statement.Kind switch
    {
        SyntaxKind.LabeledStatement => statement.AsLabeledStatement().Statement is null,
        SyntaxKind.CaseStatement => statement.AsCaseStatement().Statement is null,
        SyntaxKind.DefaultStatement => statement.AsDefaultStatement().Statement is null,
        _ => false,
    };

    private static bool HasEventAt(List<DirectiveEvent>? events, int from, int boundary)
    {
        for (int e = from; events is not null && e < events.Count && events[e].Boundary <= boundary; e++)
        {
            if (events[e].Boundary == boundary)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The directives of complete groups between the statements of a block; boundary i is just
    /// before statement i, boundary count just before the closing brace. A directive right after
    /// a label that has no statement of its own is not between statements.
    /// </summary>
    private List<DirectiveEvent>? CollectDirectiveEvents(SyntaxNode block)
    {
        var list = block.AsCompoundStatement().StatementList;
        int count = list.ChildCount;
        List<DirectiveEvent>? events = null;
        HashSet<int>? broken = null;
        var directives = _directives!;
        int low = block.AsCompoundStatement().OpenBrace.Span.End;
        for (int i = 0; i <= count; i++)
        {
            SyntaxNode? item = i < count ? list.GetNodeSlot(i) : null;
            if (i < count && item is null)
            {
                continue;
            }

            int high = item is { } statement ? statement.Span.Start : block.HasSlot(2) ? block.AsCompoundStatement().CloseBrace.Span.Start : int.MaxValue;
            int k = LowerBound(directives, _firstDirective, _endDirective, low);
            for (; k < _endDirective && directives[k].Start < high; k++)
            {
                int group = _groupOf![k - _firstDirective];
                if (group != None)
                {
                    var role = directives[k].Kind switch
                    {
                        DirectiveKind.If or DirectiveKind.Ifdef or DirectiveKind.Ifndef => DirectiveRole.Open,
                        DirectiveKind.Endif => DirectiveRole.Close,
                        _ => DirectiveRole.Middle,
                    };
                    (events ??= []).Add(new DirectiveEvent(i, k, group, role));
                    if (i > 0 && list.GetNodeSlot(i - 1) is { } previous && HasNoStatement(previous))
                    {
                        (broken ??= []).Add(group);
                    }
                }
            }

            if (item is { } done)
            {
                low = done.Span.End;
            }
        }

        if (events is null)
        {
            return null;
        }

        // Keep the groups whose every directive is between statements of this block.
        var seen = new Dictionary<int, int>();
        foreach (var e in events)
        {
            seen[e.Group] = seen.GetValueOrDefault(e.Group) + 1;
        }

        events.RemoveAll(e => seen[e.Group] != _groups![e.Group].Length || (broken?.Contains(e.Group) ?? false));
        return events.Count == 0 ? null : events;
    }

    private void ApplyDirective(DirectiveEvent e, SyntaxNode block, ref int start, ref Context context, ref Stack<IfdefFrame>? frames)
    {
        var directives = _directives!;
        var members = _groups![e.Group];
        switch (e.Role)
        {
            case DirectiveRole.Open:
                {
                    int[] labels = context.Labels;
                    int header = AddNode(ControlFlowNodeKind.IfdefHeader, block, labels);
                    NodeAt(header).Directive = directives[e.Directive];
                    var closing = directives[members[^1]];
                    int tail = AddNode(ControlFlowNodeKind.IfdefEndif, block, labels);
                    NodeAt(tail).Directive = closing;
                    AddEdge(start, header);
                    if (members.Length == 2)
                    {
                        int fallThrough = AddNode(ControlFlowNodeKind.FallThrough, block, labels);
                        NodeAt(fallThrough).Directive = directives[e.Directive];
                        AddEdge(header, fallThrough, ControlFlowEdgeKind.False);
                        AddEdge(fallThrough, tail);
                    }

                    var branches = new int[members.Length - 2];
                    for (int b = 0; b < branches.Length; b++)
                    {
                        branches[b] = AddNode(ControlFlowNodeKind.IfdefElse, block, labels);
                        NodeAt(branches[b]).Directive = directives[members[b + 1]];
                        AddEdge(header, branches[b]);
                    }

                    (frames ??= new()).Push(new IfdefFrame(tail, branches, context));
                    var scope = new BraceScope(context.Braces, ControlFlowNodeKind.IfdefEndif, block, labels, None)
                    {
                        Directive = closing,
                        CopiesAreFake = true,
                    };
                    context = context with { Braces = scope };
                    start = header;
                    break;
                }

            case DirectiveRole.Middle when frames is { Count: > 0 }:
                {
                    var frame = frames.Peek();
                    AddEdge(start, frame.Tail);
                    start = frame.NextBranch < frame.Branches.Length ? frame.Branches[frame.NextBranch++] : None;
                    break;
                }

            case DirectiveRole.Close when frames is { Count: > 0 }:
                {
                    var frame = frames.Pop();
                    AddEdge(start, frame.Tail);
                    start = frame.Tail;
                    context = frame.Saved;
                    break;
                }
        }
    }
}
