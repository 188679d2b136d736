using System.Diagnostics;
using System.Text;
using Xunit.Abstractions;

namespace Sevenspot.Text.Tests.Diff;

public sealed class LineDiffTests(ITestOutputHelper output)
{
    [Fact]
    public void Equal_texts_have_no_changes()
    {
        byte[] text = "int a;\nint b;\n"u8.ToArray();

        Assert.Empty(LineDiff.Compute(text, text));
        Assert.Empty(UnifiedDiff.Create(text, text, "a", "b"));
        Assert.Empty(UnifiedDiff.Create([], [], "a", "b"));
    }

    [Fact]
    public void Change_reports_zero_based_lines_and_counts()
    {
        var changes = LineDiff.Compute("a\nb\nc\nd\n"u8, "a\nB\nc\nd\ne\n"u8);

        Assert.Equal([new LineChange(1, 1, 1, 1), new LineChange(4, 4, 0, 1)], changes);
    }

    [Fact]
    public void Missing_final_newline_makes_the_last_line_differ()
    {
        var changes = LineDiff.Compute("a\nb"u8, "a\nb\n"u8);

        Assert.Equal([new LineChange(1, 1, 1, 1)], changes);
    }

    [Fact]
    public void Line_endings_are_part_of_the_line()
    {
        var changes = LineDiff.Compute("a\r\nb\r\n"u8, "a\r\nb\n"u8);

        Assert.Equal([new LineChange(1, 1, 1, 1)], changes);
    }

    [Fact]
    public void Applying_the_changes_gives_the_new_text()
    {
        for (int seed = 1; seed <= 300; seed++)
        {
            var generator = new CTextGenerator(seed);
            var lines = generator.File(functions: 1 + (seed % 5));
            var edited = generator.Edit(lines, edits: 1 + (seed % 7));
            byte[] oldText = CTextGenerator.Join(lines, finalNewline: seed % 11 != 0);
            byte[] newText = CTextGenerator.Join(edited, finalNewline: seed % 13 != 0);

            var changes = LineDiff.Compute(oldText, newText);

            Assert.Equal(newText, Apply(oldText, newText, changes));
        }
    }

    [Fact]
    public void Twenty_thousand_lines_with_ten_scattered_changes()
    {
        var oldLines = new List<byte[]>();
        for (int i = 0; i < 20_000; i++)
        {
            oldLines.Add(Encoding.ASCII.GetBytes(i % 7 == 0 ? "}" : i % 5 == 0 ? "" : $"\tvalue_{i % 997} = compute({i});"));
        }

        var newLines = new List<byte[]>(oldLines);
        for (int k = 0; k < 10; k++)
        {
            newLines[1_000 + k * 1_900] = "\tchanged();"u8.ToArray();
        }

        byte[] oldText = CTextGenerator.Join(oldLines);
        byte[] newText = CTextGenerator.Join(newLines);

        var stopwatch = Stopwatch.StartNew();
        byte[] diff = UnifiedDiff.Create(oldText, newText, "a/big.c", "b/big.c");
        stopwatch.Stop();
        output.WriteLine($"20k lines, 10 changes: {stopwatch.Elapsed.TotalMilliseconds:F1} ms");

        Assert.Equal(10, Encoding.ASCII.GetString(diff).Split("\n@@ ").Length - 1);
    }

    [Fact]
    public void Complete_rewrite_of_a_large_file_finishes()
    {
        var random = new Random(7);
        byte[] Make() => Encoding.ASCII.GetBytes(string.Concat(Enumerable.Range(0, 20_000).Select(_ => "abcdefgh"[random.Next(8)] + "\n")));
        byte[] oldText = Make();
        byte[] newText = Make();

        var changes = LineDiff.Compute(oldText, newText);

        Assert.Equal(newText, Apply(oldText, newText, changes));
    }

    private static byte[] Apply(byte[] oldText, byte[] newText, IReadOnlyList<LineChange> changes)
    {
        var oldLines = SplitLines(oldText);
        var newLines = SplitLines(newText);
        var result = new List<byte>();
        int next = 0;
        int nextNew = 0;
        foreach (var change in changes)
        {
            Assert.True(change.OldStart >= next, "changes must be ordered and disjoint");
            Assert.Equal(change.OldStart - next, change.NewStart - nextNew);
            for (int i = next; i < change.OldStart; i++)
            {
                result.AddRange(oldLines[i]);
            }

            for (int i = change.NewStart; i < change.NewEnd; i++)
            {
                result.AddRange(newLines[i]);
            }

            next = change.OldEnd;
            nextNew = change.NewEnd;
        }

        for (int i = next; i < oldLines.Count; i++)
        {
            result.AddRange(oldLines[i]);
        }

        return [.. result];
    }

    private static List<byte[]> SplitLines(byte[] text)
    {
        var lines = new List<byte[]>();
        int start = 0;
        for (int i = 0; i < text.Length; i++)
        {
            if (text[i] == (byte)'\n')
            {
                lines.Add(text[start..(i + 1)]);
                start = i + 1;
            }
        }

        if (start < text.Length)
        {
            lines.Add(text[start..]);
        }

        return lines;
    }
}
