using System.Diagnostics;

namespace Sevenspot.Text.Tests.Diff;

/// <summary>Runs the installed GNU diff, when there is one, to compare our output with.</summary>
internal static class GnuDiff
{
    public const string Path = "/usr/bin/diff";

    private static readonly Lazy<string?> s_unavailableReason = new(FindUnavailableReason);

    /// <summary>Null when GNU diff can be run, else why not.</summary>
    public static string? UnavailableReason => s_unavailableReason.Value;

    /// <summary>
    /// <c>diff -u -p --label OLD --label NEW</c> (or <c>-U n</c>) on the two texts, in a UTF-8
    /// locale with English messages.
    /// </summary>
    public static byte[] Run(byte[] oldText, byte[] newText, string oldName, string newName, UnifiedDiffOptions options)
    {
        string directory = Directory.CreateTempSubdirectory("sevenspot-diff-").FullName;
        try
        {
            string oldPath = System.IO.Path.Combine(directory, "old");
            string newPath = System.IO.Path.Combine(directory, "new");
            File.WriteAllBytes(oldPath, oldText);
            File.WriteAllBytes(newPath, newText);

            var start = new ProcessStartInfo(Path)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            start.Environment["LC_ALL"] = "C.UTF-8";
            if (options.ContextLines is int context)
            {
                start.ArgumentList.Add("-U");
                start.ArgumentList.Add(context.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
            else
            {
                start.ArgumentList.Add("-u");
            }

            if (options.ShowCFunction)
            {
                start.ArgumentList.Add("-p");
            }

            start.ArgumentList.Add("--label");
            start.ArgumentList.Add(oldName);
            start.ArgumentList.Add("--label");
            start.ArgumentList.Add(newName);
            start.ArgumentList.Add(oldPath);
            start.ArgumentList.Add(newPath);

            using var process = Process.Start(start)!;
            var stderr = process.StandardError.ReadToEndAsync();
            using var stdout = new MemoryStream();
            process.StandardOutput.BaseStream.CopyTo(stdout);
            process.WaitForExit();
            if (process.ExitCode > 1)
            {
                throw new InvalidOperationException($"diff failed with exit code {process.ExitCode}: {stderr.Result}");
            }

            return stdout.ToArray();
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static string? FindUnavailableReason()
    {
        if (!File.Exists(Path))
        {
            return $"GNU diff not found at {Path}";
        }

        try
        {
            var start = new ProcessStartInfo(Path, "--version") { RedirectStandardOutput = true, UseShellExecute = false };
            using var process = Process.Start(start)!;
            string version = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            return version.Contains("GNU diffutils", StringComparison.Ordinal) ? null : $"{Path} is not GNU diff";
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return $"cannot run {Path}: {e.Message}";
        }
    }
}

/// <summary>A fact that is reported as skipped, with the reason, when GNU diff is not available.</summary>
public sealed class GnuDiffFactAttribute : FactAttribute
{
    public GnuDiffFactAttribute()
    {
        if (GnuDiff.UnavailableReason is string reason)
        {
            Skip = reason;
        }
    }
}

/// <summary>A theory that is reported as skipped, with the reason, when GNU diff is not available.</summary>
public sealed class GnuDiffTheoryAttribute : TheoryAttribute
{
    public GnuDiffTheoryAttribute()
    {
        if (GnuDiff.UnavailableReason is string reason)
        {
            Skip = reason;
        }
    }
}
