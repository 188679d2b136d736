using System.Diagnostics;
using Sevenspot.Cli.Tests.Spatch;

namespace Sevenspot.Cli.Tests;

/// <summary>sevenspot check as a command: all ten checks by default (the opt-in lock-order-cycles only when named), and the same bytes for any --jobs.</summary>
public sealed class CheckCommandTests
{
    private static string Fixtures()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Sevenspot.slnx")))
            {
                return Path.Combine(dir.FullName, "tests", "Sevenspot.Checks.Tests", "Fixtures");
            }
        }

        throw new InvalidOperationException($"No Sevenspot.slnx above {AppContext.BaseDirectory}.");
    }

    private static (int Exit, string Stdout, string Stderr) Check(params string[] args) => CheckIn(null, args);

    private static (int Exit, string Stdout, string Stderr) CheckIn(string? directory, params string[] args)
    {
        var start = new ProcessStartInfo(SpatchHarness.Executable)
        {
            WorkingDirectory = directory ?? Environment.CurrentDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("check");
        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(TimeSpan.FromSeconds(120)), "sevenspot check did not finish in 120 s");
        return (process.ExitCode, stdout.Result, stderr.Result);
    }

    [Fact]
    public void The_readme_example_prints_the_findings_shown_there()
    {
        string root = Path.GetDirectoryName(Path.GetDirectoryName(Fixtures()))!;
        root = Path.GetDirectoryName(root)!;
        var (exit, stdout, _) = CheckIn(root, "examples/checks.c");
        Assert.Equal(0, exit);

        string readme = File.ReadAllText(Path.Combine(root, "README.md"));
        string section = readme[readme.IndexOf("## Kernel checks", StringComparison.Ordinal)..];
        var shown = section.Split('\n').Where(l => l.StartsWith("    examples/checks.c:", StringComparison.Ordinal)).Select(l => l[4..]);
        Assert.Equal(shown, stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Theory]
    [InlineData("report")]
    [InlineData("json")]
    [InlineData("sarif")]
    [InlineData("html")]
    public void TheOutputIsTheSameForOneAndTwoJobs(string format)
    {
        string folder = Directory.CreateTempSubdirectory("sevenspot-check-").FullName;
        try
        {
            string one = Path.Combine(folder, "one"), two = Path.Combine(folder, "two");
            Assert.Equal(0, Check(Fixtures(), "--quiet", "--jobs", "1", "--format", format, "-o", one).Exit);
            Assert.Equal(0, Check(Fixtures(), "--quiet", "--jobs", "2", "--format", format, "-o", two).Exit);
            byte[] bytes = File.ReadAllBytes(one);
            Assert.True(bytes.Length > 1000, $"{format}: suspiciously short output");
            Assert.Equal(bytes, File.ReadAllBytes(two));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void EveryDefaultCheckRunsByDefault()
    {
        var (exit, stdout, stderr) = Check(Fixtures(), "--jobs", "2");
        Assert.Equal(0, exit);
        string[] ids =
        [
            "bitand-precedence", "bitlock-release", "bitlock-unowned-release", "double-list-removal", "files-without-ref", "freed-while-linked",
            "kzalloc", "lock-order", "refcount-balance", "sleep-in-atomic", "tasklist-unlocked",
        ];
        foreach (string id in ids)
        {
            Assert.Contains($"[{id}]", stdout, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("not run", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("[lock-order-cycles]", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void LockOrderCyclesRunOnlyWhenNamed()
    {
        string cycles = Path.Combine(Fixtures(), "lock-order-cycles");
        var (exit, stdout, _) = Check(cycles, "--check", "lock-order-cycles", "--jobs", "1");
        Assert.Equal(0, exit);
        Assert.Contains("pos-ab-ba.c:12:", stdout, StringComparison.Ordinal);
        Assert.Contains("lock order cycle", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("[lock-order]", stdout, StringComparison.Ordinal);

        var byDefault = Check(cycles, "--jobs", "1");
        Assert.Equal(0, byDefault.Exit);
        Assert.DoesNotContain("lock order cycle", byDefault.Stdout, StringComparison.Ordinal);

        var list = Check("--list");
        Assert.Contains("lock-order-cycles: Lock classes taken in both orders (unaudited) (run only with --check lock-order-cycles)", list.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_path_fails_the_run_and_is_counted_while_the_others_are_checked()
    {
        string root = Path.GetDirectoryName(Path.GetDirectoryName(Path.GetDirectoryName(Fixtures())))!;
        var (exit, stdout, stderr) = CheckIn(root, "no/such/dir", "examples/checks.c", "no-such-file.c");
        Assert.Equal(1, exit);
        Assert.Contains("examples/checks.c:17:", stdout, StringComparison.Ordinal);
        Assert.Contains("sevenspot: no/such/dir: no such file or directory", stderr, StringComparison.Ordinal);
        Assert.Contains("sevenspot: no-such-file.c: no such file or directory", stderr, StringComparison.Ordinal);
        Assert.Contains("in 1 file(s)", stderr, StringComparison.Ordinal);
        Assert.Contains("; 2 input(s) not found", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_check_that_fails_on_a_file_fails_the_run()
    {
        var runner = new Sevenspot.Checks.CheckRunner([new ThrowingCheck(), new Sevenspot.Checks.BitandPrecedenceCheck()]);
        var failed = runner.Complete([runner.AnalyzeText(Sevenspot.Text.SourceText.FromString("t.c", "int f(int m) { return !m & 0x4; }\n"))]);
        Assert.Single(failed.Findings);
        Assert.Equal(1, CheckCommand.ExitStatus(failed, missingInputs: 0));

        var clean = new Sevenspot.Checks.CheckRunner([new Sevenspot.Checks.BitandPrecedenceCheck()]);
        var report = clean.Complete([clean.AnalyzeText(Sevenspot.Text.SourceText.FromString("t.c", "int f(int m) { return !m & 0x4; }\n"))]);
        Assert.Equal(0, CheckCommand.ExitStatus(report, missingInputs: 0));
        Assert.Equal(1, CheckCommand.ExitStatus(report, missingInputs: 1));
    }

    [Fact]
    public void Only_missing_paths_fail_even_when_quiet()
    {
        var (exit, stdout, stderr) = Check("--quiet", "/no/such/path.c");
        Assert.Equal(1, exit);
        Assert.Equal(string.Empty, stdout);
        Assert.Contains("/no/such/path.c: no such file or directory", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_check_is_refused_with_the_known_ones()
    {
        var (exit, stdout, stderr) = Check("--check", "no-such-check", "/no/such/path.c");
        Assert.Equal(2, exit);
        Assert.Equal(string.Empty, stdout);
        Assert.StartsWith("sevenspot: unknown check 'no-such-check' (known: ", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void An_output_file_that_cannot_be_written_is_an_error()
    {
        string root = Path.GetDirectoryName(Path.GetDirectoryName(Path.GetDirectoryName(Fixtures())))!;
        var (exit, _, stderr) = CheckIn(root, "--quiet", "-o", "/no/such/folder/out.txt", "examples/checks.c");
        Assert.Equal(2, exit);
        Assert.StartsWith("sevenspot: cannot write /no/such/folder/out.txt: ", stderr, StringComparison.Ordinal);
    }

    private sealed class ThrowingCheck : Sevenspot.Checks.FileCheck
    {
        private static readonly Sevenspot.Checks.CheckDescriptor s_descriptor = new("zz-throws", "Throws", "A check with a bug.", Sevenspot.Checks.CheckSeverity.Note, "None.");

        public override Sevenspot.Checks.CheckDescriptor Descriptor => s_descriptor;

        public override void Analyze(Sevenspot.Checks.FileContext file, Sevenspot.Checks.FindingSink sink) => throw new InvalidOperationException("boom");
    }
}
