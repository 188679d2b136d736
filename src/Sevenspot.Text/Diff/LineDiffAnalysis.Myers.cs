using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Sevenspot.Text;

internal sealed partial class LineDiffAnalysis
{
    /// <summary>
    /// Myers' O(ND) algorithm, "An O(ND) Difference Algorithm and its Variations" (1986) §4.2:
    /// bidirectional search for the middle snake, then recursion on both halves, in linear space.
    /// As in GNU diff, the search gives up after about sqrt(N) (at least 4096) edit steps and
    /// splits at the furthest point reached, which bounds the cost of large rewrites.
    /// </summary>
    private sealed class Myers
    {
        private readonly int[] _x;
        private readonly int[] _y;
        private readonly int[] _realIndexes0;
        private readonly int[] _realIndexes1;
        private readonly Flags _changed0;
        private readonly Flags _changed1;

        // Indexed by diagonal + _diagonalOffset: 1 + the furthest x reached forwards, and the
        // furthest (smallest) x reached backwards.
        private readonly int[] _forward;
        private readonly int[] _backward;
        private readonly int _diagonalOffset;
        private readonly int _tooExpensive;

        public Myers(int[] x, int[] realIndexes0, byte[] changed0, int[] y, int[] realIndexes1, byte[] changed1)
        {
            _x = x;
            _y = y;
            _realIndexes0 = realIndexes0;
            _realIndexes1 = realIndexes1;
            _changed0 = new Flags(changed0);
            _changed1 = new Flags(changed1);

            int diagonals = x.Length + y.Length + 3;
            _forward = new int[diagonals];
            _backward = new int[diagonals];
            _diagonalOffset = y.Length + 1;

            // About the square root of the input size, at least 4096 as in GNU diff 3.8.
            int tooExpensive = 1;
            for (int d = diagonals; d != 0; d >>= 2)
            {
                tooExpensive <<= 1;
            }

            _tooExpensive = Math.Max(4096, tooExpensive);
        }

        /// <summary>
        /// Compares x[xOffset..xLimit) with y[yOffset..yLimit) and marks the lines outside the
        /// common subsequence as changed. Recurses on the smaller half and loops on the larger,
        /// so the stack depth stays logarithmic.
        /// </summary>
        public void CompareSequences(int xOffset, int xLimit, int yOffset, int yLimit, bool findMinimal)
        {
            int[] x = _x;
            int[] y = _y;
            while (true)
            {
                while (xOffset < xLimit && yOffset < yLimit && x[xOffset] == y[yOffset])
                {
                    xOffset++;
                    yOffset++;
                }

                while (xOffset < xLimit && yOffset < yLimit && x[xLimit - 1] == y[yLimit - 1])
                {
                    xLimit--;
                    yLimit--;
                }

                if (xOffset == xLimit)
                {
                    for (; yOffset < yLimit; yOffset++)
                    {
                        _changed1[_realIndexes1[yOffset]] = 1;
                    }

                    return;
                }

                if (yOffset == yLimit)
                {
                    for (; xOffset < xLimit; xOffset++)
                    {
                        _changed0[_realIndexes0[xOffset]] = 1;
                    }

                    return;
                }

                var part = FindMiddle(xOffset, xLimit, yOffset, yLimit, findMinimal);
                if (xLimit + yLimit - (part.X + part.Y) < part.X + part.Y - (xOffset + yOffset))
                {
                    CompareSequences(part.X, xLimit, part.Y, yLimit, part.HighMinimal);
                    xLimit = part.X;
                    yLimit = part.Y;
                    findMinimal = part.LowMinimal;
                }
                else
                {
                    CompareSequences(xOffset, part.X, yOffset, part.Y, part.LowMinimal);
                    xOffset = part.X;
                    yOffset = part.Y;
                    findMinimal = part.HighMinimal;
                }
            }
        }

        /// <summary>
        /// GNU diff's diag: the midpoint of a shortest edit script for x[xOffset..xLimit) and
        /// y[yOffset..yLimit), whose first and last elements are known to differ.
        /// </summary>
        private Partition FindMiddle(int xOffset, int xLimit, int yOffset, int yLimit, bool findMinimal)
        {
            // PERF: this is the hot loop of the whole diff. Indices stay within the arrays by
            // construction (diagonals in [dmin - 1, dmax + 1], x and y within the limits), so
            // the arrays are read through refs without bounds checks.
            Debug.Assert(xOffset - yLimit - 1 + _diagonalOffset >= 0 && xLimit - yOffset + 1 + _diagonalOffset < _forward.Length);
            ref int fd = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_forward), _diagonalOffset);
            ref int bd = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_backward), _diagonalOffset);
            ref int xv = ref MemoryMarshal.GetArrayDataReference(_x);
            ref int yv = ref MemoryMarshal.GetArrayDataReference(_y);
            int dmin = xOffset - yLimit;
            int dmax = xLimit - yOffset;
            int fmid = xOffset - yOffset;
            int bmid = xLimit - yLimit;
            int fmin = fmid;
            int fmax = fmid;
            int bmin = bmid;
            int bmax = bmid;
            bool odd = ((fmid - bmid) & 1) != 0;

            Unsafe.Add(ref fd, fmid) = xOffset;
            Unsafe.Add(ref bd, bmid) = xLimit;

            for (int cost = 1; ; cost++)
            {
                // Extend the forward search by one edit step on each diagonal.
                if (fmin > dmin)
                {
                    Unsafe.Add(ref fd, --fmin - 1) = -1;
                }
                else
                {
                    ++fmin;
                }

                if (fmax < dmax)
                {
                    Unsafe.Add(ref fd, ++fmax + 1) = -1;
                }
                else
                {
                    --fmax;
                }

                for (int d = fmax; d >= fmin; d -= 2)
                {
                    int low = Unsafe.Add(ref fd, d - 1);
                    int high = Unsafe.Add(ref fd, d + 1);
                    int x = low < high ? high : low + 1;
                    int y = x - d;
                    Debug.Assert(x >= xOffset && y >= yOffset, "forward search left the box");
                    while (x < xLimit && y < yLimit && Unsafe.Add(ref xv, x) == Unsafe.Add(ref yv, y))
                    {
                        x++;
                        y++;
                    }

                    Unsafe.Add(ref fd, d) = x;
                    if (odd && bmin <= d && d <= bmax && Unsafe.Add(ref bd, d) <= x)
                    {
                        return new Partition(x, y, LowMinimal: true, HighMinimal: true);
                    }
                }

                // And the backward search.
                if (bmin > dmin)
                {
                    Unsafe.Add(ref bd, --bmin - 1) = int.MaxValue;
                }
                else
                {
                    ++bmin;
                }

                if (bmax < dmax)
                {
                    Unsafe.Add(ref bd, ++bmax + 1) = int.MaxValue;
                }
                else
                {
                    --bmax;
                }

                for (int d = bmax; d >= bmin; d -= 2)
                {
                    int low = Unsafe.Add(ref bd, d - 1);
                    int high = Unsafe.Add(ref bd, d + 1);
                    int x = low < high ? low : high - 1;
                    int y = x - d;
                    Debug.Assert(x <= xLimit && y <= yLimit, "backward search left the box");
                    while (xOffset < x && yOffset < y && Unsafe.Add(ref xv, x - 1) == Unsafe.Add(ref yv, y - 1))
                    {
                        x--;
                        y--;
                    }

                    Unsafe.Add(ref bd, d) = x;
                    if (!odd && fmin <= d && d <= fmax && x <= Unsafe.Add(ref fd, d))
                    {
                        return new Partition(x, y, LowMinimal: true, HighMinimal: true);
                    }
                }

                // GNU diff's --speed-large-files heuristic is off by default and not implemented.
                if (findMinimal || cost < _tooExpensive)
                {
                    continue;
                }

                // Gone well beyond the call of duty: split halfway between the best points so far.
                int forwardBestSum = -1;
                int forwardBestX = 0;
                for (int d = fmax; d >= fmin; d -= 2)
                {
                    int x = Math.Min(Unsafe.Add(ref fd, d), xLimit);
                    int y = x - d;
                    if (yLimit < y)
                    {
                        x = yLimit + d;
                        y = yLimit;
                    }

                    if (forwardBestSum < x + y)
                    {
                        forwardBestSum = x + y;
                        forwardBestX = x;
                    }
                }

                int backwardBestSum = int.MaxValue;
                int backwardBestX = 0;
                for (int d = bmax; d >= bmin; d -= 2)
                {
                    int x = Math.Max(xOffset, Unsafe.Add(ref bd, d));
                    int y = x - d;
                    if (y < yOffset)
                    {
                        x = yOffset + d;
                        y = yOffset;
                    }

                    if (x + y < backwardBestSum)
                    {
                        backwardBestSum = x + y;
                        backwardBestX = x;
                    }
                }

                return xLimit + yLimit - backwardBestSum < forwardBestSum - (xOffset + yOffset)
                    ? new Partition(forwardBestX, forwardBestSum - forwardBestX, LowMinimal: true, HighMinimal: false)
                    : new Partition(backwardBestX, backwardBestSum - backwardBestX, LowMinimal: false, HighMinimal: true);
            }
        }

        private readonly record struct Partition(int X, int Y, bool LowMinimal, bool HighMinimal);
    }
}
