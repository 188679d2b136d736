using System.Text;
using Sevenspot.C;
using Sevenspot.Checks.Flow;

namespace Sevenspot.Checks;

/// <summary>What the code shows of two locks of one class, the second taken while the first is held.</summary>
public enum NestingKind
{
    /// <summary>Two instances reached the same way (two parameters, a variable index): another call can swap their roles.</summary>
    Interchangeable,

    /// <summary>The code names which is first: different members, constant indices, a global, a field of the other.</summary>
    FixedOrder,

    /// <summary>The same expression, the same lock: the second acquire waits for the first.</summary>
    SameLock,
}

/// <summary>
/// A same-class nesting as the two lock expressions show it: its kind, and the parts of the two
/// expressions that tell the locks apart (locals replaced by the values assigned to them), as
/// written for the message.
/// </summary>
public sealed record LockNesting(SourceLocation Held, NestingKind Kind, string First, string Second);

/// <summary>
/// The lock an acquire takes, as written: its lock argument, and for a guard class whose lock is
/// a field of its argument (<c>DEFINE_GUARD(chip, ..., mutex_lock(&amp;_T-&gt;lock), ...)</c>) that
/// field. No argument: a lock of its own (<c>rtnl_lock()</c>).
/// </summary>
internal readonly record struct LockExpression(SyntaxNode? Argument, string? Field);

/// <summary>
/// Compares the lock expressions of two acquires of one function, from the code alone. Each
/// expression is read as a path: a root (a global, a parameter or local, a call's result, a
/// constant) followed by member selections, indexings and calls; casts, parentheses, <c>&amp;</c>
/// and <c>*</c> are looked through, and a local (or parameter) is replaced by the value of its
/// last plain assignment before the acquire when every write to it is a plain assignment
/// (<c>t1 = &amp;priv-&gt;port[1].mac_table</c>; not a variable that is incremented or whose
/// address is taken). The two paths are walked from the lock outwards while they agree
/// (same member, same call with one argument differing, same index); where they first differ:
/// <list type="bullet">
/// <item>nothing differs: the same lock (<see cref="NestingKind.SameLock"/>) when every local the
/// path reads keeps one value in the function, else interchangeable (<c>s-&gt;lock</c>, <c>s++</c>,
/// <c>s-&gt;lock</c>);</item>
/// <item>two indexes of one array: fixed when both are constants (<c>t[0]</c>, <c>t[1]</c>),
/// interchangeable when either is not (<c>t[i]</c>, <c>t[j]</c>);</item>
/// <item>either side is a member selection (<c>pll1</c> against <c>pll2</c>, the OOB port's
/// <c>-&gt;ds_oob_port</c> against a parameter), a global, a constant or a constant-index element:
/// fixed, the code names which object is which;</item>
/// <item>otherwise (two parameters, two locals, a parameter and a lookup's result, two calls):
/// interchangeable.</item>
/// </list>
/// Not seen: a relation that is symmetric though a field names it (<c>a-&gt;peer</c>), callers
/// that are serialised, and which of several assignments reached the acquire (the last in the
/// source is taken).
/// </summary>
internal sealed class LockNestingReader
{
    private const int MaxExpansionDepth = 6;

    private readonly LockModel _model;
    private readonly Dictionary<string, List<(int At, SyntaxNode Value)>> _assignments = new(StringComparer.Ordinal);
    private readonly HashSet<string> _notExpanded = new(StringComparer.Ordinal);

    public LockNestingReader(LockModel model)
    {
        _model = model;
        foreach (var node in model.Function.DescendantNodesAndSelf())
        {
            switch (node.Kind)
            {
                case SyntaxKind.InitDeclarator:
                    var init = node.AsInitDeclarator();
                    if (init.Initializer is { } value && Declarators.DeclaredName(init.Declarator, throughFunctions: false) is { } declared)
                    {
                        Assign(declared, node.Span.Start, value);
                    }

                    break;
                case SyntaxKind.AssignmentExpression:
                    var assignment = node.AsAssignmentExpression();
                    if (VariableName(assignment.Left) is { } assigned)
                    {
                        if (assignment.Operator.Kind == SyntaxKind.EqualsToken)
                        {
                            Assign(assigned, node.Span.Start, assignment.Right);
                        }
                        else
                        {
                            _notExpanded.Add(assigned);
                        }
                    }

                    break;
                case SyntaxKind.PostfixUnary:
                    if (VariableName(node.AsPostfixUnary().Operand) is { } stepped)
                    {
                        _notExpanded.Add(stepped);
                    }

                    break;
                case SyntaxKind.PrefixUnary:
                    var prefix = node.AsPrefixUnary();
                    if (prefix.Operator.Kind is SyntaxKind.PlusPlusToken or SyntaxKind.MinusMinusToken or SyntaxKind.AmpersandToken
                        && VariableName(prefix.Operand) is { } changed)
                    {
                        // Stepped, or its address taken (and so perhaps written elsewhere).
                        _notExpanded.Add(changed);
                    }

                    break;
            }
        }
    }

    /// <summary>The lock an acquire takes: a primitive's lock argument, or a guard's.</summary>
    public static LockExpression ExpressionOf(FileContext file, LockOperation op)
    {
        var node = op.Call;
        if (SyntaxHelpers.CalleeName(node) is not null)
        {
            return new LockExpression(SyntaxHelpers.Argument(node, op.Primitive.LockArgument), null);
        }

        // guard(G)(args), CLASS(G, var)(args), scoped_guard(G, args), scoped_cond_guard(G, fail, args).
        var arguments = SyntaxHelpers.Arguments(node);
        SyntaxNode? guardClass;
        int skip;
        if (node.Kind == SyntaxKind.IteratorStatement)
        {
            skip = node.AsIteratorStatement().Name.Text == "scoped_cond_guard" ? 2 : 1;
            guardClass = arguments.Count > 0 ? arguments[0] : null;
        }
        else if (node.Kind == SyntaxKind.CallExpression)
        {
            skip = 0;
            guardClass = SyntaxHelpers.Argument(SyntaxHelpers.StripParentheses(node.AsCallExpression().Function), 0);
        }
        else
        {
            return new LockExpression(null, null);
        }

        if (guardClass is not { Kind: SyntaxKind.IdentifierName } name)
        {
            return new LockExpression(null, null);
        }

        string word = name.AsIdentifierName().Identifier.Text;
        if (file.Primitives.FindGuard(word) is { } primitive)
        {
            int at = skip + Math.Max(primitive.LockArgument, 0);
            return new LockExpression(primitive.LockArgument >= 0 && at < arguments.Count ? arguments[at] : null, null);
        }

        return GuardDefinitions.Of(file).Find(word) is { Template: not null } definition && skip < arguments.Count
            ? new LockExpression(arguments[skip], definition.Field)
            : new LockExpression(null, null);
    }

    /// <summary>How the lock of <paramref name="taken"/> relates to the held one of <paramref name="held"/> (both with an argument).</summary>
    public (NestingKind Kind, string First, string Second) Compare(LockExpression held, LockExpression taken)
    {
        var first = Read(held, 0);
        var second = Read(taken, 0);
        return Difference(first, second);
    }

    private PathNode Read(LockExpression expression, int depth)
    {
        var argument = expression.Argument!.Value;
        var path = Read(argument, argument.Span.Start, depth);
        return expression.Field is { } field ? PathNode.Of(PathKind.Member, field, $"{path.Text}->{field}", path) : path;
    }

    private static (NestingKind Kind, string First, string Second) Difference(PathNode a, PathNode b)
    {
        while (true)
        {
            if (a.Key == b.Key)
            {
                // Equal text is one lock only when no variable it reads can change between the
                // two acquires: s->lock, s++, s->lock takes two.
                return (a.Settled ? NestingKind.SameLock : NestingKind.Interchangeable, a.Text, b.Text);
            }

            if (a.Kind == PathKind.Member && b.Kind == PathKind.Member && a.Name == b.Name)
            {
                (a, b) = (a.Parts[0], b.Parts[0]);
                continue;
            }

            if (a.Kind == PathKind.Index && b.Kind == PathKind.Index)
            {
                if (a.Parts[0].Key == b.Parts[0].Key)
                {
                    bool constant = a.Parts[1].Kind == PathKind.Constant && b.Parts[1].Kind == PathKind.Constant;
                    return (constant ? NestingKind.FixedOrder : NestingKind.Interchangeable, a.Text, b.Text);
                }

                if (a.Parts[1].Key == b.Parts[1].Key)
                {
                    (a, b) = (a.Parts[0], b.Parts[0]);
                    continue;
                }
            }

            if (a.Kind == PathKind.Call && b.Kind == PathKind.Call && a.Name == b.Name && a.Parts.Length == b.Parts.Length
                && OnlyDifferingPart(a, b) is int part)
            {
                (a, b) = (a.Parts[part], b.Parts[part]);
                continue;
            }

            return (Names(a) || Names(b) ? NestingKind.FixedOrder : NestingKind.Interchangeable, a.Text, b.Text);
        }
    }

    /// <summary>Whether a path names one object: a member of something, a global, a constant, an element at a constant index.</summary>
    private static bool Names(PathNode node) =>
        node.Kind is PathKind.Member or PathKind.Global or PathKind.Constant
        || (node.Kind == PathKind.Index && node.Parts[1].Kind == PathKind.Constant);

    private static int? OnlyDifferingPart(PathNode a, PathNode b)
    {
        int? found = null;
        for (int i = 0; i < a.Parts.Length; i++)
        {
            if (a.Parts[i].Key != b.Parts[i].Key)
            {
                if (found is not null)
                {
                    return null;
                }

                found = i;
            }
        }

        return found;
    }

    private PathNode Read(SyntaxNode node, int at, int depth)
    {
        node = SyntaxHelpers.StripParenthesesAndCasts(node);
        string text = LockModel.Shorten(SyntaxHelpers.Text(node));
        switch (node.Kind)
        {
            case SyntaxKind.PrefixUnary:
                var prefix = node.AsPrefixUnary();
                if (prefix.Operator.Kind is SyntaxKind.AmpersandToken or SyntaxKind.AsteriskToken)
                {
                    return Read(prefix.Operand, at, depth);
                }

                break;
            case SyntaxKind.IdentifierName:
                string name = node.AsIdentifierName().Identifier.Text;
                if (!_model.Types.IsLocal(name))
                {
                    return SyntaxHelpers.IsUpperCaseName(name) ? PathNode.Leaf(PathKind.Constant, name, text) : PathNode.Leaf(PathKind.Global, name, text);
                }

                if (depth < MaxExpansionDepth && !_notExpanded.Contains(name) && LastAssignment(name, at) is var (assignedAt, value))
                {
                    var expanded = Read(value, assignedAt, depth + 1);
                    return Settled(name) ? expanded : expanded.Unsettle();
                }

                return PathNode.Leaf(PathKind.Variable, name, text, Settled(name));
            case SyntaxKind.LiteralExpression:
                return PathNode.Leaf(PathKind.Constant, node.AsLiteralExpression().Token.Text, text);
            case SyntaxKind.MemberAccess:
                var member = node.AsMemberAccess();
                return PathNode.Of(PathKind.Member, member.Name.Text, text, Read(member.Expression, at, depth));
            case SyntaxKind.ElementAccess:
                var element = node.AsElementAccess();
                return PathNode.Of(PathKind.Index, "[]", text, Read(element.Expression, at, depth), Read(element.Index, at, depth));
            case SyntaxKind.CallExpression when SyntaxHelpers.CalleeName(node) is { } callee:
                return PathNode.Of(PathKind.Call, callee, text, [.. SyntaxHelpers.Arguments(node).Select(a => Read(a, at, depth))]);
        }

        return PathNode.Leaf(PathKind.Other, SyntaxHelpers.Key(node), text,
            node.DescendantNodesAndSelf().All(n => n.Kind != SyntaxKind.IdentifierName || n.AsIdentifierName().Identifier.Text is var used && (!_model.Types.IsLocal(used) || Settled(used))));
    }

    /// <summary>
    /// Whether a local keeps one value in the function: written at most once (its initialiser or
    /// one plain assignment), never stepped, compound-assigned or handed out by address.
    /// </summary>
    private bool Settled(string name) => !_notExpanded.Contains(name) && (!_assignments.TryGetValue(name, out var list) || list.Count <= 1);

    private (int At, SyntaxNode Value)? LastAssignment(string name, int before)
    {
        if (!_assignments.TryGetValue(name, out var list))
        {
            return null;
        }

        (int At, SyntaxNode Value)? last = null;
        foreach (var assignment in list)
        {
            if (assignment.At < before)
            {
                last = assignment;
            }
        }

        return last;
    }

    private void Assign(string name, int at, SyntaxNode value)
    {
        if (!_assignments.TryGetValue(name, out var list))
        {
            _assignments[name] = list = [];
        }

        list.Add((at, value));
    }

    private static string? VariableName(SyntaxNode node)
    {
        node = SyntaxHelpers.StripParentheses(node);
        return node.Kind == SyntaxKind.IdentifierName ? node.AsIdentifierName().Identifier.Text : null;
    }

    private enum PathKind
    {
        Global,
        Variable,
        Constant,
        Member,
        Index,
        Call,
        Other,
    }

    /// <summary>One step of a lock expression's path; <see cref="Key"/> is equal for equal paths.</summary>
    private sealed class PathNode
    {
        private PathNode(PathKind kind, string name, string text, PathNode[] parts, string key, bool settled)
        {
            Kind = kind;
            Name = name;
            Text = text;
            Parts = parts;
            Key = key;
            Settled = settled;
        }

        public PathKind Kind { get; }

        public string Name { get; }

        /// <summary>The expression as written where it was read (before locals were replaced), for messages.</summary>
        public string Text { get; }

        public PathNode[] Parts { get; }

        public string Key { get; }

        /// <summary>Whether every local the path reads keeps one value in the function, so that equal paths are one object.</summary>
        public bool Settled { get; }

        public static PathNode Leaf(PathKind kind, string name, string text, bool settled = true) => new(kind, name, text, [], $"{(int)kind}:{name}", settled);

        /// <summary>The same path, read through a local that may hold another value at another acquire.</summary>
        public PathNode Unsettle() => new(Kind, Name, Text, Parts, Key, false);

        public static PathNode Of(PathKind kind, string name, string text, params PathNode[] parts)
        {
            var key = new StringBuilder().Append((int)kind).Append(':').Append(name).Append('(');
            foreach (var part in parts)
            {
                key.Append(part.Key).Append(',');
            }

            return new PathNode(kind, name, text, parts, key.Append(')').ToString(), parts.All(p => p.Settled));
        }
    }
}
