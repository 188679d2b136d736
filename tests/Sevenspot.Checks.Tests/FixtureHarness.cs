using System.Text;
using Sevenspot.Checks.Output;
using Sevenspot.Text;
using Xunit.Sdk;

namespace Sevenspot.Checks.Tests;

/// <summary>
/// Runs one check on one fixture. A fixture is <c>Fixtures/&lt;check-id&gt;/NAME.c</c>: NAME starts
/// with pos- (the check must report) or neg- (it must stay silent). <c>NAME.expected</c> beside it
/// holds the expected findings in the report format, with the file name as path; a line
/// <c>NAME.c:LINE</c> alone expects a finding at that line, whatever its columns and message
/// (used until a check's wording is settled). <c>NAME.fixed</c> is the file with every fix applied.
/// </summary>
internal static class FixtureHarness
{
    public static TheoryData<string> Names(string checkId)
    {
        var data = new TheoryData<string>();
        foreach (string file in Directory.GetFiles(Path.Combine(RepositoryPaths.Fixtures, checkId), "*.c").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }

    public static CheckReport Run(Check check, string checkId, string name, CheckOptions? options = null)
    {
        string path = Path.Combine(RepositoryPaths.Fixtures, checkId, name);
        var runner = new CheckRunner([check], options);
        var analysis = runner.AnalyzeText(new SourceText(name, File.ReadAllBytes(path)));
        return runner.Complete([analysis]);
    }

    public static void Verify(Check check, string name, CheckOptions? options = null)
    {
        string checkId = check.Descriptor.Id;
        string folder = Path.Combine(RepositoryPaths.Fixtures, checkId);
        var report = Run(check, checkId, name, options);
        var writer = new StringWriter();
        ReportWriter.WriteFindings(report, writer);
        string actual = writer.ToString();

        Assert.Empty(report.Skipped);
        if (name.StartsWith("neg-", StringComparison.Ordinal))
        {
            Assert.True(report.Findings.Count == 0, $"{name}: false positive(s):\n{actual}");
        }
        else
        {
            Assert.True(report.Findings.Count > 0, $"{name}: nothing reported");
        }

        string expectedPath = Path.Combine(folder, Path.ChangeExtension(name, ".expected"));
        if (!RepositoryPaths.UpdateExpected && File.Exists(expectedPath) && IsLineOnly(File.ReadAllText(expectedPath)))
        {
            VerifyLines(expectedPath, report);
        }
        else
        {
            Golden.Verify(expectedPath, actual);
        }

        string fixedPath = Path.Combine(folder, Path.ChangeExtension(name, ".fixed"));
        var edits = report.Findings.Where(f => f.Fix is not null).SelectMany(f => f.Fix!.Edits).Select(e => e.ToTextEdit()).Distinct().ToList();
        if (edits.Count > 0 || File.Exists(fixedPath))
        {
            byte[] source = File.ReadAllBytes(Path.Combine(folder, name));
            Golden.Verify(fixedPath, Encoding.UTF8.GetString(TextEdit.Apply(source, edits)));
        }
    }

    private static bool IsLineOnly(string expected) =>
        expected.Split('\n', StringSplitOptions.RemoveEmptyEntries).All(line => line.Count(c => c == ':') == 1);

    private static void VerifyLines(string expectedPath, CheckReport report)
    {
        var expected = File.ReadAllText(expectedPath).Split('\n', StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal).ToList();
        var actual = report.Findings.Select(f => $"{f.Location.Path}:{f.Location.Start.Line}").Order(StringComparer.Ordinal).ToList();
        if (!expected.SequenceEqual(actual))
        {
            throw new XunitException($"{expectedPath}: expected findings at\n{string.Join('\n', expected)}\nbut found\n{string.Join('\n', report.Findings.Select(ReportWriter.FormatFinding))}");
        }
    }
}
