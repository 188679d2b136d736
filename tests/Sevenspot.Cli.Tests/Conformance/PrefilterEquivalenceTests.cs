using System.Text;
using Sevenspot.C;
using Sevenspot.Cli.Spatch;
using Sevenspot.Cli.Testing;
using Xunit.Abstractions;

namespace Sevenspot.Cli.Tests.Conformance;

/// <summary>
/// The prefilter (the words a rule needs, looked for in a file's bytes before parsing) must never
/// change a result: every test of Coccinelle's corpus is run with it and with
/// --disable-worth-trying-opt, and the exit status and what is printed (the diff) must be the same.
/// </summary>
public sealed class PrefilterEquivalenceTests(ITestOutputHelper output)
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(30);

    private sealed record RunResult(int Status, byte[] Stdout, bool TimedOut);

    [CorpusFact]
    public void Every_corpus_test_gives_the_same_output_with_and_without_the_prefilter()
    {
        var tests = CocciCorpus.Tests();
        string scratch = Path.Join(Path.GetTempPath(), "sevenspot-prefilter-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(scratch);
        Directory.CreateSymbolicLink(Path.Join(scratch, "tests"), CocciCorpus.Directory);
        var differences = new string?[tests.Count];
        var skipped = new bool[tests.Count];
        try
        {
            WorkerPool.RunOrdered(
                tests,
                Environment.ProcessorCount,
                test => Compare(scratch, test),
                (i, r) => (differences[i], skipped[i]) = r,
                s_timeout * 2 + TimeSpan.FromSeconds(20),
                test => (null, true));
        }
        finally
        {
            Directory.Delete(Path.Join(scratch, "tests"));
            Directory.Delete(scratch, recursive: true);
        }

        var report = new StringBuilder();
        int count = 0;
        for (int i = 0; i < tests.Count; i++)
        {
            if (differences[i] is { } why)
            {
                report.Append(tests[i].Name).Append(": ").Append(why).Append('\n');
                count++;
            }
        }

        output.WriteLine($"prefilter: {tests.Count} corpus tests, {count} differ, {skipped.Count(s => s)} timed out either way (not compared)");
        Assert.True(count == 0, $"{count} corpus tests print something else with the prefilter:\n{report}");
    }

    private static (string? Difference, bool Skipped) Compare(string scratch, CocciTest test)
    {
        if (!File.Exists(Path.Join(CocciCorpus.Directory, test.CocciFile)) || !File.Exists(Path.Join(CocciCorpus.Directory, test.InputFile)))
        {
            return (null, true);
        }

        var with = Run(scratch, test, prefilter: true);
        var without = Run(scratch, test, prefilter: false);
        if (with.TimedOut || without.TimedOut)
        {
            return (null, true);
        }

        if (with.Status != without.Status)
        {
            return ($"exit status {with.Status} with the prefilter, {without.Status} without", false);
        }

        if (!with.Stdout.AsSpan().SequenceEqual(without.Stdout))
        {
            return ($"output differs:\n--- with the prefilter\n{Encoding.UTF8.GetString(with.Stdout)}\n--- without\n{Encoding.UTF8.GetString(without.Stdout)}", false);
        }

        return (null, false);
    }

    /// <summary>The corpus harness's command line, with the diff printed instead of -o.</summary>
    private static RunResult Run(string scratch, CocciTest test, bool prefilter)
    {
        var args = new List<string> { "--sp-file", "tests/" + test.CocciFile, "tests/" + test.InputFile };
        if (File.Exists(Path.Join(CocciCorpus.Directory, "standard.iso")))
        {
            args.AddRange(["--iso-file", "tests/standard.iso"]);
        }

        if (File.Exists(Path.Join(CocciCorpus.Directory, "standard.h")))
        {
            args.AddRange(["--macro-file-builtins", "tests/standard.h"]);
        }

        if (test.CPlusPlus)
        {
            args.Add("--c++");
        }

        if (!prefilter)
        {
            args.Add("--disable-worth-trying-opt");
        }

        using var cancel = new CancellationTokenSource(s_timeout);
        var stdout = new MemoryStream();
        var environment = new SpatchEnvironment
        {
            Error = new StringWriter(),
            WorkingDirectory = scratch,
            GetVariable = name => name == "TMPDIR" ? "/tmp" : null,
            Cancellation = cancel.Token,
            ProcessId = 1,
        };
        int status = SpatchDriver.Run(args, environment, stdout);
        return new RunResult(status, stdout.ToArray(), cancel.IsCancellationRequested);
    }
}
