using System.Text;
using Sevenspot.C;
using Sevenspot.C.Semantics;
using Sevenspot.Checks.Primitives;

namespace Sevenspot.Checks.Flow;

/// <summary>A call that takes or drops a lock, classified by the lock tables.</summary>
public sealed record LockOperation(LockPrimitive Primitive, bool IsAcquire, string Key, string? Class, SyntaxNode Call);

/// <summary>
/// What lock calls mean in one function: which table entry a call is, the key of the lock
/// instance it names (the argument as written, without its &amp;), its lock class when the
/// type annotation tells it, the state at entry from sparse's annotations (__must_hold,
/// __releases), and the effects of calling functions annotated __acquires / __releases.
/// </summary>
public sealed partial class LockModel
{
    private readonly FileContext _file;
    private readonly FunctionTypes _types;
    private readonly IReadOnlyDictionary<string, FunctionLockAnnotations> _annotations;

    // PERF: the solver applies a node's calls on every visit; the record of a lock taken at a
    // call is made once per call, not once per visit.
    private readonly Dictionary<int, HeldLock> _heldAt = [];

    private readonly Dictionary<string, LockPrimitive> _conditionalPrimitives = new(StringComparer.Ordinal);

    public LockModel(FileContext file, SyntaxNode function, FileScope fileScope, IReadOnlyDictionary<string, FunctionLockAnnotations> annotations)
    {
        _file = file;
        Function = function;
        _types = FunctionTypes.ForFunction(file, function);
        _annotations = annotations;
        FileScope = fileScope;
    }

    public SyntaxNode Function { get; }

    public FileScope FileScope { get; }

    public FunctionTypes Types => _types;

    public PrimitiveTables Primitives => _file.Primitives;

    public FileContext File => _file;

    /// <summary>The lock operation a call performs, or null.</summary>
    public LockOperation? Classify(SyntaxNode call)
    {
        if (SyntaxHelpers.CalleeName(call) is not { } name)
        {
            return GuardOperation(call);
        }

        var acquires = Primitives.FindAcquire(name);
        if (acquires.Count > 0)
        {
            var primitive = acquires[0];
            return new LockOperation(primitive, true, KeyOf(primitive, call), ClassOf(primitive, call), call);
        }

        var releases = Primitives.FindRelease(name);
        if (releases.Count > 0)
        {
            var primitive = releases[0];
            return new LockOperation(primitive, false, KeyOf(primitive, call, release: true), ClassOf(primitive, call, release: true), call);
        }

        return BitLockOperation(name, call) ?? ConditionalAcquireByAnnotation(name, call);
    }

    /// <summary>
    /// A call of a function annotated <c>__cond_acquires(x)</c>: it holds x when it returns
    /// nonzero (sparse's convention, as for spin_trylock and refcount_dec_and_lock), so x is held
    /// on the branch where the result was true. Read only when the annotation names one lock
    /// whose kind the definition shows.
    /// </summary>
    private LockOperation? ConditionalAcquireByAnnotation(string name, SyntaxNode call)
    {
        if (!_annotations.TryGetValue(name, out var annotations) || annotations.CondAcquires is not [var template]
            || !annotations.Kinds.TryGetValue(template, out var kind))
        {
            return null;
        }

        if (!_conditionalPrimitives.TryGetValue(name, out var primitive))
        {
            _conditionalPrimitives[name] = primitive = new LockPrimitive(name, name, kind, -1, -1, null, SuccessTest.NonZero, false);
        }

        var arguments = SyntaxHelpers.Arguments(call);
        string key = annotations.Substitute(template, arguments);
        int parameter = annotations.Parameters.IndexOf(template);
        string? cls = parameter >= 0 && parameter < arguments.Count ? ClassOfLockArgument(arguments[parameter]) : ClassOfAnnotated(key);
        return new LockOperation(primitive, true, key, cls, call);
    }

    /// <summary>
    /// The key of the lock instance: the lock argument as written without a leading &amp;
    /// (<c>d -&gt; lock</c>), the bit and address of a bit lock, or the kind and release name for
    /// locks without an argument (<c>rcu:rcu_read_unlock</c>), so that each acquire meets its own release.
    /// </summary>
    public static string KeyOf(LockPrimitive primitive, SyntaxNode call, bool release = false) =>
        KeyFor(primitive, SyntaxHelpers.Argument(call, release ? primitive.ReleaseArgument : primitive.LockArgument), SyntaxHelpers.Argument(call, primitive.BitArgument));

    /// <summary>The key <see cref="KeyOf"/> gives a call of the primitive with these lock and bit arguments.</summary>
    public static string KeyFor(LockPrimitive primitive, SyntaxNode? lockArgument, SyntaxNode? bitArgument = null)
    {
        if (lockArgument is not { } argument)
        {
            return primitive.FixedClass is { } fixedClass ? fixedClass : primitive.Kind.Word() + ":" + primitive.Section;
        }

        string key = SyntaxHelpers.Key(StripAddress(argument));
        if (primitive.FixedClass is { } cls)
        {
            key = cls + "@" + key;
        }

        if (bitArgument is { } bit)
        {
            key = "bit " + SyntaxHelpers.Key(bit) + " of " + key;
        }

        return key;
    }

    /// <summary>
    /// The lock class when it can be told: the table's fixed class, a global lock's name
    /// (<c>&amp;table_lock</c>), or struct type and field (<c>&amp;d-&gt;lock</c> with d a struct dev *).
    /// Null for locks reached through pointers, calls or unknown types, and for locks without an
    /// argument (RCU, interrupts, preemption), which take part in no lock order.
    /// </summary>
    public string? ClassOf(LockPrimitive primitive, SyntaxNode call, bool release = false) =>
        ClassFor(primitive, SyntaxHelpers.Argument(call, release ? primitive.ReleaseArgument : primitive.LockArgument), SyntaxHelpers.Argument(call, primitive.BitArgument));

    /// <summary>The class <see cref="ClassOf"/> gives a call of the primitive with these lock and bit arguments.</summary>
    public string? ClassFor(LockPrimitive primitive, SyntaxNode? lockArgument, SyntaxNode? bitArgument)
    {
        if (primitive.FixedClass is { } fixedClass)
        {
            return fixedClass.Contains('.', StringComparison.Ordinal) ? "struct " + fixedClass : fixedClass;
        }

        if (lockArgument is not { } argument)
        {
            return null;
        }

        var stripped = SyntaxHelpers.StripParenthesesAndCasts(argument);
        string? cls;
        if (stripped.Kind == SyntaxKind.PrefixUnary && stripped.AsPrefixUnary().Operator.Kind == SyntaxKind.AmpersandToken)
        {
            cls = ClassOfLockObject(stripped.AsPrefixUnary().Operand);
        }
        else if (bitArgument is not null && stripped.Kind == SyntaxKind.MemberAccess)
        {
            // A bitmap field (DECLARE_BITMAP(state, ...)) is its own address: pf->state.
            cls = ClassOfLockObject(stripped);
        }
        else
        {
            return null;
        }

        if (cls is not null && bitArgument is { } bit)
        {
            cls = $"{cls} bit {SyntaxHelpers.Key(bit)}";
        }

        return cls;
    }

    /// <summary>The class of the lock an argument points to (<c>&amp;d-&gt;lock</c>, <c>&amp;table_lock</c>), as <see cref="ClassOf"/> finds it; null for anything else.</summary>
    public string? ClassOfLockArgument(SyntaxNode argument)
    {
        var stripped = SyntaxHelpers.StripParenthesesAndCasts(argument);
        return stripped.Kind == SyntaxKind.PrefixUnary && stripped.AsPrefixUnary().Operator.Kind == SyntaxKind.AmpersandToken
            ? ClassOfLockObject(stripped.AsPrefixUnary().Operand)
            : null;
    }

    private string? ClassOfLockObject(SyntaxNode lockObject)
    {
        lockObject = SyntaxHelpers.StripParentheses(lockObject);
        switch (lockObject.Kind)
        {
            case SyntaxKind.IdentifierName:
                // A static lock of one file is not another file's lock of the same name.
                string name = lockObject.AsIdentifierName().Identifier.Text;
                return _types.IsLocal(name) ? null : FileScope.IsFileStatic(name) ? $"{name} ({_file.Path})" : name;
            case SyntaxKind.MemberAccess:
                var member = lockObject.AsMemberAccess();
                return _types.TypeOf(member.Expression) is { } owner ? StructFieldClass(owner.Tag, member.Name.Text) : null;
            default:
                return null;
        }
    }

    /// <summary>
    /// The class of a lock that is a struct field. A struct defined in a .c file is that file's
    /// own type: another file's struct of the same tag is another type, and its locks another
    /// class. A struct defined in a header is one type for every file that includes it.
    /// </summary>
    private string StructFieldClass(string tag, string field) =>
        FileScope.DefinesStruct(tag) && _file.Path.EndsWith(".c", StringComparison.Ordinal)
            ? $"struct {tag}.{field} ({_file.Path})"
            : $"struct {tag}.{field}";

    /// <summary>The key of rcu_read_lock()'s section: locks without an argument are keyed by kind and release.</summary>
    public const string RcuReadSection = "rcu:rcu_read_unlock";

    /// <summary>How the text of a lock held at entry by annotation begins.</summary>
    public const string AnnotatedByCaller = "caller (annotated ";

    /// <summary>The state at the function's entry: locks its annotations say the caller holds.</summary>
    public LockState InitialState()
    {
        var state = LockState.Empty;
        string name = FunctionCensus.NameOf(Function);
        if (!_annotations.TryGetValue(name, out var annotations))
        {
            return state;
        }

        var where = _file.LocateCompact(Function.AsFunctionDefinition().Declarator);
        foreach (string annotated in annotations.MustHold.Concat(annotations.Releases))
        {
            // __must_hold(RCU), __releases(RCU): the RCU read-side section rcu_read_unlock() ends.
            string key = annotated == "RCU" ? RcuReadSection : annotated;
            state = state.Acquire(new HeldLock(key, KindOfAnnotated(key), ClassOfAnnotated(key), 1, where, AnnotatedByCaller + annotated + ")", false));
        }

        return state;
    }

    /// <summary>The state after one call, from the state before it.</summary>
    public LockState Apply(LockState state, SyntaxNode call, bool conditionalHandledOnEdges)
    {
        if (Classify(call) is { } op)
        {
            if (!op.IsAcquire)
            {
                return state.Release(op.Key);
            }

            if (op.Primitive.Success != SuccessTest.Always)
            {
                // A trylock whose result decides a branch is taken on the branch's success edge,
                // as is one whose result is stored and tested by the next statement
                // (ret = mutex_lock_interruptible(&m); if (ret) return ret;); anywhere else it
                // may or may not hold the lock.
                return conditionalHandledOnEdges || StoredResultTest(call) is not null ? state : state.Acquire(Held(op), surely: false);
            }

            return state.Acquire(Held(op));
        }

        if (SyntaxHelpers.CalleeName(call) is { } asserted && (IsHeldAssertion(asserted) || IsBsdOwnedAssertion(call, asserted)) && SyntaxHelpers.Argument(call, 0) is { } lockArgument)
        {
            // lockdep_assert_held(&d->lock): the caller holds the lock here, as __must_hold says.
            // Its kind is that of the primitives the function applies to it, else that of its
            // declared type (a spinlock_t member of a struct the file defines).
            var assertedLock = StripAddress(lockArgument);
            string key = SyntaxHelpers.Key(assertedLock);
            return state.MayHold(h => h.Key == key)
                ? state
                : state.Acquire(new HeldLock(key, KindOfAnnotated(key) ?? KindOfDeclaredType(assertedLock), null, 1, _file.LocateCompact(call), AnnotatedByCaller + asserted + ")", false));
        }

        if (SyntaxHelpers.CalleeName(call) is { } callee && _annotations.TryGetValue(callee, out var effects) && effects.HasEffects)
        {
            var arguments = SyntaxHelpers.Arguments(call);
            foreach (string template in effects.Releases)
            {
                state = state.Release(effects.Substitute(template, arguments));
            }

            foreach (string template in effects.Acquires)
            {
                string key = effects.Substitute(template, arguments);
                LockKind? kind = effects.Kinds.TryGetValue(template, out var k) ? k : KindOfAnnotated(key);
                state = state.Acquire(new HeldLock(key, kind, ClassOfAnnotated(key), 1, _file.LocateCompact(call), Shorten(SyntaxHelpers.Text(call)), false));
            }
        }

        return state;
    }

    /// <summary>lockdep's assertions that the running code holds a lock: the lock is held from there on.</summary>
    public static bool IsHeldAssertion(string name) =>
        name is "lockdep_assert_held" or "lockdep_assert_held_write" or "lockdep_assert_held_read" or "lockdep_assert_held_once";

    public HeldLock Held(LockOperation op)
    {
        if (!_heldAt.TryGetValue(op.Call.Index, out var held))
        {
            held = op.Call.Kind == SyntaxKind.IteratorStatement
                ? ScopedGuardHeld(op)
                : new HeldLock(op.Key, op.Primitive.Kind, op.Class, 1, _file.LocateCompact(op.Call), Shorten(SyntaxHelpers.Text(op.Call)), op.Primitive.Nested);
            _heldAt[op.Call.Index] = held;
            RecordGuardScope(op, held);
        }

        return held;
    }

    /// <summary>
    /// Whether a branch tests a conditional acquire, and which edge holds the lock:
    /// <c>if (spin_trylock(l))</c> on its true edge, <c>if (mutex_lock_interruptible(m))</c> on its false edge.
    /// </summary>
    public LockOperation? ConditionalAcquire(SyntaxNode condition, out bool holdsOnTrue)
    {
        holdsOnTrue = true;
        var node = condition;
        while (true)
        {
            node = SyntaxHelpers.StripParentheses(node);
            if (node.Kind == SyntaxKind.PrefixUnary && node.AsPrefixUnary().Operator.Kind == SyntaxKind.ExclamationToken)
            {
                holdsOnTrue = !holdsOnTrue;
                node = node.AsPrefixUnary().Operand;
                continue;
            }

            if (SyntaxHelpers.CalleeName(node) is "likely" or "unlikely" or "WARN_ON" or "WARN_ON_ONCE" && SyntaxHelpers.Arguments(node) is [var inner])
            {
                node = inner;
                continue;
            }

            break;
        }

        if (Classify(node) is { IsAcquire: true } op && op.Primitive.Success != SuccessTest.Always)
        {
            if (op.Primitive.Success == SuccessTest.Zero)
            {
                holdsOnTrue = !holdsOnTrue;
            }

            return op;
        }

        return StoredConditionalAcquire(condition, node, ref holdsOnTrue);
    }

    /// <summary>
    /// A conditional acquire whose result the statement before the test stored in the variable the
    /// test reads: <c>ret = mutex_lock_interruptible(&amp;m); if (ret) return ret;</c> (also
    /// <c>int ret = ...;</c>, <c>if (ret != 0)</c>, <c>if (ret == 0)</c>, and <c>if (ret &lt; 0)</c> for an
    /// acquire that returns zero or an error code).
    /// </summary>
    private LockOperation? StoredConditionalAcquire(SyntaxNode condition, SyntaxNode test, ref bool holdsOnTrue)
    {
        bool negative = false;
        if (test.Kind == SyntaxKind.BinaryExpression)
        {
            var binary = test.AsBinaryExpression();
            if (!SyntaxHelpers.IsZeroLiteral(binary.Right))
            {
                return null;
            }

            switch (binary.Operator.Kind)
            {
                case SyntaxKind.ExclamationEqualsToken:
                    break;
                case SyntaxKind.EqualsEqualsToken:
                    holdsOnTrue = !holdsOnTrue;
                    break;
                case SyntaxKind.LessThanToken:
                    negative = true;
                    break;
                default:
                    return null;
            }

            test = SyntaxHelpers.StripParentheses(binary.Left);
        }

        if (test.Kind != SyntaxKind.IdentifierName || condition.Parent is not { Kind: SyntaxKind.IfStatement } statement
            || statement.AsIfStatement().Condition != condition || PreviousStatement(statement) is not { } previous
            || StoredCall(previous, test.AsIdentifierName().Identifier.Text) is not { } call
            || Classify(call) is not { IsAcquire: true } op || op.Primitive.Success == SuccessTest.Always
            || (negative && op.Primitive.Success != SuccessTest.Zero))
        {
            return null;
        }

        if (op.Primitive.Success == SuccessTest.Zero)
        {
            holdsOnTrue = !holdsOnTrue;
        }

        return op;
    }

    /// <summary>The if statement right after the statement that stores this call's result in a variable, when it tests that variable; else null.</summary>
    private SyntaxNode? StoredResultTest(SyntaxNode call)
    {
        var statement = call.Parent;
        while (statement is { Kind: SyntaxKind.ParenthesizedExpression or SyntaxKind.AssignmentExpression or SyntaxKind.InitDeclarator or SyntaxKind.SeparatedList } inner)
        {
            statement = inner.Parent;
        }

        if (statement is not { Kind: SyntaxKind.ExpressionStatement or SyntaxKind.Declaration } stored || NextStatement(stored) is not { Kind: SyntaxKind.IfStatement } next)
        {
            return null;
        }

        return ConditionalAcquire(next.AsIfStatement().Condition, out _) is { } op && op.Call == call ? next : null;
    }

    /// <summary>The call whose result a statement stores in the variable: <c>v = call;</c> or a declaration <c>int v = call;</c>.</summary>
    private static SyntaxNode? StoredCall(SyntaxNode statement, string variable)
    {
        if (statement.Kind == SyntaxKind.ExpressionStatement)
        {
            var expression = SyntaxHelpers.StripParentheses(statement.AsExpressionStatement().Expression);
            if (expression.Kind == SyntaxKind.AssignmentExpression && expression.AsAssignmentExpression() is var assignment
                && assignment.Operator.Kind == SyntaxKind.EqualsToken && SyntaxHelpers.Key(assignment.Left) == variable)
            {
                var right = SyntaxHelpers.StripParentheses(assignment.Right);
                return right.Kind == SyntaxKind.CallExpression ? right : null;
            }

            return null;
        }

        if (statement.Kind == SyntaxKind.Declaration)
        {
            foreach (var declarator in statement.AsDeclaration().DeclaratorList.ChildNodes())
            {
                if (declarator.Kind == SyntaxKind.InitDeclarator && declarator.AsInitDeclarator() is var init && init.Initializer is { } value
                    && Declarators.DeclaredName(init.Declarator, throughFunctions: false) == variable)
                {
                    var right = SyntaxHelpers.StripParentheses(value);
                    return right.Kind == SyntaxKind.CallExpression ? right : null;
                }
            }
        }

        return null;
    }

    private static SyntaxNode? PreviousStatement(SyntaxNode statement)
    {
        if (statement.Parent is not { } list)
        {
            return null;
        }

        SyntaxNode? previous = null;
        foreach (var child in list.ChildNodes())
        {
            if (child == statement)
            {
                return previous;
            }

            previous = child;
        }

        return null;
    }

    private static SyntaxNode? NextStatement(SyntaxNode statement)
    {
        if (statement.Parent is not { } list)
        {
            return null;
        }

        bool found = false;
        foreach (var child in list.ChildNodes())
        {
            if (found)
            {
                return child;
            }

            found = child == statement;
        }

        return null;
    }

    private LockKind? KindOfAnnotated(string key)
    {
        // A lock named in an annotation has the kind of the primitives the function applies to it.
        foreach (var call in SyntaxHelpers.Calls(Function.AsFunctionDefinition().Body))
        {
            if (Classify(call) is { } op && op.Key == key)
            {
                return op.Primitive.Kind;
            }
        }

        return key == "RCU" ? LockKind.Rcu : null;
    }

    /// <summary>
    /// The kind of a lock by the type the file's annotation gives the expression: the kernel's
    /// lock types, by their typedef or struct name as written (<c>spinlock_t</c>, <c>struct
    /// mutex</c>); null when the type is not known or is none of them.
    /// </summary>
    private LockKind? KindOfDeclaredType(SyntaxNode lockExpression)
    {
        var type = _file.Types.GetType(lockExpression);
        for (int depth = 0; type is { IsUnknown: false } && depth < 8; depth++)
        {
            switch (type.Kind, type.Name)
            {
                case (CTypeKind.Typedef, "spinlock_t" or "raw_spinlock_t"):
                    return LockKind.Spin;
                case (CTypeKind.Typedef, "rwlock_t"):
                    return LockKind.RwLock;
                case (CTypeKind.Struct, "mutex"):
                    return LockKind.Mutex;
                case (CTypeKind.Struct, "rw_semaphore"):
                    return LockKind.RwSemaphore;
                case (CTypeKind.Struct, "semaphore"):
                    return LockKind.Semaphore;
                case (CTypeKind.Typedef, _):
                    type = type.TypedefTarget;
                    continue;
            }

            break;
        }

        return null;
    }

    private string? ClassOfAnnotated(string key)
    {
        // "&tasklist_lock" names a global; "RCU" is sparse's name for the RCU read side.
        if (key.Length > 0 && key.All(c => char.IsAsciiLetterOrDigit(c) || c == '_') && key != "RCU" && !_types.IsLocal(key))
        {
            return key;
        }

        return null;
    }

    internal static SyntaxNode StripAddress(SyntaxNode argument)
    {
        var node = SyntaxHelpers.StripParenthesesAndCasts(argument);
        return node.Kind == SyntaxKind.PrefixUnary && node.AsPrefixUnary().Operator.Kind == SyntaxKind.AmpersandToken ? node.AsPrefixUnary().Operand : node;
    }

    internal static string Shorten(string text) => text.Length <= 80 ? text : text[..77] + "...";
}

/// <summary>
/// Sparse's lock annotations on one function, with parameter names so that keys can be
/// rewritten in a caller's terms: <c>__acquires(&amp;d-&gt;lock)</c> on <c>lock_dev(struct dev *d)</c>
/// called as <c>lock_dev(x)</c> takes <c>x -&gt; lock</c>.
/// </summary>
public sealed class FunctionLockAnnotations
{
    public List<string> Parameters { get; } = [];

    public List<string> Acquires { get; } = [];

    public List<string> Releases { get; } = [];

    public List<string> MustHold { get; } = [];

    /// <summary>Locks held when the function returns nonzero (<c>__cond_acquires</c>).</summary>
    public List<string> CondAcquires { get; } = [];

    /// <summary>The kind of each annotated lock, from the primitives the definition applies to it.</summary>
    public Dictionary<string, LockKind> Kinds { get; } = new(StringComparer.Ordinal);

    /// <summary>
    /// Locks annotated both <c>__acquires(x)</c> and <c>__releases(x)</c> that the function takes
    /// and drops itself: x names a local of the body (not in scope at entry), or the body's first
    /// operation on x is an acquire. Neither held at entry nor an effect on callers; they are in
    /// neither <see cref="Acquires"/> nor <see cref="Releases"/>. (sparse's other use of the pair,
    /// <c>ptrace_stop()</c>, drops the caller's lock first and retakes it: that stays an effect.)
    /// </summary>
    public List<string> TakenInside { get; } = [];

    public bool HasEffects => Acquires.Count > 0 || Releases.Count > 0;

    /// <summary>The annotations of every function the file defines or declares, by name.</summary>
    public static Dictionary<string, FunctionLockAnnotations> Collect(SyntaxTree tree, PrimitiveTables primitives)
    {
        var result = new Dictionary<string, FunctionLockAnnotations>(StringComparer.Ordinal);
        var definitions = new Dictionary<string, SyntaxNode>(StringComparer.Ordinal);
        foreach (var node in tree.Root.DescendantNodesAndSelf())
        {
            if (node.Kind != SyntaxKind.AttributeMacro)
            {
                continue;
            }

            var attribute = node.AsAttributeMacro();
            string word = attribute.Name.Text;
            if (word is not ("__acquires" or "__releases" or "__must_hold" or "__cond_acquires") || attribute.TokenList is not { } tokens)
            {
                continue;
            }

            if (FunctionDeclaratorOf(node) is not { } declarator || Declarators.DeclaredName(declarator.AsFunctionDeclarator().Declarator, throughFunctions: false) is not { } name)
            {
                continue;
            }

            if (!result.TryGetValue(name, out var annotations))
            {
                result[name] = annotations = new FunctionLockAnnotations();
                foreach (var parameter in declarator.AsFunctionDeclarator().ParameterList.ChildNodes())
                {
                    if (parameter.Kind == SyntaxKind.ParameterDeclaration && Declarators.DeclaredName(parameter.AsParameterDeclaration().Declarator, throughFunctions: false) is { } p)
                    {
                        annotations.Parameters.Add(p);
                    }
                }
            }

            string key = KeyOfTokens(tokens);
            var list = word switch
            {
                "__acquires" => annotations.Acquires,
                "__releases" => annotations.Releases,
                "__cond_acquires" => annotations.CondAcquires,
                _ => annotations.MustHold,
            };
            if (!list.Contains(key))
            {
                list.Add(key);
            }

            if (node.FirstAncestorOrSelf(SyntaxKind.FunctionDefinition) is { } definition)
            {
                definitions[name] = definition;
                if (FirstOperationOn(primitives, definition, key)?.Primitive.Kind is { } kind)
                {
                    annotations.Kinds[key] = kind;
                }
            }
        }

        foreach (var (name, definition) in definitions)
        {
            result[name].SeparateTakenInside(primitives, definition);
        }

        return result;
    }

    private void SeparateTakenInside(PrimitiveTables primitives, SyntaxNode definition)
    {
        if (Acquires.Count == 0 || Releases.Count == 0)
        {
            return;
        }

        HashSet<string>? locals = null;
        foreach (string key in Acquires.ToArray())
        {
            if (!Releases.Contains(key))
            {
                continue;
            }

            string root = key.Split(' ')[0];
            locals ??= LocalNames(definition);
            if ((locals.Contains(root) && !Parameters.Contains(root)) || FirstOperationOn(primitives, definition, key) is { Acquires: true })
            {
                Acquires.Remove(key);
                Releases.Remove(key);
                TakenInside.Add(key);
            }
        }
    }

    /// <summary>
    /// The body's first lock call on the key, in source order: its primitive and whether it takes the lock;
    /// null when the body never names the key.
    /// </summary>
    private static (LockPrimitive Primitive, bool Acquires)? FirstOperationOn(PrimitiveTables primitives, SyntaxNode definition, string key)
    {
        foreach (var call in SyntaxHelpers.Calls(definition.AsFunctionDefinition().Body))
        {
            if (SyntaxHelpers.CalleeName(call) is not { } name)
            {
                continue;
            }

            var acquire = primitives.FindAcquire(name).FirstOrDefault();
            var primitive = acquire ?? primitives.FindRelease(name).FirstOrDefault();
            if (primitive is not null && LockModel.KeyOf(primitive, call, release: acquire is null) == key)
            {
                return (primitive, acquire is not null);
            }
        }

        return null;
    }

    /// <summary>The names the body declares (its locals).</summary>
    private static HashSet<string> LocalNames(SyntaxNode definition)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var node in definition.AsFunctionDefinition().Body.DescendantNodesAndSelf())
        {
            if (node.Kind != SyntaxKind.Declaration)
            {
                continue;
            }

            foreach (var declarator in node.AsDeclaration().DeclaratorList.ChildNodes())
            {
                var named = declarator.Kind == SyntaxKind.InitDeclarator ? declarator.AsInitDeclarator().Declarator : declarator;
                if (Declarators.DeclaredName(named, throughFunctions: false) is { } local)
                {
                    names.Add(local);
                }
            }
        }

        return names;
    }

    /// <summary>The key in a caller's terms: each parameter name replaced by the argument's key.</summary>
    public string Substitute(string template, List<SyntaxNode> arguments)
    {
        if (Parameters.Count == 0)
        {
            return template;
        }

        var words = template.Split(' ');
        for (int i = 0; i < words.Length; i++)
        {
            int index = Parameters.IndexOf(words[i]);
            if (index >= 0 && index < arguments.Count)
            {
                // __releases(lock) on a spinlock_t *lock parameter, called with &port->lock: the
                // lock is port->lock, keyed as a primitive's lock argument is (without the &).
                words[i] = words.Length == 1 ? SyntaxHelpers.Key(LockModel.StripAddress(arguments[index])) : SyntaxHelpers.Key(arguments[index]);
            }
        }

        return string.Join(' ', words);
    }

    /// <summary>An annotation's tokens as a lock key: spaced like <see cref="SyntaxHelpers.Key"/>, without a leading &amp;.</summary>
    private static string KeyOfTokens(SyntaxNode tokens)
    {
        var sb = new StringBuilder();
        bool first = true;
        foreach (var token in tokens.DescendantTokens())
        {
            if (first && token.Kind == SyntaxKind.AmpersandToken)
            {
                first = false;
                continue;
            }

            first = false;
            if (sb.Length > 0)
            {
                sb.Append(' ');
            }

            sb.Append(token.Text);
        }

        return sb.ToString();
    }

    /// <summary>The function declarator an attribute belongs to: of the definition or declaration that holds it.</summary>
    private static SyntaxNode? FunctionDeclaratorOf(SyntaxNode attribute)
    {
        for (var node = attribute.Parent; node is { } n; node = n.Parent)
        {
            if (n.Kind == SyntaxKind.FunctionDefinition)
            {
                return FindFunctionDeclarator(n.AsFunctionDefinition().Declarator);
            }

            if (n.Kind == SyntaxKind.InitDeclarator)
            {
                return FindFunctionDeclarator(n.AsInitDeclarator().Declarator);
            }

            if (n.Kind == SyntaxKind.Declaration)
            {
                var declarators = n.AsDeclaration().DeclaratorList.ChildNodes().ToList();
                return declarators.Count == 1 && declarators[0].Kind == SyntaxKind.InitDeclarator
                    ? FindFunctionDeclarator(declarators[0].AsInitDeclarator().Declarator)
                    : null;
            }
        }

        return null;
    }

    private static SyntaxNode? FindFunctionDeclarator(SyntaxNode declarator)
    {
        foreach (var node in declarator.DescendantNodesAndSelf())
        {
            if (node.Kind == SyntaxKind.FunctionDeclarator)
            {
                return node;
            }
        }

        return null;
    }
}
