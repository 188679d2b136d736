using System.Collections.Concurrent;
using Sevenspot.C;
using Sevenspot.Text;

namespace Sevenspot.Checks;

/// <summary>
/// Runs checks over files. Each file is parsed once and given to every check;
/// <see cref="AnalyzeFile"/> is thread-safe and may run on any number of workers, and
/// <see cref="Complete"/> orders everything by file path, so the report is the same for any
/// number of workers. Tree checks see the facts of all files in path order.
/// </summary>
public sealed class CheckRunner
{
    private readonly FileCheck[] _fileChecks;
    private readonly TreeCheck[] _treeChecks;
    private readonly CheckDescriptor[] _descriptors;
    private readonly CheckOptions _options;

    // Names the facts of every file keep, one copy each for the whole run.
    private readonly NamePool _names = new();

    // The files' own headers and what those include, and what checks read from the headers a
    // file includes, read once per run.
    private readonly ProgramHeaders _headers;

    // Whether a check binds facts by name within programs: the files' program facts are then kept.
    private readonly bool _needsPrograms;

    // Texts given in memory (AnalyzeText), to show code for findings of tree checks; files read
    // by AnalyzeFile are not kept, and are read again for the few locations findings need.
    private readonly ConcurrentDictionary<string, SourceText> _texts = new(StringComparer.Ordinal);

    public CheckRunner(IEnumerable<Check> checks, CheckOptions? options = null)
    {
        _options = options ?? CheckOptions.Default;
        var ordered = checks.DistinctBy(c => c.Descriptor.Id).OrderBy(c => c.Descriptor.Id, StringComparer.Ordinal).ToList();
        foreach (var check in ordered)
        {
            if (!CanRun(check, _options))
            {
                throw new ArgumentException($"check {check.Descriptor.Id} needs control-flow graphs, and this run has none", nameof(checks));
            }
        }

        _fileChecks = [.. ordered.OfType<FileCheck>()];
        _treeChecks = [.. ordered.OfType<TreeCheck>()];
        _headers = new ProgramHeaders(_names);
        _needsPrograms = Array.Exists(_treeChecks, c => c.NeedsPrograms);
        _descriptors = [.. ordered.Select(c => c.Descriptor)];
    }

    public IReadOnlyList<CheckDescriptor> Checks => _descriptors;

    /// <summary>Whether the run can execute the check: checks that walk control-flow graphs need a provider.</summary>
    public static bool CanRun(Check check, CheckOptions options) => !check.NeedsFlowGraphs || options.FlowGraphs is not null;

    /// <summary>Runs everything: the files on <paramref name="jobs"/> workers, then the tree checks.</summary>
    public CheckReport Run(IReadOnlyList<string> paths, int jobs) => Complete(WorkerPool.Run(paths, jobs, AnalyzeFile));

    /// <summary>Reads, parses and analyses one file. Never throws for bad input: what failed is in <see cref="FileAnalysis.Skipped"/>.</summary>
    public FileAnalysis AnalyzeFile(string path)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Failed(path, new Diagnostic(DiagnosticId.FileReadError, null, default, path, e.Message).Message);
        }

        return Analyze(new SourceText(path, bytes));
    }

    /// <summary>Parses and analyses one source text; its path is the one findings will carry. The text is kept to show code in findings.</summary>
    public FileAnalysis AnalyzeText(SourceText text)
    {
        _texts[text.Path] = text;
        return Analyze(text);
    }

    private FileAnalysis Analyze(SourceText text)
    {
        SyntaxTree tree;
        try
        {
            using var cancel = new CancellationTokenSource(_options.FileTimeout);
            tree = Parser.Parse(text, new ParseOptions { Macros = _options.Macros, CancellationToken = cancel.Token });
        }
        catch (OperationCanceledException)
        {
            return Failed(text.Path, new Diagnostic(DiagnosticId.FileTimeout, null, default, text.Path, (int)_options.FileTimeout.TotalSeconds).Message);
        }

        var skipped = new List<SkippedItem>();
        var census = FunctionCensus.Take(tree);
        foreach (var unparsed in census.Unparsed)
        {
            skipped.Add(new SkippedItem(text.Path, unparsed.Line, $"function {unparsed.Name} did not parse ({unparsed.Reason}); only what parsed was checked", SkipKind.UnparsedFunction));
        }

        var context = new FileContext(new SourceSession(tree), _options.Primitives, _options.FlowGraphs, _names, _headers);
        var findings = new List<Finding>();
        foreach (var check in _fileChecks)
        {
            var sink = new FindingSink();
            try
            {
                check.Analyze(context, sink);
                findings.AddRange(sink.Findings);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                skipped.Add(CheckFailed(text.Path, check, e));
            }
        }

        var facts = new object?[_treeChecks.Length];
        for (int i = 0; i < _treeChecks.Length; i++)
        {
            try
            {
                facts[i] = _treeChecks[i].Collect(context);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                skipped.Add(CheckFailed(text.Path, _treeChecks[i], e));
            }
        }

        ProgramFile? program = null;
        if (_needsPrograms)
        {
            try
            {
                program = ProgramFile.Of(context, _headers);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                skipped.Add(CheckFailed(text.Path, Array.Find(_treeChecks, c => c.NeedsPrograms)!, e));
            }
        }

        return new FileAnalysis(text.Path, findings, facts, skipped, census.Functions, program);
    }

    /// <summary>
    /// Orders the files by path, runs the tree checks over their facts, and orders all findings.
    /// The analyses' tree facts are dropped as each tree check finishes: an analysis serves one
    /// completion.
    /// </summary>
    public CheckReport Complete(IEnumerable<FileAnalysis> analyses)
    {
        var files = analyses.DistinctBy(f => f.Path, StringComparer.Ordinal).OrderBy(f => f.Path, StringComparer.Ordinal).ToList();
        var findings = new List<Finding>();
        var skipped = new List<SkippedItem>();
        int functions = 0;
        foreach (var file in files)
        {
            findings.AddRange(file.Findings);
            skipped.AddRange(file.Skipped);
            functions += file.Functions;
        }

        // Every file is read: what the checks read from the headers files include is done with.
        _headers.ForgetFileHeaders();
        LockOrderGraph? lockOrder = null;
        var tree = new TreeContext(files, _options.Primitives, check => Array.IndexOf(_treeChecks, check), _needsPrograms ? _headers : null);
        for (int slot = 0; slot < _treeChecks.Length; slot++)
        {
            var check = _treeChecks[slot];
            var sink = new FindingSink();
            try
            {
                check.Analyze(tree, sink);
                findings.AddRange(sink.Findings);
                lockOrder ??= sink.LockOrder;
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                skipped.Add(CheckFailed("(whole tree)", check, e));
            }

            // A tree check's facts are done with once it has analysed them: on a whole kernel they
            // are hundreds of megabytes, which the analyses of the checks after it can use.
            foreach (var file in files)
            {
                file.TreeFacts[slot] = null;
            }
        }

        findings.Sort(Finding.Compare);
        RemoveDuplicates(findings);
        var filler = new LocationTextFiller(_texts);
        for (int i = 0; i < findings.Count; i++)
        {
            findings[i] = filler.Fill(findings[i]);
        }

        skipped.Sort(SkippedItem.Compare);
        return new CheckReport(_descriptors, findings, skipped, files.Count, functions, lockOrder);
    }

    private FileAnalysis Failed(string path, string reason) => new(path, [], new object?[_treeChecks.Length], [new SkippedItem(path, 0, reason, SkipKind.File)], 0);

    private static SkippedItem CheckFailed(string path, Check check, Exception e)
    {
        // The innermost frame names the place to look at in a bug report.
        // DiagnosticMethodInfo rather than StackFrame.GetMethod: it needs no reflection metadata, so it names the
        // method in a natively compiled build too.
        string where = new System.Diagnostics.StackTrace(e).GetFrame(0) is { } frame && System.Diagnostics.DiagnosticMethodInfo.Create(frame) is { } method
            ? $" in {ShortTypeName(method.DeclaringTypeName)}.{method.Name}"
            : string.Empty;
        return new(path, 0, $"check {check.Descriptor.Id} failed here ({e.GetType().Name}{where}: {e.Message}); please report this as a bug",
            SkipKind.CheckFailure, check.Descriptor.Id, e.GetType().Name);
    }

    /// <summary>The type's own name, as <see cref="Type.Name"/> gives it: no namespace, no enclosing type.</summary>
    private static string? ShortTypeName(string? fullName)
    {
        if (fullName is null)
        {
            return null;
        }

        int generic = fullName.IndexOf('[', StringComparison.Ordinal);
        string name = generic < 0 ? fullName : fullName[..generic];
        return name[(name.LastIndexOfAny(['.', '+']) + 1)..];
    }

    /// <summary>Two findings of one check at one place with one message say the same thing once.</summary>
    private static void RemoveDuplicates(List<Finding> sorted)
    {
        int write = 0;
        for (int read = 0; read < sorted.Count; read++)
        {
            if (write > 0 && Finding.Compare(sorted[write - 1], sorted[read]) == 0)
            {
                continue;
            }

            sorted[write++] = sorted[read];
        }

        sorted.RemoveRange(write, sorted.Count - write);
    }
}
