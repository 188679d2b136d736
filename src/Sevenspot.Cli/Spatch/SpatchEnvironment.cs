namespace Sevenspot.Cli.Spatch;

/// <summary>
/// Where a spatch run reads and writes: its output streams, the directory relative paths are
/// resolved against, the environment variables it looks at. The command line uses the process's
/// own; tests and the conformance harness run many commands in one process, each with its own.
/// </summary>
internal sealed class SpatchEnvironment
{
    /// <summary>stderr. (stdout is a byte stream given to the run: diffs are bytes of C files in any encoding.)</summary>
    public required TextWriter Error { get; init; }

    /// <summary>stderr is a terminal: a progress line is drawn there (see <see cref="RunProgress"/>).</summary>
    public bool ErrorIsTerminal { get; init; }

    public string WorkingDirectory { get; init; } = Directory.GetCurrentDirectory();

    /// <summary>Variables such as HOME (for ~/.cocciconfig) and TMPDIR (for diff headers).</summary>
    public Func<string, string?> GetVariable { get; init; } = Environment.GetEnvironmentVariable;

    /// <summary>Stops the whole run (files not yet finished report a timeout).</summary>
    public CancellationToken Cancellation { get; init; }

    public int ProcessId { get; init; } = Environment.ProcessId;

    /// <summary>The path of a file named on the command line, for the file system.</summary>
    public string Resolve(string path) => Path.IsPathRooted(path) ? path : Path.Join(WorkingDirectory, path);

    public string TempDirectory
    {
        get
        {
            string? tmp = GetVariable("TMPDIR");
            return string.IsNullOrEmpty(tmp) ? "/tmp" : tmp.TrimEnd('/');
        }
    }
}
