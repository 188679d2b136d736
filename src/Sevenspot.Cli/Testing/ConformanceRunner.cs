using System.Diagnostics;
using System.Text;
using Sevenspot.C;
using Sevenspot.Cli.Spatch;

namespace Sevenspot.Cli.Testing;

internal enum Verdict
{
    Pass,
    Fail,
    Error,
    Timeout,
}

internal sealed record ConformanceResult(string Name, Verdict Verdict, double Seconds, string Why)
{
    /// <summary>The line cocci_conformance.py prints for a test.</summary>
    public string ScriptLine => $"{Name}\t{Verdict.ToString().ToUpperInvariant()}\t{Seconds.ToString("F2", System.Globalization.CultureInfo.InvariantCulture)}";
}

/// <summary>
/// Runs rule tests in Coccinelle's layout in this process, for <c>sevenspot test</c> and for the
/// conformance ratchet over Coccinelle's corpus. Each test runs the command line Coccinelle's
/// harness protocol gives (the one tools/cocci_conformance.py runs as a child process):
/// <c>--sp-file tests/BASE.cocci tests/NAME.c -o out/NAME.c --iso-file tests/standard.iso
/// --macro-file-builtins tests/standard.h [-I tests/include] --no-show-diff [--c++]</c>
/// (the iso, macro and include arguments only when the folder has them), from a scratch
/// directory where "tests" links to the folder, and is judged the same way: the tokens of the
/// output must be those of NAME.res.
/// </summary>
internal sealed class ConformanceRunner : IDisposable
{
    private const string NoModifiedFiles = "-o can not be applied because there are no modified files";

    private static readonly TimeSpan s_grace = TimeSpan.FromSeconds(10);

    private readonly string _corpus;
    private readonly string _scratch;
    private readonly TimeSpan _timeout;

    public ConformanceRunner(string corpus, TimeSpan timeout)
    {
        _corpus = Path.GetFullPath(corpus);
        _timeout = timeout;
        _scratch = Path.Join(Path.GetTempPath(), "sevenspot-conformance-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(_scratch);
    }

    /// <summary>Runs the tests on <paramref name="jobs"/> threads; a test still running a while after its timeout is given up on.</summary>
    public IReadOnlyList<ConformanceResult> RunAll(IReadOnlyList<CocciTest> tests, int jobs)
    {
        var results = new ConformanceResult[tests.Count];
        WorkerPool.RunOrdered(
            tests,
            jobs,
            Run,
            (i, r) => results[i] = r,
            _timeout + s_grace,
            t => new ConformanceResult(t.Name, Verdict.Timeout, (_timeout + s_grace).TotalSeconds, $"timeout after {_timeout.TotalSeconds}s (abandoned)"));
        return results;
    }

    public ConformanceResult Run(CocciTest test)
    {
        var clock = Stopwatch.StartNew();
        foreach (string f in new[] { test.CocciFile, test.InputFile, test.ResultFile })
        {
            if (!File.Exists(Path.Join(_corpus, f)))
            {
                return new ConformanceResult(test.Name, Verdict.Error, clock.Elapsed.TotalSeconds, "missing " + f);
            }
        }

        string work = Path.Join(_scratch, test.Name);
        Directory.CreateDirectory(work);
        try
        {
            Directory.CreateSymbolicLink(Path.Join(work, "tests"), _corpus);
            Directory.CreateDirectory(Path.Join(work, "out"));
            Directory.CreateDirectory(Path.Join(work, "tmp"));
            var args = new List<string> { "--sp-file", "tests/" + test.CocciFile, "tests/" + test.InputFile, "-o", "out/" + test.InputFile };
            if (File.Exists(Path.Join(_corpus, "standard.iso")))
            {
                args.AddRange(["--iso-file", "tests/standard.iso"]);
            }

            if (File.Exists(Path.Join(_corpus, "standard.h")))
            {
                args.AddRange(["--macro-file-builtins", "tests/standard.h"]);
            }

            if (Directory.Exists(Path.Join(_corpus, "include")))
            {
                args.AddRange(["-I", "tests/include"]);
            }

            args.Add("--no-show-diff");
            if (test.CPlusPlus)
            {
                args.Add("--c++");
            }

            using var cancel = new CancellationTokenSource(_timeout);
            var stderr = new StringWriter();
            var stdout = new MemoryStream();
            string tmp = Path.Join(work, "tmp");
            var environment = new SpatchEnvironment
            {
                Error = stderr,
                WorkingDirectory = work,
                GetVariable = name => name == "TMPDIR" ? tmp : null,
                Cancellation = cancel.Token,
            };
            int status = SpatchDriver.Run(args, environment, stdout);
            double seconds = clock.Elapsed.TotalSeconds;
            if (cancel.IsCancellationRequested)
            {
                return new ConformanceResult(test.Name, Verdict.Timeout, seconds, $"timeout after {_timeout.TotalSeconds}s");
            }

            string output = Path.Join(work, "out", test.InputFile);
            if (status != 0 && !File.Exists(output) && stderr.ToString().Contains(NoModifiedFiles, StringComparison.Ordinal))
            {
                // spatch refuses -o when it skipped the file; Coccinelle's harness then compares the input.
                output = Path.Join(_corpus, test.InputFile);
            }
            else if (status != 0)
            {
                return new ConformanceResult(test.Name, Verdict.Error, seconds, $"exit status {status}: {FirstLines(stderr.ToString())}");
            }

            if (!File.Exists(output))
            {
                return new ConformanceResult(test.Name, Verdict.Error, seconds, "no output file");
            }

            var generated = CTokenizer.Tokenize(File.ReadAllBytes(output), test.CPlusPlus);
            var expected = CTokenizer.Tokenize(File.ReadAllBytes(Path.Join(_corpus, test.ResultFile)), test.CPlusPlus);
            string? why = CTokenComparison.Compare(generated, expected) is { } mismatch
                ? CTokenComparison.Describe(mismatch, generated, expected)
                : null;
            if (why is null && test.StdoutFile is not null && !File.ReadAllBytes(Path.Join(_corpus, test.StdoutFile)).AsSpan().SequenceEqual(stdout.ToArray()))
            {
                why = "stdout differs from " + test.StdoutFile;
            }

            return new ConformanceResult(test.Name, why is null ? Verdict.Pass : Verdict.Fail, seconds, why ?? string.Empty);
        }
        finally
        {
            RemoveWorkDirectory(work);
        }
    }

    public void Dispose()
    {
        // A test given up on may still be running in its directory: leave what cannot be removed.
        foreach (string work in Directory.EnumerateDirectories(_scratch))
        {
            RemoveWorkDirectory(work);
        }

        RemoveWorkDirectory(_scratch);
    }

    /// <summary>Deletes a test's scratch directory, its "tests" link first and by itself, so that nothing reaches into the corpus.</summary>
    private static void RemoveWorkDirectory(string work)
    {
        try
        {
            string link = Path.Join(work, "tests");
            if (new DirectoryInfo(link) is { Exists: true, LinkTarget: not null })
            {
                Directory.Delete(link);
            }

            Directory.Delete(work, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }
    }

    private static string FirstLines(string text)
    {
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var sb = new StringBuilder();
        foreach (string line in lines.Take(4))
        {
            sb.Append(line).Append(" | ");
        }

        return sb.ToString().TrimEnd(' ', '|');
    }
}
