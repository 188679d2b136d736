using System.Globalization;

namespace Sevenspot.Cli.Spatch;

/// <summary>A command line that could not be read: the message for stderr and the exit status.</summary>
internal sealed record SpatchArgumentError(string Message, int ExitCode, bool ShowUsage);

/// <summary>
/// Reads a spatch command line the way spatch does (OCaml's Arg module after spatch's own
/// rewriting): "-sp_file" is "--sp-file", "--jobs=4" is "--jobs 4", "-j4" is "-j 4", a bare
/// "--use-idutils" gets spatch's default index, a .cocci positional argument is the semantic
/// patch, and an unknown option is an error unless --ignore-unknown-options came before it.
/// Options come from ~/.cocciconfig, ./.cocciconfig and DIR/.cocciconfig for directory
/// arguments, then from "#spatch" lines of the semantic patch, then from the command line.
/// </summary>
internal static class SpatchArgumentParser
{
    private const string OnCommandLine = "on the command line";
    private const string InCocciFile = "in the cocci file";
    private const string InConfigFile = "in a cocciconfig file";

    public static SpatchSettings? Parse(IReadOnlyList<string> commandLine, SpatchEnvironment environment, out SpatchArgumentError? error)
    {
        var settings = new SpatchSettings();
        var arguments = Normalize(commandLine);
        var fromCocci = Normalize(SpatchConfigFiles.ReadCocciFileArguments(arguments, environment));
        var fromConfig = Normalize(SpatchConfigFiles.ReadConfigArguments([.. fromCocci, .. arguments], environment, out string? configError));
        if (configError is not null)
        {
            error = new SpatchArgumentError(configError, 255, false);
            return null;
        }

        settings.AllArguments.AddRange(fromConfig);
        settings.AllArguments.AddRange(fromCocci);
        settings.AllArguments.AddRange(arguments);

        var positional = new List<string>();
        error = Read(fromConfig, InConfigFile, settings, positional)
            ?? Read(fromCocci, InCocciFile, settings, settings.Action == "--parse-cocci" ? [] : positional)
            ?? Read(arguments, OnCommandLine, settings, positional);
        if (error is not null)
        {
            return null;
        }

        foreach (string arg in positional)
        {
            if (arg.EndsWith(".cocci", StringComparison.Ordinal))
            {
                if (settings.SpFile is not null)
                {
                    error = new SpatchArgumentError("only one .cocci file allowed", 255, false);
                    return null;
                }

                settings.SpFile = arg;
            }
            else
            {
                settings.Files.Add(arg);
            }
        }

        return settings;
    }

    /// <summary>spatch's rewriting of its arguments before parsing them.</summary>
    public static List<string> Normalize(IEnumerable<string> args)
    {
        var fixedChars = new List<string>();
        foreach (string arg in args)
        {
            // "-sp_file" => "--sp-file": a single dash before a long name, underscores for dashes.
            fixedChars.Add(arg.Length > 2 && arg[0] == '-' && arg[1] != '-'
                ? "-" + string.Join('-', arg.Split('_', StringSplitOptions.RemoveEmptyEntries))
                : arg);
        }

        var result = new List<string>(fixedChars.Count);
        for (int i = 0; i < fixedChars.Count; i++)
        {
            string arg = fixedChars[i];
            if (arg == "--use-idutils" && (i + 1 == fixedChars.Count || fixedChars[i + 1].StartsWith('-')))
            {
                result.Add(arg);
                result.Add(".id-utils.index");
            }
            else if (arg.Length > 3 && arg.StartsWith("--j", StringComparison.Ordinal) && int.TryParse(arg.AsSpan(3), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _))
            {
                result.Add("-j");
                result.Add(arg[3..]);
            }
            else if (arg.Length > 3 && arg.StartsWith("--I", StringComparison.Ordinal))
            {
                result.Add("--I");
                result.Add(arg[3..]);
            }
            else if (arg.Length > 6 && arg.StartsWith("--c++=", StringComparison.Ordinal))
            {
                result.Add("--c++=");
                result.Add(arg[6..]);
            }
            else
            {
                result.Add(arg);
            }
        }

        return result;
    }

    private static SpatchArgumentError? Read(List<string> args, string location, SpatchSettings settings, List<string> positional)
    {
        for (int i = 0; i < args.Count; i++)
        {
            string arg = args[i];
            if (arg.Length < 2 || arg[0] != '-')
            {
                positional.Add(arg);
                continue;
            }

            string name = arg;
            string? attached = null;
            if (!SpatchOptionTable.ByName.ContainsKey(arg))
            {
                int eq = arg.IndexOf('=', StringComparison.Ordinal);
                if (eq > 0 && SpatchOptionTable.ByName.ContainsKey(arg[..eq]))
                {
                    name = arg[..eq];
                    attached = arg[(eq + 1)..];
                }
            }

            if (!SpatchOptionTable.ByName.TryGetValue(name, out var option))
            {
                if (settings.IgnoreUnknownOptions)
                {
                    continue;
                }

                return new SpatchArgumentError($"sevenspot: unknown option '{arg}'. (found {location})", 2, true);
            }

            string value = string.Empty;
            if (option.Kind == SpatchOptionKind.Flag)
            {
                if (attached is not null)
                {
                    return Bad(settings, $"sevenspot: wrong argument '{attached}'; option '{arg}' expects no argument. (found {location})");
                }
            }
            else
            {
                if (attached is not null)
                {
                    value = attached;
                }
                else if (i + 1 < args.Count)
                {
                    value = args[++i];
                }
                else
                {
                    return Bad(settings, $"sevenspot: option '{name}' needs an argument. (found {location})");
                }

                if (option.Kind == SpatchOptionKind.Int)
                {
                    if (!TryParseOCamlInt(value, out int n))
                    {
                        return Bad(settings, $"sevenspot: wrong argument '{value}'; option '{name}' expects an integer. (found {location})");
                    }

                    value = n.ToString(CultureInfo.InvariantCulture);
                }
                else if (option.Kind == SpatchOptionKind.Symbol && !option.Symbols.Contains(value))
                {
                    return Bad(settings, $"sevenspot: wrong argument '{value}'; option '{name}' expects one of: {string.Join(' ', option.Symbols)}. (found {location})");
                }
            }

            option.Apply(settings, value);
        }

        return null;
    }

    /// <summary>A malformed option is skipped under --ignore-unknown-options, as spatch's parser restarts after it.</summary>
    private static SpatchArgumentError? Bad(SpatchSettings settings, string message) =>
        settings.IgnoreUnknownOptions ? null : new SpatchArgumentError(message, 2, true);

    /// <summary>OCaml's int_of_string: decimal, 0x/0o/0b prefixes, '_' separators, a sign.</summary>
    private static bool TryParseOCamlInt(string text, out int value)
    {
        value = 0;
        string s = text.Replace("_", string.Empty, StringComparison.Ordinal);
        bool negative = false;
        if (s.StartsWith('-') || s.StartsWith('+'))
        {
            negative = s[0] == '-';
            s = s[1..];
        }

        int radix = 10;
        if (s.Length > 2 && s[0] == '0' && char.ToLowerInvariant(s[1]) is 'x' or 'o' or 'b')
        {
            radix = char.ToLowerInvariant(s[1]) switch { 'x' => 16, 'o' => 8, _ => 2 };
            s = s[2..];
        }

        if (s.Length == 0)
        {
            return false;
        }

        long n = 0;
        foreach (char c in s)
        {
            int digit = c is >= '0' and <= '9' ? c - '0' : char.ToLowerInvariant(c) is >= 'a' and <= 'f' ? char.ToLowerInvariant(c) - 'a' + 10 : 99;
            if (digit >= radix)
            {
                return false;
            }

            n = (n * radix) + digit;
            if (n > int.MaxValue)
            {
                return false;
            }
        }

        value = (int)(negative ? -n : n);
        return true;
    }
}
