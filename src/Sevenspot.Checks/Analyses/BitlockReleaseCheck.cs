using Sevenspot.C;
using Sevenspot.C.Flow;
using Sevenspot.Checks.Flow;
using Sevenspot.Checks.Primitives;

namespace Sevenspot.Checks;

/// <summary>The locks that may serialise every taker of a bit: rtnl, and the device lock the driver core holds around a driver's callbacks.</summary>
[Flags]
public enum BitSerialisers : byte
{
    None = 0,
    Rtnl = 1,
    DeviceLock = 2,

    /// <summary>On a take only: the statement right after the one that takes the bit is rtnl_lock().</summary>
    RtnlNext = 4,

    /// <summary>
    /// On a callback only: the function is a hard-irq handler of one line (request_irq(),
    /// devm_request_irq(), a parport device's irq_func), which the irq core never runs twice at once.
    /// </summary>
    IrqHandler = 8,
}

/// <summary>A function as bitlock-release sees it: the bits it sets, the calls it makes, and which serialising locks are held at each.</summary>
/// <param name="Names">
/// In a file that takes or clears a bit: the fields (member names) and other identifiers the
/// function's body names, which it may read; null elsewhere (not known).
/// </param>
/// <param name="LockBits">
/// The bits the function shows to be locks: it spins or waits until it takes one
/// (<c>while (test_and_set_bit(...))</c>, <c>wait_event(wq, !test_and_set_bit(...))</c>), or takes
/// one and releases it on the way through.
/// </param>
/// <param name="StoredBeforeTake">
/// The fields the function stores in the object that holds the bit before it takes the bit
/// (<c>adapter-&gt;need_fw_reset = 1;</c> before <c>test_and_set_bit(B, &amp;adapter-&gt;state)</c>): fields
/// the bit does not guard.
/// </param>
/// <param name="SetBits">
/// The bits the function sets with a plain <c>set_bit()</c>: states of the program, which a clear
/// in a function that did not take the bit may end rather than release a section.
/// </param>
/// <param name="ClearBits">The bits the function clears (plainly or with release ordering): it holds them, or ends their state.</param>
/// <param name="Hints">
/// The idempotent stores the function makes (<see cref="BitlockReleaseCheck.HintOf"/>): a field
/// named by its struct type, the operator and a right side of constants and globals
/// (<c>struct adapter::flags |= NEED_LINK_UPDATE</c>, <c>struct adapter::link_check_timeout = jiffies</c>);
/// never one to an object the function has just allocated (no one else sees it yet).
/// </param>
/// <param name="SetsUp">
/// The function runs before its objects are shared: it is boot code (<c>__init</c>) or a driver's
/// <c>probe</c> callback. A store made there, or in a function called only from there, is no store
/// made beside a holder of a bit.
/// </param>
/// <param name="AddressTaken">
/// The function's name is used in its file other than as a call (an operations table, a handler
/// or work function handed to the kernel, an export): whoever calls it through the pointer is not known.
/// </param>
public sealed record BitFunction(string Name, string Path, bool IsStatic, BitSerialisers Callback, IReadOnlyList<(string Bit, BitSerialisers Held)> Takes, IReadOnlyList<(string Callee, BitSerialisers Held)> Calls, IReadOnlyList<string>? Names = null, IReadOnlyList<string>? LockBits = null, IReadOnlyList<string>? StoredBeforeTake = null, IReadOnlyList<string>? SetBits = null, IReadOnlyList<string>? ClearBits = null, IReadOnlyList<string>? Hints = null, bool SetsUp = false, bool AddressTaken = false);

/// <summary>
/// A bit lock released with plain clear_bit in one function, waiting to know whether its bit is
/// serialised by rtnl or the device lock: the function (name and path) and whether rtnl is held at the clear.
/// </summary>
/// <param name="StoredFields">
/// The fields (or globals) the section stores after its last ordering call, which the clear
/// must order; null when one of those stores is through a pointer or element not named by a field.
/// </param>
/// <param name="TakenElsewhere">
/// The function clears a bit it does not take (a completion handler, a helper that unlocks for
/// its caller): a release only when some function of the program shows the bit to be a lock.
/// </param>
/// <param name="ClearedWith">
/// For a bit named by a constant and cleared on the way through by a function that does not take
/// it: the other constant bits of the same word the function clears that way. When the program
/// claims every one of them with a test-and-set too, the function resets the word's claims (an
/// object set up anew) rather than release a lock it was handed.
/// </param>
/// <param name="StoredHints">
/// The stores the section makes after its last ordering call, each as an idempotent store
/// (<see cref="BitlockReleaseCheck.HintOf"/>); null when one of them is not of that form (a
/// right side that reads a local, a counter's <c>+=</c>, a store through a pointer).
/// </param>
public sealed record BitRelease(string Bit, Finding Finding, string? Function = null, string? Path = null, bool RtnlAtClear = false, IReadOnlyList<string>? StoredFields = null, bool TakenElsewhere = false, IReadOnlyList<string>? ClearedWith = null, IReadOnlyList<string>? StoredHints = null);

/// <summary>The bitlock-release facts of one file.</summary>
/// <param name="Callbacks">The functions the file registers as callbacks run under a serialising lock, by name: they may be defined in another file of the program.</param>
public sealed record BitlockFacts(string Path, IReadOnlyList<BitFunction> Functions, IReadOnlyList<BitRelease> Releases, IReadOnlyList<(string Name, BitSerialisers Held)> Callbacks);

/// <summary>
/// bitlock-release: in one function, <c>test_and_set_bit(N, addr)</c> whose result decides a
/// branch or loop (the bit is taken as a lock), and later <c>clear_bit(N, addr)</c> of the same bit
/// and address outside the branch that failed to take it, at least one of them on the way through
/// (not only under an if after the set), when the section between them stores to memory and calls
/// nothing that may order those stores. Reported at the clear_bit, with the fix
/// test_and_set_bit_lock / clear_bit_unlock (bitops.txt) — unless every test_and_set of that bit
/// in the tree runs with rtnl held (itself, or in every caller, or as a callback the networking
/// core calls under rtnl), or every one runs with the device lock held (device_lock(), or a
/// driver callback the driver core calls under it): that lock then serialises the section, and
/// its release orders it.
/// </summary>
public sealed class BitlockReleaseCheck : TreeCheck<BitlockFacts>
{
    public override CheckDescriptor Descriptor => CheckDescriptors.BitlockRelease;

    public override bool NeedsPrograms => true;

    protected override BitlockFacts? CollectFacts(FileContext file)
    {
        var sink = new List<BitRelease>();
        var functions = new List<BitFunction>();
        var bodies = new List<SyntaxNode>();
        bool holdsBits = false;
        var callbacks = SerialisedCallbacks(file.Tree.Root);
        foreach (string handler in IrqHandlers(file.Tree.Root))
        {
            callbacks[handler] = callbacks.GetValueOrDefault(handler) | BitSerialisers.IrqHandler;
        }

        var (probes, referenced) = ReferencedFunctions(file);
        var callPool = new BitCallPool();
        foreach (var function in file.Functions)
        {
            int firstRelease = sink.Count;
            var lockBits = new List<string>();
            var storedBeforeTake = new List<string>();
            var setBits = new List<string>();
            var clearBits = new List<string>();
            var hints = new List<string>();
            AnalyzeFunction(file, function, sink, lockBits, storedBeforeTake, setBits, clearBits, hints);
            var takes = new List<(string, BitSerialisers)>();
            var calls = new List<(string, BitSerialisers)>();
            var rtnlAt = new HashSet<int>();
            foreach (var (call, held) in CallsWithSerialisers(file, function))
            {
                if (SyntaxHelpers.CalleeName(call) is not { } name)
                {
                    continue;
                }

                if ((held & BitSerialisers.Rtnl) != 0)
                {
                    rtnlAt.Add(call.Span.Start);
                }

                if (file.Primitives.FindBitOperation(name) is { Role: BitOperationRole.TestAndSet } && SyntaxHelpers.Argument(call, 0) is not null)
                {
                    takes.Add((BitName(file, call), held | (RtnlTakenNext(call) ? BitSerialisers.RtnlNext : BitSerialisers.None)));
                }
                else if (!file.Primitives.IsPrimitive(name) && !calls.Contains((name, held)))
                {
                    // Whether every caller holds rtnl needs each caller once per answer, not each
                    // call; the primitives of the tables take no driver's bits.
                    calls.Add((file.Name(name), held));
                }
            }

            string functionName = FunctionCensus.NameOf(function);
            for (int i = firstRelease; i < sink.Count; i++)
            {
                sink[i] = sink[i] with { Function = file.Name(functionName), Path = file.Path, RtnlAtClear = rtnlAt.Contains(sink[i].Finding.Location.Span.Start) };
            }

            if (takes.Count > 0 || calls.Count > 0 || setBits.Count > 0 || clearBits.Count > 0 || hints.Count > 0)
            {
                functions.Add(new BitFunction(file.Name(functionName), file.Path, SleepInAtomicCheck.IsStatic(function), callbacks.GetValueOrDefault(functionName), takes.ToArray(), callPool.Add(calls), LockBits: lockBits.Count > 0 ? lockBits.ToArray() : null,
                    StoredBeforeTake: storedBeforeTake.Count > 0 ? storedBeforeTake.Select(file.Name).ToArray() : null,
                    SetBits: setBits.Count > 0 ? setBits.ToArray() : null,
                    ClearBits: clearBits.Count > 0 ? clearBits.Distinct().ToArray() : null,
                    Hints: hints.Count > 0 ? hints.Distinct().Select(file.Name).ToArray() : null,
                    SetsUp: probes.Contains(functionName) || ExemptContexts.IsBootCode(function),
                    AddressTaken: referenced.Contains(functionName)));
                bodies.Add(function);
            }

            holdsBits |= takes.Count > 0 || sink.Count > firstRelease || ClearsABit(file, function);
        }

        callPool.Seal();

        // What the functions of a file that takes or clears bits name: a taker's section, or a
        // worker's that clears a bit taken elsewhere, may read a field another section stored.
        if (holdsBits)
        {
            for (int i = 0; i < functions.Count; i++)
            {
                functions[i] = functions[i] with { Names = NamesIn(file, bodies[i]) };
            }
        }

        var registered = new List<(string, BitSerialisers)>();
        foreach (var (name, held) in callbacks)
        {
            registered.Add((file.Name(name), held));
        }

        return functions.Count == 0 && sink.Count == 0 && registered.Count == 0
            ? null
            : new BitlockFacts(file.Path, functions, sink, registered);
    }

    /// <summary>Whether a function clears a bit with a plain or unlocking clear.</summary>
    private static bool ClearsABit(FileContext file, SyntaxNode function)
    {
        foreach (var call in SyntaxHelpers.Calls(function.AsFunctionDefinition().Body))
        {
            if (SyntaxHelpers.CalleeName(call) is { } name && file.Primitives.FindBitOperation(name) is { Role: BitOperationRole.Clear })
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The functions of a file registered as a driver's <c>probe</c> (a designated initializer
    /// <c>.probe = f</c>, whatever the driver structure), and those whose name the file uses other
    /// than as a callee (its address handed on: an operations table, a handler, a work function, an export).
    /// </summary>
    private static (HashSet<string> Probes, HashSet<string> Referenced) ReferencedFunctions(FileContext file)
    {
        var defined = new HashSet<string>(StringComparer.Ordinal);
        foreach (var function in file.Functions)
        {
            defined.Add(FunctionCensus.NameOf(function));
        }

        var probes = new HashSet<string>(StringComparer.Ordinal);
        var referenced = new HashSet<string>(StringComparer.Ordinal);
        foreach (var node in file.Tree.Root.DescendantNodesAndSelf())
        {
            if (node.Kind != SyntaxKind.IdentifierName || !defined.Contains(node.AsIdentifierName().Identifier.Text))
            {
                continue;
            }

            var use = node;
            while (use.Parent is { Kind: SyntaxKind.ParenthesizedExpression } parent)
            {
                use = parent;
            }

            if (use.Parent is { Kind: SyntaxKind.CallExpression } call && call.AsCallExpression().Function.Span == use.Span)
            {
                continue;
            }

            string name = node.AsIdentifierName().Identifier.Text;
            referenced.Add(name);
            if (use.Parent is { Kind: SyntaxKind.DesignatedInitializer } initializer
                && SyntaxHelpers.Text(initializer.AsDesignatedInitializer().DesignatorList).TrimStart('.').Trim() == "probe")
            {
                probes.Add(name);
            }
        }

        return (probes, referenced);
    }

    /// <summary>The member names and identifiers a function's body names, each once.</summary>
    private static string[] NamesIn(FileContext file, SyntaxNode function)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var node in function.AsFunctionDefinition().Body.DescendantNodesAndSelf())
        {
            switch (node.Kind)
            {
                case SyntaxKind.MemberAccess:
                    names.Add(file.Name(node.AsMemberAccess().Name.Text));
                    break;
                case SyntaxKind.IdentifierName:
                    names.Add(file.Name(node.AsIdentifierName().Identifier.Text));
                    break;
            }
        }

        return [.. names];
    }

    protected override void Analyze(IReadOnlyList<BitlockFacts> facts, TreeContext tree, FindingSink sink)
    {
        var programs = tree.Programs;
        facts = [.. facts.Select(f => Qualified(f, programs))];
        var functions = facts.SelectMany(f => f.Functions).ToList();
        var index = new FunctionIndex<BitFunction>(functions, f => f.Name, f => f.Path, f => f.IsStatic);
        var callers = new Dictionary<BitFunction, List<(BitFunction Caller, BitSerialisers Held)>>(ReferenceEqualityComparer.Instance);
        foreach (var function in functions)
        {
            foreach (var (callee, held) in function.Calls)
            {
                foreach (var target in index.Resolve(callee, function.Path))
                {
                    if (!callers.TryGetValue(target, out var list))
                    {
                        callers[target] = list = [];
                    }

                    list.Add((function, held));
                }
            }
        }

        // inherited[f]: the serialising locks held at every known call of f (and those of a
        // callback f is). Starting from the callbacks' and growing, recursion inherits nothing.
        var inherited = new Dictionary<BitFunction, BitSerialisers>(ReferenceEqualityComparer.Instance);
        foreach (var function in functions)
        {
            inherited[function] = function.Callback;
        }

        // A callback registered in one file (the driver's pci_driver in main.c) and defined in
        // another of the same program (its sriov_configure in sriov.c).
        foreach (var file in facts)
        {
            if (file.Callbacks.Count == 0)
            {
                continue;
            }

            foreach (var (name, held) in file.Callbacks)
            {
                foreach (var target in index.Resolve(name, file.Path))
                {
                    inherited[target] |= held;
                }
            }
        }

        bool changed = true;
        while (changed)
        {
            changed = false;
            foreach (var function in functions)
            {
                if (!callers.TryGetValue(function, out var list))
                {
                    continue;
                }

                var common = BitSerialisers.Rtnl | BitSerialisers.DeviceLock;
                foreach (var (caller, held) in list)
                {
                    common &= held | inherited[caller];
                }

                var now = inherited[function] | common;
                if (now != inherited[function])
                {
                    inherited[function] = now;
                    changed = true;
                }
            }
        }

        // A bit is serialised when one lock is held at every test_and_set of it in the tree.
        // orderedByRtnl: every taker holds rtnl, or takes it right after the bit, before it
        // touches anything: a section that ends under rtnl is ordered for them by its rtnl_unlock().
        var serialisedBy = new Dictionary<string, BitSerialisers>(StringComparer.Ordinal);
        var orderedByRtnl = new Dictionary<string, bool>(StringComparer.Ordinal);
        var notOrderedByRtnl = new Dictionary<string, List<BitFunction>>(StringComparer.Ordinal);
        var byName = new Dictionary<(string, string), BitFunction>();
        foreach (var function in functions)
        {
            byName[(function.Name, function.Path)] = function;
            foreach (var (bit, held) in function.Takes)
            {
                var here = (held | inherited[function]) & (BitSerialisers.Rtnl | BitSerialisers.DeviceLock);
                serialisedBy[bit] = serialisedBy.TryGetValue(bit, out var before) ? before & here : here;
                bool ordered = (here & BitSerialisers.Rtnl) != 0 || (held & BitSerialisers.RtnlNext) != 0;
                orderedByRtnl[bit] = ordered && orderedByRtnl.GetValueOrDefault(bit, true);
                if (!ordered)
                {
                    if (!notOrderedByRtnl.TryGetValue(bit, out var list))
                    {
                        notOrderedByRtnl[bit] = list = [];
                    }

                    if (!list.Contains(function))
                    {
                        list.Add(function);
                    }
                }
            }
        }

        var programOf = tree.Programs.Of;
        var inIrqHandlerOnly = IrqSerialisedBits(facts, functions, index, callers, programOf);

        // The evidence that a bit is a lock, pooled over each program: a function that spins or
        // waits for it, or takes and releases it itself.
        var locks = new HashSet<(string Program, string Bit)>();
        var states = new HashSet<(string Program, string Bit)>();
        foreach (var function in functions)
        {
            foreach (string bit in function.LockBits ?? [])
            {
                locks.Add((programOf(function.Path), bit));
            }

            foreach (string bit in function.SetBits ?? [])
            {
                states.Add((programOf(function.Path), bit));
            }
        }

        // The bits each program claims with a test-and-set: a function that clears several of one
        // word on the way through, without taking them, resets the word's claims.
        var claimed = new HashSet<(string Program, string Bit)>();
        foreach (var function in functions)
        {
            foreach (var (bit, _) in function.Takes)
            {
                claimed.Add((programOf(function.Path), bit));
            }
        }

        // The fields a bit does not guard, per program: a taker stores them before it takes the bit.
        var unguarded = new Dictionary<(string Program, string Bit), HashSet<string>>();
        foreach (var function in functions)
        {
            if (function.StoredBeforeTake is not { } stored)
            {
                continue;
            }

            foreach (var (bit, _) in function.Takes)
            {
                var key = (programOf(function.Path), bit);
                if (!unguarded.TryGetValue(key, out var fields))
                {
                    unguarded[key] = fields = new HashSet<string>(StringComparer.Ordinal);
                }

                fields.UnionWith(stored);
            }
        }

        // The idempotent stores each program makes, and the functions that make them: by the whole
        // store (its object's struct type, or its text when the type is not known), and by the
        // field, operator and right side for the text fallback (HintMatches).
        // Only the stores some release's section ends in are looked up: on a whole tree, most
        // functions make idempotent stores to objects whose bits no section releases.
        var wanted = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in facts)
        {
            foreach (var release in file.Releases)
            {
                foreach (string hint in release.StoredHints ?? [])
                {
                    wanted.Add(hint);
                    wanted.Add(FieldPart(hint));
                }
            }
        }

        var hintMakers = new Dictionary<(string Program, string Hint), List<BitFunction>>();
        foreach (var function in functions)
        {
            foreach (string hint in function.Hints ?? [])
            {
                if (!wanted.Contains(hint) && !wanted.Contains(FieldPart(hint)))
                {
                    continue;
                }

                string program = programOf(function.Path);
                AddMaker(hintMakers, (program, hint), function);
                AddMaker(hintMakers, (program, FieldPart(hint)), function);
                if (!IsTyped(hint))
                {
                    AddMaker(hintMakers, (program, "?" + FieldPart(hint)), function);
                }
            }
        }

        foreach (var file in facts)
        {
            foreach (var release in file.Releases)
            {
                var program = programOf(file.Path);
                if (inIrqHandlerOnly.Contains(release.Bit) || (release.TakenElsewhere && (!locks.Contains((program, release.Bit)) || states.Contains((program, release.Bit))))
                    || (release.ClearedWith is { } with && with.All(bit => claimed.Contains((program, bit))))
                    || (release.StoredFields is { Count: > 0 } written && unguarded.TryGetValue((program, release.Bit), out var free) && written.All(free.Contains))
                    || (release.StoredHints is { Count: > 0 } hinted && hinted.All(hint => MadeWithoutBit(hintMakers, program, hint, release.Bit, callers))))
                {
                    continue;
                }

                bool underRtnl = release.RtnlAtClear
                    || (release.Function is { } name && byName.TryGetValue((name, release.Path!), out var releaser) && (inherited[releaser] & BitSerialisers.Rtnl) != 0);
                if (underRtnl && (orderedByRtnl.GetValueOrDefault(release.Bit)
                    || (release.StoredFields is { } stored && !(notOrderedByRtnl.GetValueOrDefault(release.Bit)?.Exists(t => MayRead(t, stored, index, programs)) ?? false))))
                {
                    continue;
                }

                if (!serialisedBy.TryGetValue(release.Bit, out var by) || by == BitSerialisers.None)
                {
                    sink.Report(release.Finding);
                }
            }
        }
    }

    private static void AddMaker(Dictionary<(string Program, string Hint), List<BitFunction>> makers, (string Program, string Hint) key, BitFunction function)
    {
        if (!makers.TryGetValue(key, out var list))
        {
            makers[key] = list = [];
        }

        if (list.Count == 0 || !ReferenceEquals(list[^1], function))
        {
            list.Add(function);
        }
    }

    /// <summary>Whether an idempotent store's object is named by its struct type (not by its text).</summary>
    private static bool IsTyped(string hint) => hint.StartsWith("struct ", StringComparison.Ordinal);

    /// <summary>An idempotent store without its object: <c>flags |= NEED_LINK_UPDATE</c>.</summary>
    private static string FieldPart(string hint) => hint[(hint.IndexOf("::", StringComparison.Ordinal) + 2)..];

    /// <summary>
    /// Whether the program makes a section's idempotent store also on a path without the bit. The
    /// same store is one of the same struct type's field, operator and right side; when the type of
    /// either object is not known (a pointer from a macro or a call, a type the file does not
    /// declare), the field, operator and right side alone (the text fallback).
    /// </summary>
    private static bool MadeWithoutBit(Dictionary<(string Program, string Hint), List<BitFunction>> hintMakers, string program, string hint, string bit, Dictionary<BitFunction, List<(BitFunction Caller, BitSerialisers Held)>> callers)
    {
        string key = IsTyped(hint) ? hint : FieldPart(hint);
        if (hintMakers.TryGetValue((program, key), out var makers) && makers.Exists(maker => RunsWithoutBit(maker, bit, callers)))
        {
            return true;
        }

        return IsTyped(hint) && hintMakers.TryGetValue((program, "?" + FieldPart(hint)), out var untyped) && untyped.Exists(maker => RunsWithoutBit(maker, bit, callers));
    }

    /// <summary>
    /// Whether a function runs on some path that does not hold a bit while the bit's objects are
    /// shared: neither it nor the callers on that path take or clear the bit or set objects up
    /// (<see cref="BitFunction.SetsUp"/>: boot code, a probe), up to an entry point — a function
    /// nobody in the program is known to call (a callback, an interrupt handler, an exported
    /// function), or one whose address its file hands on, which whoever holds the pointer may call
    /// whatever its direct callers hold.
    /// </summary>
    private static bool RunsWithoutBit(BitFunction function, string bit, Dictionary<BitFunction, List<(BitFunction Caller, BitSerialisers Held)>> callers)
    {
        static bool Holds(BitFunction f, string bit) => f.SetsUp || f.Takes.Any(t => t.Bit == bit) || (f.ClearBits?.Contains(bit) ?? false);
        var seen = new HashSet<BitFunction>(ReferenceEqualityComparer.Instance) { function };
        var pending = new Stack<BitFunction>();
        pending.Push(function);
        while (pending.Count > 0)
        {
            var current = pending.Pop();
            if (Holds(current, bit))
            {
                continue;
            }

            if (current.AddressTaken || !callers.TryGetValue(current, out var list) || list.Count == 0)
            {
                return true;
            }

            foreach (var (caller, _) in list)
            {
                if (seen.Add(caller))
                {
                    pending.Push(caller);
                }
            }
        }

        return false;
    }

    /// <summary>
    /// The idempotent form of an assignment, or null: a store to a field of shared memory
    /// (<c>owner-&gt;f</c>, <c>owner.f</c> of no local) with <c>=</c>, <c>|=</c> or <c>&amp;=</c> of a
    /// right side made of literals, constants and globals (no local or parameter, no field or
    /// element, no call but of an upper-case macro such as <c>BIT(3)</c>), written as the owner's
    /// struct type (its text when the type is not known), the field, the operator and the right
    /// side's tokens: <c>struct adapter.flags |= NEED_LINK_UPDATE</c>. Whoever makes such a store
    /// leaves the same value, bit or fresh timestamp behind: a request or a hint, not the result of
    /// a section.
    /// </summary>
    internal static string? HintOf(SyntaxNode assignment, HashSet<string> locals, Func<FunctionTypes> types) =>
        HintParts(assignment, locals, types) is { } store ? store.Owner + "::" + store.Store : null;

    /// <summary><see cref="HintOf"/> in two parts: the object (<c>struct adapter</c>, or its text) and the rest (<c>flags |= NEED_LINK_UPDATE</c>).</summary>
    private static (string Owner, string Store)? HintParts(SyntaxNode assignment, HashSet<string> locals, Func<FunctionTypes> types)
    {
        var node = assignment.AsAssignmentExpression();
        string? op = node.Operator.Kind switch
        {
            SyntaxKind.EqualsToken => "=",
            SyntaxKind.BarEqualsToken => "|=",
            SyntaxKind.AmpersandEqualsToken => "&=",
            _ => null,
        };
        if (op is null || SyntaxHelpers.StripParentheses(node.Left) is not { Kind: SyntaxKind.MemberAccess } target
            || !WritesMemory(target, locals) || !IsConstantValue(node.Right, locals))
        {
            return null;
        }

        var member = target.AsMemberAccess();
        return (OwnerOf(member.Expression, types), $"{member.Name.Text} {op} {SyntaxHelpers.Key(node.Right)}");
    }

    /// <summary>An object as idempotent stores name it: <c>struct adapter</c> by its type, its text when the type is not known.</summary>
    private static string OwnerOf(SyntaxNode expression, Func<FunctionTypes> types) =>
        types().TypeOf(expression) is { } type ? "struct " + type.Tag : SyntaxHelpers.Key(expression);

    /// <summary>Whether an expression reads nothing of its function or of an object: literals, constants, globals, upper-case macros.</summary>
    private static bool IsConstantValue(SyntaxNode expression, HashSet<string> locals)
    {
        foreach (var node in expression.DescendantNodesAndSelf())
        {
            switch (node.Kind)
            {
                case SyntaxKind.IdentifierName when locals.Contains(node.AsIdentifierName().Identifier.Text):
                case SyntaxKind.MemberAccess or SyntaxKind.ElementAccess or SyntaxKind.AssignmentExpression or SyntaxKind.PostfixUnary:
                case SyntaxKind.CallExpression when SyntaxHelpers.CalleeName(node) is not { } callee || !SyntaxHelpers.IsUpperCaseName(callee):
                case SyntaxKind.PrefixUnary when node.AsPrefixUnary().Operator.Kind is SyntaxKind.AsteriskToken or SyntaxKind.PlusPlusToken or SyntaxKind.MinusMinusToken:
                    return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Whether a taker of a bit may read one of the fields a section stored: its body or that of
    /// a function of its program it calls (transitively) names one. Functions of other programs
    /// do not know the driver's fields; a function of the program whose names are not known (its
    /// file takes no bit) may read anything.
    /// </summary>
    private static bool MayRead(BitFunction taker, IReadOnlyList<string> fields, FunctionIndex<BitFunction> index, Programs programs)
    {
        var seen = new HashSet<BitFunction>(ReferenceEqualityComparer.Instance) { taker };
        var pending = new Stack<BitFunction>();
        pending.Push(taker);
        while (pending.Count > 0)
        {
            var function = pending.Pop();
            if (function.Names is not { } names)
            {
                return true;
            }

            foreach (string field in fields)
            {
                if (names.Contains(field))
                {
                    return true;
                }
            }

            foreach (var (callee, _) in function.Calls)
            {
                foreach (var target in index.Resolve(callee, function.Path))
                {
                    if (programs.Same(target.Path, taker.Path) && seen.Add(target))
                    {
                        pending.Push(target);
                    }
                }
            }
        }

        return false;
    }

    /// <summary>
    /// The bits every taker of which runs only in hard-irq handlers, at most one handler per program
    /// reaching them: a handler of one line never runs twice at once (the irq core marks the
    /// line in progress under its descriptor lock, and the release of that lock after the handler
    /// orders the handler's stores for its next run, on any CPU), so such a bit guards against
    /// re-entry on one CPU, where program order suffices, and is no lock between CPUs. A function
    /// runs only in handlers when it is a registered handler or called only from such functions,
    /// and every known call of a handler is from one. Two handlers of one file (a driver's two lines,
    /// which may run at once on two CPUs) reaching the bit keep its findings.
    /// </summary>
    private static HashSet<string> IrqSerialisedBits(IReadOnlyList<BitlockFacts> facts, List<BitFunction> functions, FunctionIndex<BitFunction> index, Dictionary<BitFunction, List<(BitFunction Caller, BitSerialisers Held)>> callers, Func<string, string> programOf)
    {
        var handlers = new HashSet<BitFunction>(ReferenceEqualityComparer.Instance);
        foreach (var function in functions)
        {
            if ((function.Callback & BitSerialisers.IrqHandler) != 0)
            {
                handlers.Add(function);
            }
        }

        foreach (var file in facts)
        {
            foreach (var (name, held) in file.Callbacks)
            {
                if ((held & BitSerialisers.IrqHandler) != 0)
                {
                    handlers.UnionWith(index.Resolve(name, file.Path));
                }
            }
        }

        var bits = new HashSet<string>(StringComparer.Ordinal);
        if (handlers.Count == 0)
        {
            return bits;
        }

        // Least fixed point: a function is irq-only once it has a reason to be and every caller is.
        var irqOnly = new HashSet<BitFunction>(ReferenceEqualityComparer.Instance);
        bool changed = true;
        while (changed)
        {
            changed = false;
            foreach (var function in functions)
            {
                if (irqOnly.Contains(function))
                {
                    continue;
                }

                var list = callers.GetValueOrDefault(function);
                bool everyCaller = list is null || list.TrueForAll(c => irqOnly.Contains(c.Caller));
                if (everyCaller && (handlers.Contains(function) || list is { Count: > 0 }))
                {
                    irqOnly.Add(function);
                    changed = true;
                }
            }
        }

        var takers = new Dictionary<string, List<BitFunction>>(StringComparer.Ordinal);
        foreach (var function in functions)
        {
            foreach (var (bit, _) in function.Takes)
            {
                if (!takers.TryGetValue(bit, out var list))
                {
                    takers[bit] = list = [];
                }

                if (!list.Contains(function))
                {
                    list.Add(function);
                }
            }
        }

        foreach (var (bit, list) in takers)
        {
            if (!list.TrueForAll(irqOnly.Contains))
            {
                continue;
            }

            // The handlers the takers are reached from, by walking up the callers.
            var roots = new HashSet<BitFunction>(ReferenceEqualityComparer.Instance);
            var seen = new HashSet<BitFunction>(list, ReferenceEqualityComparer.Instance);
            var pending = new Stack<BitFunction>(list);
            while (pending.Count > 0)
            {
                var function = pending.Pop();
                if (handlers.Contains(function))
                {
                    roots.Add(function);
                }

                foreach (var (caller, _) in callers.GetValueOrDefault(function) ?? [])
                {
                    if (seen.Add(caller))
                    {
                        pending.Push(caller);
                    }
                }
            }

            if (roots.Select(r => programOf(r.Path)).Distinct(StringComparer.Ordinal).Count() == roots.Count)
            {
                bits.Add(bit);
            }
        }

        return bits;
    }

    /// <summary>
    /// The functions a file registers as hard-irq handlers of one line: the handler argument of
    /// <c>request_irq()</c>, <c>devm_request_irq()</c> and their <c>any_context</c> forms, and a
    /// member named <c>irq_func</c> (a parport device's, which the port's interrupt handler calls,
    /// or a saa7146 extension's), set in an initializer or by assignment. A registration inside a loop, a function registered for two
    /// lines written differently (one handler for several lines, which may run at once) and a
    /// threaded handler (its thread runs beside the next hard-irq run) do not count.
    /// </summary>
    internal static HashSet<string> IrqHandlers(SyntaxNode root)
    {
        // The line each handler is registered for, as written; null once it has two.
        var lines = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var node in root.DescendantNodesAndSelf())
        {
            SyntaxNode? handler = null;
            string line = "irq_func";
            switch (node.Kind)
            {
                case SyntaxKind.CallExpression:
                    int at = SyntaxHelpers.CalleeName(node) switch
                    {
                        "request_irq" or "request_any_context_irq" => 0,
                        "devm_request_irq" or "devm_request_any_context_irq" => 1,
                        _ => -1,
                    };
                    if (at >= 0 && !InLoop(node) && SyntaxHelpers.Argument(node, at) is { } irq)
                    {
                        handler = SyntaxHelpers.Argument(node, at + 1);
                        line = SyntaxHelpers.Key(irq);
                    }

                    break;
                case SyntaxKind.DesignatedInitializer:
                    var designated = node.AsDesignatedInitializer();
                    if (SyntaxHelpers.Text(designated.DesignatorList).TrimStart('.').Trim() == "irq_func" && !InLoop(node))
                    {
                        handler = designated.Value;
                    }

                    break;
                case SyntaxKind.AssignmentExpression:
                    var assignment = node.AsAssignmentExpression();
                    if (SyntaxHelpers.StripParentheses(assignment.Left) is { Kind: SyntaxKind.MemberAccess } member
                        && member.AsMemberAccess().Name.Text == "irq_func" && !InLoop(node))
                    {
                        handler = assignment.Right;
                    }

                    break;
            }

            if (handler is { } value && SyntaxHelpers.StripParenthesesAndCasts(value) is { Kind: SyntaxKind.IdentifierName } name)
            {
                string text = name.AsIdentifierName().Identifier.Text;
                lines[text] = lines.TryGetValue(text, out string? before) && before != line ? null : line;
            }
        }

        return [.. lines.Where(l => l.Value is not null).Select(l => l.Key)];
    }

    /// <summary>Whether a node lies in a loop of its function.</summary>
    private static bool InLoop(SyntaxNode node)
    {
        for (var ancestor = node.Parent; ancestor is { } a && a.Kind != SyntaxKind.FunctionDefinition; ancestor = a.Parent)
        {
            if (a.Kind is SyntaxKind.WhileStatement or SyntaxKind.DoStatement or SyntaxKind.ForStatement or SyntaxKind.IteratorStatement)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The name in a file's facts of the bit a bit operation works on: a constant bit as written;
    /// a bit given by a variable with the last name of its word as well (<c>idx@used_mask</c>,
    /// <see cref="BitLockEvidence.KeyOf"/>): an <c>idx</c> is a slot of whatever bitmap it indexes,
    /// and a spin on <c>test_and_set_bit(idx, map)</c> says nothing of <c>idx</c> of another word.
    /// Two drivers may name their bits alike (e1000's and e1000e's <c>__E1000_RESETTING</c>): the
    /// analysis of the tree qualifies each with the program of its file (<see cref="Qualified"/>).
    /// </summary>
    private static string BitName(FileContext file, SyntaxNode operation)
    {
        var bit = SyntaxHelpers.Arguments(operation)[0];
        return file.Name(IsConstantBit(bit) ? SyntaxHelpers.Key(bit) : BitLockEvidence.KeyOf(operation) ?? SyntaxHelpers.Key(bit));
    }

    /// <summary>A file's facts with each bit named within the file's program (<c>program:bit</c>).</summary>
    private static BitlockFacts Qualified(BitlockFacts file, Programs programs)
    {
        string program = programs.Of(file.Path) + ":";
        string Name(string bit) => program + bit;
        return file with
        {
            // A function that names no bit is kept as it is: on a whole tree, most are such.
            Functions = [.. file.Functions.Select(f => f.Takes.Count == 0 && f.LockBits is null && f.SetBits is null && f.ClearBits is null ? f : f with
            {
                Takes = [.. f.Takes.Select(t => (Name(t.Bit), t.Held))],
                LockBits = f.LockBits?.Select(Name).ToArray(),
                SetBits = f.SetBits?.Select(Name).ToArray(),
                ClearBits = f.ClearBits?.Select(Name).ToArray(),
            })],
            Releases = [.. file.Releases.Select(r => r with { Bit = Name(r.Bit), ClearedWith = r.ClearedWith?.Select(Name).ToArray() })],
        };
    }

    /// <summary>
    /// Each call of a function and which serialising locks are surely held there. rtnl from the
    /// lock analysis on the function's graph when the run has graphs (rtnl_lock() on every path,
    /// or ASSERT_RTNL() before), else from the text; the device lock from the text
    /// (device_lock() before the call with no device_unlock() between).
    /// </summary>
    private static List<(SyntaxNode Call, BitSerialisers Held)> CallsWithSerialisers(FileContext file, SyntaxNode function)
    {
        var calls = new List<(SyntaxNode, BitSerialisers)>();
        var text = HeldByText(function, "rtnl_lock", "ASSERT_RTNL", "rtnl_unlock");
        var device = HeldByText(function, "device_lock", "device_lock_assert", "device_unlock");
        if (FileLockFacts.Analyze(file, function) is not var (graph, model, result))
        {
            foreach (var call in SyntaxHelpers.Calls(function.AsFunctionDefinition().Body))
            {
                int at = call.Span.Start;
                calls.Add((call, (text(at) ? BitSerialisers.Rtnl : BitSerialisers.None) | (device(at) ? BitSerialisers.DeviceLock : BitSerialisers.None)));
            }

            return calls;
        }

        var asserted = new List<int>();
        foreach (var call in SyntaxHelpers.Calls(function.AsFunctionDefinition().Body))
        {
            if (SyntaxHelpers.CalleeName(call) == "ASSERT_RTNL")
            {
                asserted.Add(call.Span.Start);
            }
        }

        for (int node = 0; node < graph.NodeCount; node++)
        {
            if (!result.IsReached(node))
            {
                continue;
            }

            LockAnalysis.Replay(model, graph, node, result.In(node), (call, state) =>
                calls.Add((call, (state.MustHold(h => h.Class == "rtnl_mutex") || asserted.Exists(at => at < call.Span.Start) ? BitSerialisers.Rtnl : BitSerialisers.None)
                    | (device(call.Span.Start) ? BitSerialisers.DeviceLock : BitSerialisers.None))));
        }

        return calls;
    }

    /// <summary>
    /// Whether the statement right after the one that takes the bit (the <c>if</c> or loop whose
    /// condition holds the test_and_set) is <c>rtnl_lock();</c>: the taker then waits for rtnl
    /// before it touches anything, and a section that ended under rtnl is ordered for it.
    /// </summary>
    private static bool RtnlTakenNext(SyntaxNode call)
    {
        var statement = call;
        while (statement.Parent is { } parent && !(parent.Kind == SyntaxKind.List && parent.Parent is { Kind: SyntaxKind.CompoundStatement }))
        {
            statement = parent;
        }

        if (statement.Parent is not { } block)
        {
            return false;
        }

        bool next = false;
        foreach (var sibling in block.ChildNodes())
        {
            if (next)
            {
                if (sibling.Kind != SyntaxKind.ExpressionStatement)
                {
                    return false;
                }

                foreach (var first in SyntaxHelpers.Calls(sibling))
                {
                    return SyntaxHelpers.CalleeName(first) == "rtnl_lock";
                }

                return false;
            }

            next = sibling.Index == statement.Index;
        }

        return false;
    }

    /// <summary>
    /// Whether a lock is held at a position of a function, read from its text: after its lock
    /// call or assertion with no unlock call between.
    /// </summary>
    private static Func<int, bool> HeldByText(SyntaxNode function, string lockName, string assertName, string unlockName)
    {
        var events = new List<(int Position, bool Held)>();
        foreach (var call in SyntaxHelpers.Calls(function.AsFunctionDefinition().Body))
        {
            string? name = SyntaxHelpers.CalleeName(call);
            if (name == lockName || name == assertName)
            {
                events.Add((call.Span.Start, true));
            }
            else if (name == unlockName)
            {
                events.Add((call.Span.Start, false));
            }
        }

        if (events.Count == 0)
        {
            return static _ => false;
        }

        events.Sort((a, b) => a.Position.CompareTo(b.Position));
        return position =>
        {
            bool held = false;
            foreach (var (at, state) in events)
            {
                if (at >= position)
                {
                    break;
                }

                held = state;
            }

            return held;
        };
    }

    /// <summary>
    /// The functions the kernel calls with a serialising lock held. Under rtnl: every
    /// <c>ethtool_ops</c> and <c>dcbnl_rtnl_ops</c> callback, and the <c>net_device_ops</c> callbacks
    /// that run under rtnl (open, stop, MTU, features, MAC address, VLAN filters, traffic classes,
    /// XDP, VF settings). Under the device lock: a bus driver's <c>probe</c>, <c>remove</c> and
    /// <c>shutdown</c> (the driver core's really_probe(), device_release_driver_internal() and
    /// device_shutdown() hold device_lock()) and a PCI driver's <c>sriov_configure</c>
    /// (sriov_numvfs_store() holds it).
    /// </summary>
    internal static Dictionary<string, BitSerialisers> SerialisedCallbacks(SyntaxNode root)
    {
        var names = new Dictionary<string, BitSerialisers>(StringComparer.Ordinal);
        foreach (var node in root.DescendantNodesAndSelf())
        {
            if (node.Kind != SyntaxKind.DesignatedInitializer)
            {
                continue;
            }

            var designated = node.AsDesignatedInitializer();
            if (SyntaxHelpers.StripParentheses(designated.Value) is not { Kind: SyntaxKind.IdentifierName } value)
            {
                continue;
            }

            string field = SyntaxHelpers.Text(designated.DesignatorList).TrimStart('.').Trim();
            string? type = DeclaredStructType(node);
            bool underRtnl = type switch
            {
                "ethtool_ops" or "dcbnl_rtnl_ops" => true,
                "net_device_ops" => field is "ndo_open" or "ndo_stop" or "ndo_change_mtu" or "ndo_set_features" or "ndo_fix_features"
                    or "ndo_set_mac_address" or "ndo_vlan_rx_add_vid" or "ndo_vlan_rx_kill_vid" or "ndo_setup_tc" or "ndo_bpf"
                    or "ndo_eth_ioctl" or "ndo_siocdevprivate" or "ndo_set_vf_mac" or "ndo_set_vf_vlan" or "ndo_set_vf_rate"
                    or "ndo_set_vf_spoofchk" or "ndo_set_vf_trust" or "ndo_set_vf_link_state" or "ndo_get_vf_config"
                    or "ndo_udp_tunnel_add" or "ndo_udp_tunnel_del" or "ndo_bridge_setlink" or "ndo_dfwd_add_station" or "ndo_dfwd_del_station",
                _ => false,
            };
            bool underDeviceLock = type is "pci_driver" or "platform_driver" or "usb_driver" or "i2c_driver" or "spi_driver" or "virtio_driver"
                && (field is "probe" or "remove" or "shutdown" || (type == "pci_driver" && field == "sriov_configure"));
            var held = (underRtnl ? BitSerialisers.Rtnl : BitSerialisers.None) | (underDeviceLock ? BitSerialisers.DeviceLock : BitSerialisers.None);
            if (held != BitSerialisers.None)
            {
                string callback = value.AsIdentifierName().Identifier.Text;
                names[callback] = names.GetValueOrDefault(callback) | held;
            }
        }

        return names;
    }

    /// <summary>The struct tag of the declaration an initializer belongs to (<c>static const struct ethtool_ops x = { ... }</c>).</summary>
    private static string? DeclaredStructType(SyntaxNode initializer)
    {
        for (var node = initializer.Parent; node is { } n; node = n.Parent)
        {
            if (n.Kind != SyntaxKind.Declaration)
            {
                continue;
            }

            bool afterStruct = false;
            foreach (var token in n.DescendantTokens())
            {
                if (token.Kind == SyntaxKind.StructKeyword)
                {
                    afterStruct = true;
                }
                else if (afterStruct)
                {
                    return token.Text;
                }
                else if (token.Kind == SyntaxKind.EqualsToken)
                {
                    return null;
                }
            }

            return null;
        }

        return null;
    }

    /// <summary>
    /// A taken bit lock: the test-and-set call, its bit and address keys, the region where taking
    /// it failed, and the edge of its branch along which the bit is held.
    /// </summary>
    private sealed record Acquisition(SyntaxNode Call, BitOperation Operation, string BitKey, string AddressKey, SyntaxNode? FailedRegion, FlowEdgeKind TakenEdge);

    /// <param name="lockBits">Receives the bits the function shows to be locks (<see cref="BitFunction.LockBits"/>).</param>
    /// <param name="storedBeforeTake">Receives the fields of the bit's object the function stores before its first acquisition (<see cref="BitFunction.StoredBeforeTake"/>).</param>
    /// <param name="setBits">Receives the bits the function sets with a plain set_bit() (<see cref="BitFunction.SetBits"/>).</param>
    /// <param name="clearBits">Receives the bits the function clears (<see cref="BitFunction.ClearBits"/>).</param>
    /// <param name="hints">Receives the idempotent stores the function makes (<see cref="BitFunction.Hints"/>).</param>
    private void AnalyzeFunction(FileContext file, SyntaxNode function, List<BitRelease> sink, List<string> lockBits, List<string> storedBeforeTake, List<string> setBits, List<string> clearBits, List<string> hints)
    {
        var body = function.AsFunctionDefinition().Body;
        HashSet<string>? locals = null;
        FunctionTypes? types = null;
        FunctionTypes Types() => types ??= FileLockFacts.Analyze(file, function)?.Model.Types ?? FunctionTypes.ForFunction(file, function);
        string? Hint(SyntaxNode store) => HintOf(store, locals ??= Locals(function), Types);

        // In a section, an idempotent store counts as one only on the object that holds the bit's
        // word (vsi->flags beside vsi->state): a store to another object of the same type (the
        // command a slot of the bitmap selects) is that object's, whoever else writes its kind.
        Func<SyntaxNode, string?> HintOn(SyntaxNode word) => ObjectOf(word) is { } owner
            ? store => SyntaxHelpers.StripParentheses(store.AsAssignmentExpression().Left) is { Kind: SyntaxKind.MemberAccess } target
                && SyntaxHelpers.Key(SyntaxHelpers.StripParenthesesAndCasts(target.AsMemberAccess().Expression)) == owner ? Hint(store) : null
            : static _ => null;
        // A store to an object the function has just allocated is made before anyone else sees it.
        HashSet<string>? fresh = null;
        foreach (var node in body.DescendantNodesAndSelf())
        {
            if (node.Kind == SyntaxKind.AssignmentExpression && HintParts(node, locals ??= Locals(function), Types) is { } store
                && !(RootName(node.AsAssignmentExpression().Left) is { } root && (fresh ??= Allocated(file, body)).Contains(root)))
            {
                hints.Add(store.Owner + "::" + store.Store);
            }
        }

        var sections = new SectionPaths(file.GetFlowGraph(function));
        var acquisitions = new List<Acquisition>();
        var releases = new List<(Acquisition Taken, SyntaxNode Clear, BitOperation Operation)>();

        // Plain clears no acquisition of this function pairs with, and the bits it sets itself.
        var unpaired = new List<(SyntaxNode Clear, BitOperation Operation, string Bit, string Word)>();
        var sets = new HashSet<string>(StringComparer.Ordinal);
        SyntaxNode? firstTake = null;
        foreach (var call in SyntaxHelpers.Calls(body))
        {
            if (SyntaxHelpers.CalleeName(call) is not { } name || file.Primitives.FindBitOperation(name) is not { } operation)
            {
                continue;
            }

            var arguments = SyntaxHelpers.Arguments(call);
            if (arguments.Count != 2)
            {
                continue;
            }

            string bit = SyntaxHelpers.Key(arguments[0]);
            string address = SyntaxHelpers.Key(SyntaxHelpers.StripParenthesesAndCasts(arguments[1]));
            if (operation.Role == BitOperationRole.TestAndSet)
            {
                firstTake ??= call;
                sets.Add(bit);
                if (TestedAsLock(call, out var failed, out bool takenWhenTrue))
                {
                    acquisitions.Add(new Acquisition(call, operation, bit, address, failed, takenWhenTrue ? FlowEdgeKind.True : FlowEdgeKind.False));
                    if (WaitsFor(call, failed))
                    {
                        lockBits.Add(BitName(file, call));
                    }
                }

                continue;
            }

            if (name is "set_bit" or "__set_bit")
            {
                sets.Add(bit);
                setBits.Add(BitName(file, call));
                continue;
            }

            if (operation.Role == BitOperationRole.Clear)
            {
                clearBits.Add(BitName(file, call));
            }

            if (operation.Role != BitOperationRole.Clear || operation.Ordered || operation.Fix is null)
            {
                continue;
            }

            var taken = acquisitions.FindLast(a => a.BitKey == bit && a.AddressKey == address && !Inside(call, a.FailedRegion) && sections.Reaches(a, call));
            if (taken is null)
            {
                unpaired.Add((call, operation, bit, address));
                continue;
            }

            releases.Add((taken, call, operation));
        }

        foreach (var (taken, clear, _) in releases)
        {
            if (ReleasedOnTheWayThrough(clear, taken.Call))
            {
                lockBits.Add(BitName(file, taken.Call));
            }
        }

        if (firstTake is { } first && SyntaxHelpers.Argument(first, 1) is { } word && ObjectOf(word) is { } owner)
        {
            StoresBefore(body, first.Span.Start, owner, storedBeforeTake);
        }

        // A clear of a bit the function neither takes nor sets, on the way through its body (not
        // under an if, loop or switch: an undo on failure): the release of a lock taken by another
        // function (a completion handler's, an unlock helper's), when the program shows the bit to
        // be a lock. Its section is the code before it on the paths that reach it. A function that
        // clears several constant bits of one word this way, each of them claimed with a
        // test-and-set somewhere in the program, resets that word's claims (a connection or device
        // set up anew): it releases no lock it was handed — decided over the program, from the
        // bits cleared with it. A bit it clears only on some paths, or sets itself, is a flag it
        // keeps beside the lock, not part of a reset; so is a status bit the program never claims
        // (an unlock helper clears it with the lock), and a slot of a bitmap named by a variable
        // (each slot is claimed on its own).
        var throughClears = unpaired.Where(u => !sets.Contains(u.Bit) && ReleasedOnTheWayThrough(u.Clear, body)).ToList();
        foreach (var (clear, operation, bit, clearedWord) in throughClears)
        {
            if (SectionNeedsRelease(file.Primitives, function, locals ??= Locals(function), body, body.Span.Start, null, sections.Before(clear), clear, RootName(SyntaxHelpers.Arguments(clear)[1]), HintOn(SyntaxHelpers.Arguments(clear)[1]), out var stored, out var storedHints))
            {
                var with = IsConstantBit(SyntaxHelpers.Arguments(clear)[0])
                    ? throughClears.Where(u => u.Word == clearedWord && u.Bit != bit && IsConstantBit(SyntaxHelpers.Arguments(u.Clear)[0])).Select(u => BitName(file, u.Clear)).Distinct().ToArray()
                    : [];
                ReportTakenElsewhere(file, sink, clear, operation, stored, with, storedHints);
            }
        }

        // A bit cleared only on some paths after it was set (if (err) clear_bit(...)) is a state
        // flag undone on failure, not a lock: a lock is released on the way through too.
        foreach (var (taken, clear, operation) in releases)
        {
            if (releases.Any(r => r.Taken == taken && ReleasedOnTheWayThrough(r.Clear, taken.Call))
                && SectionNeedsRelease(file.Primitives, function, locals ??= Locals(function), taken.Call, taken.Call.Span.End, taken.FailedRegion, sections.Between(taken, clear), clear,
                    SyntaxHelpers.Argument(taken.Call, 1) is { } address ? RootName(address) : null, HintOn(SyntaxHelpers.Arguments(clear)[1]), out var stored, out var storedHints))
            {
                Report(file, sink, taken, clear, operation, stored, storedHints);
            }
        }
    }

    /// <summary>
    /// Whether no if, loop or switch decides whether the clear runs, between it and the statement
    /// that holds the acquisition too (a block, or the if whose test took the bit).
    /// </summary>
    private static bool ReleasedOnTheWayThrough(SyntaxNode clear, SyntaxNode acquisition)
    {
        for (var node = clear.Parent; node is { } n; node = n.Parent)
        {
            if (n.Span.Contains(acquisition.Span))
            {
                // The common ancestor: a block holding both, or the if whose test took the bit.
                return true;
            }

            switch (n.Kind)
            {
                case SyntaxKind.IfStatement or SyntaxKind.WhileStatement or SyntaxKind.DoStatement or SyntaxKind.ForStatement
                    or SyntaxKind.SwitchStatement or SyntaxKind.IteratorStatement or SyntaxKind.CaseStatement or SyntaxKind.DefaultStatement
                    or SyntaxKind.ConditionalExpression or SyntaxKind.FunctionDefinition:
                    return false;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether the call's result decides an if, a while or a do-while (possibly under !, likely
    /// or unlikely), and which statement runs when taking the bit failed: the then-branch of
    /// <c>if (test_and_set_bit(...))</c>, the else-branch of <c>if (!test_and_set_bit(...))</c>, the
    /// body of <c>while (test_and_set_bit(...))</c>.
    /// </summary>
    internal static bool TestedAsLock(SyntaxNode call, out SyntaxNode? failedRegion) => TestedAsLock(call, out failedRegion, out _);

    /// <inheritdoc cref="TestedAsLock(SyntaxNode, out SyntaxNode?)"/>
    /// <param name="takenWhenTrue">Whether the bit is held along the branch's true edge (<c>if (!test_and_set_bit(...))</c>), not its false edge.</param>
    internal static bool TestedAsLock(SyntaxNode call, out SyntaxNode? failedRegion, out bool takenWhenTrue)
    {
        failedRegion = null;
        takenWhenTrue = false;
        bool negated = false;
        var node = call;
        while (node.Parent is { } parent)
        {
            if (parent.Kind == SyntaxKind.ParenthesizedExpression)
            {
                node = parent;
                continue;
            }

            if (parent.Kind == SyntaxKind.PrefixUnary && parent.AsPrefixUnary().Operator.Kind == SyntaxKind.ExclamationToken)
            {
                negated = !negated;
                node = parent;
                continue;
            }

            // likely(x) / unlikely(x): the argument list sits between the call and its argument.
            if (parent.Kind == SyntaxKind.SeparatedList && parent.Parent is { Kind: SyntaxKind.CallExpression } wrapper
                && SyntaxHelpers.CalleeName(wrapper) is "likely" or "unlikely")
            {
                node = wrapper;
                continue;
            }

            // wait_event(wq, !test_and_set_bit(...)): the macro returns once the bit is taken. The
            // interruptible and killable forms return 0 when taken and an error when a signal came
            // first: their result decides as test_and_set_bit's own would.
            if (parent.Kind == SyntaxKind.SeparatedList && parent.Parent is { Kind: SyntaxKind.CallExpression } wait
                && SyntaxHelpers.Argument(wait, 1) is { } condition && condition == node && negated)
            {
                switch (SyntaxHelpers.CalleeName(wait))
                {
                    case "wait_event" or "wait_event_idle" or "wait_event_idle_exclusive":
                        return wait.Parent is { Kind: SyntaxKind.ExpressionStatement };
                    case "wait_event_interruptible" or "wait_event_killable" or "wait_event_interruptible_exclusive" or "wait_event_killable_exclusive"
                        or "wait_event_freezable" or "wait_event_freezable_exclusive":
                        negated = false;
                        node = wait;
                        continue;
                }
            }

            switch (parent.Kind)
            {
                case SyntaxKind.IfStatement:
                    var ifStatement = parent.AsIfStatement();
                    if (ifStatement.Condition != node)
                    {
                        return false;
                    }

                    failedRegion = negated ? ifStatement.Else : ifStatement.Statement;
                    takenWhenTrue = negated;
                    return true;
                case SyntaxKind.WhileStatement:
                    var whileStatement = parent.AsWhileStatement();
                    if (whileStatement.Condition != node || negated)
                    {
                        return false;
                    }

                    failedRegion = whileStatement.Statement;
                    return true;
                case SyntaxKind.DoStatement:
                    var doStatement = parent.AsDoStatement();
                    if (doStatement.Condition != node || negated)
                    {
                        return false;
                    }

                    failedRegion = doStatement.Statement;
                    return true;
                default:
                    return false;
            }
        }

        return false;
    }

    private static bool Inside(SyntaxNode node, SyntaxNode? region) => region is { } r && r.Span.Contains(node.Span);

    /// <summary>
    /// Whether the section between taking the bit and a plain clear ends with a store the clear
    /// must order: a plain store to memory (a field, an element, a global, through a pointer,
    /// WRITE_ONCE, memset) with no call after it that may order it. Any call bitops.txt does not
    /// list as plain or store may: an MMIO write ends with a barrier, a lock's release orders what
    /// came before it, printk takes locks, and a sleep or a fully ordered test-and-set is a full
    /// barrier. The section is read as text, from the acquisition to the clear, without the branch
    /// where taking the bit failed and without code that cannot run on the way to this clear (the
    /// other branch of an if, a branch that returns): a store counts at the end of its expression,
    /// a call that may order at its start (the call on the right of an assignment runs before the
    /// store). Not counted as stores: atomic bit operations and atomics on other words (flags
    /// meant to be read without the lock), and stores through another parameter than the one the
    /// bit lives in (an output buffer of the caller, <c>ivi-&gt;spoofchk</c>), which the bit's other
    /// takers are not known to read.
    /// </summary>
    /// <param name="anchor">Where the section starts: the acquisition, or the body when the bit was taken by another function.</param>
    /// <param name="start">The first position of the section.</param>
    /// <param name="failedRegion">The branch where taking the bit failed, if any.</param>
    /// <param name="onPath">Whether a piece of syntax runs on some path of the section.</param>
    /// <param name="bitRoot">The variable the bit's word is reached from.</param>
    /// <param name="hintOf">The idempotent form of an assignment, or null (<see cref="HintOf"/>).</param>
    private static bool SectionNeedsRelease(PrimitiveTables primitives, SyntaxNode function, HashSet<string> locals, SyntaxNode anchor, int start, SyntaxNode? failedRegion, Func<SyntaxNode, bool> onPath, SyntaxNode clear, string? bitRoot, Func<SyntaxNode, string?> hintOf, out IReadOnlyList<string>? storedFields, out IReadOnlyList<string>? storedHints)
    {
        var stores = new List<(int End, string? Field, string? Hint)>();
        int end = clear.Span.Start;
        int lastStore = -1;
        int lastOrdering = -1;
        var parameters = Parameters(function);
        foreach (var node in function.AsFunctionDefinition().Body.DescendantNodesAndSelf())
        {
            if (node.Span.Start < start || node.Span.End > end || Inside(node, failedRegion)
                || (node.Kind is SyntaxKind.CallExpression or SyntaxKind.AssignmentExpression or SyntaxKind.PostfixUnary or SyntaxKind.PrefixUnary && !onPath(node)))
            {
                continue;
            }

            SyntaxNode? target = StoredTarget(node);
            if (node.Kind == SyntaxKind.CallExpression)
            {
                if (SyntaxHelpers.CalleeName(node) is not { } name || primitives.FindBitOperation(name) is not { } operation)
                {
                    if (!OffPath(node, clear, anchor))
                    {
                        lastOrdering = Math.Max(lastOrdering, node.Span.Start);
                    }

                    continue;
                }

                switch (operation.Role)
                {
                    case BitOperationRole.Barrier:
                    case BitOperationRole.TestAndSet when !operation.Ordered:
                    case BitOperationRole.Clear when operation.Ordered:
                        if (!OffPath(node, clear, anchor))
                        {
                            lastOrdering = Math.Max(lastOrdering, node.Span.Start);
                        }

                        break;
                    case BitOperationRole.Store when SyntaxHelpers.Argument(node, 0) is { } stored && Counts(stored, parameters, bitRoot) && !OffPath(node, clear, anchor):
                        lastStore = Math.Max(lastStore, node.Span.End);
                        stores.Add((node.Span.End, FieldOf(stored), null));
                        break;
                }
            }
            else if (target is { } written && WritesMemory(written, locals) && Counts(written, parameters, bitRoot) && !OffPath(node, clear, anchor))
            {
                lastStore = Math.Max(lastStore, node.Span.End);
                stores.Add((node.Span.End, FieldOf(written), node.Kind == SyntaxKind.AssignmentExpression ? hintOf(node) : null));
            }
        }

        var fields = new List<string>();
        var hints = new List<string>();
        foreach (var (at, field, hint) in stores)
        {
            if (at <= lastOrdering)
            {
                continue;
            }

            if (hint is null)
            {
                hints = null;
            }
            else if (hints is not null && !hints.Contains(hint))
            {
                hints.Add(hint);
            }

            if (field is null)
            {
                fields = null;
            }
            else if (fields is not null && !fields.Contains(field))
            {
                fields.Add(field);
            }
        }

        storedFields = fields;
        storedHints = hints;
        return lastStore > lastOrdering;
    }

    /// <summary>
    /// The field a store writes (<c>tx_ring_size</c> of <c>adapter-&gt;tx_ring_size</c>, of
    /// <c>&amp;a-&gt;b.count</c>, of <c>a-&gt;ring[i]</c>) or the global it names; null for a store
    /// through a plain pointer or element (<c>*p</c>, <c>buf[i]</c>).
    /// </summary>
    private static string? FieldOf(SyntaxNode target)
    {
        var node = SyntaxHelpers.StripParenthesesAndCasts(target);
        while (true)
        {
            switch (node.Kind)
            {
                case SyntaxKind.MemberAccess:
                    return node.AsMemberAccess().Name.Text;
                case SyntaxKind.IdentifierName:
                    return node.AsIdentifierName().Identifier.Text;
                case SyntaxKind.ElementAccess:
                    node = SyntaxHelpers.StripParenthesesAndCasts(node.AsElementAccess().Expression);
                    if (node.Kind != SyntaxKind.MemberAccess)
                    {
                        return null;
                    }

                    break;
                case SyntaxKind.PrefixUnary when node.AsPrefixUnary().Operator.Kind == SyntaxKind.AmpersandToken:
                    node = SyntaxHelpers.StripParenthesesAndCasts(node.AsPrefixUnary().Operand);
                    break;
                default:
                    return null;
            }
        }
    }

    /// <summary>Whether a store's target counts: not reached through another parameter than the bit's.</summary>
    private static bool Counts(SyntaxNode target, HashSet<string> parameters, string? bitRoot) =>
        RootName(target) is not { } root || root == bitRoot || !parameters.Contains(root);

    /// <summary>The variable an lvalue or address starts from: <c>adapter</c> for <c>&amp;adapter-&gt;state</c>, <c>ivi</c> for <c>ivi-&gt;qos</c>.</summary>
    private static string? RootName(SyntaxNode expression)
    {
        var node = SyntaxHelpers.StripParenthesesAndCasts(expression);
        while (true)
        {
            switch (node.Kind)
            {
                case SyntaxKind.IdentifierName:
                    return node.AsIdentifierName().Identifier.Text;
                case SyntaxKind.MemberAccess:
                    node = SyntaxHelpers.StripParenthesesAndCasts(node.AsMemberAccess().Expression);
                    break;
                case SyntaxKind.ElementAccess:
                    node = SyntaxHelpers.StripParenthesesAndCasts(node.AsElementAccess().Expression);
                    break;
                case SyntaxKind.PrefixUnary when node.AsPrefixUnary().Operator.Kind is SyntaxKind.AmpersandToken or SyntaxKind.AsteriskToken:
                    node = SyntaxHelpers.StripParenthesesAndCasts(node.AsPrefixUnary().Operand);
                    break;
                default:
                    return null;
            }
        }
    }

    /// <summary>The names of a function's parameters.</summary>
    private static HashSet<string> Parameters(SyntaxNode function)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var node in function.AsFunctionDefinition().Declarator.DescendantNodesAndSelf())
        {
            if (node.Kind == SyntaxKind.ParameterDeclaration && Declarators.DeclaredName(node.AsParameterDeclaration().Declarator, throughFunctions: false) is { } name)
            {
                names.Add(name);
            }
        }

        return names;
    }

    /// <summary>
    /// Whether code between the acquisition and the clear cannot run on the way to this clear: it
    /// lies in the other branch of an if that holds both (and no loop around that if, below the
    /// acquisition, may run it first), or in a branch, not holding the clear, that ends in return.
    /// </summary>
    private static bool OffPath(SyntaxNode node, SyntaxNode clear, SyntaxNode acquisition)
    {
        SyntaxNode child = node;
        for (var ancestor = node.Parent; ancestor is { } a; child = a, ancestor = a.Parent)
        {
            if (a.Span.Contains(clear.Span))
            {
                if (a.Kind != SyntaxKind.IfStatement)
                {
                    return false;
                }

                var ifStatement = a.AsIfStatement();
                bool nodeInBranch = child == ifStatement.Statement || child == ifStatement.Else;
                bool clearInCondition = ifStatement.Condition is { } condition && condition.Span.Contains(clear.Span);
                if (!nodeInBranch || clearInCondition)
                {
                    return false;
                }

                // The clear lies in the other branch; a loop between this if and the acquisition
                // may have run this branch in an earlier round.
                for (var outer = a.Parent; outer is { } o && !o.Span.Contains(acquisition.Span); outer = o.Parent)
                {
                    if (o.Kind is SyntaxKind.WhileStatement or SyntaxKind.DoStatement or SyntaxKind.ForStatement or SyntaxKind.IteratorStatement)
                    {
                        return false;
                    }
                }

                return true;
            }

            if (a.Kind == SyntaxKind.IfStatement && child != a.AsIfStatement().Condition && EndsInReturn(child))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether a statement is a return, or a block whose last statement is one.</summary>
    private static bool EndsInReturn(SyntaxNode statement)
    {
        if (statement.Kind == SyntaxKind.ReturnStatement)
        {
            return true;
        }

        if (statement.Kind != SyntaxKind.CompoundStatement)
        {
            return false;
        }

        var statements = SyntaxHelpers.Statements(statement);
        return statements.Count > 0 && statements[^1].Kind == SyntaxKind.ReturnStatement;
    }

    /// <summary>
    /// Whether writing an lvalue writes memory another CPU may read: anything but a local
    /// variable, a parameter, or a field of a local struct.
    /// </summary>
    private static bool WritesMemory(SyntaxNode target, HashSet<string> locals)
    {
        var node = SyntaxHelpers.StripParentheses(target);
        switch (node.Kind)
        {
            case SyntaxKind.IdentifierName:
                return !locals.Contains(node.AsIdentifierName().Identifier.Text);
            case SyntaxKind.MemberAccess:
                var member = node.AsMemberAccess();
                return member.Operator.Kind != SyntaxKind.DotToken || WritesMemory(member.Expression, locals);
            default:
                // e->f, p[i], *p and anything not understood.
                return true;
        }
    }

    /// <summary>The names a function declares: its parameters and its local variables.</summary>
    private static HashSet<string> Locals(SyntaxNode function)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var node in function.DescendantNodesAndSelf())
        {
            if (node.Kind == SyntaxKind.IdentifierDeclarator)
            {
                names.Add(node.AsIdentifierDeclarator().Identifier.Text);
            }
        }

        return names;
    }

    /// <summary>The object a field belongs to, as written: <c>adapter</c> for <c>&amp;adapter-&gt;state</c> and <c>adapter-&gt;need_reset</c>.</summary>
    private static string? ObjectOf(SyntaxNode expression) => WordOwner(expression) is { } owner ? SyntaxHelpers.Key(owner) : null;

    /// <summary>The expression of the object a field belongs to (<see cref="ObjectOf"/>), or null when it is no field.</summary>
    private static SyntaxNode? WordOwner(SyntaxNode expression)
    {
        var node = SyntaxHelpers.StripParenthesesAndCasts(expression);
        if (node.Kind == SyntaxKind.PrefixUnary && node.AsPrefixUnary().Operator.Kind == SyntaxKind.AmpersandToken)
        {
            node = SyntaxHelpers.StripParenthesesAndCasts(node.AsPrefixUnary().Operand);
        }

        return node.Kind == SyntaxKind.MemberAccess ? SyntaxHelpers.StripParenthesesAndCasts(node.AsMemberAccess().Expression) : null;
    }

    /// <summary>
    /// The locals a function points at objects it allocates itself: assigned or initialised from
    /// an allocator of the tables or a call named <c>*alloc*</c> (<c>alloc_etherdev()</c>), or from
    /// the private area of such an object (<c>netdev_priv(netdev)</c>, a call named <c>*priv</c> of it).
    /// </summary>
    private static HashSet<string> Allocated(FileContext file, SyntaxNode body)
    {
        var fresh = new HashSet<string>(StringComparer.Ordinal);
        foreach (var node in body.DescendantNodesAndSelf())
        {
            string? variable;
            SyntaxNode? value;
            if (node.Kind == SyntaxKind.AssignmentExpression && node.AsAssignmentExpression().Operator.Kind == SyntaxKind.EqualsToken
                && SyntaxHelpers.StripParentheses(node.AsAssignmentExpression().Left) is { Kind: SyntaxKind.IdentifierName } left)
            {
                variable = left.AsIdentifierName().Identifier.Text;
                value = node.AsAssignmentExpression().Right;
            }
            else if (node.Kind == SyntaxKind.InitDeclarator && node.AsInitDeclarator().Initializer is { } initializer)
            {
                variable = Declarators.DeclaredName(node.AsInitDeclarator().Declarator, throughFunctions: false);
                value = initializer;
            }
            else
            {
                continue;
            }

            if (variable is null || value is not { } assigned || SyntaxHelpers.StripParenthesesAndCasts(assigned) is not { Kind: SyntaxKind.CallExpression } call || SyntaxHelpers.CalleeName(call) is not { } callee)
            {
                continue;
            }

            if (file.Primitives.FindAllocator(callee) is not null || callee.Contains("alloc", StringComparison.Ordinal)
                || (callee.EndsWith("priv", StringComparison.Ordinal) && SyntaxHelpers.Argument(call, 0) is { } of && RootName(of) is { } root && fresh.Contains(root)))
            {
                fresh.Add(variable);
            }
        }

        return fresh;
    }

    /// <summary>What a node stores into: the left side of an assignment, the operand of <c>++</c>/<c>--</c>; null otherwise.</summary>
    private static SyntaxNode? StoredTarget(SyntaxNode node) => node.Kind switch
    {
        SyntaxKind.AssignmentExpression => node.AsAssignmentExpression().Left,
        SyntaxKind.PostfixUnary when node.AsPostfixUnary().Operator.Kind is SyntaxKind.PlusPlusToken or SyntaxKind.MinusMinusToken => node.AsPostfixUnary().Operand,
        SyntaxKind.PrefixUnary when node.AsPrefixUnary().Operator.Kind is SyntaxKind.PlusPlusToken or SyntaxKind.MinusMinusToken => node.AsPrefixUnary().Operand,
        _ => null,
    };

    /// <summary>The fields of an object that a body stores before a position: <c>a-&gt;f = v</c>, <c>++a-&gt;f</c>.</summary>
    private static void StoresBefore(SyntaxNode body, int position, string owner, List<string> fields)
    {
        foreach (var node in body.DescendantNodesAndSelf())
        {
            if (node.Span.End > position)
            {
                continue;
            }

            SyntaxNode? target = StoredTarget(node);
            if (target is { } written && SyntaxHelpers.StripParenthesesAndCasts(written) is { Kind: SyntaxKind.MemberAccess } member
                && ObjectOf(member) == owner && FieldOf(member) is { } field && !fields.Contains(field))
            {
                fields.Add(field);
            }
        }
    }

    /// <summary>Whether a test-and-set is spun or waited on until it takes the bit: the lock's own shape, not a flag's.</summary>
    private static bool WaitsFor(SyntaxNode call, SyntaxNode? failedRegion)
    {
        if (failedRegion?.Parent is { Kind: SyntaxKind.WhileStatement or SyntaxKind.DoStatement })
        {
            return true;
        }

        for (var node = call.Parent; node is { } n && n.Kind is not (SyntaxKind.ExpressionStatement or SyntaxKind.IfStatement or SyntaxKind.FunctionDefinition); node = n.Parent)
        {
            if (n.Kind == SyntaxKind.CallExpression && SyntaxHelpers.CalleeName(n) is { } wait && wait.StartsWith("wait_event", StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether a statement names a negative error code (<c>-EBUSY</c>, <c>-EAGAIN</c>).</summary>
    internal static bool NamesErrorCode(SyntaxNode region)
    {
        foreach (var node in region.DescendantNodesAndSelf())
        {
            if (node.Kind == SyntaxKind.PrefixUnary && node.AsPrefixUnary() is var minus && minus.Operator.Kind == SyntaxKind.MinusToken
                && SyntaxHelpers.StripParentheses(minus.Operand) is { Kind: SyntaxKind.IdentifierName } code
                && code.AsIdentifierName().Identifier.Text is { Length: > 1 } name && name[0] == 'E' && SyntaxHelpers.IsUpperCaseName(name))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether a bit is named by a constant (<c>CONN_F_CLOSING</c>, <c>3</c>), not a variable slot index.</summary>
    private static bool IsConstantBit(SyntaxNode bit)
    {
        var node = SyntaxHelpers.StripParenthesesAndCasts(bit);
        return node.Kind switch
        {
            SyntaxKind.LiteralExpression => node.AsLiteralExpression().Token.Kind == SyntaxKind.IntegerLiteralToken,
            SyntaxKind.IdentifierName => SyntaxHelpers.IsUpperCaseName(node.AsIdentifierName().Identifier.Text),
            _ => false,
        };
    }

    private void ReportTakenElsewhere(FileContext file, List<BitRelease> sink, SyntaxNode clear, BitOperation clearOperation, IReadOnlyList<string>? stored, IReadOnlyList<string> clearedWith, IReadOnlyList<string>? storedHints)
    {
        var clearName = SyntaxHelpers.CalleeToken(clear)!.Value;
        var arguments = SyntaxHelpers.Arguments(clear);
        string bit = SyntaxHelpers.Text(arguments[0]);
        string address = SyntaxHelpers.Text(arguments[1]);
        sink.Add(new BitRelease(BitName(file, clear), new Finding(
            Descriptor,
            file.Locate(clearName),
            $"bit {bit} of {address} is a lock taken in another function but released here by {clearName.Text}, which has no release ordering; use {clearOperation.Fix}",
            fix: new Fix($"Use {clearOperation.Fix}", [new FixEdit(file.Locate(clearName), clearOperation.Fix!)])), StoredFields: stored?.Select(file.Name).ToArray(), TakenElsewhere: true,
            ClearedWith: clearedWith.Count > 0 ? clearedWith : null, StoredHints: storedHints?.Select(file.Name).ToArray()));
    }

    private void Report(FileContext file, List<BitRelease> sink, Acquisition taken, SyntaxNode clear, BitOperation clearOperation, IReadOnlyList<string>? stored, IReadOnlyList<string>? storedHints)
    {
        var clearName = SyntaxHelpers.CalleeToken(clear)!.Value;
        var takeName = SyntaxHelpers.CalleeToken(taken.Call)!.Value;
        var arguments = SyntaxHelpers.Arguments(clear);
        string bit = SyntaxHelpers.Text(arguments[0]);
        string address = SyntaxHelpers.Text(arguments[1]);
        int line = file.Locate(takeName).Start.Line;
        var edits = new List<FixEdit> { new(file.Locate(clearName), clearOperation.Fix!) };
        string fixText = clearOperation.Fix!;
        if (!taken.Operation.Ordered && taken.Operation.Fix is { } takeFix)
        {
            edits.Insert(0, new FixEdit(file.Locate(takeName), takeFix));
            fixText = $"{takeFix}/{clearOperation.Fix}";
        }

        sink.Add(new BitRelease(BitName(file, taken.Call), new Finding(
            Descriptor,
            file.Locate(clearName),
            $"bit {bit} of {address} is a lock taken by {takeName.Text} at line {line} but released by {clearName.Text}, which has no release ordering; use {fixText}",
            [new RelatedLocation(file.Locate(taken.Call), $"bit {bit} of {address} taken as a lock")],
            fix: new Fix($"Use {fixText}", edits)), StoredFields: stored?.Select(file.Name).ToArray(), StoredHints: storedHints?.Select(file.Name).ToArray()));
    }
    /// <summary>
    /// The paths of one function between a bit's acquisition and a clear, from its flow graph
    /// (without one, every pair and every node between them in the text counts, as before). A
    /// clear on no path from the edge along which the bit was taken releases nothing that
    /// acquisition took (another case of a switch that the acquisition's case leaves by a jump),
    /// and code between them in the text that lies on no path from the one to the other (a store
    /// followed by <c>return</c> before the label an error path jumps to) is no part of the section.
    /// </summary>
    private sealed class SectionPaths(IFlowGraph? graph)
    {
        private readonly FlowPaths? _paths = graph is null ? null : new FlowPaths(graph);
        private readonly Dictionary<int, (int Node, bool[]? Reached)> _taken = [];

        public bool Reaches(Acquisition taken, SyntaxNode clear)
        {
            if (_paths is null || Taken(taken) is not (int from, { } reached))
            {
                return true;
            }

            int node = _paths.NodeOf(clear);
            return node < 0 || node == from || reached[node];
        }

        /// <summary>Whether a piece of syntax before a clear in the text runs on some path from the function's entry to it.</summary>
        public Func<SyntaxNode, bool> Before(SyntaxNode clear)
        {
            if (_paths is null || _paths.NodeOf(clear) is not (>= 0 and var to))
            {
                return static _ => true;
            }

            var reaching = _paths.Reaching(to);
            var paths = _paths;
            return syntax => paths.NodeOf(syntax) is var node && (node < 0 || node == to || reaching[node]);
        }

        /// <summary>Whether a piece of syntax between the two in the text runs on some path from the acquisition to the clear.</summary>
        public Func<SyntaxNode, bool> Between(Acquisition taken, SyntaxNode clear)
        {
            if (_paths is null || Taken(taken) is not (int from, { } reached) || _paths.NodeOf(clear) is not (>= 0 and var to))
            {
                return static _ => true;
            }

            var reaching = _paths.Reaching(to);
            var paths = _paths;
            return syntax => paths.NodeOf(syntax) is var node && (node < 0 || node == from || node == to || (reached[node] && reaching[node]));
        }

        private (int Node, bool[]? Reached) Taken(Acquisition taken)
        {
            if (!_taken.TryGetValue(taken.Call.Span.Start, out var entry))
            {
                int node = _paths!.NodeOf(taken.Call);
                entry = (node, node < 0 ? null : _paths.ReachedFrom(node, taken.TakenEdge));
                _taken[taken.Call.Span.Start] = entry;
            }

            return entry;
        }
    }
}
