namespace Sevenspot.Cli.Spatch;

/// <summary>
/// The places spatch takes options from besides the command line: ".cocciconfig" files
/// ("[spatch]" then "options = ..." lines; the kernel ships one with "--timeout 200") and
/// "#spatch ..." lines in the semantic patch.
/// </summary>
internal static class SpatchConfigFiles
{
    private const string ConfigName = ".cocciconfig";

    /// <summary>Options of ~/.cocciconfig, ./.cocciconfig and DIR/.cocciconfig for each directory argument, in that order.</summary>
    public static List<string> ReadConfigArguments(IReadOnlyList<string> arguments, SpatchEnvironment environment, out string? error)
    {
        error = null;
        var files = new List<string>();
        string? home = environment.GetVariable("HOME");
        if (!string.IsNullOrEmpty(home))
        {
            files.Add(Path.Join(home, ConfigName));
        }

        files.Add(Path.Join(environment.WorkingDirectory, ConfigName));
        foreach (string positional in Positionals(arguments))
        {
            string directory = environment.Resolve(positional);
            if (Directory.Exists(directory))
            {
                files.Add(Path.Join(directory, ConfigName));
            }
        }

        var result = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (string file in files)
        {
            string full = Path.GetFullPath(file);
            if (!seen.Add(full) || !File.Exists(full))
            {
                continue;
            }

            string[] lines;
            try
            {
                lines = File.ReadAllLines(full);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                continue;
            }

            foreach (string raw in lines)
            {
                string line = raw.Trim();
                if (line.Length == 0 || line[0] is '#' or ';')
                {
                    continue;
                }

                if (line[0] == '[')
                {
                    if (line != "[spatch]")
                    {
                        error = "only spatch supported as a header in a .cocciconfig file";
                        return [];
                    }

                    continue;
                }

                int eq = line.IndexOf('=', StringComparison.Ordinal);
                if (eq > 0 && line[..eq].Trim() == "options")
                {
                    result.AddRange(line[(eq + 1)..].Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries));
                }
            }
        }

        return result;
    }

    /// <summary>The words of the "#spatch" lines of the semantic patch named by the arguments.</summary>
    public static List<string> ReadCocciFileArguments(IReadOnlyList<string> arguments, SpatchEnvironment environment)
    {
        string? cocci = null;
        for (int i = 0; i < arguments.Count; i++)
        {
            if (arguments[i] is "--sp-file" or "--cocci-file" && i + 1 < arguments.Count)
            {
                cocci = arguments[i + 1];
                break;
            }

            if (!arguments[i].StartsWith('-') && arguments[i].EndsWith(".cocci", StringComparison.Ordinal))
            {
                cocci ??= arguments[i];
            }
        }

        var result = new List<string>();
        if (cocci is null)
        {
            return result;
        }

        try
        {
            // "#spatch ..." or "# spatch ...": the words of all such lines make one argument list,
            // so an option's argument may be on the next such line; words are quoted as in a shell.
            foreach (string line in File.ReadLines(environment.Resolve(cocci)))
            {
                string rest = line.StartsWith('#') ? line[1..].TrimStart(' ', '\t') : string.Empty;
                if (rest.StartsWith("spatch", StringComparison.Ordinal) && (rest.Length == 6 || rest[6] is ' ' or '\t'))
                {
                    result.AddRange(SplitWords(rest[6..]));
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The run reports the missing or unreadable semantic patch.
        }

        return result;
    }

    /// <summary>Splits on blanks, with '...' and "..." quoting and backslash escapes.</summary>
    private static List<string> SplitWords(string text)
    {
        var words = new List<string>();
        var word = new System.Text.StringBuilder();
        bool inWord = false;
        char quote = '\0';
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (quote != '\0')
            {
                if (c == quote)
                {
                    quote = '\0';
                }
                else if (c == '\\' && quote == '"' && i + 1 < text.Length)
                {
                    word.Append(text[++i]);
                }
                else
                {
                    word.Append(c);
                }
            }
            else if (c is ' ' or '\t')
            {
                if (inWord)
                {
                    words.Add(word.ToString());
                    word.Clear();
                    inWord = false;
                }
            }
            else
            {
                inWord = true;
                if (c is '\'' or '"')
                {
                    quote = c;
                }
                else if (c == '\\' && i + 1 < text.Length)
                {
                    word.Append(text[++i]);
                }
                else
                {
                    word.Append(c);
                }
            }
        }

        if (inWord)
        {
            words.Add(word.ToString());
        }

        return words;
    }

    /// <summary>
    /// Words that are not options or option arguments. As in spatch, the word after --dir counts
    /// as its argument here, so "--dir D" does not read D/.cocciconfig but "D" alone does.
    /// </summary>
    private static IEnumerable<string> Positionals(IReadOnlyList<string> arguments)
    {
        for (int i = 0; i < arguments.Count; i++)
        {
            string arg = arguments[i];
            if (!arg.StartsWith('-') || arg.Length < 2)
            {
                yield return arg;
            }
            else if (arg == "--dir" || (SpatchOptionTable.ByName.TryGetValue(arg, out var option) && option.Kind != SpatchOptionKind.Flag))
            {
                i++;
            }
        }
    }
}
