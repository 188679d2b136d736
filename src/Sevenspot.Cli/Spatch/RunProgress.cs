using System.Diagnostics;
using System.Globalization;
using Spectre.Console;

namespace Sevenspot.Cli.Spatch;

/// <summary>
/// What a spatch-mode run has done so far: a progress line on the error stream while it runs,
/// when that stream is a terminal (files done of all, rules, matches, elapsed time, time left),
/// and the coverage line at the end (functions parsed of those found, files skipped). Neither
/// appears with --very-quiet; the progress line not with --quiet either, nor when the error
/// stream is redirected, so logs and scripts see only the coverage line.
/// </summary>
internal sealed class RunProgress
{
    /// <summary>Redraws at most this often, so a run over small files does not spend its time drawing.</summary>
    private static readonly TimeSpan s_redrawInterval = TimeSpan.FromMilliseconds(100);

    private const string ClearLine = "\r\u001b[2K";

    private readonly TextWriter _error;
    private readonly IAnsiConsole? _console;
    private readonly int _totalFiles;
    private readonly int _rules;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private TimeSpan _lastDraw = -s_redrawInterval;
    private bool _drawn;
    private int _done;
    private int _matches;
    private int _functions;
    private int _functionsWithErrors;
    private int _functionsNotRead;
    private int _skipped;

    public RunProgress(SpatchEnvironment environment, SpatchSettings settings, int files, int rules)
    {
        _error = environment.Error;
        _totalFiles = files;
        _rules = rules;
        if (environment.ErrorIsTerminal && !settings.Quiet && !settings.VeryQuiet)
        {
            _console = AnsiConsole.Create(new AnsiConsoleSettings
            {
                Out = new AnsiConsoleOutput(environment.Error),
                Ansi = AnsiSupport.Yes,
                ColorSystem = ColorSystemSupport.Detect,
                Interactive = InteractionSupport.No,
            });
        }
    }

    /// <summary>Whether a progress line is drawn: the caller then flushes standard output before <see cref="FileDone"/>.</summary>
    public bool Drawing => _console is not null;

    /// <summary>Takes the progress line away before anything else is written to the terminal.</summary>
    public void Clear()
    {
        if (_drawn)
        {
            _error.Write(ClearLine);
            _error.Flush();
            _drawn = false;
        }
    }

    /// <summary>A file is finished (its output written): count it and redraw when it is time.</summary>
    public void FileDone(int functions, int functionsWithErrors, int functionsNotRead, int matchedRules, bool skipped)
    {
        _done++;
        _functions += functions;
        _functionsWithErrors += functionsWithErrors;
        _functionsNotRead += functionsNotRead;
        _matches += matchedRules;
        _skipped += skipped ? 1 : 0;
        if (_console is null || (_clock.Elapsed - _lastDraw < s_redrawInterval && _done < _totalFiles))
        {
            return;
        }

        _lastDraw = _clock.Elapsed;
        _error.Write(ClearLine);
        _console.Markup(ProgressMarkup());
        _error.Flush();
        _drawn = true;
    }

    internal string ProgressMarkup()
    {
        var elapsed = _clock.Elapsed;
        string left = _done == 0 ? "?" : Duration(elapsed * ((double)(_totalFiles - _done) / _done));
        return string.Create(
            CultureInfo.InvariantCulture,
            $"[bold]{_done:N0}/{_totalFiles:N0}[/] files, {_rules} rule(s), {_matches:N0} match(es), {Duration(elapsed)} elapsed, [dim]{left} left[/]");
    }

    /// <summary>The line that ends every run: how much of the code the rules could see.</summary>
    public string CoverageLine()
    {
        int parsed = _functions - _functionsWithErrors;
        string percent = _functions == 0 ? "100" : (100.0 * parsed / _functions).ToString("0.##", CultureInfo.InvariantCulture);
        string line = string.Create(
            CultureInfo.InvariantCulture,
            $"coverage: {parsed:N0} of {_functions:N0} functions parsed ({percent}%) in {_done - _skipped:N0} file(s); {_skipped:N0} file(s) skipped");
        if (_skipped > 0)
        {
            line += " (the EXN lines above name them)";
        }

        if (_functionsWithErrors > 0)
        {
            line += "; sevenspot parse --errors FILES lists the functions that did not parse";
        }

        if (_functionsNotRead > 0)
        {
            // As spatch: it does not read a function without a return type whose arguments are not all types.
            line += string.Create(CultureInfo.InvariantCulture, $"; {_functionsNotRead:N0} function(s) not matched, as spatch does not read them (no return type, and arguments that are not all types)");
        }

        return line;
    }

    private static string Duration(TimeSpan t) => t.TotalHours >= 1
        ? t.ToString(@"h\:mm\:ss", CultureInfo.InvariantCulture)
        : t.ToString(@"m\:ss", CultureInfo.InvariantCulture);
}
