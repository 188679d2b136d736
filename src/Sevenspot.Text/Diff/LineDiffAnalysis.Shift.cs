namespace Sevenspot.Text;

internal sealed partial class LineDiffAnalysis
{
    /// <summary>
    /// GNU diff's shift_boundaries. A run of changed lines whose last line equals the unchanged
    /// line before it can slide back by one, and likewise forward; slide each run to merge it with
    /// its neighbours, then as far forward as possible, then back to line up with a run of changes
    /// in the other text if there is one. This is why, say, an inserted function ends up after the
    /// blank line that separates it from the previous one rather than before.
    /// </summary>
    private void ShiftBoundaries()
    {
        for (int f = 0; f < 2; f++)
        {
            var changed = new Flags(f == 0 ? _changed0 : _changed1);
            var otherChanged = new Flags(f == 0 ? _changed1 : _changed0);
            int[] equivs = f == 0 ? _equivs0 : _equivs1;
            int iEnd = equivs.Length;
            int i = 0;
            int j = 0;

            while (true)
            {
                // Find the start of the next run of changes, tracking the matching point in the other text.
                while (i < iEnd && changed[i] == 0)
                {
                    while (otherChanged[j++] != 0)
                    {
                    }

                    i++;
                }

                if (i == iEnd)
                {
                    break;
                }

                int start = i;

                // Find its end.
                while (changed[++i] != 0)
                {
                }

                while (otherChanged[j] != 0)
                {
                    j++;
                }

                int runLength;
                int corresponding;
                do
                {
                    runLength = i - start;

                    // Move the run back while the line before it equals its last line; this merges
                    // it with earlier runs.
                    while (start != 0 && equivs[start - 1] == equivs[i - 1])
                    {
                        changed[--start] = 1;
                        changed[--i] = 0;
                        while (changed[start - 1] != 0)
                        {
                            start--;
                        }

                        while (otherChanged[--j] != 0)
                        {
                        }
                    }

                    // The end of the run at the last point where it lines up with a run of changes in
                    // the other text; iEnd when there is none.
                    corresponding = otherChanged[j - 1] != 0 ? i : iEnd;

                    // Move the run forward while its first line equals the line after it; this merges
                    // it with later runs, and otherwise leaves it as far forward as it can go.
                    while (i != iEnd && equivs[start] == equivs[i])
                    {
                        changed[start++] = 0;
                        changed[i++] = 1;
                        while (changed[i] != 0)
                        {
                            i++;
                        }

                        while (otherChanged[++j] != 0)
                        {
                            corresponding = i;
                        }
                    }
                }
                while (runLength != i - start);

                // If possible, move the merged run back to line up with changes in the other text.
                while (corresponding < i)
                {
                    changed[--start] = 1;
                    changed[--i] = 0;
                    while (otherChanged[--j] != 0)
                    {
                    }
                }
            }
        }
    }

    /// <summary>The changes in order, with line numbers made absolute by adding <paramref name="prefixLines"/>.</summary>
    private List<LineChange> BuildScript(int prefixLines)
    {
        var changed0 = new Flags(_changed0);
        var changed1 = new Flags(_changed1);
        int length0 = _equivs0.Length;
        int length1 = _equivs1.Length;
        var script = new List<LineChange>();
        int i0 = 0;
        int i1 = 0;
        while (i0 < length0 || i1 < length1)
        {
            if (changed0[i0] != 0 || changed1[i1] != 0)
            {
                int line0 = i0;
                int line1 = i1;
                while (changed0[i0] != 0)
                {
                    i0++;
                }

                while (changed1[i1] != 0)
                {
                    i1++;
                }

                script.Add(new LineChange(prefixLines + line0, prefixLines + line1, i0 - line0, i1 - line1));
            }

            // Lines i0 and i1 match each other.
            i0++;
            i1++;
        }

        return script;
    }
}
