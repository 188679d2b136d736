using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Sevenspot.C;
using Sevenspot.C.Flow;
using Sevenspot.Text;

namespace Sevenspot.Cli;

/// <summary>
/// sevenspot parse FILES|DIRS: parses C files and reports, per file and in total, functions,
/// functions with errors, size and speed. With --errors it lists every unparsed function, with
/// --dump it prints a tree, with --cfg the control-flow graphs of a file, with --round-trip it
/// checks that printing each tree gives back the file.
/// </summary>
internal static class ParseCommand
{
    private sealed record FileResult(string Path, long Bytes, int Functions, IReadOnlyList<UnparsedFunction> Unparsed, int Diagnostics, bool RoundTripOk, string? Failure, bool TimedOut)
    {
        /// <summary>Functions that parsed but that spatch does not read: rules do not match in them.</summary>
        public IReadOnlyList<UnparsedFunction> NotReadBySpatch { get; init; } = [];
    }

    public static Command Create()
    {
        var inputs = new Argument<string[]>("inputs") { Description = "C files or directories", Arity = ArgumentArity.ZeroOrMore };
        var errors = new Option<bool>("--errors") { Description = "list every function that did not parse, as file:line: reason" };
        var dump = new Option<string?>("--dump") { Description = "print the syntax tree of FILE" };
        var cfg = new Option<string?>("--cfg") { Description = "print the control-flow graph of every function of FILE in DOT format" };
        var roundTrip = new Option<bool>("--round-trip") { Description = "check that printing each tree gives back the file byte for byte" };
        var quiet = new Option<bool>("--quiet", "-q") { Description = "print only the total" };
        var headers = new Option<bool>("--include-headers") { Description = "also parse .h files found in directories" };
        var jobs = new Option<int>("--jobs", "-j") { Description = "parallel workers", DefaultValueFactory = _ => Environment.ProcessorCount };
        var timeout = new Option<int>("--timeout") { Description = "seconds allowed per file", DefaultValueFactory = _ => 60 };
        var macroFiles = new Option<string[]>("--macro-file") { Description = "macro definitions in the format of spatch's standard.h" };
        var command = new Command("parse", "Parse C files and report how much of them parses");
        foreach (var option in new Option[] { errors, dump, cfg, roundTrip, quiet, headers, jobs, timeout, macroFiles })
        {
            command.Options.Add(option);
        }

        command.Arguments.Add(inputs);
        command.SetAction(result => Run(
            result.GetValue(inputs) ?? [],
            result.GetValue(errors),
            result.GetValue(dump),
            result.GetValue(cfg),
            result.GetValue(roundTrip),
            result.GetValue(quiet),
            result.GetValue(headers),
            result.GetValue(jobs),
            result.GetValue(timeout),
            result.GetValue(macroFiles) ?? []));
        return command;
    }

    private static int Run(string[] inputs, bool listErrors, string? dump, string? cfg, bool roundTrip, bool quiet, bool includeHeaders, int jobs, int timeoutSeconds, string[] macroFiles)
    {
        var stdout = Console.Out;
        var stderr = Console.Error;
        MacroTable macros;
        try
        {
            macros = macroFiles.Length == 0 ? MacroTable.Builtin : MacroTable.WithFiles(macroFiles.Select(SourceText.FromFile));
        }
        catch (IOException e)
        {
            stderr.WriteLine($"sevenspot: {e.Message}");
            return 2;
        }

        if (dump is not null || cfg is not null)
        {
            string path = dump ?? cfg!;
            if (!File.Exists(path))
            {
                stderr.WriteLine(new Diagnostic(DiagnosticId.FileNotFound, null, default, path).Message);
                return 2;
            }

            var options = new ParseOptions { Macros = macros };
            stdout.Write(dump is not null
                ? OnBigStack(SourceText.FromFile(path), t => Parser.Parse(t, options).Dump())
                : OnBigStack(SourceText.FromFile(path), t => GraphsToDot(Parser.Parse(t, options))));
            return 0;
        }

        var missing = new List<string>();
        var files = FileWalker.Expand(inputs, includeHeaders, missing);
        foreach (string m in missing)
        {
            stderr.WriteLine($"sevenspot: {new Diagnostic(DiagnosticId.FileNotFound, null, default, m).Message}");
        }

        var clock = Stopwatch.StartNew();
        var results = WorkerPool.Run(files, jobs, path => ParseOne(path, macros, roundTrip, timeoutSeconds));
        double seconds = clock.Elapsed.TotalSeconds;

        long bytes = 0;
        int functions = 0, withErrors = 0, notRead = 0, crashes = 0, timeouts = 0, roundTripFailures = 0;
        foreach (var r in results)
        {
            bytes += r.Bytes;
            functions += r.Functions;
            withErrors += r.Unparsed.Count;
            notRead += r.NotReadBySpatch.Count;
            if (r.Failure is not null)
            {
                if (r.TimedOut)
                {
                    timeouts++;
                }
                else
                {
                    crashes++;
                }

                stderr.WriteLine($"{r.Path}: {r.Failure}");
            }

            if (!r.RoundTripOk)
            {
                roundTripFailures++;
                stderr.WriteLine($"{r.Path}: round trip differs from the file");
            }

            if (!quiet)
            {
                stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{r.Path}: {r.Functions} functions, {r.Unparsed.Count} with errors, {r.Bytes / 1024.0:F1} KB"));
            }

            if (listErrors)
            {
                foreach (var u in r.Unparsed)
                {
                    stdout.WriteLine($"{r.Path}:{u.Line}: {u.Reason}");
                }

                foreach (var u in r.NotReadBySpatch)
                {
                    stdout.WriteLine($"{r.Path}:{u.Line}: {u.Reason}");
                }
            }
        }

        double mb = bytes / (1024.0 * 1024.0);
        double rate = functions == 0 ? 100 : 100.0 * (functions - withErrors) / functions;
        stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"total: {files.Count} files, {functions} functions, {withErrors} with errors ({rate:F2}% parsed), {mb:F1} MB, {seconds:F2} s, {(seconds > 0 ? mb / seconds : 0):F1} MB/s"));
        if (notRead > 0)
        {
            // A line of its own: scripts read the total line's fields by position.
            stdout.WriteLine($"not read by spatch: {notRead} functions without a return type whose arguments are not all types (rules do not match in them; --errors lists them)");
        }

        if (roundTrip)
        {
            stdout.WriteLine($"round trip: {files.Count - roundTripFailures - crashes - timeouts} identical, {roundTripFailures} different");
        }

        if (crashes + timeouts > 0)
        {
            stdout.WriteLine($"failures: {crashes} crashes, {timeouts} timeouts");
        }

        return missing.Count > 0 || crashes > 0 || timeouts > 0 || roundTripFailures > 0 ? 1 : 0;
    }

    private static FileResult ParseOne(string path, MacroTable macros, bool roundTrip, int timeoutSeconds)
    {
        long length = 0;
        try
        {
            var bytes = File.ReadAllBytes(path);
            length = bytes.Length;
            using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(timeoutSeconds));
            var tree = Parser.Parse(new SourceText(path, bytes), new ParseOptions { Macros = macros, CancellationToken = cancel.Token });
            var census = FunctionCensus.Take(tree);
            bool same = !roundTrip || tree.Print().AsSpan().SequenceEqual(bytes);
            return new FileResult(path, length, census.Functions, census.Unparsed, tree.Diagnostics.Count, same, null, false) { NotReadBySpatch = census.NotReadBySpatch };
        }
        catch (OperationCanceledException)
        {
            return new FileResult(path, length, 0, [], 0, true, new Diagnostic(DiagnosticId.FileTimeout, null, default, path, timeoutSeconds).Message, true);
        }
        catch (IOException e)
        {
            return new FileResult(path, length, 0, [], 0, true, e.Message, false);
        }
        catch (UnauthorizedAccessException e)
        {
            return new FileResult(path, length, 0, [], 0, true, e.Message, false);
        }
        catch (Exception e)
        {
            // A bug in Sevenspot, not in the input: count it against this file and go on with the others.
            return new FileResult(path, length, 0, [], 0, true, $"crash: {e.GetType().Name}: {e.Message}", false);
        }
    }

    private static string OnBigStack(SourceText text, Func<SourceText, string> work) => WorkerPool.Run([text], 1, work)[0];

    /// <summary>One DOT graph per function, named after it, in file order.</summary>
    private static string GraphsToDot(SyntaxTree tree)
    {
        var sb = new StringBuilder();
        foreach (var graph in ControlFlowGraph.BuildAll(tree))
        {
            sb.Append(graph.ToDot(graph.FunctionName));
        }

        return sb.ToString();
    }
}
