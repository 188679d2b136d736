using System.Text;
using Sevenspot.Checks;
using Sevenspot.Cli.Spatch;
using Sevenspot.Cli.Tests.Conformance;
using Sevenspot.Text;

namespace Sevenspot.Cli.Tests.Spatch;

/// <summary>
/// The kzalloc check's bundled rule run as an ordinary semantic patch (--sp-file): on every
/// kzalloc fixture it changes exactly the lines of the check's findings, the allocation and the
/// memset it removes.
/// </summary>
public sealed class BundledRuleTests
{
    private static string FixtureFolder => Path.Join(CocciCorpus.RepositoryRoot, "tests", "Sevenspot.Checks.Tests", "Fixtures", "kzalloc");

    public static TheoryData<string> Fixtures()
    {
        var data = new TheoryData<string>();
        foreach (string path in Directory.GetFiles(FixtureFolder, "*.c").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(path));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void The_kzalloc_rule_changes_the_lines_the_check_reports(string name)
    {
        string relative = Path.Join("tests", "Sevenspot.Checks.Tests", "Fixtures", "kzalloc", name);
        var stdout = new MemoryStream();
        var environment = new SpatchEnvironment { Error = new StringWriter(), WorkingDirectory = CocciCorpus.RepositoryRoot, GetVariable = _ => null };
        int exit = SpatchDriver.Run(["--sp-file", "src/Sevenspot.Checks/Rules/kzalloc.cocci", "--very-quiet", relative], environment, stdout);
        Assert.Equal(0, exit);
        var removedByRule = RemovedLines(Encoding.UTF8.GetString(stdout.ToArray()));

        var runner = new CheckRunner([new KzallocCheck()]);
        var report = runner.Complete([runner.AnalyzeText(new SourceText(name, File.ReadAllBytes(Path.Join(FixtureFolder, name))))]);
        var reportedByCheck = new SortedSet<int>();
        foreach (var finding in report.Findings)
        {
            reportedByCheck.Add(finding.Location.Start.Line);
            reportedByCheck.Add(finding.Related[0].Location.Start.Line);
        }

        Assert.Equal(reportedByCheck, removedByRule);
    }

    /// <summary>The lines of the original a unified diff removes or replaces.</summary>
    private static SortedSet<int> RemovedLines(string diff)
    {
        var lines = new SortedSet<int>();
        int line = 0;
        foreach (string text in diff.Split('\n'))
        {
            if (text.StartsWith("@@ -", StringComparison.Ordinal))
            {
                line = int.Parse(text[4..text.IndexOfAny([',', ' '], 4)], System.Globalization.CultureInfo.InvariantCulture);
            }
            else if (text.StartsWith("---", StringComparison.Ordinal) || text.StartsWith("+++", StringComparison.Ordinal) || text.StartsWith('+'))
            {
                continue;
            }
            else if (text.StartsWith('-'))
            {
                lines.Add(line++);
            }
            else if (line > 0)
            {
                line++;
            }
        }

        return lines;
    }
}
