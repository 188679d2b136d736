using System.Text;

namespace Sevenspot.Text;

/// <summary>Replace the bytes of <see cref="Span"/> with <see cref="NewText"/>.</summary>
public readonly record struct TextEdit(TextSpan Span, string NewText)
{
    public static TextEdit Insert(int offset, string text) => new(new TextSpan(offset, 0), text);

    public static TextEdit Delete(TextSpan span) => new(span, string.Empty);

    /// <summary>
    /// Applies non-overlapping edits. Edits are ordered by position; insertions at the
    /// same offset keep their given order. Overlapping edits are a bug in the caller.
    /// </summary>
    public static byte[] Apply(ReadOnlySpan<byte> source, IReadOnlyList<TextEdit> edits)
    {
        var ordered = edits.Select((e, i) => (e, i)).OrderBy(p => p.e.Span.Start).ThenBy(p => p.e.Span.End).ThenBy(p => p.i).ToList();
        var output = new List<byte>(source.Length + 256);
        int position = 0;
        foreach (var (edit, _) in ordered)
        {
            if (edit.Span.Start < position)
            {
                throw new InvalidOperationException($"Overlapping text edits at {edit.Span}.");
            }

            output.AddRange(source[position..edit.Span.Start]);
            output.AddRange(Encoding.UTF8.GetBytes(edit.NewText));
            position = edit.Span.End;
        }

        output.AddRange(source[position..]);
        return [.. output];
    }
}
