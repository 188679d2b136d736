using Sevenspot.C;

namespace Sevenspot.Checks;

/// <summary>
/// Functions of a file that run where <c>__might_resched()</c> does not warn: boot code
/// (<c>__init</c>, run while <c>system_state</c> is <c>SYSTEM_BOOTING</c>), the restart, halt,
/// power-off and kexec entry points (<c>system_state</c> past <c>SYSTEM_RUNNING</c>, the other
/// CPUs stopped) with the static helpers only they reference, and oops printing (a function that
/// calls <c>bust_spinlocks()</c> or <c>oops_enter()</c> sets <c>oops_in_progress</c>).
/// </summary>
public sealed class ExemptContexts
{
    private static readonly HashSet<string> s_restartEntries = new(StringComparer.Ordinal)
    {
        "machine_restart", "machine_halt", "machine_power_off", "machine_shutdown", "machine_crash_shutdown",
        "machine_emergency_restart", "machine_kexec", "default_machine_kexec", "default_machine_crash_shutdown",
    };

    private static readonly HashSet<string> s_leavesRunning = new(StringComparer.Ordinal)
    {
        "kernel_power_off", "kernel_restart", "kernel_halt", "kernel_kexec", "emergency_restart",
        "machine_power_off", "machine_restart", "machine_halt", "panic",
    };

    private readonly HashSet<int> _exempt;

    private ExemptContexts(HashSet<int> exempt) => _exempt = exempt;

    public static ExemptContexts Of(FileContext file) => file.GetShared(Compute);

    public bool IsExempt(SyntaxNode function) => _exempt.Contains(function.Span.Start);

    /// <summary>Whether a call takes the system out of <c>SYSTEM_RUNNING</c> (power off, restart, kexec, panic).</summary>
    public static bool LeavesRunningState(string callee) => s_leavesRunning.Contains(callee);

    private static ExemptContexts Compute(FileContext file)
    {
        var exempt = new HashSet<int>();
        bool anyEntry = false;
        foreach (var function in file.Functions)
        {
            string name = FunctionCensus.NameOf(function);
            if (s_restartEntries.Contains(name))
            {
                exempt.Add(function.Span.Start);
                anyEntry = true;
            }
            else if (IsBootCode(function) || PrintsOops(function))
            {
                exempt.Add(function.Span.Start);
            }
        }

        if (anyEntry)
        {
            AddRestartHelpers(file, exempt);
        }

        return new ExemptContexts(exempt);
    }

    /// <summary>Whether the definition is marked <c>__init</c>: its tokens before the body.</summary>
    internal static bool IsBootCode(SyntaxNode function)
    {
        int body = function.AsFunctionDefinition().Body.Span.Start;
        foreach (var token in function.DescendantTokens())
        {
            if (token.Span.Start >= body)
            {
                break;
            }

            if (token.Bytes.SequenceEqual("__init"u8))
            {
                return true;
            }
        }

        return false;
    }

    private static bool PrintsOops(SyntaxNode function)
    {
        foreach (var call in SyntaxHelpers.Calls(function.AsFunctionDefinition().Body))
        {
            if (SyntaxHelpers.CalleeName(call) is "bust_spinlocks" or "oops_enter")
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Adds the static functions every reference to which (a call, or the address passed to
    /// on_each_cpu and the like) sits in a restart entry or in such a helper; a reference outside
    /// any function (an ops table) or from any other function keeps a helper reported.
    /// </summary>
    private static void AddRestartHelpers(FileContext file, HashSet<int> exempt)
    {
        var statics = new Dictionary<string, SyntaxNode>(StringComparer.Ordinal);
        foreach (var function in file.Functions)
        {
            if (SleepInAtomicCheck.IsStatic(function))
            {
                statics[FunctionCensus.NameOf(function)] = function;
            }
        }

        // For each static function, the functions that reference it (null: referenced outside any function).
        var referrers = new Dictionary<int, HashSet<int>>();
        var byStart = new Dictionary<int, SyntaxNode>();
        foreach (var item in file.Tree.Root.AsCompilationUnit().ItemList.ChildNodes())
        {
            bool definition = item.Kind == SyntaxKind.FunctionDefinition;
            SyntaxToken? previous = null;
            foreach (var token in item.DescendantTokensInTreeOrder())
            {
                if (previous is { } candidate && candidate.Kind == SyntaxKind.IdentifierToken && statics.TryGetValue(candidate.Text, out var target)
                    && target.Span.Start != item.Span.Start && !(item.Kind == SyntaxKind.Declaration && token.Kind == SyntaxKind.OpenParenToken))
                {
                    // A prototype (a declaration naming the function before its parameters) is no reference.
                    if (!referrers.TryGetValue(target.Span.Start, out var set))
                    {
                        referrers[target.Span.Start] = set = [];
                    }

                    // -1: referenced outside any function.
                    set.Add(definition ? item.Span.Start : -1);
                    if (definition)
                    {
                        byStart[item.Span.Start] = item;
                    }
                }

                previous = token;
            }
        }

        bool changed = true;
        while (changed)
        {
            changed = false;
            foreach (var (target, set) in referrers)
            {
                if (exempt.Contains(target))
                {
                    continue;
                }

                bool onlyRestart = true;
                foreach (var referrer in set)
                {
                    if (referrer < 0 || !exempt.Contains(referrer) || IsBootCode(byStart[referrer]) || PrintsOops(byStart[referrer]))
                    {
                        onlyRestart = false;
                        break;
                    }
                }

                if (onlyRestart)
                {
                    exempt.Add(target);
                    changed = true;
                }
            }
        }
    }
}
