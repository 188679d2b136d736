namespace Sevenspot.Checks;

/// <summary>
/// Which of a few macro names the tree defines anywhere: a <c>#define NAME</c> in a C source or
/// header, or <c>-DNAME</c> in a makefile. One pass over the tree's files, made only for the
/// names some finding's code depends on (code under <c>#ifdef NAME</c> where the file itself
/// does not define it), so a run without such code reads nothing more.
/// </summary>
public static class MacroDefinitions
{
    /// <summary>The names of <paramref name="names"/> defined somewhere under the folder.</summary>
    public static HashSet<string> FindDefined(string root, IReadOnlyCollection<string> names)
    {
        var found = new HashSet<string>(StringComparer.Ordinal);
        if (names.Count == 0 || !Directory.Exists(root))
        {
            return found;
        }

        var wanted = new HashSet<string>(names, StringComparer.Ordinal);
        var options = new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true, AttributesToSkip = FileAttributes.ReparsePoint };
        foreach (string path in Directory.EnumerateFiles(root, "*", options))
        {
            string name = Path.GetFileName(path);
            bool source = name.EndsWith(".c", StringComparison.Ordinal) || name.EndsWith(".h", StringComparison.Ordinal);
            bool makefile = name.StartsWith("Makefile", StringComparison.Ordinal) || name.StartsWith("Kbuild", StringComparison.Ordinal) || name.EndsWith(".mk", StringComparison.Ordinal);
            if (!source && !makefile)
            {
                continue;
            }

            byte[] bytes;
            try
            {
                bytes = File.ReadAllBytes(path);
            }
            catch (IOException)
            {
                continue;
            }
            catch (UnauthorizedAccessException)
            {
                continue;
            }

            Scan(bytes, source, wanted, found);
            if (found.Count == wanted.Count)
            {
                break;
            }
        }

        return found;
    }

    private static void Scan(ReadOnlySpan<byte> text, bool source, HashSet<string> wanted, HashSet<string> found)
    {
        byte marker = source ? (byte)'#' : (byte)'-';
        int at = 0;
        while (at < text.Length)
        {
            int hit = text[at..].IndexOf(marker);
            if (hit < 0)
            {
                return;
            }

            int i = at + hit + 1;
            at = i;
            if (source)
            {
                while (i < text.Length && text[i] is (byte)' ' or (byte)'\t')
                {
                    i++;
                }

                if (!text[i..].StartsWith("define"u8))
                {
                    continue;
                }

                i += 6;
                if (i >= text.Length || text[i] is not ((byte)' ' or (byte)'\t'))
                {
                    continue;
                }

                while (i < text.Length && text[i] is (byte)' ' or (byte)'\t')
                {
                    i++;
                }
            }
            else
            {
                if (i >= text.Length || text[i] != (byte)'D')
                {
                    continue;
                }

                i++;
            }

            int start = i;
            while (i < text.Length && (char.IsAsciiLetterOrDigit((char)text[i]) || text[i] == (byte)'_'))
            {
                i++;
            }

            if (i > start)
            {
                string name = System.Text.Encoding.ASCII.GetString(text[start..i]);
                if (wanted.Contains(name))
                {
                    found.Add(name);
                }
            }
        }
    }
}
