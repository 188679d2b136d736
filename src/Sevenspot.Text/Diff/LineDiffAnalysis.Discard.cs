namespace Sevenspot.Text;

internal sealed partial class LineDiffAnalysis
{
    private const byte Keep = 0;
    private const byte Discard = 1;
    private const byte Provisional = 2;

    /// <summary>
    /// GNU diff's discard_confusing_lines. A line with no match in the other text cannot be
    /// part of the common subsequence, so it is marked changed and left out of the search. A
    /// line that matches very often is left out too, but only inside a run of such lines that
    /// starts and ends with a line that matches nothing. Besides speed, this choice shapes which
    /// of several equally short edit scripts comes out, so it is kept exactly.
    /// </summary>
    private void DiscardConfusingLines(out int[] undiscarded0, out int[] realIndexes0, out int[] undiscarded1, out int[] realIndexes1)
    {
        var count0 = new int[_classCount];
        var count1 = new int[_classCount];
        foreach (int c in _equivs0)
        {
            count0[c]++;
        }

        foreach (int c in _equivs1)
        {
            count1[c]++;
        }

        byte[] discards0 = MarkDiscardable(_equivs0, count1);
        byte[] discards1 = MarkDiscardable(_equivs1, count0);
        KeepProvisionalsOnlyInsideRuns(discards0);
        KeepProvisionalsOnlyInsideRuns(discards1);
        Collect(_equivs0, discards0, new Flags(_changed0), out undiscarded0, out realIndexes0);
        Collect(_equivs1, discards1, new Flags(_changed1), out undiscarded1, out realIndexes1);
    }

    private static byte[] MarkDiscardable(int[] equivs, int[] otherCounts)
    {
        int end = equivs.Length;
        var discards = new byte[end];

        // MANY is 5 times the approximate square root of the number of lines.
        int many = 5;
        for (int tem = end >> 6; (tem >>= 2) > 0;)
        {
            many *= 2;
        }

        for (int i = 0; i < end; i++)
        {
            int matches = otherCounts[equivs[i]];
            if (matches == 0)
            {
                discards[i] = Discard;
            }
            else if (matches > many)
            {
                discards[i] = Provisional;
            }
        }

        return discards;
    }

    private static void KeepProvisionalsOnlyInsideRuns(byte[] discards)
    {
        int end = discards.Length;
        for (int i = 0; i < end; i++)
        {
            // A provisional discard not in the middle of a run of discards is kept.
            if (discards[i] == Provisional)
            {
                discards[i] = Keep;
                continue;
            }

            if (discards[i] == Keep)
            {
                continue;
            }

            // A definite discard: find the end of its run, counting the provisionals.
            int j;
            int provisional = 0;
            for (j = i; j < end; j++)
            {
                if (discards[j] == Keep)
                {
                    break;
                }

                if (discards[j] == Provisional)
                {
                    provisional++;
                }
            }

            // Provisionals at the end of the run are kept, which shrinks the run.
            while (j > i && discards[j - 1] == Provisional)
            {
                discards[--j] = Keep;
                provisional--;
            }

            int length = j - i;

            // If a quarter of the run is provisional, keep all its provisionals.
            if (provisional * 4 > length)
            {
                while (j > i)
                {
                    if (discards[--j] == Provisional)
                    {
                        discards[j] = Keep;
                    }
                }

                continue;
            }

            // MINIMUM is about the square root of length / 4: a subrun of two provisionals can
            // stay when the run has 16 lines, of four when it has 64.
            int minimum = 1;
            for (int tem = length >> 2; (tem >>= 2) > 0;)
            {
                minimum <<= 1;
            }

            minimum++;

            // Keep every subrun of MINIMUM or more provisionals.
            int consecutive = 0;
            for (j = 0; j < length; j++)
            {
                if (discards[i + j] != Provisional)
                {
                    consecutive = 0;
                }
                else if (minimum == ++consecutive)
                {
                    // Back up to the start of the subrun to keep all of it.
                    j -= consecutive;
                }
                else if (minimum < consecutive)
                {
                    discards[i + j] = Keep;
                }
            }

            // From the start of the run, keep provisionals until three definite discards in a
            // row, or a definite discard at least eight lines in.
            consecutive = 0;
            for (j = 0; j < length; j++)
            {
                if (j >= 8 && discards[i + j] == Discard)
                {
                    break;
                }

                if (discards[i + j] == Provisional)
                {
                    consecutive = 0;
                    discards[i + j] = Keep;
                }
                else if (discards[i + j] == Keep)
                {
                    consecutive = 0;
                }
                else
                {
                    consecutive++;
                }

                if (consecutive == 3)
                {
                    break;
                }
            }

            // The same from the end of the run.
            i += length - 1;
            consecutive = 0;
            for (j = 0; j < length; j++)
            {
                if (j >= 8 && discards[i - j] == Discard)
                {
                    break;
                }

                if (discards[i - j] == Provisional)
                {
                    consecutive = 0;
                    discards[i - j] = Keep;
                }
                else if (discards[i - j] == Keep)
                {
                    consecutive = 0;
                }
                else
                {
                    consecutive++;
                }

                if (consecutive == 3)
                {
                    break;
                }
            }
        }
    }

    private static void Collect(int[] equivs, byte[] discards, Flags changed, out int[] undiscarded, out int[] realIndexes)
    {
        int kept = 0;
        foreach (byte d in discards)
        {
            if (d == Keep)
            {
                kept++;
            }
        }

        undiscarded = new int[kept];
        realIndexes = new int[kept];
        int j = 0;
        for (int i = 0; i < equivs.Length; i++)
        {
            if (discards[i] == Keep)
            {
                undiscarded[j] = equivs[i];
                realIndexes[j++] = i;
            }
            else
            {
                changed[i] = 1;
            }
        }
    }
}
