using System.CommandLine;
using System.Reflection;
using System.Text;
using Sevenspot.C;
using Sevenspot.Checks;
using Sevenspot.C.Flow;
using Sevenspot.Checks.Output;
using Sevenspot.Checks.Primitives;
using Sevenspot.Text;

namespace Sevenspot.Cli;

/// <summary>
/// sevenspot check FILES|DIRS: runs the bundled kernel checks (all of them, or those named with
/// --check) and writes the findings as spatch report lines, JSON, SARIF or an HTML page.
/// Findings are ordered by file and position and do not depend on --jobs. What could not be
/// analysed goes to the error stream (and into the JSON, SARIF and HTML outputs).
/// Exit status: 0 after a clean run, 1 when an input does not exist or a check failed on some file
/// (a bug of the check: its findings there are missing; the others are still reported), 2 for a bad
/// command line.
/// </summary>
internal static class CheckCommand
{
    public static Command Create()
    {
        var inputs = new Argument<string[]>("inputs") { Description = "C files or directories", Arity = ArgumentArity.ZeroOrMore };
        var checks = new Option<string[]>("--check", "-c") { Description = "run only this check (repeat, or separate ids with commas); default: all but the opt-in lock-order-cycles", AllowMultipleArgumentsPerToken = false };
        var format = new Option<string>("--format", "-f") { Description = "report (spatch's file:line:col-col: message), json, sarif or html", DefaultValueFactory = _ => "report" };
        format.AcceptOnlyFromAmong("report", "json", "sarif", "html");
        var output = new Option<string?>("--output", "-o") { Description = "write the findings to FILE instead of standard output" };
        var jobs = new Option<int>("--jobs", "-j") { Description = "parallel workers", DefaultValueFactory = _ => Environment.ProcessorCount };
        var headers = new Option<bool>("--include-headers") { Description = "also check .h files found in directories" };
        var timeout = new Option<int>("--timeout") { Description = "seconds allowed to parse one file", DefaultValueFactory = _ => 60 };
        var macroFiles = new Option<string[]>("--macro-file") { Description = "macro definitions in the format of spatch's standard.h" };
        var primitives = new Option<string?>("--primitives") { Description = "a directory of extra primitive tables (locks.txt, sleeping.txt, ...) added to the built-in ones" };
        var list = new Option<bool>("--list") { Description = "list the bundled checks and exit" };
        var quiet = new Option<bool>("--quiet", "-q") { Description = "do not print the summary and the skipped items on the error stream" };
        var command = new Command("check", "Run Sevenspot's kernel checks on C files");
        foreach (var option in new Option[] { checks, format, output, jobs, headers, timeout, macroFiles, primitives, list, quiet })
        {
            command.Options.Add(option);
        }

        command.Arguments.Add(inputs);
        command.SetAction(result => Run(new Settings(
            result.GetValue(inputs) ?? [],
            result.GetValue(checks) ?? [],
            result.GetValue(format) ?? "report",
            result.GetValue(output),
            result.GetValue(jobs),
            result.GetValue(headers),
            result.GetValue(timeout),
            result.GetValue(macroFiles) ?? [],
            result.GetValue(primitives),
            result.GetValue(list),
            result.GetValue(quiet))));
        return command;
    }

    private sealed record Settings(
        string[] Inputs,
        string[] Checks,
        string Format,
        string? Output,
        int Jobs,
        bool IncludeHeaders,
        int TimeoutSeconds,
        string[] MacroFiles,
        string? Primitives,
        bool List,
        bool Quiet);

    private static int Run(Settings settings)
    {
        var stderr = Console.Error;
        var options = new CheckOptions();
        try
        {
            options = new CheckOptions
            {
                Macros = settings.MacroFiles.Length == 0 ? MacroTable.Builtin : MacroTable.WithFiles(settings.MacroFiles.Select(SourceText.FromFile)),
                Primitives = settings.Primitives is null ? PrimitiveTables.Builtin : PrimitiveTables.WithDirectory(settings.Primitives),
                FileTimeout = TimeSpan.FromSeconds(Math.Max(1, settings.TimeoutSeconds)),
                FlowGraphs = ControlFlowViewProvider.Instance,
            };
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or PrimitiveTableException)
        {
            stderr.WriteLine($"sevenspot: {e.Message}");
            return 2;
        }

        if (settings.List)
        {
            WriteList(Console.Out);
            return 0;
        }

        if (!SelectChecks(settings.Checks, stderr, out var selected))
        {
            return 2;
        }

        if (settings.Inputs.Length == 0)
        {
            stderr.WriteLine("sevenspot: check needs files or directories to check");
            return 2;
        }

        var missing = new List<string>();
        var files = FileWalker.Expand(settings.Inputs, settings.IncludeHeaders, missing);
        foreach (string m in missing)
        {
            stderr.WriteLine($"sevenspot: {new Diagnostic(DiagnosticId.FileNotFound, null, default, m).Message}");
        }

        var runner = new CheckRunner(selected, options);
        var analyses = WorkerPool.Run(files, settings.Jobs, runner.AnalyzeFile);
        var report = runner.Complete(analyses);

        var tool = ToolInfo.Sevenspot(Version());
        string text = settings.Format switch
        {
            "json" => JsonReportWriter.Write(report, tool),
            "sarif" => SarifWriter.Write(report, tool),
            "html" => HtmlWriter.Write(report, tool),
            _ => ReportText(report),
        };

        if (!Write(settings.Output, text, stderr))
        {
            return 2;
        }

        if (!settings.Quiet)
        {
            ReportWriter.WriteSkipped(report, stderr);
            // A path that does not exist is counted in the totals too: a typo must not pass for a clean run.
            string notFound = missing.Count == 0 ? string.Empty : $"; {missing.Count} input(s) not found";
            stderr.WriteLine(ReportWriter.Summary(report) + notFound);
        }

        return ExitStatus(report, missing.Count);
    }

    /// <summary>1 when an input was missing or a check failed somewhere, as for a script rule that fails in a rule run; else 0.</summary>
    internal static int ExitStatus(CheckReport report, int missingInputs) => missingInputs > 0 || report.CheckFailures > 0 ? 1 : 0;

    /// <summary>
    /// The checks to run: those named, or every bundled check. A named check that is unknown is an error.
    /// </summary>
    private static bool SelectChecks(string[] requested, TextWriter stderr, out List<Check> selected)
    {
        selected = [];
        var ids = requested.SelectMany(r => r.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList();
        if (ids.Count == 0)
        {
            selected.AddRange(BundledChecks.Default);
            return true;
        }

        foreach (string id in ids)
        {
            var check = BundledChecks.Find(id);
            if (check is null)
            {
                string known = string.Join(", ", BundledChecks.All.Select(c => c.Descriptor.Id));
                stderr.WriteLine(new Diagnostic(DiagnosticId.InvalidOption, null, default, $"sevenspot: unknown check '{id}' (known: {known})").Message);
                return false;
            }

            selected.Add(check);
        }

        return true;
    }

    private static void WriteList(TextWriter writer)
    {
        foreach (var check in BundledChecks.All)
        {
            var d = check.Descriptor;
            writer.WriteLine(BundledChecks.IsOptIn(d) ? $"{d.Id}: {d.Title} (run only with --check {d.Id})" : $"{d.Id}: {d.Title}");
        }
    }

    private static string ReportText(CheckReport report)
    {
        var writer = new StringWriter { NewLine = "\n" };
        ReportWriter.WriteFindings(report, writer);
        return writer.ToString();
    }

    private static bool Write(string? path, string text, TextWriter stderr)
    {
        if (path is null)
        {
            var stdout = Console.OpenStandardOutput();
            byte[] bytes = Encoding.UTF8.GetBytes(text);
            stdout.Write(bytes);
            stdout.Flush();
            return true;
        }

        try
        {
            File.WriteAllText(path, text, new UTF8Encoding(false));
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"sevenspot: {new Diagnostic(DiagnosticId.FileWriteError, null, default, path, e.Message).Message}");
            return false;
        }
    }

    private static string Version()
    {
        var assembly = typeof(CheckCommand).Assembly;
        string? informational = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
        if (informational is null)
        {
            return assembly.GetName().Version?.ToString(3) ?? "0.0.0";
        }

        int plus = informational.IndexOf('+', StringComparison.Ordinal);
        return plus < 0 ? informational : informational[..plus];
    }
}
