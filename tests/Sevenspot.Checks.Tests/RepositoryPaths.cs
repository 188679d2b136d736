namespace Sevenspot.Checks.Tests;

/// <summary>Folders the tests read: the repository (found from the test assembly) and the shared folder beside it.</summary>
internal static class RepositoryPaths
{
    private static readonly Lazy<string> s_root = new(FindRoot);

    /// <summary>The folder that holds Sevenspot.slnx.</summary>
    public static string Root => s_root.Value;

    /// <summary>The check fixtures: one folder per check id, C files beside their expected findings.</summary>
    public static string Fixtures => Path.Combine(Root, "tests", "Sevenspot.Checks.Tests", "Fixtures");

    /// <summary>The shared folder: $SEVENSPOT_SHARED, or ../shared beside the repository.</summary>
    public static string Shared
    {
        get
        {
            string? configured = Environment.GetEnvironmentVariable("SEVENSPOT_SHARED");
            return string.IsNullOrEmpty(configured)
                ? Path.GetFullPath(Path.Combine(Root, "..", "shared"))
                : Path.GetFullPath(configured, Root);
        }
    }

    /// <summary>Whether expectation files should be rewritten from the actual output (SEVENSPOT_UPDATE_EXPECTED=1).</summary>
    public static bool UpdateExpected => Environment.GetEnvironmentVariable("SEVENSPOT_UPDATE_EXPECTED") == "1";

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
