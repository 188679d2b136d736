using System.Globalization;
using System.Text;
using Sevenspot.Engine;
using Sevenspot.Text;

namespace Sevenspot.Cli.Spatch.Findings;

/// <summary>
/// Turns what the engine found in one file into <see cref="FindingRecord"/>s: script reports and
/// starred regions as they are, and the change of a transforming patch as one finding per hunk of
/// its diff (the hunk spatch would print, named after the rules whose changes fall in it).
/// Columns become code-point columns here, where the file's bytes are at hand.
/// </summary>
internal static class FindingCollector
{
    public static List<FindingRecord> Collect(FileOutcome outcome, int contextLines)
    {
        var result = new List<FindingRecord>(outcome.Findings.Count);
        var lines = new LineColumns(outcome.Path, outcome.Original);
        foreach (var finding in outcome.Findings)
        {
            var places = new List<FindingPlace>(finding.Locations.Count);
            foreach (var location in finding.Locations)
            {
                places.Add(lines.Place(location));
            }

            result.Add(new FindingRecord(finding.Rule, finding.Kind, finding.Message, places));
        }

        if (outcome.Modified is { } modified)
        {
            AddHunks(outcome, modified, contextLines, result);
        }

        return result;
    }

    /// <summary>
    /// Findings that belong to no one file's run (what finalize rules report from places merged over
    /// the files): each is placed with the bytes of its main file, read through <paramref name="read"/>
    /// (null when the file cannot be read: the columns are then byte columns).
    /// </summary>
    public static List<FindingRecord> Collect(IReadOnlyList<RuleFinding> findings, Func<string, byte[]?> read)
    {
        var result = new List<FindingRecord>(findings.Count);
        var files = new Dictionary<string, LineColumns>(StringComparer.Ordinal);
        foreach (var finding in findings)
        {
            string file = finding.Locations[0].File;
            if (!files.TryGetValue(file, out var lines))
            {
                lines = files[file] = new LineColumns(file, read(file) ?? []);
            }

            var places = new List<FindingPlace>(finding.Locations.Count);
            foreach (var location in finding.Locations)
            {
                places.Add(lines.Place(location));
            }

            result.Add(new FindingRecord(finding.Rule, finding.Kind, finding.Message, places));
        }

        return result;
    }

    private static void AddHunks(FileOutcome outcome, byte[] modified, int contextLines, List<FindingRecord> result)
    {
        string diff = Encoding.UTF8.GetString(UnifiedDiff.Create(outcome.Original, modified, outcome.Path, outcome.Path, new UnifiedDiffOptions
        {
            ContextLines = contextLines,
            SpatchLineCleanup = true,
        }));
        string header = $"--- {outcome.Path}\n+++ {outcome.Path}\n";
        var oldLines = TextLines.Split(outcome.Original);
        var newLines = TextLines.Split(modified);
        int at = diff.IndexOf("\n@@ ", StringComparison.Ordinal);
        while (at >= 0)
        {
            int start = at + 1;
            int next = diff.IndexOf("\n@@ ", start, StringComparison.Ordinal);
            string hunk = next < 0 ? diff[start..] : diff[start..(next + 1)];
            at = next;
            if (ChangedOldLines(hunk) is not var (first, end))
            {
                continue;
            }

            var rules = new List<string>();
            foreach (var change in outcome.Changes)
            {
                bool touches = change.FirstLine == change.EndLine
                    ? first <= change.FirstLine && change.FirstLine <= end
                    : change.FirstLine < Math.Max(end, first + 1) && first < change.EndLine;
                if (touches && !rules.Contains(change.Rule))
                {
                    rules.Add(change.Rule);
                }
            }

            string rule = rules.Count > 0 ? rules[0] : "patch";
            string message = rules.Count <= 1
                ? $"{RuleFinding.Describe(rule)} changes this code"
                : $"{string.Join(", ", rules.Select(RuleFinding.Describe))} change this code";

            // An insertion between lines is placed on the line it goes before (or the last line).
            int line = Math.Max(1, first);
            int endLine = Math.Max(line, end - 1);
            result.Add(new FindingRecord(rule, RuleFindingKind.Patch, message, [new FindingPlace(outcome.Path, line, null, endLine, null, null)])
            {
                Diff = header + hunk,
                Rules = rules,
                Replacements = Replacements(hunk, outcome.Original, oldLines, modified, newLines),
            });
        }
    }

    /// <summary>
    /// The edits of one hunk: each run of removed and added lines replaces those old lines (their
    /// bytes, newlines included) with the new lines of the patched file, so that applying every
    /// hunk's edits to the original gives the patched file byte for byte.
    /// </summary>
    private static List<FindingReplacement> Replacements(string hunk, byte[] original, TextLines oldLines, byte[] modified, TextLines newLines)
    {
        var result = new List<FindingReplacement>();
        if (HunkStarts(hunk) is not var (oldLine, newLine))
        {
            return result;
        }

        int blockOld = -1, blockNew = -1;
        bool header = true;
        foreach (string text in hunk.Split('\n'))
        {
            if (header)
            {
                header = false;
                continue;
            }

            char kind = text.Length == 0 ? '\0' : text[0];
            if (kind is '-' or '+')
            {
                if (blockOld < 0)
                {
                    (blockOld, blockNew) = (oldLine, newLine);
                }

                if (kind == '-')
                {
                    oldLine++;
                }
                else
                {
                    newLine++;
                }
            }
            else if (kind == ' ')
            {
                Close();
                oldLine++;
                newLine++;
            }
        }

        Close();
        return result;

        void Close()
        {
            if (blockOld < 0)
            {
                return;
            }

            int from = Offset(oldLines, blockOld), to = Offset(oldLines, oldLine);
            int newFrom = Offset(newLines, blockNew), newTo = Offset(newLines, newLine);
            result.Add(new FindingReplacement(from, to - from, Encoding.UTF8.GetString(modified, newFrom, newTo - newFrom)));
            blockOld = blockNew = -1;
        }

        // The byte where a 1-based line starts; past the last line, the end of the file.
        static int Offset(TextLines lines, int line) => lines.Starts[Math.Clamp(line - 1, 0, lines.Count)];
    }

    /// <summary>The first old and new line of a hunk ("@@ -a,b +c,d @@"; a count of 0 names the line before).</summary>
    private static (int Old, int New)? HunkStarts(string hunk)
    {
        int minus = hunk.IndexOf(" -", StringComparison.Ordinal);
        int plus = hunk.IndexOf(" +", StringComparison.Ordinal);
        if (minus < 0 || plus < 0 || Start(hunk, minus + 2) is not int old || Start(hunk, plus + 2) is not int @new)
        {
            return null;
        }

        return (old, @new);

        static int? Start(string hunk, int at)
        {
            int stop = hunk.IndexOfAny([',', ' '], at);
            if (stop < 0 || !int.TryParse(hunk.AsSpan(at, stop - at), NumberStyles.None, CultureInfo.InvariantCulture, out int line))
            {
                return null;
            }

            return hunk.AsSpan(stop).StartsWith(",0 ", StringComparison.Ordinal) ? line + 1 : line;
        }
    }

    /// <summary>
    /// The old lines a hunk changes, from its first to after its last removed line (1-based, end
    /// exclusive); for a hunk that only adds, an empty range at the line the addition goes before.
    /// </summary>
    private static (int First, int End)? ChangedOldLines(string hunk)
    {
        if (HunkStarts(hunk) is not var (oldLine, _))
        {
            return null;
        }

        int first = -1, end = -1;
        int line = oldLine;
        bool header = true;
        foreach (string text in hunk.Split('\n'))
        {
            if (header)
            {
                header = false;
                continue;
            }

            if (text.StartsWith('-'))
            {
                if (first < 0)
                {
                    first = line;
                }

                end = line + 1;
                line++;
            }
            else if (text.StartsWith('+'))
            {
                if (first < 0)
                {
                    first = end = line;
                }
            }
            else if (text.StartsWith(' '))
            {
                line++;
            }
        }

        return first < 0 ? null : (first, end);
    }

    /// <summary>Byte columns to code-point columns, on the lines of the file the findings are in.</summary>
    private sealed class LineColumns
    {
        private readonly string _path;
        private readonly byte[] _bytes;
        private readonly TextLines _lines;

        public LineColumns(string path, byte[] bytes)
        {
            _path = path;
            _bytes = bytes;
            _lines = TextLines.Split(bytes);
        }

        public FindingPlace Place(RuleFindingLocation location) => new(
            location.File,
            location.Start.Line,
            Column(location.File, location.Start),
            location.End.Line,
            Column(location.File, location.End),
            location.Message);

        private int Column(string file, LinePosition position)
        {
            int line = position.Line - 1;
            if (file != _path || line < 0 || line >= _lines.Count)
            {
                return position.Column + 1;
            }

            var text = _lines.Line(_bytes, line);
            int bytes = Math.Min(position.Column, text.Length);
            int points = 0;
            for (int i = 0; i < bytes; i++)
            {
                // Count every byte that does not continue a UTF-8 sequence.
                if ((text[i] & 0xC0) != 0x80)
                {
                    points++;
                }
            }

            return points + Math.Max(0, position.Column - bytes) + 1;
        }
    }
}
