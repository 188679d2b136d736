namespace Sevenspot.Benchmarks;

/// <summary>
/// The .c files of Linux 6.1 subset A (kernel/ mm/ fs/ext4 net/ipv4 drivers/net/ethernet/intel lib/):
/// $SEVENSPOT_SUBSET_A, or the folder bench/kernel-tier.sh extracts them to.
/// </summary>
internal static class SubsetA
{
    private static readonly Lazy<IReadOnlyList<string>> s_files = new(FindFiles);

    public static string Folder
    {
        get
        {
            string? configured = Environment.GetEnvironmentVariable("SEVENSPOT_SUBSET_A");
            if (!string.IsNullOrEmpty(configured))
            {
                return Path.GetFullPath(configured);
            }

            string? work = Environment.GetEnvironmentVariable("SEVENSPOT_WORK");
            return Path.GetFullPath(Path.Combine(string.IsNullOrEmpty(work) ? Path.Combine(RepositoryRoot(), ".work") : work, "linux-6.1", "subset-a"));
        }
    }

    /// <summary>The .c files, sorted.</summary>
    public static IReadOnlyList<string> Files => s_files.Value;

    public static long TotalBytes
    {
        get
        {
            long total = 0;
            foreach (string file in Files)
            {
                total += new FileInfo(file).Length;
            }

            return total;
        }
    }

    private static List<string> FindFiles()
    {
        string folder = Folder;
        if (!Directory.Exists(folder))
        {
            throw new DirectoryNotFoundException($"Subset A not found at {folder}: run bench/kernel-tier.sh first, or set SEVENSPOT_SUBSET_A.");
        }

        var files = new List<string>();
        foreach (string file in Directory.EnumerateFiles(folder, "*.c", SearchOption.AllDirectories))
        {
            files.Add(file);
        }

        files.Sort(StringComparer.Ordinal);
        return files;
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Sevenspot.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No Sevenspot.slnx above {AppContext.BaseDirectory}.");
    }
}
