namespace Sevenspot.Engine.Ctl;

/// <summary>
/// Hashes a pair of interned ids packed into a long (first id in the high half). The default hash of a
/// long folds the halves with xor, so every pair (x, y) with the same x ^ y lands in one bucket; ids
/// are small and dense, so a memo keyed by such pairs degrades into long collision chains.
/// </summary>
internal sealed class IdPairComparer : IEqualityComparer<long>
{
    public static readonly IdPairComparer Instance = new();

    public bool Equals(long x, long y) => x == y;

    // Fibonacci hashing: the multiply spreads both halves over the high bits, which are kept.
    public int GetHashCode(long obj) => (int)(((ulong)obj * 0x9E37_79B9_7F4A_7C15UL) >> 32);
}
