using Sevenspot.C;
using Sevenspot.C.Flow;
using Sevenspot.Checks.Flow;
using Sevenspot.Checks.Primitives;

namespace Sevenspot.Checks;

/// <summary>
/// The edges of a function's graph its own code shows are never taken, and the nodes reached
/// without them:
/// <list type="bullet">
/// <item>the false edge of a constant true test (<c>while (1)</c>), the true edge of a constant
/// false one (<c>do { } while (0)</c>);</item>
/// <item>a test of a local flag (<c>if (!offset)</c>, <c>if (v != 0)</c>) whose value along the
/// paths is known: a local whose address is never taken, zero or non-zero after each assignment of
/// an integer literal, unknown after anything else (also after being passed to a call, which may
/// be a macro that assigns it), known at a join only where the paths agree;</item>
/// <item>the "no case matched" exit of a <c>switch</c> without <c>default</c> on a field that a
/// lookup's key fixes (<c>switch (pdev-&gt;device)</c> after <c>pdev = pci_get_device(VENDOR,
/// ids[i], NULL)</c>, refcounts.txt's <c>key=1:device</c>), when a case is written for every value
/// the key can take: a literal or upper-case constant, or every element of a file-scope static or
/// const array of such constants that the file never writes.</item>
/// </list>
/// </summary>
internal sealed class PathValues
{
    private readonly IFlowGraph _graph;
    private readonly Dictionary<string, bool>?[] _out;
    private readonly HashSet<int> _coveredSwitches;

    private PathValues(IFlowGraph graph, Dictionary<string, bool>?[] outStates, HashSet<int> coveredSwitches)
    {
        _graph = graph;
        _out = outStates;
        _coveredSwitches = coveredSwitches;
    }

    /// <summary>Whether a node is reached from the entry through edges that can be taken.</summary>
    public bool IsFeasible(int node) => _out[node] is not null;

    public static PathValues Of(FileContext file, SyntaxNode function, IFlowGraph graph)
    {
        var flags = TrackedLocals(function);
        var covered = new HashSet<int>();
        for (int node = 0; node < graph.NodeCount; node++)
        {
            if (graph.GetSyntax(node) is { Kind: SyntaxKind.SwitchStatement } statement && graph.GetKind(node) != FlowNodeKind.Other
                && CoversKey(file, function, statement.AsSwitchStatement()))
            {
                covered.Add(node);
            }
        }

        // A graph the values do not settle on in time keeps only the constant tests.
        return Solve(graph, flags, covered) ?? Solve(graph, [], [])!;
    }

    private static PathValues? Solve(IFlowGraph graph, HashSet<string> flags, HashSet<int> covered)
    {
        var outStates = new Dictionary<string, bool>?[graph.NodeCount];
        var inStates = new Dictionary<string, bool>?[graph.NodeCount];
        inStates[graph.Entry] = new Dictionary<string, bool>(StringComparer.Ordinal);
        var work = new Stack<int>();
        var queued = new bool[graph.NodeCount];
        work.Push(graph.Entry);
        queued[graph.Entry] = true;
        var values = new PathValues(graph, outStates, covered);
        int steps = 0;
        while (work.Count > 0)
        {
            if (++steps > (50 * graph.NodeCount) + 1000)
            {
                return null;
            }

            int node = work.Pop();
            queued[node] = false;
            var state = Transfer(graph, node, inStates[node]!, flags);
            outStates[node] = state;
            foreach (var edge in graph.GetSuccessors(node))
            {
                if (values.Decided(node, edge, state))
                {
                    continue;
                }

                var before = inStates[edge.Node];
                var joined = before is null ? new Dictionary<string, bool>(state, StringComparer.Ordinal) : Join(before, state);
                if (before is null || joined.Count != before.Count)
                {
                    inStates[edge.Node] = joined;
                    if (!queued[edge.Node])
                    {
                        queued[edge.Node] = true;
                        work.Push(edge.Node);
                    }
                }
            }
        }

        return new PathValues(graph, outStates, covered);
    }

    /// <summary>Whether an edge can be taken: its source is reached and nothing known rules it out.</summary>
    public bool Taken(int from, FlowEdge edge) => _out[from] is { } state && !Decided(from, edge, state);

    private bool Decided(int from, FlowEdge edge, Dictionary<string, bool> state)
    {
        if (edge.Kind is FlowEdgeKind.True or FlowEdgeKind.False)
        {
            if (LockAnalysis.BranchCondition(_graph, from) is not { } condition || Truth(condition, state) is not bool truth)
            {
                return false;
            }

            return truth != (edge.Kind == FlowEdgeKind.True);
        }

        return edge.Kind == FlowEdgeKind.NoCase && _coveredSwitches.Contains(from);
    }

    /// <summary>A test's value where it is known: an integer literal, or a tracked flag tested as <c>v</c>, <c>!v</c>, <c>v == 0</c>, <c>v != 0</c>.</summary>
    private static bool? Truth(SyntaxNode condition, Dictionary<string, bool> state)
    {
        var node = SyntaxHelpers.StripParenthesesAndCasts(condition);
        if (node.Kind == SyntaxKind.LiteralExpression && node.AsLiteralExpression().Token.Kind == SyntaxKind.IntegerLiteralToken)
        {
            return !SyntaxHelpers.IsZeroLiteral(node);
        }

        if (node.Kind == SyntaxKind.PrefixUnary && node.AsPrefixUnary().Operator.Kind == SyntaxKind.ExclamationToken)
        {
            return Truth(node.AsPrefixUnary().Operand, state) is bool inner ? !inner : null;
        }

        if (node.Kind == SyntaxKind.IdentifierName)
        {
            return state.TryGetValue(node.AsIdentifierName().Identifier.Text, out bool nonZero) ? nonZero : null;
        }

        if (node.Kind == SyntaxKind.BinaryExpression && node.AsBinaryExpression() is var binary
            && binary.Operator.Kind is SyntaxKind.EqualsEqualsToken or SyntaxKind.ExclamationEqualsToken)
        {
            var (variable, zero) = SyntaxHelpers.IsZeroLiteral(binary.Right) ? (binary.Left, true) : (binary.Right, SyntaxHelpers.IsZeroLiteral(binary.Left));
            if (zero && Truth(variable, state) is bool nonZero)
            {
                return binary.Operator.Kind == SyntaxKind.EqualsEqualsToken ? !nonZero : nonZero;
            }
        }

        return null;
    }

    private static Dictionary<string, bool> Join(Dictionary<string, bool> left, Dictionary<string, bool> right)
    {
        var joined = new Dictionary<string, bool>(StringComparer.Ordinal);
        foreach (var (name, value) in left)
        {
            if (right.TryGetValue(name, out bool other) && other == value)
            {
                joined[name] = value;
            }
        }

        return joined;
    }

    private static Dictionary<string, bool> Transfer(IFlowGraph graph, int node, Dictionary<string, bool> input, HashSet<string> flags)
    {
        Dictionary<string, bool>? state = null;
        foreach (var part in FlowSyntax.EvaluatedParts(graph, node))
        {
            foreach (var n in part.DescendantNodesAndSelf())
            {
                string? name = null;
                bool? value = null;
                switch (n.Kind)
                {
                    case SyntaxKind.AssignmentExpression:
                        var assignment = n.AsAssignmentExpression();
                        name = IdentifierOf(assignment.Left);
                        value = assignment.Operator.Kind == SyntaxKind.EqualsToken ? LiteralTruth(assignment.Right) : null;
                        break;
                    case SyntaxKind.InitDeclarator:
                        var declarator = n.AsInitDeclarator();
                        name = Declarators.DeclaredName(declarator.Declarator, throughFunctions: false);
                        value = declarator.Initializer is { } init ? LiteralTruth(init) : null;
                        break;
                    case SyntaxKind.IdentifierName when n.Parent is { Kind: SyntaxKind.SeparatedList } list
                        && list.Parent is { Kind: SyntaxKind.CallExpression or SyntaxKind.IteratorStatement or SyntaxKind.MacroStatement }:
                        // A macro may assign an argument it is given (get_user(v, p), an
                        // iterator's cursor): the value is unknown after it.
                        name = n.AsIdentifierName().Identifier.Text;
                        break;
                    case SyntaxKind.PrefixUnary or SyntaxKind.PostfixUnary:
                        var op = n.Kind == SyntaxKind.PrefixUnary ? n.AsPrefixUnary().Operator.Kind : n.AsPostfixUnary().Operator.Kind;
                        if (op is SyntaxKind.PlusPlusToken or SyntaxKind.MinusMinusToken)
                        {
                            name = IdentifierOf(n.Kind == SyntaxKind.PrefixUnary ? n.AsPrefixUnary().Operand : n.AsPostfixUnary().Operand);
                        }

                        break;
                }

                if (name is null || !flags.Contains(name))
                {
                    continue;
                }

                state ??= new Dictionary<string, bool>(input, StringComparer.Ordinal);
                if (value is bool v)
                {
                    state[name] = v;
                }
                else
                {
                    state.Remove(name);
                }
            }
        }

        return state ?? input;
    }

    private static string? IdentifierOf(SyntaxNode node) =>
        SyntaxHelpers.StripParentheses(node) is { Kind: SyntaxKind.IdentifierName } id ? id.AsIdentifierName().Identifier.Text : null;

    private static bool? LiteralTruth(SyntaxNode value)
    {
        var node = SyntaxHelpers.StripParenthesesAndCasts(value);
        return node.Kind == SyntaxKind.LiteralExpression && node.AsLiteralExpression().Token.Kind == SyntaxKind.IntegerLiteralToken
            ? !SyntaxHelpers.IsZeroLiteral(node)
            : null;
    }

    /// <summary>
    /// The function's own non-static locals, each declared once, whose address it never takes:
    /// only its own statements change them.
    /// </summary>
    private static HashSet<string> TrackedLocals(SyntaxNode function)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        if (function.Kind != SyntaxKind.FunctionDefinition)
        {
            return names;
        }

        var body = function.AsFunctionDefinition().Body;
        var addressed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var n in body.DescendantNodesAndSelf())
        {
            if (n.Kind == SyntaxKind.Declaration && !HasSpecifier(n, SyntaxKind.StaticKeyword))
            {
                foreach (var d in n.AsDeclaration().DeclaratorList.ChildNodes())
                {
                    if (d.Kind == SyntaxKind.InitDeclarator && Declarators.DeclaredName(d.AsInitDeclarator().Declarator, throughFunctions: false) is { } name
                        && !names.Add(name))
                    {
                        // Declared again in an inner block: the name is two variables.
                        addressed.Add(name);
                    }
                }
            }
            else if (n.Kind == SyntaxKind.PrefixUnary && n.AsPrefixUnary().Operator.Kind == SyntaxKind.AmpersandToken && IdentifierOf(n.AsPrefixUnary().Operand) is { } taken)
            {
                addressed.Add(taken);
            }
        }

        names.ExceptWith(addressed);
        return names;
    }

    private static bool HasSpecifier(SyntaxNode declaration, SyntaxKind keyword)
    {
        foreach (var token in declaration.AsDeclaration().SpecifierList.DescendantTokens())
        {
            if (token.Kind == keyword)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether a switch without default tests a field a lookup's key fixes, with a case for every
    /// value the key can take: <c>switch (p-&gt;device)</c> where every assignment of the local
    /// <c>p</c> is a lookup of refcounts.txt with <c>key=N:device</c>.
    /// </summary>
    private static bool CoversKey(FileContext file, SyntaxNode function, SwitchStatementSyntax statement)
    {
        if (SyntaxHelpers.StripParenthesesAndCasts(statement.Expression) is not { Kind: SyntaxKind.MemberAccess } access
            || access.AsMemberAccess().Operator.Kind != SyntaxKind.ArrowToken
            || IdentifierOf(access.AsMemberAccess().Expression) is not { } pointer)
        {
            return false;
        }

        string field = access.AsMemberAccess().Name.Text;
        var cases = new HashSet<string>(StringComparer.Ordinal);
        foreach (var n in statement.Statement.DescendantNodesAndSelf())
        {
            if (n.Kind == SyntaxKind.DefaultStatement)
            {
                return false;
            }

            if (n.Kind == SyntaxKind.CaseStatement && n.AsCaseStatement().UpperValue is null && Enclosing(n) == statement.Node)
            {
                cases.Add(SyntaxHelpers.Key(n.AsCaseStatement().Value));
            }
        }

        var keys = new List<SyntaxNode>();
        foreach (var n in function.DescendantNodesAndSelf())
        {
            SyntaxNode? value = null;
            if (n.Kind == SyntaxKind.AssignmentExpression && IdentifierOf(n.AsAssignmentExpression().Left) == pointer)
            {
                value = n.AsAssignmentExpression().Right;
            }
            else if (n.Kind == SyntaxKind.InitDeclarator && Declarators.DeclaredName(n.AsInitDeclarator().Declarator, throughFunctions: false) == pointer)
            {
                value = n.AsInitDeclarator().Initializer;
                if (value is null)
                {
                    continue;
                }
            }
            else if (n.Kind == SyntaxKind.PrefixUnary && n.AsPrefixUnary().Operator.Kind == SyntaxKind.AmpersandToken && IdentifierOf(n.AsPrefixUnary().Operand) == pointer)
            {
                return false;
            }
            else
            {
                continue;
            }

            if (SyntaxHelpers.StripParenthesesAndCasts(value!.Value) is not { Kind: SyntaxKind.CallExpression } call
                || SyntaxHelpers.CalleeName(call) is not { } name
                || file.Primitives.FindGet(name) is not [{ Returns: true, KeyField: { } keyField, KeyArgument: var index }, ..]
                || keyField != field || SyntaxHelpers.Argument(call, index) is not { } key)
            {
                return false;
            }

            keys.Add(key);
        }

        if (keys.Count == 0)
        {
            return false;
        }

        foreach (var key in keys)
        {
            if (KeyValues(file, function, key) is not { } possible || !possible.All(cases.Contains))
            {
                return false;
            }
        }

        return true;
    }

    private static SyntaxNode? Enclosing(SyntaxNode caseStatement) => caseStatement.FirstAncestorOrSelf(SyntaxKind.SwitchStatement);

    /// <summary>The values a key argument can take, as token keys: a constant, or every element of a file-scope static or const array of constants, sized by its initializer, that the file never writes and the function does not shadow.</summary>
    private static List<string>? KeyValues(FileContext file, SyntaxNode function, SyntaxNode key)
    {
        var node = SyntaxHelpers.StripParenthesesAndCasts(key);
        if (IsConstant(node))
        {
            return [SyntaxHelpers.Key(node)];
        }

        if (node.Kind != SyntaxKind.ElementAccess || IdentifierOf(node.AsElementAccess().Expression) is not { } array
            || TrackedLocals(function).Contains(array) || DeclaresLocally(function, array))
        {
            return null;
        }

        List<string>? elements = null;
        foreach (var top in file.Tree.Root.DescendantNodesAndSelf())
        {
            if (top.Kind == SyntaxKind.FunctionDefinition)
            {
                if (!ReadsOnly(top, array))
                {
                    return null;
                }

                continue;
            }

            if (top.Kind != SyntaxKind.InitDeclarator || top.FirstAncestorOrSelf(SyntaxKind.FunctionDefinition) is not null
                || Declarators.DeclaredName(top.AsInitDeclarator().Declarator, throughFunctions: false) != array)
            {
                continue;
            }

            // A size written in the declarator may leave elements past the initializer zero; a
            // table neither static nor const may be written by another file of the program.
            if (elements is not null
                || top.FirstAncestorOrSelf(SyntaxKind.Declaration) is not { } declaration
                || !(HasSpecifier(declaration, SyntaxKind.StaticKeyword) || HasSpecifier(declaration, SyntaxKind.ConstKeyword)) || top.AsInitDeclarator().Initializer is not { Kind: SyntaxKind.InitializerList } list
                || top.AsInitDeclarator().Declarator is not { Kind: SyntaxKind.ArrayDeclarator } declarator || declarator.AsArrayDeclarator().Size is not null)
            {
                return null;
            }

            elements = [];
            foreach (var element in list.AsInitializerList().ElementList.ChildNodes())
            {
                var value = SyntaxHelpers.StripParenthesesAndCasts(element);
                if (!IsConstant(value))
                {
                    return null;
                }

                elements.Add(SyntaxHelpers.Key(value));
            }
        }

        return elements is { Count: > 0 } ? elements : null;
    }

    private static bool DeclaresLocally(SyntaxNode function, string name)
    {
        foreach (var n in function.DescendantNodesAndSelf())
        {
            if ((n.Kind == SyntaxKind.InitDeclarator && Declarators.DeclaredName(n.AsInitDeclarator().Declarator, throughFunctions: false) == name)
                || (n.Kind == SyntaxKind.ParameterDeclaration && Declarators.DeclaredName(n.AsParameterDeclaration().Declarator, throughFunctions: false) == name))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether a function only reads elements of the array: every mention is <c>a[i]</c> read, or inside <c>ARRAY_SIZE</c>/<c>sizeof</c>.</summary>
    private static bool ReadsOnly(SyntaxNode function, string array)
    {
        foreach (var n in function.DescendantNodesAndSelf())
        {
            if (n.Kind != SyntaxKind.IdentifierName || n.AsIdentifierName().Identifier.Text != array)
            {
                continue;
            }

            if (n.Parent is not { } parent)
            {
                return false;
            }

            if (parent.Kind == SyntaxKind.ElementAccess && parent.AsElementAccess().Expression == n)
            {
                var outer = parent.Parent;
                bool written = outer switch
                {
                    { Kind: SyntaxKind.AssignmentExpression } a => a.AsAssignmentExpression().Left == parent,
                    { Kind: SyntaxKind.PrefixUnary } u => u.AsPrefixUnary().Operator.Kind is SyntaxKind.AmpersandToken or SyntaxKind.PlusPlusToken or SyntaxKind.MinusMinusToken,
                    { Kind: SyntaxKind.PostfixUnary } => true,
                    _ => false,
                };
                if (written)
                {
                    return false;
                }

                continue;
            }

            bool measured = false;
            for (var up = n.Parent; up is { } u && u.Kind != SyntaxKind.FunctionDefinition; up = u.Parent)
            {
                if (SyntaxHelpers.CalleeName(u) is "ARRAY_SIZE" || u.Kind is SyntaxKind.SizeofExpression)
                {
                    measured = true;
                    break;
                }
            }

            if (!measured)
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsConstant(SyntaxNode node) => node.Kind switch
    {
        SyntaxKind.LiteralExpression => node.AsLiteralExpression().Token.Kind is SyntaxKind.IntegerLiteralToken or SyntaxKind.CharLiteralToken,
        SyntaxKind.IdentifierName => SyntaxHelpers.IsUpperCaseName(node.AsIdentifierName().Identifier.Text),
        _ => false,
    };
}
