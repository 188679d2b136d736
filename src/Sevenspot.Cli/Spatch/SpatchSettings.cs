namespace Sevenspot.Cli.Spatch;

/// <summary>How spatch reads the C files' includes (--no-includes, --local-includes, ...).</summary>
internal enum IncludeStyle
{
    Default,
    None,
    Local,
    All,
    Recursive,
}

/// <summary>What a rule run prints on stdout (--format).</summary>
internal enum RuleRunFormat
{
    /// <summary>spatch's output: diffs, and what scripts print.</summary>
    Text,
    Sarif,

    /// <summary>One JSON array of findings.</summary>
    Json,

    /// <summary>One JSON object per line, a finding each.</summary>
    Jsonl,

    /// <summary>GitHub Actions workflow commands (annotations).</summary>
    Github,
}

/// <summary>An option that stops the run, with why Sevenspot cannot honour it.</summary>
internal sealed record RefusedOption(string Option, string Reason);

/// <summary>
/// What a spatch command line asks for, after the .cocciconfig files, the #spatch lines of the
/// semantic patch and the command line itself have been read (later settings win, as in spatch).
/// Options that only steer spatch's own debugging output are accepted and have no field here.
/// </summary>
internal sealed class SpatchSettings
{
    /// <summary>The first semantic patch (the only one unless --sp-file is repeated).</summary>
    public string? SpFile
    {
        get => SpFiles.Count == 0 ? null : SpFiles[0];
        set
        {
            SpFiles.Clear();
            if (value is not null)
            {
                SpFiles.Add(value);
            }
        }
    }

    /// <summary>Every --sp-file/--cocci-file, in order: several patches (or folders of them) run together, each file read once.</summary>
    public List<string> SpFiles { get; } = [];

    /// <summary>Positional arguments other than the .cocci file, in order.</summary>
    public List<string> Files { get; } = [];

    /// <summary>--file-groups: the list of groups of files to process.</summary>
    public string? FileGroups { get; set; }

    /// <summary>--kbuild-info: with --dir, the list of groups of each directory's files.</summary>
    public string? KbuildInfo { get; set; }

    /// <summary>--opt-c files that exist.</summary>
    public List<string> OptionalFiles { get; } = [];

    public string? Output { get; set; }

    public bool InPlace { get; set; }

    public bool OutPlace { get; set; }

    /// <summary>--suffix: the backup suffix of --in-place, or the output suffix of --out-place.</summary>
    public string? Suffix { get; set; }

    public int? ContextLines { get; set; }

    public string? IsoFile { get; set; }

    public List<string> MacroFiles { get; } = [];

    public string? MacroFileBuiltins { get; set; }

    public List<string> IncludeDirectories { get; } = [];

    /// <summary>--include FILE: files to treat as included by every C file.</summary>
    public List<string> ExtraIncludes { get; } = [];

    public IncludeStyle IncludeStyle { get; set; }

    public bool IncludeHeadersForTypes { get; set; }

    public bool IncludeHeaders { get; set; }

    public bool IgnoreUnknownOptions { get; set; }

    /// <summary>--dir was given (spatch decides directory mode from the last argument anyway).</summary>
    public bool Dir { get; set; }

    /// <summary>--ignore: file name prefixes (OCaml Str regular expressions) to skip.</summary>
    public List<string> Ignore { get; } = [];

    public string? Patch { get; set; }

    public bool ShowDiff { get; set; } = true;

    public bool ForceDiff { get; set; }

    public bool Quiet { get; set; }

    public bool VeryQuiet { get; set; }

    /// <summary>Seconds allowed per file; null for no limit.</summary>
    public int? Timeout { get; set; }

    /// <summary>--profile: print where the run's time went on stderr when it ends.</summary>
    public bool Profile { get; set; }

    public List<string> DisabledIsos { get; } = [];

    public List<string> Defines { get; } = [];

    public bool CPlusPlus { get; set; }

    public string? CPlusPlusVersion { get; set; }

    public bool AllowInconsistentPaths { get; set; }

    /// <summary>--disable-worth-trying-opt: no prefilter; every rule is tried on every file.</summary>
    public bool DisableWorthTrying { get; set; }

    public int? Index { get; set; }

    public int? Max { get; set; }

    public bool ModDistrib { get; set; }

    public int? Jobs { get; set; }

    /// <summary>The python interpreter for script rules (--python).</summary>
    public string? Python { get; set; }

    public int? ChunkSize { get; set; }

    /// <summary>--format: spatch's text, or findings in a machine-readable format.</summary>
    public RuleRunFormat Format { get; set; }

    /// <summary>An option that does something else than apply the semantic patch (--help, --version, --parse-cocci...).</summary>
    public string? Action { get; set; }

    /// <summary>Options that would change the results and that Sevenspot does not implement: the run stops.</summary>
    public List<RefusedOption> Unsupported { get; } = [];

    /// <summary>Options accepted with no effect, each once, in the order read: a warning each unless --very-quiet.</summary>
    public List<string> IgnoredOptions { get; } = [];

    /// <summary>Every argument as read, config files first: what --print-options-only shows.</summary>
    public List<string> AllArguments { get; } = [];
}
