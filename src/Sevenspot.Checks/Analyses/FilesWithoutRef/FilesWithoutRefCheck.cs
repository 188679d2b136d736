using System.Text.RegularExpressions;
using Sevenspot.C;
using Sevenspot.Checks.Flow;
using Sevenspot.Checks.Primitives;

namespace Sevenspot.Checks;

/// <summary>
/// files-without-ref: a read of a guarded field (guarded-fields.txt: task_struct.files under
/// task_lock) through a pointer declared as that struct, where no path holds the guarding lock on
/// that very pointer. <c>current</c> is exempt, also under another name (<c>me = current</c>):
/// a task's own files do not go away under it.
/// </summary>
public sealed class FilesWithoutRefCheck : FileCheck
{
    public override CheckDescriptor Descriptor => CheckDescriptors.FilesWithoutRef;

    public override bool NeedsFlowGraphs => true;

    public override void Analyze(FileContext file, FindingSink sink)
    {
        foreach (var function in file.Functions)
        {
            if (!ReadsGuardedField(file.Primitives, function) || FileLockFacts.Analyze(file, function) is not var (graph, model, result))
            {
                continue;
            }

            for (int node = 0; node < graph.NodeCount; node++)
            {
                if (!result.IsReached(node))
                {
                    continue;
                }

                foreach (var access in FlowSyntax.EvaluatedNodes(graph, node))
                {
                    if (Guarded(file.Primitives, model, access) is not var (field, owner, guard) || !IsValueUse(access) || AliasOfCurrent(function, owner)
                        || PassedOnlyToCompare(file, access) || ReplacesField(function, owner, field.Field))
                    {
                        continue;
                    }

                    string key = LockModel.KeyFor(guard, owner);
                    var state = LockAnalysis.StateAt(model, graph, node, result.In(node), access.Span.Start);
                    if (!state.MayHold(h => h.Key == key))
                    {
                        string task = SyntaxHelpers.Text(owner);
                        sink.Report(new Finding(
                            Descriptor,
                            file.Locate(access),
                            $"{task}->{field.Field} read without {guard.Acquire}({task}); the {field.Field} pointer of another task may be freed under it (use {guard.Acquire}/{guard.Release}, or an accessor that takes a reference)"));
                    }
                }
            }
        }
    }

    /// <summary>
    /// Whether the pointer is a variable of the function that is only ever given <c>current</c>
    /// (<c>struct task_struct *me = current;</c>): current under another name.
    /// </summary>
    private static bool AliasOfCurrent(SyntaxNode function, SyntaxNode owner)
    {
        if (owner.Kind != SyntaxKind.IdentifierName)
        {
            return false;
        }

        string name = Regex.Escape(owner.AsIdentifierName().Identifier.Text);
        string body = SyntaxHelpers.Text(function.AsFunctionDefinition().Body);
        var assignments = Regex.Matches(body, $@"(?<![\w.>])\*?\s*{name}\s*=(?!=)\s*(\w*)");
        return assignments.Count > 0 && assignments.All(m => m.Groups[1].Value == "current");
    }

    /// <summary>
    /// Whether the function itself stores into the field through the same pointer
    /// (<c>tsk->files = NULL</c> in <c>exit_files()</c>, <c>current->files = new</c> behind an alias):
    /// only the task itself replaces its own files (exit, unshare), or its creator before it runs,
    /// so the function replacing the pointer runs where no one else can free it under its read.
    /// </summary>
    private static bool ReplacesField(SyntaxNode function, SyntaxNode owner, string field)
    {
        string key = SyntaxHelpers.Key(owner);
        foreach (var node in function.AsFunctionDefinition().Body.DescendantNodesAndSelf())
        {
            if (node.Kind == SyntaxKind.AssignmentExpression
                && SyntaxHelpers.StripParentheses(node.AsAssignmentExpression().Left) is { Kind: SyntaxKind.MemberAccess } target
                && target.AsMemberAccess().Name.Text == field
                && SyntaxHelpers.Key(target.AsMemberAccess().Expression) == key)
            {
                return true;
            }
        }

        return false;
    }

    private static bool ReadsGuardedField(PrimitiveTables tables, SyntaxNode function)
    {
        foreach (var node in function.AsFunctionDefinition().Body.DescendantNodesAndSelf())
        {
            if (node.Kind == SyntaxKind.MemberAccess && tables.FindGuardedField(node.AsMemberAccess().Name.Text).Count > 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A member access of a guarded field through a pointer to its struct, other than current: the field, the pointer, the guarding acquire.</summary>
    private static (GuardedField Field, SyntaxNode Owner, LockPrimitive Guard)? Guarded(PrimitiveTables tables, LockModel model, SyntaxNode node)
    {
        if (node.Kind != SyntaxKind.MemberAccess)
        {
            return null;
        }

        var member = node.AsMemberAccess();
        if (member.Operator.Kind != SyntaxKind.ArrowToken)
        {
            return null;
        }

        var owner = SyntaxHelpers.StripParentheses(member.Expression);
        if (owner.Kind == SyntaxKind.IdentifierName && owner.AsIdentifierName().Identifier.Text == "current")
        {
            return null;
        }

        foreach (var field in tables.FindGuardedField(member.Name.Text))
        {
            if (model.Types.TypeOf(owner) is { IsPointer: true } type && type.Tag == field.Struct && tables.FindAcquire(field.Lock) is [var guard, ..])
            {
                return (field, owner, guard);
            }
        }

        return null;
    }

    /// <summary>
    /// Whether the field's value is used in a way that may reach the object it points to: not
    /// when it is written (<c>tsk-&gt;files = newf</c>), compared (<c>a-&gt;files == b-&gt;files</c>)
    /// or tested for NULL (<c>if (!task-&gt;files)</c>), which read the pointer but never follow it.
    /// </summary>
    private static bool IsValueUse(SyntaxNode access)
    {
        var node = access;
        while (node.Parent is { Kind: SyntaxKind.ParenthesizedExpression } parenthesized)
        {
            node = parenthesized;
        }

        if (node.Parent is not { } parent)
        {
            return true;
        }

        switch (parent.Kind)
        {
            case SyntaxKind.AssignmentExpression:
                return parent.AsAssignmentExpression().Left != node;
            case SyntaxKind.BinaryExpression:
                return parent.AsBinaryExpression().Operator.Kind is not (SyntaxKind.EqualsEqualsToken or SyntaxKind.ExclamationEqualsToken
                    or SyntaxKind.AmpersandAmpersandToken or SyntaxKind.BarBarToken);
            case SyntaxKind.PrefixUnary:
                return parent.AsPrefixUnary().Operator.Kind != SyntaxKind.ExclamationToken;
            case SyntaxKind.IfStatement:
            case SyntaxKind.WhileStatement:
                return false;
            default:
                return true;
        }
    }

    /// <summary>
    /// Whether the value is an argument of a function of the same file that never follows that
    /// parameter: it only compares it, tests it, or turns it into a number
    /// (<c>kcmp_ptr(task1-&gt;files, task2-&gt;files, KCMP_FILES)</c> obfuscates and orders the two
    /// pointer values).
    /// </summary>
    private static bool PassedOnlyToCompare(FileContext file, SyntaxNode access)
    {
        var node = access;
        while (node.Parent is { Kind: SyntaxKind.ParenthesizedExpression } parenthesized)
        {
            node = parenthesized;
        }

        // The argument list sits between the call and its arguments.
        if (node.Parent?.Parent is not { Kind: SyntaxKind.CallExpression } call || SyntaxHelpers.CalleeName(call) is not { } callee)
        {
            return false;
        }

        int index = SyntaxHelpers.Arguments(call).IndexOf(node);
        if (index < 0)
        {
            return false;
        }

        foreach (var definition in file.Functions)
        {
            if (FunctionCensus.NameOf(definition) != callee)
            {
                continue;
            }

            var parameters = new List<string>();
            foreach (var declarator in definition.AsFunctionDefinition().Declarator.DescendantNodesAndSelf())
            {
                if (declarator.Kind != SyntaxKind.FunctionDeclarator)
                {
                    continue;
                }

                foreach (var parameter in declarator.AsFunctionDeclarator().ParameterList.ChildNodes())
                {
                    if (parameter.Kind == SyntaxKind.ParameterDeclaration)
                    {
                        parameters.Add(Declarators.DeclaredName(parameter.AsParameterDeclaration().Declarator, throughFunctions: false) ?? string.Empty);
                    }
                }

                break;
            }

            return index < parameters.Count && parameters[index].Length > 0 && OnlyCompared(definition.AsFunctionDefinition().Body, parameters[index]);
        }

        return false;
    }

    /// <summary>Whether every use of a name in a body compares it, tests it, or casts it to a number.</summary>
    private static bool OnlyCompared(SyntaxNode body, string name)
    {
        foreach (var node in body.DescendantNodesAndSelf())
        {
            if (node.Kind != SyntaxKind.IdentifierName || node.AsIdentifierName().Identifier.Text != name)
            {
                continue;
            }

            var use = node;
            while (use.Parent is { Kind: SyntaxKind.ParenthesizedExpression } parenthesized)
            {
                use = parenthesized;
            }

            bool compared = use.Parent switch
            {
                { Kind: SyntaxKind.CastExpression } cast => IsNumberType(SyntaxHelpers.Text(cast.AsCastExpression().Type)),
                { Kind: SyntaxKind.BinaryExpression } binary => binary.AsBinaryExpression().Operator.Kind is SyntaxKind.EqualsEqualsToken
                    or SyntaxKind.ExclamationEqualsToken or SyntaxKind.LessThanToken or SyntaxKind.GreaterThanToken
                    or SyntaxKind.LessThanEqualsToken or SyntaxKind.GreaterThanEqualsToken,
                { Kind: SyntaxKind.PrefixUnary } unary => unary.AsPrefixUnary().Operator.Kind == SyntaxKind.ExclamationToken,
                _ => false,
            };
            if (!compared)
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsNumberType(string type) =>
        !type.Contains('*', StringComparison.Ordinal) && Regex.IsMatch(type, @"\b(long|int|uintptr_t|intptr_t|size_t|u64|u32|unsigned)\b");
}
