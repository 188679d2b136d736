using System.Runtime.CompilerServices;

namespace Sevenspot.C.Flow;

internal sealed partial class ControlFlowGraphBuilder
{
    /// <summary>
    /// Adds the nodes of a statement reached from <paramref name="start"/> (None for unreachable
    /// code) and returns the node control leaves it from, or None when no path falls out of it.
    /// </summary>
    private int BuildStatement(int start, Context context, SyntaxNode statement)
    {
        _labelCounter++;
        int[] labels = Append(context.Labels, _labelCounter);
        var inner = context with { Labels = labels, Role = BlockRole.Statement, Switch = null };
        if (_depth >= MaxDepth || !RuntimeHelpers.TryEnsureSufficientExecutionStack())
        {
            AddProblem(ControlFlowProblemKind.TooDeep, statement);
            return BuildPlain(start, labels, statement);
        }

        _depth++;
        int result = statement.Kind switch
        {
            SyntaxKind.CompoundStatement => BuildBlock(start, context, inner, statement),
            SyntaxKind.LabeledStatement => BuildLabel(start, inner, statement),
            SyntaxKind.CaseStatement or SyntaxKind.DefaultStatement => BuildCase(start, inner, statement),
            SyntaxKind.IfStatement => BuildIf(start, inner, statement),
            SyntaxKind.SwitchStatement => BuildSwitch(start, inner, statement),
            SyntaxKind.WhileStatement => BuildLoop(start, inner, statement, ControlFlowNodeKind.WhileHeader, statement.AsWhileStatement().Statement),
            SyntaxKind.ForStatement => BuildLoop(start, inner, statement, ControlFlowNodeKind.ForHeader, statement.AsForStatement().Statement),
            SyntaxKind.IteratorStatement => BuildLoop(start, inner, statement, ControlFlowNodeKind.IteratorHeader, statement.AsIteratorStatement().Statement),
            SyntaxKind.DoStatement => BuildDo(start, inner, statement),
            SyntaxKind.GotoStatement => BuildGoto(start, inner, statement),
            SyntaxKind.BreakStatement or SyntaxKind.ContinueStatement => BuildBreakOrContinue(start, inner, statement),
            SyntaxKind.ReturnStatement => BuildReturn(start, inner, statement),
            _ => BuildPlain(start, labels, statement),
        };
        _depth--;
        return result;
    }

    /// <summary>Expression statements, declarations, empty statements, asm, macro statements, error statements.</summary>
    private int BuildPlain(int start, int[] labels, SyntaxNode statement)
    {
        int node = AddNode(ControlFlowNodeKind.Statement, statement, labels);
        AddEdge(start, node);
        return node;
    }

    private int BuildBlock(int start, Context outer, Context inner, SyntaxNode block)
    {
        int level = ++_braceCounter;

        // The function body shares the header's labels and a switch body the switch's; other
        // blocks are statements of their own. Only those get [after] nodes.
        int[] labels = outer.Role == BlockRole.Statement ? inner.Labels : outer.Labels;
        int open = AddNode(ControlFlowNodeKind.BlockOpen, block, labels);
        NodeAt(open).BraceLevel = level;
        var scope = new BraceScope(inner.Braces, ControlFlowNodeKind.BlockClose, block, labels, outer.Role == BlockRole.Statement ? open : None)
        {
            BraceLevel = level,
            CopiesAreFake = true,
        };
        var body = inner with { Braces = scope };
        if (outer.Role == BlockRole.SwitchBody && outer.Switch is { } setup)
        {
            body = body with { Jumps = StartSwitchBody(setup, open, body.Jumps) };
        }

        AddEdge(start, open);
        int last = BuildStatementList(open, body, block);
        if (last == None)
        {
            return None;
        }

        int close = AddNode(ControlFlowNodeKind.BlockClose, block, labels);
        NodeAt(close).BraceLevel = level;
        DropJumpAfters(scope);
        AddAfter(scope, AfterKind.Normal, close);
        AddEdge(last, close);
        return close;
    }

    private int BuildLabel(int start, Context inner, SyntaxNode statement)
    {
        // The node was made before the walk (gotos may come first); it gets its labels now.
        if (_labelNodes is null || !_labelNodes.TryGetValue(statement.Index, out int node))
        {
            node = AddNode(ControlFlowNodeKind.Label, statement, inner.Labels);
        }

        NodeAt(node).LabelArray = inner.Labels;
        AddEdge(start, node);
        return BuildLabelTarget(node, inner, statement);
    }

    /// <summary>The statement after a case, default or goto label; spatch puts an empty statement after a label that ends a block.</summary>
    private int BuildLabelTarget(int node, Context inner, SyntaxNode label)
    {
        SyntaxNode? target = label.Kind switch
        {
            SyntaxKind.LabeledStatement => label.AsLabeledStatement().Statement,
            SyntaxKind.CaseStatement => label.AsCaseStatement().Statement,
            _ => label.AsDefaultStatement().Statement,
        };
        if (target is null && _adoptedStatements is { } adopted && adopted.TryGetValue(label.Index, out var sibling))
        {
            target = sibling;
        }

        if (target is { } statement)
        {
            return BuildStatement(node, inner, statement);
        }

        _labelCounter++;
        int empty = AddNode(ControlFlowNodeKind.Statement, label, Append(inner.Labels, _labelCounter));
        NodeAt(empty).Flags |= ControlFlowNodeFlags.Implicit;
        AddEdge(node, empty);
        return empty;
    }

    private int BuildCase(int start, Context inner, SyntaxNode statement)
    {
        bool isDefault = statement.Kind == SyntaxKind.DefaultStatement;
        int rank = ++_caseCounter;
        int node = AddNode(isDefault ? ControlFlowNodeKind.Default : ControlFlowNodeKind.Case, statement, inner.Labels);
        var scope = inner.Jumps;
        while (scope is not null && !scope.IsSwitch)
        {
            scope = scope.Parent;
        }

        // Falling into a case from the code above is an edge, except from the body's "{n" itself
        // (redundant with the dispatch); spatch keeps that edge for default.
        if (scope is null || isDefault || start != scope.Start)
        {
            AddEdge(start, node);
        }

        if (scope is null)
        {
            AddProblem(ControlFlowProblemKind.CaseOutsideSwitch, statement);
        }
        else
        {
            int dispatch = AddNode(ControlFlowNodeKind.CaseNode, statement, inner.Labels);
            NodeAt(dispatch).CaseNumber = rank;
            AddEdge(scope.Start, dispatch);
            AddEdge(dispatch, node);
        }

        return BuildLabelTarget(node, inner, statement);
    }

    private int BuildIf(int start, Context inner, SyntaxNode statement)
    {
        var syntax = statement.AsIfStatement();
        int[] labels = inner.Labels;
        int header = AddNode(ControlFlowNodeKind.IfHeader, statement, labels);
        AddEdge(start, header);
        int then = AddNode(ControlFlowNodeKind.Then, statement, labels);
        if (syntax.Else is not { } elseStatement)
        {
            int fallThrough = AddNode(ControlFlowNodeKind.FallThrough, statement, labels);
            int end = AddNode(ControlFlowNodeKind.EndIf, statement, labels);
            AddEdge(header, then, ControlFlowEdgeKind.True);
            AddEdge(header, fallThrough, ControlFlowEdgeKind.False);
            AddEdge(fallThrough, end);
            int after = AddNode(ControlFlowNodeKind.After, statement, labels);
            AddEdge(header, after, ControlFlowEdgeKind.After);
            AddEdge(after, end, ControlFlowEdgeKind.After);

            // spatch's error-exit heuristic: a return under here goes to [errorexit].
            int lastThen = BuildStatement(then, inner with { UnderIfThen = true }, syntax.Statement);
            MarkEscaping(then, lastThen);
            AddEdge(lastThen, end);
            return end;
        }

        int elseBranch = AddNode(ControlFlowNodeKind.Else, statement, labels);
        int elseKeyword = AddNode(ControlFlowNodeKind.ElseKeyword, statement, labels);
        AddEdge(header, then, ControlFlowEdgeKind.True);
        AddEdge(header, elseBranch, ControlFlowEdgeKind.False);
        AddEdge(elseBranch, elseKeyword);
        var scope = new BraceScope(inner.Braces, ControlFlowNodeKind.EndIf, statement, labels, header);
        var branches = inner with { Braces = scope };
        int thenLast = BuildStatement(then, branches, syntax.Statement);
        int elseLast = BuildStatement(elseKeyword, branches, elseStatement);
        MarkEscaping(then, thenLast);
        if (thenLast == None && elseLast == None)
        {
            return None;
        }

        int endIf = AddNode(ControlFlowNodeKind.EndIf, statement, labels);
        DropJumpAfters(scope);
        AddAfter(scope, AfterKind.Normal, endIf);
        AddEdge(thenLast, endIf);
        AddEdge(elseLast, endIf);
        return endIf;
    }

    private void MarkEscaping(int then, int lastThen)
    {
        if (lastThen == None)
        {
            NodeAt(then).Flags |= ControlFlowNodeFlags.Escapes;
        }
    }

    /// <summary>while, for and iterator macros: header, [..true] into the body, [..fall] out, back edge from the body's end to the header.</summary>
    private int BuildLoop(int start, Context inner, SyntaxNode statement, ControlFlowNodeKind headerKind, SyntaxNode body)
    {
        int[] labels = inner.Labels;
        int header = AddNode(headerKind, statement, labels);
        AddEdge(start, header);
        int inLoop = AddNode(ControlFlowNodeKind.InLoop, statement, labels);
        int fallThrough = AddNode(ControlFlowNodeKind.LoopFallThrough, statement, labels);
        int end = AddNode(ControlFlowNodeKind.EndLoop, statement, labels);
        var loop = new JumpScope(inner.Jumps, false, header, end, inner.Braces, labels);
        AddEdge(header, inLoop, ControlFlowEdgeKind.True);
        AddEdge(fallThrough, end);
        AddEdge(header, fallThrough, ControlFlowEdgeKind.False);
        int last = BuildStatement(inLoop, inner with { Jumps = loop }, body);
        AddEdge(last, header);
        return end;
    }

    /// <summary>do S while (e); — continue goes to the test ("whiletail"); <c>while (0)</c> has no back edge.</summary>
    private int BuildDo(int start, Context inner, SyntaxNode statement)
    {
        var syntax = statement.AsDoStatement();
        int[] labels = inner.Labels;
        bool runsOnce = syntax.Condition is { Kind: SyntaxKind.LiteralExpression } c && c.AsLiteralExpression().Token.Text == "0";
        int doNode = AddNode(ControlFlowNodeKind.DoHeader, statement, labels);
        AddEdge(start, doNode);
        int tail = AddNode(ControlFlowNodeKind.DoWhileTail, statement, labels);
        int fallThrough = AddNode(ControlFlowNodeKind.FallThrough, statement, labels);
        int end = AddNode(ControlFlowNodeKind.EndLoop, statement, labels);
        int after = AddNode(ControlFlowNodeKind.After, statement, labels);
        AddEdge(doNode, after, ControlFlowEdgeKind.After);
        AddEdge(after, end, ControlFlowEdgeKind.After);
        var loop = new JumpScope(inner.Jumps, false, tail, end, inner.Braces, labels);
        if (!runsOnce)
        {
            int inLoop = AddNode(ControlFlowNodeKind.InLoop, statement, labels);
            AddEdge(tail, inLoop, ControlFlowEdgeKind.True);
            AddEdge(inLoop, doNode);
        }

        AddEdge(fallThrough, end);
        AddEdge(tail, fallThrough, ControlFlowEdgeKind.False);
        int last = BuildStatement(doNode, inner with { Jumps = loop }, syntax.Statement);
        AddEdge(last, tail);
        return end;
    }

    private int BuildSwitch(int start, Context inner, SyntaxNode statement)
    {
        var body = statement.AsSwitchStatement().Statement;
        int[] labels = inner.Labels;
        int header = AddNode(ControlFlowNodeKind.SwitchHeader, statement, labels);
        int end = AddNode(ControlFlowNodeKind.EndSwitch, statement, labels);
        AddEdge(start, header);
        var setup = new SwitchSetup(statement, header, end, HasDefault(body), inner.Braces, labels);
        int last;
        if (body.Kind == SyntaxKind.CompoundStatement)
        {
            // The body block finishes the setup once its "{n" exists: cases dispatch from there.
            last = BuildStatement(None, inner with { Role = BlockRole.SwitchBody, Switch = setup }, body);
        }
        else
        {
            // spatch gives up on "switch (x) case 1: f();"; dispatch from the header instead.
            AddProblem(ControlFlowProblemKind.SwitchWithoutBlock, statement);
            last = BuildStatement(None, inner with { Jumps = StartSwitchBody(setup, None, inner.Jumps) }, body);
        }

        AddEdge(last, end);
        // Without a way out (no default, a break, or falling off the body), the switch never ends.
        if (last == None && setup.HasDefault && setup.Scope is not { IsBrokenOutOf: true })
        {
            DeleteNode(end);
            return None;
        }

        int after = AddNode(ControlFlowNodeKind.After, statement, labels);
        AddEdge(header, after, ControlFlowEdgeKind.After);
        AddEdge(after, end, ControlFlowEdgeKind.After);
        return end;
    }

    /// <summary>Links the switch to its body's "{n" (or, for a body that is no block, dispatches from the header).</summary>
    private JumpScope StartSwitchBody(SwitchSetup setup, int open, JumpScope? enclosing)
    {
        int dispatch = open;
        if (open == None)
        {
            dispatch = setup.Header;
        }
        else
        {
            AddEdge(setup.Header, open);
        }

        if (!setup.HasDefault)
        {
            int fallThrough = AddNode(ControlFlowNodeKind.FallThrough, setup.Syntax, setup.Labels);
            AddEdge(fallThrough, setup.End);
            AddEdge(setup.Header, fallThrough, ControlFlowEdgeKind.False);
        }

        setup.Scope = new JumpScope(enclosing, true, dispatch, setup.End, setup.Braces, setup.Labels);
        return setup.Scope;
    }

    /// <summary>Whether a switch body has a default label among its statements (or as the body).</summary>
    private static bool HasDefault(SyntaxNode body)
    {
        if (body.Kind != SyntaxKind.CompoundStatement)
        {
            return IsOrHoldsDefault(body);
        }

        foreach (var item in body.AsCompoundStatement().StatementList.ChildNodes())
        {
            if (IsOrHoldsDefault(item))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsOrHoldsDefault(SyntaxNode statement)
    {
        for (SyntaxNode? s = statement; s is { } node; s = node.AsCaseStatement().Statement)
        {
            if (node.Kind == SyntaxKind.DefaultStatement)
            {
                return true;
            }

            if (node.Kind != SyntaxKind.CaseStatement)
            {
                return false;
            }
        }

        return false;
    }

    private int BuildGoto(int start, Context inner, SyntaxNode statement)
    {
        int node = AddNode(ControlFlowNodeKind.Goto, statement, inner.Labels);
        AddEdge(start, node);
        var target = statement.AsGotoStatement().Target;

        // spatch assumes labels sit in the function's outermost block: a goto closes every scope but that one.
        int leaveCount = Math.Max(0, Depth(inner.Braces) - 1);
        if (target.Kind != SyntaxKind.IdentifierName)
        {
            AddProblem(ControlFlowProblemKind.ComputedGoto, statement);
            if (_labelsByName is { Count: > 0 } labels)
            {
                int last = CloseScopes(node, inner.Braces, leaveCount, AfterKind.Goto);
                foreach (int label in labels.Values)
                {
                    AddEdge(last, label);
                }

                return None;
            }
        }
        else if (_labelsByName is { } labels && labels.TryGetValue(target.AsIdentifierName().Identifier.NameId, out int label))
        {
            AddEdge(CloseScopes(node, inner.Braces, leaveCount, AfterKind.Goto), label);
            return None;
        }
        else
        {
            AddProblem(ControlFlowProblemKind.GotoWithoutLabel, statement);
        }

        AddEdge(CloseScopes(node, inner.Braces, Depth(inner.Braces), AfterKind.Goto), _exit);
        return None;
    }

    private int BuildBreakOrContinue(int start, Context inner, SyntaxNode statement)
    {
        bool isBreak = statement.Kind == SyntaxKind.BreakStatement;
        var target = inner.Jumps;
        if (!isBreak)
        {
            // continue skips the switches around it.
            while (target is { IsSwitch: true })
            {
                target = target.Parent;
            }
        }

        var kind = isBreak ? ControlFlowNodeKind.Break : ControlFlowNodeKind.Continue;
        int node = AddNode(kind, statement, inner.Labels);
        AddEdge(start, node);
        if (target is null)
        {
            AddProblem(ControlFlowProblemKind.JumpOutsideLoop, statement);
            AddEdge(CloseScopes(node, inner.Braces, Depth(inner.Braces), isBreak ? AfterKind.Break : AfterKind.Continue), _exit);
            return None;
        }

        NodeAt(node).JumpTargetLabelArray = target.Labels;
        var afterKind = !isBreak ? AfterKind.Continue : target.IsSwitch ? AfterKind.SwitchBreak : AfterKind.Break;
        target.IsBrokenOutOf |= isBreak;
        int last = CloseScopes(node, inner.Braces, Depth(inner.Braces) - Depth(target.Braces), afterKind);
        AddEdge(last, isBreak ? target.End : target.Start);
        return None;
    }

    private int BuildReturn(int start, Context inner, SyntaxNode statement)
    {
        int node = AddNode(ControlFlowNodeKind.Return, statement, inner.Labels);
        AddEdge(start, node);
        int last = CloseScopes(node, inner.Braces, Depth(inner.Braces), AfterKind.Return);
        AddEdge(last, inner.UnderIfThen ? _errorExit : _exit);
        return None;
    }

    /// <summary>
    /// Makes a node for every goto label before the walk, in pre-order as spatch does, so that
    /// forward gotos find their target. Labels inside statement expressions are not part of the graph.
    /// </summary>
    private void CreateLabelNodes(SyntaxNode body)
    {
        if (!MayHoldLabels(body))
        {
            return;
        }

        var stack = new Stack<SyntaxNode>();
        stack.Push(body);
        while (stack.Count > 0)
        {
            var node = stack.Pop();
            if (node.Kind == SyntaxKind.LabeledStatement)
            {
                int label = AddNode(ControlFlowNodeKind.Label, node, s_noLabels);
                (_labelNodes ??= [])[node.Index] = label;
                _labelsByName ??= [];
                if (!_labelsByName.TryAdd(node.AsLabeledStatement().Label.NameId, label))
                {
                    AddProblem(ControlFlowProblemKind.DuplicateLabel, node);
                }
            }

            // Statements hold statements only in statement slots and lists; expressions are not entered.
            for (int i = node.ChildCount - 1; i >= 0; i--)
            {
                if (node.GetNodeSlot(i) is { } child && (SyntaxFacts.IsStatementKind(child.Kind) || child.Kind == SyntaxKind.List))
                {
                    stack.Push(child);
                }
            }
        }
    }

    /// <summary>PERF: most bodies have no "name :" token pair, and then no label: skip the walk.</summary>
    private static bool MayHoldLabels(SyntaxNode body)
    {
        var tokens = body.Tree.Tokens;
        for (int i = body.FirstTokenIndex + 1; i <= body.LastTokenIndex; i++)
        {
            if (tokens[i].Kind == SyntaxKind.ColonToken && tokens[i - 1].Kind == SyntaxKind.IdentifierToken)
            {
                return true;
            }
        }

        return false;
    }
}
