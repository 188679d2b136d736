using Sevenspot.Checks.Flow;
using Sevenspot.Text;

namespace Sevenspot.Checks.Tests;

/// <summary>
/// Checks over trees of several files: two programs side by side (Fixtures/trees), under any
/// file and folder names, in any order.
/// </summary>
public sealed class TreeFixtureTests
{
    private static readonly CheckOptions s_options = new() { FlowGraphs = ControlFlowGraphProvider.Instance };

    public static TheoryData<string, string> FolderNames => new()
    {
        { "drivers/alpha", "drivers/beta" },
        { "drivers/beta", "drivers/alpha" },
        { "x", "y/z" },
    };

    [Theory]
    [MemberData(nameof(FolderNames))]
    public void TwoDriversNamingTheirBitAlikeAreTwoPrograms(string serialisedFolder, string lockFolder)
    {
        string folder = Path.Combine(RepositoryPaths.Fixtures, "trees", "two-drivers");
        string serialised = $"{serialisedFolder}/nic.c";
        string unserialised = $"{lockFolder}/nic.c";
        var texts = new[]
        {
            new SourceText(unserialised, File.ReadAllBytes(Path.Combine(folder, "beta.c"))),
            new SourceText(serialised, File.ReadAllBytes(Path.Combine(folder, "alpha.c"))),
        };
        foreach (var order in new[] { texts, texts.Reverse().ToArray() })
        {
            var runner = new CheckRunner([BundledChecks.Find("bitlock-release")!], s_options);
            var report = runner.Complete([.. order.Select(runner.AnalyzeText)]);
            Assert.Equal(2, report.Findings.Count);
            Assert.All(report.Findings, f => Assert.Equal(unserialised, f.Location.Path));
        }
    }
}
