namespace Sevenspot.C.Tests.Corpus;

/// <summary>
/// A theory over Coccinelle's test corpus. When the corpus is not there the theory is reported as
/// skipped, with the folder it looked in, rather than passing with no cases.
/// </summary>
public sealed class CorpusTheoryAttribute : TheoryAttribute
{
    public CorpusTheoryAttribute()
    {
        if (!Directory.Exists(RepositoryPaths.CocciTests))
        {
            Skip = $"skipped: corpus not found at {RepositoryPaths.CocciTests} (set SEVENSPOT_COCCI_TESTS to its folder)";
        }
    }
}
