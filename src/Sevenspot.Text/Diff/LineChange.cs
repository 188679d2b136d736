namespace Sevenspot.Text;

/// <summary>
/// One change in a line diff: <see cref="DeletedCount"/> lines of the old text starting at
/// <see cref="OldStart"/> are replaced by <see cref="InsertedCount"/> lines of the new text
/// starting at <see cref="NewStart"/>. Line numbers are 0-based. When nothing is deleted,
/// <see cref="OldStart"/> is the old line before which the insertion goes, and likewise for
/// <see cref="NewStart"/> when nothing is inserted.
/// </summary>
public readonly record struct LineChange(int OldStart, int NewStart, int DeletedCount, int InsertedCount)
{
    public int OldEnd => OldStart + DeletedCount;

    public int NewEnd => NewStart + InsertedCount;
}
