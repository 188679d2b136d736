using Sevenspot.C;
using Sevenspot.Text;

namespace Sevenspot.Checks.Tests;

/// <summary>The fixtures themselves: enough of them for every check, well formed, with expectations that fit.</summary>
public sealed class FixtureInventoryTests
{
    public static TheoryData<string> CheckIds => [.. CheckDescriptors.All.Select(d => d.Id)];

    [Theory]
    [MemberData(nameof(CheckIds))]
    public void EveryCheckHasFourPositivesAndFourNegatives(string id)
    {
        string folder = Path.Combine(RepositoryPaths.Fixtures, id);
        Assert.True(Directory.Exists(folder), $"no fixtures for {id}");
        var files = Directory.GetFiles(folder, "*.c").Select(Path.GetFileName).ToList();
        Assert.True(files.Count(f => f!.StartsWith("pos-", StringComparison.Ordinal)) >= 4, $"{id}: fewer than 4 positives");
        Assert.True(files.Count(f => f!.StartsWith("neg-", StringComparison.Ordinal)) >= 4, $"{id}: fewer than 4 negatives");
        Assert.All(files, f => Assert.True(f!.StartsWith("pos-", StringComparison.Ordinal) || f.StartsWith("neg-", StringComparison.Ordinal), $"{f}: fixture names start with pos- or neg-"));
    }

    [Theory]
    [MemberData(nameof(CheckIds))]
    public void FixturesParseAndExpectationsPointAtTheirLines(string id)
    {
        foreach (string path in Directory.GetFiles(Path.Combine(RepositoryPaths.Fixtures, id), "*.c"))
        {
            string name = Path.GetFileName(path);
            var text = new SourceText(name, File.ReadAllBytes(path));
            var tree = Parser.Parse(text);
            Assert.False(tree.Root.ContainsErrors, $"{name} does not parse: {string.Join("; ", tree.Diagnostics)}");

            string expectedPath = Path.ChangeExtension(path, ".expected");
            Assert.True(File.Exists(expectedPath), $"{name} has no .expected file");
            var lines = File.ReadAllText(expectedPath).Split('\n', StringSplitOptions.RemoveEmptyEntries);
            if (name.StartsWith("neg-", StringComparison.Ordinal))
            {
                Assert.Empty(lines);
                continue;
            }

            Assert.NotEmpty(lines);
            foreach (string line in lines)
            {
                var parts = line.Split(':');
                Assert.Equal(name, parts[0]);
                int number = int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture);
                Assert.InRange(number, 1, text.LineCount);
                Assert.True(text.GetLineText(number).Trim().Length > 0, $"{line}: expected finding on an empty line");
            }
        }
    }

    [Fact]
    public void EveryDescriptorIsABundledCheckWithADocumentationPage()
    {
        foreach (var descriptor in CheckDescriptors.All)
        {
            var check = BundledChecks.Find(descriptor.Id);
            Assert.NotNull(check);
            Assert.Same(descriptor, check!.Descriptor);
            Assert.True(File.Exists(Path.Combine(RepositoryPaths.Root, descriptor.DocPath)), $"missing {descriptor.DocPath}");
        }
    }
}
