namespace Sevenspot.Cli;

/// <summary>Writes a file so that readers see either the old or the new content, never a mix.</summary>
internal static class AtomicFile
{
    public static bool Write(string path, byte[] content, out string? error)
    {
        error = null;
        string full = Path.GetFullPath(path);
        string directory = Path.GetDirectoryName(full) ?? ".";
        string temp = Path.Combine(directory, $".{Path.GetFileName(full)}.sevenspot-{Environment.ProcessId}-{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                stream.Write(content);
                stream.Flush(flushToDisk: true);
            }

            if (File.Exists(full) && !OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(temp, File.GetUnixFileMode(full));
            }

            // rename(2) replaces the target atomically.
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
            catch (IOException)
            {
            }

            return false;
        }
    }
}
