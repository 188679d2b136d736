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
/// The cache is bounded: a use marks an executable's access time, and each new compile prunes the
/// executables not used for <see cref="CacheLimits.MaxAge"/> and then the least recently used
/// beyond <see cref="CacheLimits.MaxEntries"/> (about 1.8 MB each), with build folders that a
/// killed compile left behind. Removing an executable a running worker uses is harmless on POSIX.
/// </summary>
internal static class OCamlCompiledWorker
{
    /// <summary>How much the cache keeps.</summary>
    internal sealed record CacheLimits(int MaxEntries, TimeSpan MaxAge)
    {
        /// <summary>64 executables (about 120 MB), none unused for 30 days.</summary>
        public static CacheLimits Default { get; } = new(64, TimeSpan.FromDays(30));
    }

    private const string WorkerPrefix = "worker-";
    private const string BuildPrefix = "build-";
    /// <summary>The executable for the program, compiled now if it is not cached; null to use the toplevel.</summary>
    /// <param name="cacheRoot">The cache's root folder; the user's (XDG) cache folder by default.</param>
    /// <param name="limits">What the cache keeps; <see cref="CacheLimits.Default"/> when null.</param>
    public static string? Executable(string toplevel, string program, string? cacheRoot = null, CacheLimits? limits = null)
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
            MarkUsed(path);
            return path;
        }

        if (!Compile(compiler, native, program, cache, path))
        {
            return null;
        }

        MarkUsed(path);
        Prune(cache, path, limits ?? CacheLimits.Default, DateTime.UtcNow);
        return path;
    }

    /// <summary>Sets the access time explicitly: mounts with relatime or noatime do not keep it for a run.</summary>
    private static void MarkUsed(string path)
    {
        try
        {
            File.SetLastAccessTimeUtc(path, DateTime.UtcNow);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A read-only cache still serves; it is then pruned by whoever can write it.
        }
    }

    /// <summary>
    /// Drops the executables unused for longer than the limit's age, then the least recently used
    /// beyond its count, never <paramref name="keep"/> (the one this run uses); build folders older
    /// than a day are a killed compile's leftovers.
    /// </summary>
    internal static void Prune(string cache, string keep, CacheLimits limits, DateTime now)
    {
        var workers = new List<(DateTime Used, string Path)>();
        try
        {
            foreach (string entry in Directory.EnumerateFileSystemEntries(cache))
            {
                string name = Path.GetFileName(entry);
                if (name.StartsWith(BuildPrefix, StringComparison.Ordinal) && Directory.Exists(entry))
                {
                    if (now - Directory.GetLastWriteTimeUtc(entry) > TimeSpan.FromDays(1))
                    {
                        Directory.Delete(entry, recursive: true);
                    }
                }
                else if (name.StartsWith(WorkerPrefix, StringComparison.Ordinal) && entry != keep && File.Exists(entry))
                {
                    var used = File.GetLastAccessTimeUtc(entry);
                    if (now - used > limits.MaxAge)
                    {
                        File.Delete(entry);
                    }
                    else
                    {
                        workers.Add((used, entry));
                    }
                }
            }

            // The one kept counts toward the limit; the others go from the least recently used.
            workers.Sort((a, b) => b.Used.CompareTo(a.Used));
            for (int i = Math.Max(0, limits.MaxEntries - 1); i < workers.Count; i++)
            {
                File.Delete(workers[i].Path);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Another run pruning at the same time, or a cache not ours to clean: the next compile tries again.
        }
    }

    private static string Key(string program, string compiler)
    {
        var info = new FileInfo(compiler);
        string stamp = $"{compiler}\n{info.Length}\n{info.LastWriteTimeUtc.Ticks}\n";
        byte[] hash = SHA256.HashData(Encoding.UTF8.GetBytes(stamp + program));
        return WorkerPrefix + Convert.ToHexStringLower(hash.AsSpan(0, 16));
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
        string work = Path.Join(cache, $"{BuildPrefix}{Environment.ProcessId}-{Guid.NewGuid():N}");
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
