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
}
