namespace Sevenspot.C.Tests;

/// <summary>Folders the tests read: the repository (found from the test assembly) and the shared corpora beside it.</summary>
internal static class RepositoryPaths
{
    private static readonly Lazy<string> s_root = new(FindRoot);

    /// <summary>The folder that holds Sevenspot.slnx.</summary>
    public static string Root => s_root.Value;

    /// <summary>The parser fixtures: one folder per case with input.c and expected.tree.</summary>
    public static string ParserFixtures => Path.Combine(Root, "tests", "Sevenspot.C.Tests", "Fixtures", "Parser");

    /// <summary>Coccinelle's test corpus: $SEVENSPOT_COCCI_TESTS, or ../shared/corpus/cocci-tests beside the repository.</summary>
    public static string CocciTests
    {
        get
        {
            string? configured = Environment.GetEnvironmentVariable("SEVENSPOT_COCCI_TESTS");
            return string.IsNullOrEmpty(configured)
                ? Path.GetFullPath(Path.Combine(Root, "..", "shared", "corpus", "cocci-tests"))
                : Path.GetFullPath(configured);
        }
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Sevenspot.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No Sevenspot.slnx above {AppContext.BaseDirectory}.");
    }
}
