using System.Text;
using Sevenspot.Text;

namespace Sevenspot.C.Tests.Parsing;

/// <summary>
/// One case per folder of Fixtures/Parser: input.c is parsed (with macros.h as a macro file when
/// present), printed back byte for byte, and its dump compared with expected.tree. Set
/// SEVENSPOT_UPDATE_FIXTURES=1 to rewrite the expectations after reviewing the differences.
/// </summary>
public sealed class ParserFixtureTests
{
    private const string UpdateVariable = "SEVENSPOT_UPDATE_FIXTURES";

    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (string folder in Directory.GetDirectories(RepositoryPaths.ParserFixtures).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(folder));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Fixture(string name)
    {
        string folder = Path.Combine(RepositoryPaths.ParserFixtures, name);
        string inputPath = Path.Combine(folder, "input.c");
        string expectedPath = Path.Combine(folder, "expected.tree");
        string macrosPath = Path.Combine(folder, "macros.h");
        byte[] input = File.ReadAllBytes(inputPath);
        var options = File.Exists(macrosPath)
            ? new ParseOptions { Macros = MacroTable.FromText(macrosPath, File.ReadAllText(macrosPath)) }
            : ParseOptions.Default;

        var tree = Parser.Parse(new SourceText(inputPath, input), options);

        byte[] printed = tree.Print();
        Assert.True(printed.AsSpan().SequenceEqual(input), $"{name}: printing the tree does not give back input.c:\n{Encoding.UTF8.GetString(printed)}");

        string actual = tree.Dump();
        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            File.WriteAllText(expectedPath, actual);
            return;
        }

        string expected = File.Exists(expectedPath) ? File.ReadAllText(expectedPath).ReplaceLineEndings("\n") : string.Empty;
        if (expected != actual)
        {
            Assert.Fail(
                $"{name}: the tree differs from {(File.Exists(expectedPath) ? "expected.tree" : "a missing expected.tree")}. "
                + $"After review, paste the dump below into {expectedPath}, or run the tests with {UpdateVariable}=1.\n"
                + FirstDifference(expected, actual)
                + "\n--- actual ---\n"
                + actual);
        }
    }

    private static string FirstDifference(string expected, string actual)
    {
        string[] e = expected.Split('\n');
        string[] a = actual.Split('\n');
        for (int i = 0; i < Math.Max(e.Length, a.Length); i++)
        {
            string el = i < e.Length ? e[i] : "<end>";
            string al = i < a.Length ? a[i] : "<end>";
            if (el != al)
            {
                return $"first difference at line {i + 1}:\n  expected: {el}\n  actual:   {al}";
            }
        }

        return string.Empty;
    }
}
