using Sevenspot.Text;

namespace Sevenspot.Engine;

/// <summary>
/// The lines of the original file a transforming rule changed: 1-based <see cref="FirstLine"/>
/// up to the exclusive <see cref="EndLine"/>; an empty range is an insertion before
/// <see cref="FirstLine"/>.
/// </summary>
public readonly record struct RuleChange(string Rule, int FirstLine, int EndLine);

/// <summary>
/// Follows the lines of a file through the versions its transforming rules make, so that each
/// rule's change is known in the original's line numbers (the ones a diff of the whole run shows),
/// even for a rule that ran on code an earlier rule had already changed.
/// </summary>
internal sealed class ChangeAttribution
{
    /// <summary>For each line of the current version, its 0-based line in the original, or -1 for a line a rule added.</summary>
    private List<int> _origin;

    public ChangeAttribution(ReadOnlySpan<byte> original)
    {
        int count = TextLines.Split(original).Count;
        _origin = new List<int>(count);
        for (int i = 0; i < count; i++)
        {
            _origin.Add(i);
        }
    }

    public List<RuleChange> Changes { get; } = [];

    /// <summary>Records the change a rule made from <paramref name="before"/> (the current version) to <paramref name="after"/>.</summary>
    public void Record(string rule, ReadOnlySpan<byte> before, ReadOnlySpan<byte> after)
    {
        var changes = LineDiff.Compute(before, after, contextLines: 0);
        var origin = new List<int>(_origin.Count + 8);
        int copied = 0;
        foreach (var change in changes)
        {
            for (; copied < change.OldStart; copied++)
            {
                origin.Add(_origin[copied]);
            }

            int first = int.MaxValue, last = -1;
            for (int i = change.OldStart; i < change.OldEnd; i++)
            {
                if (_origin[i] >= 0)
                {
                    first = Math.Min(first, _origin[i]);
                    last = Math.Max(last, _origin[i]);
                }
            }

            if (last >= 0)
            {
                Changes.Add(new RuleChange(rule, first + 1, last + 2));
            }
            else
            {
                // Only added lines changed (or none): the place is after the nearest original line above.
                int anchor = 0;
                for (int i = change.OldStart - 1; i >= 0; i--)
                {
                    if (_origin[i] >= 0)
                    {
                        anchor = _origin[i] + 1;
                        break;
                    }
                }

                Changes.Add(new RuleChange(rule, anchor + 1, anchor + 1));
            }

            for (int i = 0; i < change.InsertedCount; i++)
            {
                origin.Add(-1);
            }

            copied = change.OldEnd;
        }

        for (; copied < _origin.Count; copied++)
        {
            origin.Add(_origin[copied]);
        }

        _origin = origin;
    }
}
