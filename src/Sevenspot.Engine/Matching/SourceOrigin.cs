using Sevenspot.Text;

namespace Sevenspot.Engine;

/// <summary>
/// The place in a file of a piece of its text parsed as a tree of its own (the body of a #define,
/// wrapped in code that makes it parse): positions bound in that tree are reported where the text
/// is in the file, as spatch reports them.
/// </summary>
public sealed class SourceOrigin
{
    public SourceOrigin(SourceText file, int fileStart, int treeStart, int length)
    {
        File = file;
        FileStart = fileStart;
        TreeStart = treeStart;
        Length = length;
    }

    /// <summary>The file the text belongs to.</summary>
    public SourceText File { get; }

    /// <summary>Offset of the text in the file.</summary>
    public int FileStart { get; }

    /// <summary>Offset of the same text in the tree's own text (after the wrapping code).</summary>
    public int TreeStart { get; }

    public int Length { get; }

    /// <summary>The file offset of a tree offset (clamped to the text: wrapping code maps to its ends).</summary>
    public int ToFile(int treeOffset) => FileStart + Math.Clamp(treeOffset - TreeStart, 0, Length);
}
