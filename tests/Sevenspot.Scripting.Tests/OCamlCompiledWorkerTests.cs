using System.Diagnostics;

namespace Sevenspot.Scripting.Tests;

/// <summary>The compiled OCaml worker: built once into the cache, found there by later runs, and left to the toplevel when it does not compile.</summary>
public sealed class OCamlCompiledWorkerTests : IDisposable
{
    private readonly string _cache = Path.Join(Path.GetTempPath(), $"sevenspot-ocaml-cache-test-{Guid.NewGuid():N}");

    public void Dispose()
    {
        if (Directory.Exists(_cache))
        {
            Directory.Delete(_cache, recursive: true);
        }
    }

    private static bool HasOCamlCompiler()
    {
        foreach (string folder in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(':', StringSplitOptions.RemoveEmptyEntries))
        {
            if (File.Exists(Path.Join(folder, "ocaml")) && (File.Exists(Path.Join(folder, "ocamlopt")) || File.Exists(Path.Join(folder, "ocamlc"))))
            {
                return true;
            }
        }

        return false;
    }

    [Fact]
    public void A_program_is_compiled_once_and_then_taken_from_the_cache()
    {
        if (!HasOCamlCompiler())
        {
            return; // No OCaml here: the toplevel path is all there is (covered by the script tests' skip).
        }

        const string program = "let () = print_string (Str.global_replace (Str.regexp \"a\") \"b\" \"banana\"); ignore (Unix.getpid ())\n";
        string? first = OCamlCompiledWorker.Executable("ocaml", program, _cache);
        Assert.NotNull(first);
        Assert.StartsWith(_cache, first, StringComparison.Ordinal);
        var written = File.GetLastWriteTimeUtc(first);

        using (var process = Process.Start(new ProcessStartInfo(first) { RedirectStandardOutput = true, UseShellExecute = false })!)
        {
            Assert.Equal("bbnbnb", process.StandardOutput.ReadToEnd());
            process.WaitForExit();
        }

        string? again = OCamlCompiledWorker.Executable("ocaml", program, _cache);
        Assert.Equal(first, again);
        Assert.Equal(written, File.GetLastWriteTimeUtc(again!));

        // Another program has another key; only the executables stay (no build folders left behind).
        string? other = OCamlCompiledWorker.Executable("ocaml", program + "let () = print_newline ()\n", _cache);
        Assert.NotNull(other);
        Assert.NotEqual(first, other);
        Assert.Equal(2, Directory.GetFileSystemEntries(Path.Join(_cache, "sevenspot", "ocaml")).Length);
    }

    [Fact]
    public void A_program_that_does_not_compile_or_a_wrapper_is_left_to_the_toplevel()
    {
        if (!HasOCamlCompiler())
        {
            return;
        }

        Assert.Null(OCamlCompiledWorker.Executable("ocaml", "let x : int = \"text\"\n", _cache));
        Assert.Null(OCamlCompiledWorker.Executable("/opt/wrapper/my-ocaml", "let () = ()\n", _cache));
        Assert.Empty(Directory.GetFileSystemEntries(Path.Join(_cache, "sevenspot", "ocaml")));
    }

    [Fact]
    public void The_cache_keeps_the_recently_used_executables_up_to_its_limits()
    {
        string folder = Path.Join(_cache, "sevenspot", "ocaml");
        Directory.CreateDirectory(folder);
        var now = new DateTime(2026, 6, 1, 12, 0, 0, DateTimeKind.Utc);
        string Worker(string name, int daysUnused)
        {
            string path = Path.Join(folder, "worker-" + name);
            File.WriteAllText(path, name);
            File.SetLastAccessTimeUtc(path, now.AddDays(-daysUnused));
            return path;
        }

        string kept = Worker("kept", 400); // the one the run uses stays whatever its age
        Worker("old", 31);
        Worker("a", 1);
        Worker("b", 2);
        Worker("c", 3);
        string stale = Path.Join(folder, "build-1-x");
        string fresh = Path.Join(folder, "build-2-y");
        Directory.CreateDirectory(stale);
        Directory.CreateDirectory(fresh);
        Directory.SetLastWriteTimeUtc(stale, now.AddDays(-2));
        Directory.SetLastWriteTimeUtc(fresh, now);
        File.WriteAllText(Path.Join(folder, "other"), "not ours");

        OCamlCompiledWorker.Prune(folder, kept, new OCamlCompiledWorker.CacheLimits(3, TimeSpan.FromDays(30)), now);

        // "old" is past the age; of a, b, c the two most recently used stay beside the kept one.
        var left = new List<string>();
        foreach (string entry in Directory.GetFileSystemEntries(folder))
        {
            left.Add(Path.GetFileName(entry));
        }

        left.Sort(StringComparer.Ordinal);
        Assert.Equal(["build-2-y", "other", "worker-a", "worker-b", "worker-kept"], left);
    }

    [Fact]
    public void A_compile_prunes_the_cache_and_a_use_marks_the_executable_used()
    {
        if (!HasOCamlCompiler())
        {
            return;
        }

        string folder = Path.Join(_cache, "sevenspot", "ocaml");
        Directory.CreateDirectory(folder);
        string unused = Path.Join(folder, "worker-unused");
        File.WriteAllText(unused, string.Empty);
        File.SetLastAccessTimeUtc(unused, DateTime.UtcNow.AddDays(-60));

        string? first = OCamlCompiledWorker.Executable("ocaml", "let () = print_string \"one\"\n", _cache);
        Assert.NotNull(first);
        Assert.False(File.Exists(unused));

        File.SetLastAccessTimeUtc(first, DateTime.UtcNow.AddDays(-10));
        Assert.Equal(first, OCamlCompiledWorker.Executable("ocaml", "let () = print_string \"one\"\n", _cache));
        Assert.True(DateTime.UtcNow - File.GetLastAccessTimeUtc(first) < TimeSpan.FromDays(1));

        // With room for one, a second program's compile drops the first.
        string? second = OCamlCompiledWorker.Executable("ocaml", "let () = print_string \"two\"\n", _cache, new OCamlCompiledWorker.CacheLimits(1, TimeSpan.FromDays(30)));
        Assert.NotNull(second);
        Assert.False(File.Exists(first));
        Assert.True(File.Exists(second));
    }
}
