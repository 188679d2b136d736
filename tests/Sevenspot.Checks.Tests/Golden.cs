using Xunit.Sdk;

namespace Sevenspot.Checks.Tests;

/// <summary>
/// Compares output with an expectation file. With SEVENSPOT_UPDATE_EXPECTED=1 the file is
/// rewritten instead (review the diff before committing); otherwise a difference fails with the
/// actual text, ready to paste as the new expectation after review.
/// </summary>
internal static class Golden
{
    public static void Verify(string expectedPath, string actual)
    {
        if (RepositoryPaths.UpdateExpected)
        {
            File.WriteAllText(expectedPath, actual);
            return;
        }

        if (!File.Exists(expectedPath))
        {
            throw new XunitException($"Missing {expectedPath}; run with SEVENSPOT_UPDATE_EXPECTED=1 to create it. Actual:\n{actual}");
        }

        string expected = File.ReadAllText(expectedPath);
        if (expected != actual)
        {
            throw new XunitException($"{expectedPath} differs.\n--- expected\n{expected}\n--- actual\n{actual}");
        }
    }
}
