using System.Security.Cryptography;

namespace Sevenspot.Scripting;

/// <summary>
/// The python files the worker runs (sevenspot_worker.py and our coccilib package), shipped inside
/// the assembly and written once to a folder named after their content, so that concurrent runs and
/// different versions never see each other's files half-written.
/// </summary>
internal static class PythonModules
{
    private const string Prefix = "python/";
    private static readonly Lazy<string> s_folder = new(Extract, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The path of sevenspot_worker.py, written if needed.</summary>
    public static string WorkerScript => Path.Join(s_folder.Value, "sevenspot_worker.py");

    private static string Extract()
    {
        var assembly = typeof(PythonModules).Assembly;
        var files = new SortedDictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (string name in assembly.GetManifestResourceNames())
        {
            if (!name.StartsWith(Prefix, StringComparison.Ordinal))
            {
                continue;
            }

            using var stream = assembly.GetManifestResourceStream(name)!;
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            files[name[Prefix.Length..]] = buffer.ToArray();
        }

        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var (name, bytes) in files)
        {
            hash.AppendData(System.Text.Encoding.UTF8.GetBytes(name + "\0"));
            hash.AppendData(bytes);
        }

        string id = Convert.ToHexString(hash.GetHashAndReset())[..16].ToLowerInvariant();
        string folder = Path.Join(Path.GetTempPath(), $"sevenspot-python-{Environment.UserName}-{id}");
        if (File.Exists(Path.Join(folder, ".complete")))
        {
            return folder;
        }

        string staging = folder + "." + Environment.ProcessId + "." + Guid.NewGuid().ToString("N")[..8];
        foreach (var (name, bytes) in files)
        {
            string path = Path.Join(staging, name);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllBytes(path, bytes);
        }

        File.WriteAllBytes(Path.Join(staging, ".complete"), []);
        try
        {
            Directory.Move(staging, folder);
        }
        catch (IOException) when (File.Exists(Path.Join(folder, ".complete")))
        {
            // Another run put the same files there first.
            Directory.Delete(staging, recursive: true);
        }

        return folder;
    }
}
