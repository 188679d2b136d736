using System.Text;

namespace Sevenspot.Text;

/// <summary>
/// The bytes of one source file, with its path and a lazily built line map.
/// Text is kept as raw bytes: C files are mostly ASCII/UTF-8, and invalid
/// sequences must survive a round trip untouched.
/// </summary>
public sealed class SourceText
{
    private readonly byte[] _bytes;
    private int[]? _lineStarts;

    public SourceText(string path, byte[] bytes)
    {
        Path = path;
        _bytes = bytes;
    }

    public static SourceText FromString(string path, string text) => new(path, Encoding.UTF8.GetBytes(text));

    public static SourceText FromFile(string path) => new(path, File.ReadAllBytes(path));

    public string Path { get; }

    public int Length => _bytes.Length;

    public ReadOnlySpan<byte> Bytes => _bytes;

    public ReadOnlyMemory<byte> Memory => _bytes;

    public byte this[int offset] => _bytes[offset];

    public ReadOnlySpan<byte> Slice(TextSpan span) => _bytes.AsSpan(span.Start, span.Length);

    public string ToString(TextSpan span) => Encoding.UTF8.GetString(_bytes, span.Start, span.Length);

    public override string ToString() => Encoding.UTF8.GetString(_bytes);

    /// <summary>Offsets at which each line starts; line i (0-based) starts at LineStarts[i].</summary>
    public IReadOnlyList<int> LineStarts => _lineStarts ??= ComputeLineStarts(_bytes);

    public int LineCount => LineStarts.Count;

    public LinePosition GetLinePosition(int offset)
    {
        var starts = (int[])LineStarts;
        int index = Array.BinarySearch(starts, offset);
        if (index < 0)
        {
            index = ~index - 1;
        }

        return new LinePosition(index + 1, offset - starts[index]);
    }

    /// <summary>The offset where the given 1-based line starts.</summary>
    public int GetLineStart(int line) => LineStarts[line - 1];

    /// <summary>The text of a 1-based line without its line terminator.</summary>
    public string GetLineText(int line)
    {
        var starts = LineStarts;
        int start = starts[line - 1];
        int end = line < starts.Count ? starts[line] : _bytes.Length;
        while (end > start && (_bytes[end - 1] == (byte)'\n' || _bytes[end - 1] == (byte)'\r'))
        {
            end--;
        }

        return Encoding.UTF8.GetString(_bytes, start, end - start);
    }

    private static int[] ComputeLineStarts(byte[] bytes)
    {
        var starts = new List<int>(bytes.Length / 32 + 1) { 0 };
        ReadOnlySpan<byte> span = bytes;
        int offset = 0;
        while (true)
        {
            int next = span[offset..].IndexOf((byte)'\n');
            if (next < 0)
            {
                break;
            }

            offset += next + 1;
            starts.Add(offset);
        }

        return [.. starts];
    }
}
