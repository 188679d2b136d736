namespace Sevenspot.Text;

/// <summary>
/// Where the lines of a byte text start. Line i spans [Starts[i], Starts[i + 1]) and includes
/// its '\n'; Starts[Count] is the text length, so only the last line can lack a newline.
/// An empty text has no lines.
/// </summary>
public readonly struct TextLines
{
    private TextLines(int[] starts, bool missingNewline)
    {
        Starts = starts;
        MissingNewline = missingNewline;
    }

    public int[] Starts { get; }

    public int Count => Starts.Length - 1;

    /// <summary>True when the text is not empty and does not end with '\n'.</summary>
    public bool MissingNewline { get; }

    public static TextLines Split(ReadOnlySpan<byte> text)
    {
        bool missing = text.Length > 0 && text[^1] != (byte)'\n';
        int count = text.Count((byte)'\n') + (missing ? 1 : 0);
        var starts = new int[count + 1];
        int offset = 0;
        for (int line = 1; line < count; line++)
        {
            offset += text[offset..].IndexOf((byte)'\n') + 1;
            starts[line] = offset;
        }

        starts[count] = text.Length;
        return new TextLines(starts, missing);
    }

    public ReadOnlySpan<byte> Line(ReadOnlySpan<byte> text, int line) => text[Starts[line]..Starts[line + 1]];

    /// <summary>The line that starts at <paramref name="offset"/>, or Count at or past the end.</summary>
    public int LineAt(int offset)
    {
        if (offset >= Starts[^1])
        {
            return Count;
        }

        int index = Array.BinarySearch(Starts, 0, Count, offset);
        if (index < 0)
        {
            throw new ArgumentException($"Offset {offset} is not at the start of a line.", nameof(offset));
        }

        return index;
    }
}
