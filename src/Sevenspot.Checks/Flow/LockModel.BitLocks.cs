using Sevenspot.C;
using Sevenspot.Checks.Primitives;

namespace Sevenspot.Checks.Flow;

/// <summary>
/// Bits used as locks with the plain atomic bit operations (bitops.txt): <c>test_and_set_bit(B, w)</c>
/// whose result decides a branch or a loop somewhere in the file, and <c>clear_bit(B, w)</c> of the
/// same bit and word field somewhere in the file, make B a lock: both calls are then its acquire
/// (holding when the old bit was 0) and release, of kind bitlock, and the bit a lock class. Bits
/// only ever set, or set without looking at the old value, stay flags.
/// </summary>
public sealed partial class LockModel
{
    private static readonly LockPrimitive s_bitTestAndSet = new("test_and_set_bit", "clear_bit", LockKind.BitLock, 1, 0, null, SuccessTest.Zero, false);

    private LockOperation? BitLockOperation(string name, SyntaxNode call)
    {
        if (Primitives.FindBitOperation(name) is not { Role: BitOperationRole.TestAndSet or BitOperationRole.Clear } operation
            || BitLockEvidence.Of(_file) is not { Count: > 0 } evidence
            || BitLockEvidence.KeyOf(call) is not { } evidenceKey || !evidence.Contains(evidenceKey))
        {
            return null;
        }

        bool acquire = operation.Role == BitOperationRole.TestAndSet;
        var primitive = s_bitTestAndSet;
        return new LockOperation(primitive, acquire, KeyOf(primitive, call), ClassOf(primitive, call), call);
    }

    /// <summary>
    /// The BSD kernels' ownership assertions: <c>mtx_assert(m, MA_OWNED)</c>, <c>sx_assert(s, SA_XLOCKED)</c>,
    /// <c>rw_assert(r, RA_LOCKED)</c> and the like say the lock is held; MA_NOTOWNED and SA_UNLOCKED do not.
    /// </summary>
    private static bool IsBsdOwnedAssertion(SyntaxNode call, string name)
    {
        if (name is not ("mtx_assert" or "sx_assert" or "rw_assert") || SyntaxHelpers.Argument(call, 1) is not { } what)
        {
            return false;
        }

        foreach (var word in SyntaxHelpers.Identifiers(what))
        {
            if (word is "MA_OWNED" or "SA_LOCKED" or "SA_XLOCKED" or "SA_SLOCKED" or "RA_LOCKED" or "RA_WLOCKED" or "RA_RLOCKED")
            {
                return true;
            }
        }

        return false;
    }
}

/// <summary>The bits of one file taken as locks with plain bit operations, keyed by bit and word field (<see cref="KeyOf"/>).</summary>
public sealed class BitLockEvidence : HashSet<string>
{
    private BitLockEvidence()
        : base(StringComparer.Ordinal)
    {
    }

    public static BitLockEvidence Of(FileContext file) => file.GetShared(Collect);

    /// <summary>The evidence key of a bit operation: the bit as written and the last name of the word (<c>B@state</c> for <c>pf-&gt;state</c>).</summary>
    public static string? KeyOf(SyntaxNode call)
    {
        if (SyntaxHelpers.Argument(call, 0) is not { } bit || SyntaxHelpers.Argument(call, 1) is not { } word)
        {
            return null;
        }

        var stripped = LockModel.StripAddress(word);
        string? field = stripped.Kind switch
        {
            SyntaxKind.MemberAccess => stripped.AsMemberAccess().Name.Text,
            SyntaxKind.IdentifierName => stripped.AsIdentifierName().Identifier.Text,
            _ => null,
        };
        return field is null ? null : SyntaxHelpers.Key(bit) + "@" + field;
    }

    private static BitLockEvidence Collect(FileContext file)
    {
        var taken = new HashSet<string>(StringComparer.Ordinal);
        var cleared = new HashSet<string>(StringComparer.Ordinal);
        foreach (var call in SyntaxHelpers.Calls(file.Tree.Root))
        {
            if (SyntaxHelpers.CalleeName(call) is not { } name || file.Primitives.FindBitOperation(name) is not { } operation || KeyOf(call) is not { } key)
            {
                continue;
            }

            if (operation.Role == BitOperationRole.TestAndSet && BitlockReleaseCheck.TestedAsLock(call, out _))
            {
                taken.Add(key);
            }
            else if (operation.Role == BitOperationRole.Clear)
            {
                cleared.Add(key);
            }
        }

        var evidence = new BitLockEvidence();
        foreach (string key in taken)
        {
            if (cleared.Contains(key))
            {
                evidence.Add(key);
            }
        }

        return evidence;
    }
}
