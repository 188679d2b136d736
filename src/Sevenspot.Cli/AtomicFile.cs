using System.Collections.Concurrent;
using System.Globalization;
using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace Sevenspot.Cli;

/// <summary>
/// Writes a file so that readers see either the old or the new content, never a mix, and so that
/// a process killed at any point leaves no temporary file behind. On Linux the new content goes
/// to an unnamed file in the target's directory (O_TMPFILE: a kill while writing leaves nothing),
/// which gets a name only when complete and is at once renamed over the target (rename(2) is
/// atomic). Elsewhere, or where the file system refuses unnamed files, a named temporary file is
/// used, and SIGINT, SIGTERM and SIGHUP remove it before the process ends.
/// </summary>
internal static class AtomicFile
{
    /// <summary>Test hook: milliseconds to wait after each 4 KB written, so that a test can kill a write half-way.</summary>
    internal const string WriteDelayVariable = "SEVENSPOT_TEST_WRITE_DELAY_MS";

    private const int AtFdCwd = -100;
    private const int AtSymlinkFollow = 0x400;
    private const int OWronly = 1;

    private static readonly ConcurrentDictionary<string, byte> s_pending = new(StringComparer.Ordinal);
    private static readonly int s_writeDelay = int.TryParse(Environment.GetEnvironmentVariable(WriteDelayVariable), NumberStyles.None, CultureInfo.InvariantCulture, out int ms) ? ms : 0;
    private static readonly Lazy<PosixSignalRegistration[]> s_cleanup = new(RegisterCleanup);

    public static bool Write(string path, byte[] content, out string? error)
    {
        error = null;
        string full = Path.GetFullPath(path);
        string directory = Path.GetDirectoryName(full) ?? ".";
        string temp = Path.Combine(directory, $".{Path.GetFileName(full)}.sevenspot-{Environment.ProcessId}-{Guid.NewGuid():N}.tmp");
        _ = s_cleanup.Value;
        s_pending[temp] = 0;
        try
        {
            if (!WriteUnnamed(directory, temp, content))
            {
                using var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None);
                WriteContent(stream, content);
            }

            if (File.Exists(full) && !OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(temp, File.GetUnixFileMode(full));
            }

            File.Move(temp, full, overwrite: true);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            error = e.Message;
            try
            {
                File.Delete(temp);
            }
            catch (Exception cleanup) when (cleanup is IOException or UnauthorizedAccessException)
            {
            }

            return false;
        }
        finally
        {
            s_pending.TryRemove(temp, out _);
        }
    }

    private static void WriteContent(FileStream stream, byte[] content)
    {
        if (s_writeDelay <= 0)
        {
            stream.Write(content);
        }
        else
        {
            for (int offset = 0; offset < content.Length; offset += 4096)
            {
                stream.Write(content, offset, Math.Min(4096, content.Length - offset));
                stream.Flush();
                Thread.Sleep(s_writeDelay);
            }
        }

        stream.Flush(flushToDisk: true);
    }

    /// <summary>Writes the content to an unnamed file in <paramref name="directory"/> and links it as <paramref name="temp"/>; false when the system cannot.</summary>
    private static bool WriteUnnamed(string directory, string temp, byte[] content)
    {
        if (!OperatingSystem.IsLinux())
        {
            return false;
        }

        // O_TMPFILE is __O_TMPFILE | O_DIRECTORY, whose values depend on the architecture.
        int tmpFile = RuntimeInformation.ProcessArchitecture switch
        {
            Architecture.X64 or Architecture.X86 => 0x410000,
            Architecture.Arm64 or Architecture.Arm => 0x404000,
            _ => 0,
        };
        if (tmpFile == 0)
        {
            return false;
        }

        int fd = Native.Open(directory, tmpFile | OWronly, Convert.ToInt32("644", 8));
        if (fd < 0)
        {
            return false; // e.g. EOPNOTSUPP: the file system has no unnamed files
        }

        using var handle = new SafeFileHandle(fd, ownsHandle: true);
        using var stream = new FileStream(handle, FileAccess.Write);
        WriteContent(stream, content);
        if (Native.LinkAt(AtFdCwd, $"/proc/self/fd/{fd}", AtFdCwd, temp, AtSymlinkFollow) != 0)
        {
            throw new IOException($"cannot link the new content of {temp}: error {Marshal.GetLastPInvokeError()}");
        }

        return true;
    }

    private static PosixSignalRegistration[] RegisterCleanup()
    {
        if (OperatingSystem.IsWindows())
        {
            return [];
        }

        // The handler runs, then the signal's default action (termination) goes on.
        return [.. new[] { PosixSignal.SIGINT, PosixSignal.SIGTERM, PosixSignal.SIGHUP }.Select(s => PosixSignalRegistration.Create(s, _ => RemovePending()))];
    }

    private static void RemovePending()
    {
        foreach (string temp in s_pending.Keys)
        {
            try
            {
                File.Delete(temp);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
            }
        }
    }

    private static class Native
    {
        [DllImport("libc", EntryPoint = "open", SetLastError = true)]
        public static extern int Open([MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags, int mode);

        [DllImport("libc", EntryPoint = "linkat", SetLastError = true)]
        public static extern int LinkAt(int oldDirectory, [MarshalAs(UnmanagedType.LPUTF8Str)] string oldPath, int newDirectory, [MarshalAs(UnmanagedType.LPUTF8Str)] string newPath, int flags);
    }
}
