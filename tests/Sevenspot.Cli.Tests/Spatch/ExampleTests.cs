using System.Text;
using Sevenspot.Cli.Spatch;
using Sevenspot.Cli.Tests.Conformance;

namespace Sevenspot.Cli.Tests.Spatch;

/// <summary>The README's example does what the README shows.</summary>
public sealed class ExampleTests
{
    [Fact]
    public void Kzalloc_example_prints_the_diff_shown_in_the_readme()
    {
        var stdout = new MemoryStream();
        var stderr = new StringWriter();
        var environment = new SpatchEnvironment { Error = stderr, WorkingDirectory = CocciCorpus.RepositoryRoot, GetVariable = _ => null };
        int exit = SpatchDriver.Run(["--sp-file", "examples/kzalloc.cocci", "examples/kzalloc.c"], environment, stdout);
        Assert.Equal(0, exit);
        Assert.Equal("coverage: 1 of 1 functions parsed (100%) in 1 file(s); 0 file(s) skipped\n", stderr.ToString());

        string diff = Encoding.UTF8.GetString(stdout.ToArray());
        string readme = File.ReadAllText(Path.Join(CocciCorpus.RepositoryRoot, "README.md"));
        int start = readme.IndexOf("```diff\n", StringComparison.Ordinal) + "```diff\n".Length;
        string shown = readme[start..readme.IndexOf("```", start, StringComparison.Ordinal)];

        // Past the header naming a temporary file, the README shows the diff as printed (editors
        // may drop the blank of an empty context line).
        Assert.Equal(TrimLines(shown[shown.IndexOf("\n@@", StringComparison.Ordinal)..]), TrimLines(diff[diff.IndexOf("\n@@", StringComparison.Ordinal)..]));
        Assert.StartsWith("--- examples/kzalloc.c\n+++ /tmp/cocci-output-", diff, StringComparison.Ordinal);
    }

    private static string TrimLines(string text) => string.Join('\n', text.Split('\n').Select(l => l.TrimEnd()));
}
