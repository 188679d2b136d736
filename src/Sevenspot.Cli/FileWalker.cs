using System.Text.RegularExpressions;

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

    /// <summary>
    /// The .c files (and .h files with <paramref name="includeHeaders"/>) under a directory, sorted,
    /// named as spatch names them: the directory as given on the command line, then the path
    /// inside it ("--dir ." gives "./a.c", "--dir d/" gives "d/a.c").
    /// </summary>
    public static List<string> ListDirectory(string fullDirectory, string shownDirectory, bool includeHeaders)
    {
        var found = new List<string>();
        var options = new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true, AttributesToSkip = FileAttributes.ReparsePoint };
        string root = Path.TrimEndingDirectorySeparator(fullDirectory);
        foreach (string f in Directory.EnumerateFiles(root, "*", options))
        {
            if (f.EndsWith(".c", StringComparison.Ordinal) || (includeHeaders && f.EndsWith(".h", StringComparison.Ordinal)))
            {
                string inside = f[(root.Length + 1)..];
                found.Add(shownDirectory.EndsWith('/') ? shownDirectory + inside : shownDirectory + "/" + inside);
            }
        }

        found.Sort(StringComparer.Ordinal);
        return found;
    }

    /// <summary>--ignore: whether <paramref name="path"/> starts with a match of the (regular expression) prefix.</summary>
    public static bool MatchesPrefix(string prefix, string path)
    {
        try
        {
            return Regex.IsMatch(path, @"\A(?:" + prefix + ")", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        }
        catch (ArgumentException)
        {
            return path.StartsWith(prefix, StringComparison.Ordinal);
        }
    }
}
