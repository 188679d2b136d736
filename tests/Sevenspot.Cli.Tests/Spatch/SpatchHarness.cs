using System.Diagnostics;
using System.Text;
using Sevenspot.Cli.Spatch;

namespace Sevenspot.Cli.Tests.Spatch;

/// <summary>What a run of the spatch command gave.</summary>
public sealed record SpatchResult(int ExitCode, string Stdout, string Stderr)
{
    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Stdout}--- stderr\n{Stderr}";
}

/// <summary>
/// A scratch directory with files in it, where the spatch command runs in this process (or as a
/// child process for what only a real process shows: being killed).
/// </summary>
public sealed class SpatchHarness : IDisposable
{
    public SpatchHarness()
    {
        Directory = Path.Join(Path.GetTempPath(), "sevenspot-cli-" + Guid.NewGuid().ToString("N")[..12]);
        System.IO.Directory.CreateDirectory(Directory);
    }

    public string Directory { get; }

    /// <summary>Environment variables the in-process runs see (besides TMPDIR; nothing else of the real environment).</summary>
    public Dictionary<string, string> Variables { get; } = new(StringComparer.Ordinal);

    /// <summary>The command as built next to the tests.</summary>
    public static string Executable => Path.Join(AppContext.BaseDirectory, OperatingSystem.IsWindows() ? "sevenspot.exe" : "sevenspot");

    public string PathOf(string name) => Path.Join(Directory, name);

    public SpatchHarness With(string name, string content) => With(name, Encoding.UTF8.GetBytes(content));

    public SpatchHarness With(string name, byte[] content)
    {
        string path = PathOf(name);
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, content);
        return this;
    }

    public string Read(string name) => File.ReadAllText(PathOf(name));

    /// <summary>Runs a spatch command line in this process, from the scratch directory, with no HOME.</summary>
    public SpatchResult Run(params string[] args)
    {
        var stdout = new MemoryStream();
        var stderr = new StringWriter();
        var environment = new SpatchEnvironment
        {
            Error = stderr,
            WorkingDirectory = Directory,
            GetVariable = name => name == "TMPDIR" ? "/tmp" : Variables.GetValueOrDefault(name),
            ProcessId = 4242,
        };
        int exit = SpatchDriver.Run(args, environment, stdout);
        return new SpatchResult(exit, Encoding.UTF8.GetString(stdout.ToArray()), stderr.ToString());
    }

    /// <summary>Starts the command as a child process in the scratch directory.</summary>
    public Process Start(IEnumerable<string> args, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(Executable)
        {
            WorkingDirectory = Directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        return Process.Start(start)!;
    }

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
