using System.Buffers;
using System.Globalization;
using System.Text;

namespace Sevenspot.Text;

/// <summary>
/// Unified diffs byte for byte as <c>diff -u -p --label OLD --label NEW</c> (GNU diffutils 3.8)
/// prints them, which is what spatch shows: the same hunks, the same choice among equally short
/// edit scripts, the same <c>-p</c> function lines and the same
/// <c>\ No newline at end of file</c> markers. Header lines carry the given names and no
/// timestamps, as spatch prints them.
/// </summary>
public static class UnifiedDiff
{
    private static readonly byte[] s_noNewline = "\n\\ No newline at end of file\n"u8.ToArray();

    /// <summary>
    /// The diff from <paramref name="oldText"/> to <paramref name="newText"/>, or an empty array
    /// when they are equal.
    /// </summary>
    public static byte[] Create(
        ReadOnlySpan<byte> oldText, ReadOnlySpan<byte> newText, string oldName, string newName, UnifiedDiffOptions? options = null)
    {
        options ??= UnifiedDiffOptions.Default;
        int context = options.EffectiveContextLines;
        ArgumentOutOfRangeException.ThrowIfNegative(context, nameof(options));
        if (oldText.SequenceEqual(newText))
        {
            return [];
        }

        var oldLines = TextLines.Split(oldText);
        var newLines = TextLines.Split(newText);
        var changes = LineDiffAnalysis.Run(oldText, oldLines, newText, newLines, context);

        var output = new ArrayBufferWriter<byte>(256 + 64 * changes.Count);
        if (options.IncludeCommandLine)
        {
            WriteCommandLine(output, options, oldName, newName);
        }

        Write(output, "--- "u8);
        Write(output, oldName);
        Write(output, "\n+++ "u8);
        Write(output, newName);
        Write(output, "\n"u8);

        var functions = options.ShowCFunction ? new FunctionFinder(oldText, oldLines) : null;
        for (int first = 0; first < changes.Count;)
        {
            int last = FindHunkEnd(changes, first, context);
            WriteHunk(output, oldText, oldLines, newText, newLines, changes, first, last, context, functions);
            first = last + 1;
        }

        return options.SpatchLineCleanup ? ApplySpatchLineCleanup(output.WrittenSpan) : output.WrittenSpan.ToArray();
    }

    /// <summary>
    /// A file name as GNU diff prints it in a header when no label is given: unchanged, unless
    /// it has a space, '"', '\', a control character or a non-ASCII byte; then in double quotes
    /// with C escapes (octal for bytes without a letter escape).
    /// </summary>
    public static string QuoteFileName(string name)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(name);
        bool needsQuotes = false;
        foreach (byte b in bytes)
        {
            if (b < 0x20 || b >= 0x80 || b == (byte)' ' || b == (byte)'"' || b == (byte)'\\')
            {
                needsQuotes = true;
                break;
            }
        }

        if (!needsQuotes)
        {
            return name;
        }

        var sb = new StringBuilder(bytes.Length + 8).Append('"');
        foreach (byte b in bytes)
        {
            string? escape = b switch
            {
                (byte)'\a' => "\\a",
                (byte)'\b' => "\\b",
                (byte)'\t' => "\\t",
                (byte)'\n' => "\\n",
                (byte)'\v' => "\\v",
                (byte)'\f' => "\\f",
                (byte)'\r' => "\\r",
                (byte)'"' => "\\\"",
                (byte)'\\' => "\\\\",
                _ => null,
            };
            if (escape is not null)
            {
                sb.Append(escape);
            }
            else if (b < 0x20 || b >= 0x80)
            {
                sb.Append('\\').Append((char)('0' + (b >> 6))).Append((char)('0' + ((b >> 3) & 7))).Append((char)('0' + (b & 7)));
            }
            else
            {
                sb.Append((char)b);
            }
        }

        return sb.Append('"').ToString();
    }

    private static void WriteCommandLine(ArrayBufferWriter<byte> output, UnifiedDiffOptions options, string oldName, string newName)
    {
        Write(output, "diff "u8);
        if (options.ContextLines is int context)
        {
            Write(output, "-U "u8);
            WriteNumber(output, context);
        }
        else
        {
            Write(output, "-u"u8);
        }

        if (options.ShowCFunction)
        {
            Write(output, " -p"u8);
        }

        Write(output, " "u8);
        Write(output, oldName);
        Write(output, " "u8);
        Write(output, newName);
        Write(output, "\n"u8);
    }

    /// <summary>
    /// GNU diff's find_hunk: changes separated by at most 2 * context unchanged lines share a hunk.
    /// Returns the index of the last change of the hunk that starts at <paramref name="first"/>.
    /// </summary>
    private static int FindHunkEnd(List<LineChange> changes, int first, int context)
    {
        int threshold = 2 * context + 1;
        int last = first;
        while (last + 1 < changes.Count && changes[last + 1].OldStart - changes[last].OldEnd < threshold)
        {
            last++;
        }

        return last;
    }

    private static void WriteHunk(
        ArrayBufferWriter<byte> output,
        ReadOnlySpan<byte> oldText, TextLines oldLines, ReadOnlySpan<byte> newText, TextLines newLines,
        List<LineChange> changes, int first, int last, int context, FunctionFinder? functions)
    {
        // Last lines are inclusive, as in GNU diff; an empty side has last = first - 1.
        int first0 = Math.Max(changes[first].OldStart - context, 0);
        int first1 = Math.Max(changes[first].NewStart - context, 0);
        int last0 = Math.Min(changes[last].OldEnd - 1 + context, oldLines.Count - 1);
        int last1 = Math.Min(changes[last].NewEnd - 1 + context, newLines.Count - 1);

        Write(output, "@@ -"u8);
        WriteRange(output, first0, last0);
        Write(output, " +"u8);
        WriteRange(output, first1, last1);
        Write(output, " @@"u8);
        if (functions?.Find(first0) is int functionLine)
        {
            WriteFunction(output, oldLines.Line(oldText, functionLine));
        }

        Write(output, "\n"u8);

        int i = first0;
        int j = first1;
        int next = first;
        while (i <= last0 || j <= last1)
        {
            if (next > last || i < changes[next].OldStart)
            {
                WriteLine(output, (byte)' ', oldLines.Line(oldText, i++));
                j++;
                continue;
            }

            var change = changes[next++];
            for (int k = 0; k < change.DeletedCount; k++)
            {
                WriteLine(output, (byte)'-', oldLines.Line(oldText, i++));
            }

            for (int k = 0; k < change.InsertedCount; k++)
            {
                WriteLine(output, (byte)'+', newLines.Line(newText, j++));
            }
        }
    }

    /// <summary>
    /// "start,count" with 1-based start; just "start" for one line; for no lines, the line
    /// before the range and ",0", which is what patch expects for an empty file.
    /// </summary>
    private static void WriteRange(ArrayBufferWriter<byte> output, int first, int last)
    {
        int a = first + 1;
        int b = last + 1;
        if (b <= a)
        {
            WriteNumber(output, b);
            if (b < a)
            {
                Write(output, ",0"u8);
            }
        }
        else
        {
            WriteNumber(output, a);
            Write(output, ","u8);
            WriteNumber(output, b - a + 1);
        }
    }

    /// <summary>GNU diff's print_context_function: a space, then at most 40 bytes, trailing blanks trimmed.</summary>
    private static void WriteFunction(ArrayBufferWriter<byte> output, ReadOnlySpan<byte> line)
    {
        int i = 0;
        while (i < line.Length && line[i] != (byte)'\n' && IsCSpace(line[i]))
        {
            i++;
        }

        int j = i;
        while (j < i + 40 && j < line.Length && line[j] != (byte)'\n')
        {
            j++;
        }

        while (i < j && IsCSpace(line[j - 1]))
        {
            j--;
        }

        Write(output, " "u8);
        Write(output, line[i..j]);
    }

    private static bool IsCSpace(byte b) => b is (byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\v' or (byte)'\f' or (byte)'\r';

    private static void WriteLine(ArrayBufferWriter<byte> output, byte marker, ReadOnlySpan<byte> line)
    {
        output.GetSpan(1)[0] = marker;
        output.Advance(1);
        Write(output, line);
        if (line.IsEmpty || line[^1] != (byte)'\n')
        {
            Write(output, s_noNewline);
        }
    }

    private static void Write(ArrayBufferWriter<byte> output, ReadOnlySpan<byte> bytes) => output.Write(bytes);

    private static void Write(ArrayBufferWriter<byte> output, string text)
    {
        int max = Encoding.UTF8.GetMaxByteCount(text.Length);
        int written = Encoding.UTF8.GetBytes(text, output.GetSpan(max));
        output.Advance(written);
    }

    private static void WriteNumber(ArrayBufferWriter<byte> output, int value)
    {
        value.TryFormat(output.GetSpan(11), out int written, provider: CultureInfo.InvariantCulture);
        output.Advance(written);
    }

    /// <summary>See <see cref="UnifiedDiffOptions.SpatchLineCleanup"/>.</summary>
    private static byte[] ApplySpatchLineCleanup(ReadOnlySpan<byte> diff)
    {
        var output = new ArrayBufferWriter<byte>(diff.Length);
        while (!diff.IsEmpty)
        {
            int end = diff.IndexOf((byte)'\n');
            ReadOnlySpan<byte> line = end < 0 ? diff : diff[..end];
            diff = end < 0 ? default : diff[(end + 1)..];

            ReadOnlySpan<byte> rest = SkipBlanks(line);
            ReadOnlySpan<byte> word1 = TakeWord(ref rest);
            rest = SkipBlanks(rest);
            ReadOnlySpan<byte> word2 = TakeWord(ref rest);
            if (!word2.IsEmpty && (word1.SequenceEqual("---"u8) || word1.SequenceEqual("+++"u8)))
            {
                Write(output, word1);
                Write(output, " "u8);
                Write(output, word2);
            }
            else
            {
                Write(output, line);
            }

            Write(output, "\n"u8);
        }

        return output.WrittenSpan.ToArray();
    }

    private static ReadOnlySpan<byte> SkipBlanks(ReadOnlySpan<byte> text)
    {
        int i = 0;
        while (i < text.Length && text[i] is (byte)' ' or (byte)'\t')
        {
            i++;
        }

        return text[i..];
    }

    private static ReadOnlySpan<byte> TakeWord(ref ReadOnlySpan<byte> text)
    {
        int i = text.IndexOfAny((byte)' ', (byte)'\t');
        if (i < 0)
        {
            i = text.Length;
        }

        ReadOnlySpan<byte> word = text[..i];
        text = text[i..];
        return word;
    }

    /// <summary>
    /// GNU diff's find_function with its default <c>-p</c> pattern <c>^[[:alpha:]$_]</c>: the last
    /// matching line before a given line. Hunks come in order, so each search only scans the lines
    /// since the previous one and otherwise falls back on the previous answer.
    /// </summary>
    private sealed class FunctionFinder(ReadOnlySpan<byte> text, TextLines lines)
    {
        // PERF: one flag per line up front keeps the span out of the class; lines are scanned once.
        private readonly bool[] _isFunctionLine = Classify(text, lines);
        private int _lastSearch;
        private int? _lastMatch;

        public int? Find(int beforeLine)
        {
            int start = _lastSearch;
            _lastSearch = beforeLine;
            for (int i = beforeLine - 1; i >= start; i--)
            {
                if (_isFunctionLine[i])
                {
                    _lastMatch = i;
                    return i;
                }
            }

            return _lastMatch;
        }

        private static bool[] Classify(ReadOnlySpan<byte> text, TextLines lines)
        {
            var result = new bool[lines.Count];
            for (int i = 0; i < result.Length; i++)
            {
                result[i] = StartsWithLetter(lines.Line(text, i));
            }

            return result;
        }

        private static bool StartsWithLetter(ReadOnlySpan<byte> line)
        {
            if (line.IsEmpty)
            {
                return false;
            }

            byte b = line[0];
            if (char.IsAsciiLetter((char)b) || b == (byte)'_' || b == (byte)'$')
            {
                return true;
            }

            // diff runs in a UTF-8 locale, where glibc's [[:alpha:]] also matches non-ASCII
            // letters, letter numbers such as U+216B and non-ASCII decimal digits.
            return b >= 0x80
                && Rune.DecodeFromUtf8(line, out Rune rune, out _) == OperationStatus.Done
                && (Rune.IsLetter(rune) || Rune.GetUnicodeCategory(rune) is UnicodeCategory.LetterNumber or UnicodeCategory.DecimalDigitNumber);
        }
    }
}
