using System.Collections;

namespace Sevenspot.Checks;

/// <summary>
/// The calls of one file's functions as bitlock-release keeps them (<see cref="BitFunction.Calls"/>),
/// in two arrays the file's functions share: each function's list is a slice of them.
/// </summary>
/// <remarks>
/// MEMORY: bitlock-release keeps the distinct callees of almost every function of the tree until
/// the run ends. An array of (callee, held) pairs of its own per function takes 16 bytes a call
/// (a reference and a byte, padded) and an array header; here a call is a reference and a byte in
/// the file's arrays, and a function's list is a 32-byte slice of them.
/// </remarks>
internal sealed class BitCallPool
{
    private readonly List<string> _callees = [];
    private readonly List<BitSerialisers> _held = [];
    private string[] _calleeArray = [];
    private BitSerialisers[] _heldArray = [];

    /// <summary>
    /// A function's calls as a list that reads the pool; it reads them once <see cref="Seal"/> has
    /// been called. No calls give the shared empty array.
    /// </summary>
    public IReadOnlyList<(string Callee, BitSerialisers Held)> Add(List<(string Callee, BitSerialisers Held)> calls)
    {
        if (calls.Count == 0)
        {
            return [];
        }

        int start = _callees.Count;
        foreach (var (callee, held) in calls)
        {
            _callees.Add(callee);
            _held.Add(held);
        }

        return new Slice(this, start, calls.Count);
    }

    /// <summary>Moves the calls into arrays of their exact size: the lists <see cref="Add"/> gave read them from then on.</summary>
    public void Seal()
    {
        _calleeArray = [.. _callees];
        _heldArray = [.. _held];
        _callees.Clear();
        _callees.Capacity = 0;
        _held.Clear();
        _held.Capacity = 0;
    }

    private sealed class Slice(BitCallPool pool, int start, int count) : IReadOnlyList<(string Callee, BitSerialisers Held)>
    {
        public int Count => count;

        public (string Callee, BitSerialisers Held) this[int index]
        {
            get
            {
                ArgumentOutOfRangeException.ThrowIfNegative(index);
                ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, count);
                return (pool._calleeArray[start + index], pool._heldArray[start + index]);
            }
        }

        public IEnumerator<(string Callee, BitSerialisers Held)> GetEnumerator()
        {
            for (int i = 0; i < count; i++)
            {
                yield return (pool._calleeArray[start + i], pool._heldArray[start + i]);
            }
        }

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
