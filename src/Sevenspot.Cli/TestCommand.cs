using System.CommandLine;
using System.Globalization;
using Sevenspot.Cli.Testing;

namespace Sevenspot.Cli;

/// <summary>
/// sevenspot test DIR: runs a folder of rule tests laid out as Coccinelle's test suite is
/// (NAME.cocci applied to NAME.c must give NAME.res; BASE_verN.c and BASE_verN.res are more
/// inputs for BASE.cocci; an INDEX file, when present, lists the tests to run), judged as the
/// engine's own conformance tests are, and prints a verdict per test and the totals.
/// Exit status: 0 when every test passes, 1 when one does not, 2 for a bad command line.
/// </summary>
internal static class TestCommand
{
    public static Command Create()
    {
        var folder = new Argument<string>("folder") { Description = "a folder of NAME.cocci, NAME.c and NAME.res files" };
        var jobs = new Option<int>("--jobs", "-j") { Description = "tests run at once", DefaultValueFactory = _ => Environment.ProcessorCount };
        var timeout = new Option<int>("--timeout") { Description = "seconds allowed per test", DefaultValueFactory = _ => 30 };
        var verbose = new Option<bool>("--verbose", "-v") { Description = "also say why each failing test failed" };
        var command = new Command("test", "Run a folder of rule tests (NAME.cocci + NAME.c must give NAME.res)");
        command.Arguments.Add(folder);
        command.Options.Add(jobs);
        command.Options.Add(timeout);
        command.Options.Add(verbose);
        command.SetAction(result => Run(result.GetValue(folder)!, result.GetValue(jobs), result.GetValue(timeout), result.GetValue(verbose), Console.Out, Console.Error));
        return command;
    }

    public static int Run(string folder, int jobs, int timeoutSeconds, bool verbose, TextWriter stdout, TextWriter stderr)
    {
        if (!Directory.Exists(folder))
        {
            stderr.WriteLine($"sevenspot: {folder}: no such directory");
            return 2;
        }

        var tests = CocciTest.InFolder(folder);
        if (tests.Count == 0)
        {
            stderr.WriteLine($"sevenspot: {folder}: no tests (no NAME.res files and no INDEX)");
            return 2;
        }

        IReadOnlyList<ConformanceResult> results;
        using (var runner = new ConformanceRunner(folder, TimeSpan.FromSeconds(Math.Max(1, timeoutSeconds))))
        {
            results = runner.RunAll(tests, Math.Max(1, jobs));
        }

        int passed = 0;
        foreach (var result in results)
        {
            passed += result.Verdict == Verdict.Pass ? 1 : 0;
            string line = string.Create(CultureInfo.InvariantCulture, $"{result.Name}: {result.Verdict.ToString().ToUpperInvariant()}");

            // Errors and timeouts always say why; a failed comparison when asked (the first differing token).
            if (result.Verdict is Verdict.Error or Verdict.Timeout || (verbose && result.Verdict == Verdict.Fail))
            {
                line += " (" + result.Why.ReplaceLineEndings(" ") + ")";
            }

            stdout.WriteLine(line);
        }

        stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{passed} passed, {results.Count - passed} failed"));
        return passed == results.Count ? 0 : 1;
    }
}
