using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;

namespace Sevenspot.Scripting;

/// <summary>
/// The patch's OCaml program compiled once to a native (or bytecode) executable and kept in a
/// per-user cache ($XDG_CACHE_HOME/sevenspot/ocaml, else ~/.cache/sevenspot/ocaml), keyed by a hash
/// of the program's text and of the compiler (its path, size and time, so a new compiler gives a new
/// key). The toplevel type-checks and compiles the program at every start (about 0.2 CPU s, more
/// than a small rule's whole run); the cached executable starts in milliseconds. Concurrent runs
/// each compile into a private folder and rename the result into place, so a reader sees a whole
/// executable or none. Anything that does not work out (no compiler beside the toplevel, a program
/// that does not compile, a cache that cannot be written) gives null, and the toplevel runs the
/// program as before: its errors are the ones the user sees.
/// </summary>
internal static class OCamlCompiledWorker
{
    /// <summary>The executable for the program, compiled now if it is not cached; null to use the toplevel.</summary>
    /// <param name="cacheRoot">The cache's root folder; the user's (XDG) cache folder by default.</param>
    public static string? Executable(string toplevel, string program, string? cacheRoot = null)
    {
        // Only the plain toplevel: a command given under another name (a wrapper) runs as given.
        if (Path.GetFileName(toplevel) != "ocaml" || FindOnPath(toplevel) is not { } top)
        {
            return null;
        }

        string? folder = Path.GetDirectoryName(top);
        string? compiler = null;
        bool native = false;
        foreach (string name in (ReadOnlySpan<string>)["ocamlopt.opt", "ocamlopt", "ocamlc.opt", "ocamlc"])
        {
            string candidate = Path.Join(folder, name);
            if (File.Exists(candidate))
            {
                compiler = candidate;
                native = name.StartsWith("ocamlopt", StringComparison.Ordinal);
                break;
            }
        }

        if (compiler is null || CacheFolder(cacheRoot) is not { } cache)
        {
            return null;
        }

        string key = Key(program, compiler);
        string path = Path.Join(cache, key);
        if (File.Exists(path))
        {
            return path;
        }

        return Compile(compiler, native, program, cache, path) ? path : null;
    }

    private static string Key(string program, string compiler)
    {
        var info = new FileInfo(compiler);
        string stamp = $"{compiler}\n{info.Length}\n{info.LastWriteTimeUtc.Ticks}\n";
        byte[] hash = SHA256.HashData(Encoding.UTF8.GetBytes(stamp + program));
        return "worker-" + Convert.ToHexStringLower(hash.AsSpan(0, 16));
    }

    private static string? CacheFolder(string? root)
    {
        root ??= Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
        if (string.IsNullOrEmpty(root) || !Path.IsPathRooted(root))
        {
            string home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
            if (string.IsNullOrEmpty(home))
            {
                return null;
            }

            root = Path.Join(home, ".cache");
        }

        string folder = Path.Join(root, "sevenspot", "ocaml");
        try
        {
            Directory.CreateDirectory(folder);
            return folder;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>Compiles in a private folder, then renames the executable to its key (atomic: concurrent runs never see half a file).</summary>
    private static bool Compile(string compiler, bool native, string program, string cache, string path)
    {
        string work = Path.Join(cache, $"build-{Environment.ProcessId}-{Guid.NewGuid():N}");
        try
        {
            Directory.CreateDirectory(work);
            string source = Path.Join(work, "sevenspot_program.ml");
            string output = Path.Join(work, "sevenspot_program");
            File.WriteAllText(source, program);
            var info = new ProcessStartInfo(compiler)
            {
                WorkingDirectory = work,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (string argument in (ReadOnlySpan<string>)["-w", "-a", "-alert", "-all", native ? "unix.cmxa" : "unix.cma", native ? "str.cmxa" : "str.cma", "-o", output, source])
            {
                info.ArgumentList.Add(argument);
            }

            using var process = Process.Start(info);
            if (process is null)
            {
                return false;
            }

            // Read both streams to the end so a talkative compiler cannot block on a full pipe.
            var errors = process.StandardError.ReadToEndAsync();
            process.StandardOutput.ReadToEnd();
            errors.GetAwaiter().GetResult();
            process.WaitForExit();
            if (process.ExitCode != 0 || !File.Exists(output))
            {
                return false;
            }

            File.Move(output, path, overwrite: true);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.ComponentModel.Win32Exception)
        {
            return false;
        }
        finally
        {
            try
            {
                Directory.Delete(work, recursive: true);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Left behind; the next compile uses another folder.
            }
        }
    }

    private static string? FindOnPath(string command)
    {
        if (command.Contains('/', StringComparison.Ordinal))
        {
            return File.Exists(command) ? Path.GetFullPath(command) : null;
        }

        foreach (string folder in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(':', StringSplitOptions.RemoveEmptyEntries))
        {
            string candidate = Path.Join(folder, command);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}
