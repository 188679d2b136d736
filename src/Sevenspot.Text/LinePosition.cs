namespace Sevenspot.Text;

/// <summary>
/// A position as people read it: 1-based line, 0-based column counted in bytes
/// (a tab is one column), which is how spatch prints positions.
/// </summary>
public readonly record struct LinePosition(int Line, int Column)
{
    public override string ToString() => $"{Line}:{Column}";
}
