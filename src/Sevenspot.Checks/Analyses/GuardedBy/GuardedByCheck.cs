using Sevenspot.C;
using Sevenspot.C.Semantics;
using Sevenspot.Checks.Flow;

namespace Sevenspot.Checks;

/// <summary>
/// guarded-by: an access to a struct member or global annotated <c>__guarded_by(&amp;lock)</c>
/// (Clang's context analysis, Linux 7.0) at a point where no path holds that lock, as the lock
/// model tracks it (acquires and releases of locks.txt, guards and scoped guards,
/// <c>__must_hold</c>, <c>lockdep_assert_held</c>). The lock of a member is the sibling member
/// of the same object: <c>c-&gt;value</c> needs <c>c-&gt;lock</c>, not another counter's.
/// </summary>
public sealed class GuardedByCheck : FileCheck
{
    public override CheckDescriptor Descriptor => CheckDescriptors.GuardedBy;

    public override bool NeedsFlowGraphs => true;

    public override void Analyze(FileContext file, FindingSink sink)
    {
        var guarded = GuardedFieldAnnotations.Of(file);
        if (guarded.IsEmpty)
        {
            return;
        }

        foreach (var function in file.Functions)
        {
            if (!MentionsGuarded(guarded, function) || OptedOut(function) || FileLockFacts.Analyze(file, function) is not var (graph, model, result))
            {
                continue;
            }

            HashSet<string>? allocated = null;
            for (int node = 0; node < graph.NodeCount; node++)
            {
                if (!result.IsReached(node))
                {
                    continue;
                }

                foreach (var access in FlowSyntax.EvaluatedNodes(graph, node))
                {
                    if (Guarded(file, guarded, model, access) is not var (item, owner, lockKey, lockText) || InUnsafeContext(access))
                    {
                        continue;
                    }

                    // An object the function has just allocated is not shared yet: its initialisation needs no lock.
                    allocated ??= AllocatedLocals(file, function);
                    if (owner is { Kind: SyntaxKind.IdentifierName } name && allocated.Contains(name.AsIdentifierName().Identifier.Text))
                    {
                        continue;
                    }

                    var state = LockAnalysis.StateAt(model, graph, node, result.In(node), access.Span.Start);
                    if (state.MayHold(h => h.Key == lockKey))
                    {
                        continue;
                    }

                    string what = item.PointeeOnly ? "what " + SyntaxHelpers.Text(access) + " points to" : SyntaxHelpers.Text(access);
                    string declared = (item.Struct is { } tag ? $"struct {tag}: " : string.Empty) + item.Name + " " + item.AnnotationText;
                    sink.Report(new Finding(
                        Descriptor,
                        file.Locate(access),
                        $"{what} accessed without {lockText} held ({declared})",
                        [new RelatedLocation(file.Locate(item.Annotation), $"{item.Name} is {item.AnnotationText}")]));
                }
            }
        }
    }

    /// <summary>
    /// The guarded item an expression accesses, the object it belongs to (null for a global), and
    /// the key and text of the lock instance that guards it there.
    /// </summary>
    private static (GuardedItem Item, SyntaxNode? Owner, string LockKey, string LockText)? Guarded(FileContext file, GuardedFieldAnnotations guarded, LockModel model, SyntaxNode access)
    {
        if (access.Kind == SyntaxKind.MemberAccess)
        {
            var member = access.AsMemberAccess();
            string name = member.Name.Text;
            if (!guarded.MayGuard(name) || model.Types.TypeOf(member.Expression) is not { } type)
            {
                return null;
            }

            bool arrow = member.Operator.Kind == SyntaxKind.ArrowToken;
            if (type.IsPointer != arrow || guarded.Member(type.Tag, name) is not { } item || !Follows(item, access))
            {
                return null;
            }

            if (!item.LockIsMember)
            {
                return (item, member.Expression, item.Lock, item.Lock);
            }

            // The key the lock model gives spin_lock(&c->lock): the lock expression's tokens.
            var owner = SyntaxHelpers.StripParentheses(member.Expression);
            string op = arrow ? "->" : ".";
            return (item, owner, SyntaxHelpers.Key(owner) + " " + op + " " + item.Lock, SyntaxHelpers.Text(owner) + op + item.Lock);
        }

        if (access.Kind == SyntaxKind.IdentifierName)
        {
            string name = access.AsIdentifierName().Identifier.Text;
            if (!guarded.MayGuard(name) || guarded.Global(name) is not { } item || !Follows(item, access)
                || file.Types.GetSymbolKind(access) != SymbolKind.Global)
            {
                return null;
            }

            return (item, null, item.Lock, item.Lock);
        }

        return null;
    }

    /// <summary>
    /// Whether the access reaches what the annotation guards: any use of a <c>__guarded_by</c>
    /// item but taking its address; for <c>__pt_guarded_by</c>, only following the pointer
    /// (<c>*p-&gt;buf</c>, <c>p-&gt;buf[i]</c>, <c>p-&gt;buf-&gt;x</c>).
    /// </summary>
    private static bool Follows(GuardedItem item, SyntaxNode access)
    {
        var node = access;
        while (node.Parent is { Kind: SyntaxKind.ParenthesizedExpression } parenthesized)
        {
            node = parenthesized;
        }

        var parent = node.Parent;
        if (!item.PointeeOnly)
        {
            return parent is not { Kind: SyntaxKind.PrefixUnary } unary || unary.AsPrefixUnary().Operator.Kind != SyntaxKind.AmpersandToken;
        }

        return parent switch
        {
            { Kind: SyntaxKind.PrefixUnary } unary => unary.AsPrefixUnary().Operator.Kind == SyntaxKind.AsteriskToken,
            { Kind: SyntaxKind.ElementAccess } element => element.AsElementAccess().Expression == node,
            { Kind: SyntaxKind.MemberAccess } member => member.AsMemberAccess().Operator.Kind == SyntaxKind.ArrowToken && member.AsMemberAccess().Expression == node,
            _ => false,
        };
    }

    private static bool MentionsGuarded(GuardedFieldAnnotations guarded, SyntaxNode function)
    {
        foreach (var token in function.AsFunctionDefinition().Body.DescendantTokens())
        {
            if (token.Kind == SyntaxKind.IdentifierToken && guarded.MayGuard(token.Text))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether the function opts out of the analysis as the kernel writes it for Clang:
    /// <c>__no_context_analysis</c> or <c>__context_unsafe(why)</c> on its definition.
    /// </summary>
    private static bool OptedOut(SyntaxNode function)
    {
        var definition = function.AsFunctionDefinition();
        foreach (var node in function.DescendantNodesAndSelf())
        {
            if (node == definition.Body)
            {
                break;
            }

            if (node.Kind == SyntaxKind.AttributeMacro && node.AsAttributeMacro().Name.Text is "__no_context_analysis" or "__context_unsafe")
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether the access is inside <c>context_unsafe(...)</c>, the kernel's way to say an access needs no lock.</summary>
    private static bool InUnsafeContext(SyntaxNode access)
    {
        for (var n = access.Parent; n is { } node && node.Kind != SyntaxKind.FunctionDefinition; n = node.Parent)
        {
            if (node.Kind == SyntaxKind.CallExpression && SyntaxHelpers.CalleeName(node) is "context_unsafe" or "data_race")
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The function's variables that it assigns the result of an allocator (allocators.txt).</summary>
    private static HashSet<string> AllocatedLocals(FileContext file, SyntaxNode function)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var node in function.AsFunctionDefinition().Body.DescendantNodesAndSelf())
        {
            string? target = null;
            SyntaxNode? value = null;
            if (node.Kind == SyntaxKind.AssignmentExpression && SyntaxHelpers.StripParentheses(node.AsAssignmentExpression().Left) is { Kind: SyntaxKind.IdentifierName } left)
            {
                target = left.AsIdentifierName().Identifier.Text;
                value = node.AsAssignmentExpression().Right;
            }
            else if (node.Kind == SyntaxKind.InitDeclarator && node.AsInitDeclarator().Initializer is { } initializer)
            {
                target = Declarators.DeclaredName(node.AsInitDeclarator().Declarator, throughFunctions: false);
                value = initializer;
            }

            if (target is not null && value is { } assigned && SyntaxHelpers.CalleeName(SyntaxHelpers.StripParenthesesAndCasts(assigned)) is { } callee
                && file.Primitives.FindAllocator(callee) is not null)
            {
                names.Add(target);
            }
        }

        return names;
    }
}
