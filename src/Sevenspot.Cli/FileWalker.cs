namespace Sevenspot.Cli;

/// <summary>Expands the files and directories of a command line into a sorted list of source files.</summary>
internal static class FileWalker
{
    public static List<string> Expand(IEnumerable<string> inputs, bool includeHeaders, List<string> missing)
    {
        var files = new List<string>();
        foreach (string input in inputs)
        {
            if (Directory.Exists(input))
            {
                var found = new List<string>();
                foreach (string f in Directory.EnumerateFiles(input, "*", new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true, AttributesToSkip = FileAttributes.ReparsePoint }))
                {
                    if (f.EndsWith(".c", StringComparison.Ordinal) || (includeHeaders && f.EndsWith(".h", StringComparison.Ordinal)))
                    {
                        found.Add(f);
                    }
                }

                found.Sort(StringComparer.Ordinal);
                files.AddRange(found);
            }
            else if (File.Exists(input))
            {
                files.Add(input);
            }
            else
            {
                missing.Add(input);
            }
        }

        return files;
    }
}
