using Sevenspot.Cli.Testing;

namespace Sevenspot.Cli.Tests.Conformance;

/// <summary>
/// Where the corpus and the ratchet list are. The corpus comes from SEVENSPOT_COCCI_TESTS, or
/// ../shared/corpus/cocci-tests next to the repository (the folder holding Sevenspot.slnx).
/// </summary>
internal static class CocciCorpus
{
    public const string CorpusVariable = "SEVENSPOT_COCCI_TESTS";

    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    public static string Directory { get; } = Path.GetFullPath(
        Environment.GetEnvironmentVariable(CorpusVariable) is { Length: > 0 } configured
            ? configured
            : Path.Join(RepositoryRoot, "..", "shared", "corpus", "cocci-tests"));

    public static string RatchetFile => Path.Join(RepositoryRoot, "tests", "conformance", "passing.txt");

    /// <summary>Why the conformance tests cannot run, or null.</summary>
    public static string? UnavailableReason =>
        File.Exists(Path.Join(Directory, "INDEX"))
            ? null
            : $"skipped: corpus not found (no INDEX in {Directory}; set {CorpusVariable} to Coccinelle's tests directory)";

    /// <summary>The tests INDEX lists, in its order.</summary>
    public static IReadOnlyList<CocciTest> Tests() => CocciTest.InFolder(Directory);

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Join(dir.FullName, "Sevenspot.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No Sevenspot.slnx above {AppContext.BaseDirectory}.");
    }
}

/// <summary>A fact that is reported as skipped, with the reason, when the corpus is missing.</summary>
public sealed class CorpusFactAttribute : FactAttribute
{
    public CorpusFactAttribute()
    {
        if (CocciCorpus.UnavailableReason is string reason)
        {
            Skip = reason;
        }
    }
}
