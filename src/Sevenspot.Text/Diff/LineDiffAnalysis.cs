namespace Sevenspot.Text;

/// <summary>
/// The line comparison behind <see cref="LineDiff"/> and <see cref="UnifiedDiff"/>. It follows
/// GNU diff step by step, because spatch prints GNU diff's output and where several edit scripts
/// are equally short we must pick the same one:
/// <list type="number">
/// <item>trim the identical prefix and suffix bytes, keeping <c>horizon</c> lines of each;</item>
/// <item>number the remaining lines by equivalence class;</item>
/// <item>set aside lines that cannot match or that match too often ("confusing" lines);</item>
/// <item>Myers' O(ND) middle-snake search with linear space, capped by GNU's
///   "too expensive" heuristic so large rewrites stay fast;</item>
/// <item>slide runs of changes to merge them and to end them as late as possible.</item>
/// </list>
/// Lines are compared as bytes including their '\n', so a last line without a newline only
/// equals another last line without a newline.
/// </summary>
internal sealed partial class LineDiffAnalysis
{
    // Classes of the lines between the trimmed prefix and suffix, from 1; GNU calls these "buffered" lines.
    private readonly int[] _equivs0;
    private readonly int[] _equivs1;
    private readonly int _classCount;

    // One flag per buffered line, with an always-zero sentinel on each side (see Flags).
    private readonly byte[] _changed0;
    private readonly byte[] _changed1;

    private LineDiffAnalysis(int[] equivs0, int[] equivs1, int classCount)
    {
        _equivs0 = equivs0;
        _equivs1 = equivs1;
        _classCount = classCount;
        _changed0 = new byte[equivs0.Length + 2];
        _changed1 = new byte[equivs1.Length + 2];
    }

    /// <summary>The changes, in order, in absolute 0-based line numbers.</summary>
    public static List<LineChange> Run(
        ReadOnlySpan<byte> oldText, TextLines oldLines, ReadOnlySpan<byte> newText, TextLines newLines, int horizonLines)
    {
        FindIdenticalEnds(oldText, newText, horizonLines, out int prefixEnd, out int suffixBegin0, out int suffixBegin1);
        int prefixLines = oldLines.LineAt(prefixEnd);
        int end0 = oldLines.LineAt(suffixBegin0);
        int end1 = newLines.LineAt(suffixBegin1);

        var equivs0 = new int[end0 - prefixLines];
        var equivs1 = new int[end1 - prefixLines];
        int classCount = ClassifyLines(oldText, oldLines, newText, newLines, prefixLines, equivs0, equivs1);

        var analysis = new LineDiffAnalysis(equivs0, equivs1, classCount);
        analysis.Compare();
        analysis.ShiftBoundaries();
        return analysis.BuildScript(prefixLines);
    }

    private void Compare()
    {
        DiscardConfusingLines(out int[] undiscarded0, out int[] realIndexes0, out int[] undiscarded1, out int[] realIndexes1);
        var myers = new Myers(undiscarded0, realIndexes0, _changed0, undiscarded1, realIndexes1, _changed1);
        myers.CompareSequences(0, undiscarded0.Length, 0, undiscarded1.Length, findMinimal: false);
    }

    /// <summary>
    /// GNU diff's find_identical_ends. Offsets are into the texts as GNU sees them, with a '\n'
    /// appended to a text that lacks one; all three results are line starts.
    /// </summary>
    private static void FindIdenticalEnds(
        ReadOnlySpan<byte> a, ReadOnlySpan<byte> b, int horizonLines, out int prefixEnd, out int suffixBegin0, out int suffixBegin1)
    {
        bool missing0 = a.Length > 0 && a[^1] != (byte)'\n';
        bool missing1 = b.Length > 0 && b[^1] != (byte)'\n';
        int n0 = a.Length + (missing0 ? 1 : 0);
        int n1 = b.Length + (missing1 ? 1 : 0);

        // Identical prefix.
        int limit = Math.Min(n0, n1);
        int p = a.CommonPrefixLength(b);
        while (p < limit && At(a, p) == At(b, p))
        {
            p++;
        }

        // Don't count an appended newline as part of the prefix unless both texts lack one there.
        if ((a.Length < p) != (b.Length < p))
        {
            p--;
        }

        // Back to the start of the line, then back horizonLines more lines.
        int horizon = horizonLines;
        while (p != 0 && (At(a, p - 1) != (byte)'\n' || horizon-- != 0))
        {
            p--;
        }

        prefixEnd = p;

        // Identical suffix, only when both texts end the same way.
        int p0 = n0;
        int p1 = n1;
        if (missing0 == missing1)
        {
            int end0 = p0;
            int maxSteps = Math.Min(n0, n1) - prefixEnd;
            int matching = CommonSuffixLength(a, b) + (missing0 ? 1 : 0);
            int steps = Math.Min(matching, maxSteps);
            p0 -= steps;
            p1 -= steps;
            int begin0 = p0;

            // Keep horizonLines lines of the suffix, plus the rest of a line the suffix starts inside.
            bool atLineStarts = (p0 == 0 || At(a, p0 - 1) == (byte)'\n') && (p1 == 0 || At(b, p1 - 1) == (byte)'\n');
            int keep = horizonLines + (atLineStarts ? 0 : 1);
            while (keep-- != 0 && p0 != end0)
            {
                while (At(a, p0++) != (byte)'\n')
                {
                }
            }

            p1 += p0 - begin0;
        }

        suffixBegin0 = p0;
        suffixBegin1 = p1;
    }

    /// <summary>The byte at <paramref name="offset"/>, with '\n' just past the end as GNU diff appends it.</summary>
    private static byte At(ReadOnlySpan<byte> text, int offset) => offset < text.Length ? text[offset] : (byte)'\n';

    private static int CommonSuffixLength(ReadOnlySpan<byte> a, ReadOnlySpan<byte> b)
    {
        const int Block = 64;
        int max = Math.Min(a.Length, b.Length);
        int length = 0;
        while (length + Block <= max && a.Slice(a.Length - length - Block, Block).SequenceEqual(b.Slice(b.Length - length - Block, Block)))
        {
            length += Block;
        }

        while (length < max && a[a.Length - length - 1] == b[b.Length - length - 1])
        {
            length++;
        }

        return length;
    }

    /// <summary>
    /// Numbers the lines [prefixLines, prefixLines + equivs.Length) of both texts so that equal
    /// lines get equal numbers, from 1. Returns one more than the largest number.
    /// </summary>
    private static int ClassifyLines(
        ReadOnlySpan<byte> oldText, TextLines oldLines, ReadOnlySpan<byte> newText, TextLines newLines,
        int prefixLines, int[] equivs0, int[] equivs1)
    {
        int total = equivs0.Length + equivs1.Length;
        int bucketCount = (int)System.Numerics.BitOperations.RoundUpToPowerOf2((uint)Math.Max(16, total * 2));
        int mask = bucketCount - 1;
        var buckets = new int[bucketCount];

        // Class c (from 1) is represented by one line: its text, hash and the next class in its bucket.
        var classFile = new byte[total + 1];
        var classLine = new int[total + 1];
        var classHash = new int[total + 1];
        var classNext = new int[total + 1];
        int classCount = 1;

        for (int file = 0; file < 2; file++)
        {
            ReadOnlySpan<byte> text = file == 0 ? oldText : newText;
            TextLines lines = file == 0 ? oldLines : newLines;
            int[] equivs = file == 0 ? equivs0 : equivs1;
            for (int i = 0; i < equivs.Length; i++)
            {
                int line = prefixLines + i;
                ReadOnlySpan<byte> content = lines.Line(text, line);
                int hash = Hash(content);
                ref int bucket = ref buckets[hash & mask];
                int c = bucket;
                while (c != 0)
                {
                    if (classHash[c] == hash)
                    {
                        ReadOnlySpan<byte> representative = classFile[c] == 0
                            ? oldLines.Line(oldText, classLine[c])
                            : newLines.Line(newText, classLine[c]);
                        if (representative.SequenceEqual(content))
                        {
                            break;
                        }
                    }

                    c = classNext[c];
                }

                if (c == 0)
                {
                    c = classCount++;
                    classFile[c] = (byte)file;
                    classLine[c] = line;
                    classHash[c] = hash;
                    classNext[c] = bucket;
                    bucket = c;
                }

                equivs[i] = c;
            }
        }

        return classCount;
    }

    private static int Hash(ReadOnlySpan<byte> content)
    {
        var hash = default(HashCode);
        hash.AddBytes(content);
        return hash.ToHashCode();
    }

    /// <summary>A flag array with index -1 and index Length as always-zero sentinels.</summary>
    private readonly struct Flags(byte[] array)
    {
        public ref byte this[int index] => ref array[index + 1];
    }
}
