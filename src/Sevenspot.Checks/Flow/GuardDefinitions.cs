using Sevenspot.C;
using Sevenspot.Checks.Primitives;

namespace Sevenspot.Checks.Flow;

/// <summary>
/// A guard class a file defines with linux/cleanup.h's macros: <c>DEFINE_GUARD(name, type, lock, unlock)</c>,
/// <c>DEFINE_LOCK_GUARD_1(name, type, lock, unlock, ...)</c> or <c>DEFINE_LOCK_GUARD_0(name, lock, unlock, ...)</c>;
/// their conditional forms <c>DEFINE_GUARD_COND(name, ext, condlock)</c> and <c>DEFINE_LOCK_GUARD_1_COND</c>
/// (class name##ext, held where it succeeded: inside <c>scoped_guard</c> / <c>scoped_cond_guard</c>);
/// and <c>DEFINE_CLASS(name, type, exit, init, args...)</c> whose init takes a lock on its first argument.
/// Its lock expression is a call of a lock primitive on the guard's argument:
/// <c>mutex_lock(&amp;_T-&gt;lock)</c> in a DEFINE_GUARD takes the lock field of the argument,
/// <c>spin_lock(_T-&gt;lock)</c> in a DEFINE_LOCK_GUARD_1 takes the argument itself.
/// </summary>
/// <param name="Primitive">The primitive the lock expression calls.</param>
/// <param name="Template">The lock argument of that call, without its &amp;, as a key with the guard's argument written <c>_T</c>; null when the primitive takes no argument.</param>
/// <param name="Field">The field of the guard's argument the lock is (<c>lock</c> for <c>&amp;_T-&gt;lock</c>), or null when the lock is the argument itself.</param>
public sealed record GuardDefinition(LockPrimitive Primitive, string? Template, string? Field)
{
    /// <summary>The argument's name in a guard's lock expression.</summary>
    public const string Argument = "_T";
}

/// <summary>
/// The guard classes one file defines, by name (<see cref="GuardDefinition"/>), and through
/// <see cref="Find"/> those its headers define (<see cref="HeaderGuards"/>), read on the first
/// guard class the file itself does not define.
/// </summary>
public sealed class GuardDefinitions : Dictionary<string, GuardDefinition>
{
    private readonly FileContext _file;
    private Dictionary<string, GuardDefinition>? _fromHeaders;

    private GuardDefinitions(FileContext file)
        : base(StringComparer.Ordinal)
    {
        _file = file;
    }

    public static GuardDefinitions Of(FileContext file) => file.GetShared(Collect);

    /// <summary>The guard class of this name the file or one of the headers it includes defines; null when none does.</summary>
    public GuardDefinition? Find(string name)
    {
        if (TryGetValue(name, out var definition))
        {
            return definition;
        }

        _fromHeaders ??= _file.Headers.Guards.Of(_file);
        return _fromHeaders.TryGetValue(name, out definition) ? definition : null;
    }

    private static GuardDefinitions Collect(FileContext file)
    {
        var result = new GuardDefinitions(file);
        foreach (var (name, definition) in ReadAll(file.Tree, file.Primitives))
        {
            result[name] = definition;
        }

        return result;
    }

    /// <summary>The guard classes a tree defines at file scope, in order (a later one of a name wins in a file).</summary>
    internal static IEnumerable<(string Name, GuardDefinition Definition)> ReadAll(SyntaxTree tree, PrimitiveTables primitives)
    {
        // Guard classes are defined at file scope: the items of the translation unit only.
        foreach (var list in tree.Root.ChildNodes())
        {
            foreach (var node in list.ChildNodes())
            {
                if (node.Kind == SyntaxKind.MacroDeclaration && Read(primitives, node) is var (name, definition))
                {
                    yield return (name, definition);
                }
            }
        }
    }

    private static (string, GuardDefinition)? Read(PrimitiveTables primitives, SyntaxNode node)
    {
        var macro = node.AsMacroDeclaration();

        // Where the lock expression is, and whether the class is the base name with an extension
        // (DEFINE_GUARD_COND(mutex, _intr, mutex_lock_interruptible(_T) == 0) defines mutex_intr).
        // DEFINE_CLASS(name, type, exit, init, init_args...) names its argument in init_args.
        (int lockAt, bool extended) = macro.Name.Text switch
        {
            "DEFINE_GUARD" or "DEFINE_LOCK_GUARD_1" => (2, false),
            "DEFINE_LOCK_GUARD_0" => (1, false),
            "DEFINE_GUARD_COND" or "DEFINE_LOCK_GUARD_1_COND" or "DEFINE_LOCK_GUARD_0_COND" => (2, true),
            "DEFINE_CLASS" => (3, false),
            _ => (-1, false),
        };
        if (lockAt < 0 || macro.ArgumentList is not { } list)
        {
            return null;
        }

        var arguments = new List<SyntaxNode>();
        foreach (var child in list.ChildNodes())
        {
            arguments.Add(child);
        }

        if (arguments.Count <= lockAt || arguments[0] is not { Kind: SyntaxKind.IdentifierName } name
            || (extended && arguments[1] is not { Kind: SyntaxKind.IdentifierName })
            || LockCall(primitives, arguments[lockAt]) is not var (lockCall, primitive))
        {
            return null;
        }

        string className = name.AsIdentifierName().Identifier.Text + (extended ? arguments[1].AsIdentifierName().Identifier.Text : string.Empty);

        // The name the lock expression gives the guard's argument: _T, or DEFINE_CLASS's first init argument.
        string argument = GuardDefinition.Argument;
        if (macro.Name.Text == "DEFINE_CLASS")
        {
            if (arguments.Count <= lockAt + 1 || LastIdentifier(arguments[lockAt + 1]) is not { } parameter)
            {
                return null;
            }

            argument = parameter;
        }

        string? template = null;
        string? field = null;
        if (SyntaxHelpers.Argument(lockCall, primitive.LockArgument) is { } lockArgument)
        {
            var stripped = LockModel.StripAddress(lockArgument);
            template = SyntaxHelpers.Key(stripped);
            bool lockGuard = macro.Name.Text is "DEFINE_LOCK_GUARD_1" or "DEFINE_LOCK_GUARD_1_COND";

            // A DEFINE_LOCK_GUARD_1 keeps its argument in _T->lock: that is the argument itself.
            string self = lockGuard ? $"{argument} -> lock" : argument;
            if (template == self)
            {
                template = GuardDefinition.Argument;
            }
            else if (!lockGuard && stripped.Kind == SyntaxKind.MemberAccess && SyntaxHelpers.Key(stripped.AsMemberAccess().Expression) == argument)
            {
                template = GuardDefinition.Argument + " -> " + stripped.AsMemberAccess().Name.Text;
                field = stripped.AsMemberAccess().Name.Text;
            }
            else
            {
                // A lock expression that is not the argument or one of its fields: not read.
                return null;
            }
        }

        return (className, new GuardDefinition(primitive, template, field));
    }

    /// <summary>
    /// The call of a lock acquire a class's lock expression makes: the expression itself
    /// (<c>mutex_lock(_T)</c>), compared with a constant (<c>mutex_lock_interruptible(_T) == 0</c>),
    /// or the first acquire inside a statement expression (<c>({ mutex_lock(&amp;f-&gt;lock); f; })</c>).
    /// </summary>
    private static (SyntaxNode Call, LockPrimitive Primitive)? LockCall(PrimitiveTables primitives, SyntaxNode expression)
    {
        foreach (var node in SyntaxHelpers.StripParentheses(expression).DescendantNodesAndSelf())
        {
            if (node.Kind == SyntaxKind.CallExpression && SyntaxHelpers.CalleeName(node) is { } callee && primitives.FindAcquire(callee) is [var primitive, ..])
            {
                return (node, primitive);
            }
        }

        return null;
    }

    /// <summary>The name a parameter declaration declares (<c>f</c> of <c>struct foo *f</c>).</summary>
    private static string? LastIdentifier(SyntaxNode declaration)
    {
        string? last = null;
        foreach (var token in declaration.DescendantTokens())
        {
            if (token.Kind == SyntaxKind.IdentifierToken)
            {
                last = token.Text;
            }
        }

        return last;
    }
}
