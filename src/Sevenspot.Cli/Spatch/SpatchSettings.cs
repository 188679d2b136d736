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

/// <summary>
/// What a spatch command line asks for, after the .cocciconfig files, the #spatch lines of the
/// semantic patch and the command line itself have been read (later settings win, as in spatch).
/// Options that only steer spatch's own debugging output are accepted and have no field here.
/// </summary>
internal sealed class SpatchSettings
{
    public string? SpFile { get; set; }

    /// <summary>Positional arguments other than the .cocci file, in order.</summary>
    public List<string> Files { get; } = [];

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

    public List<string> DisabledIsos { get; } = [];

    public List<string> Defines { get; } = [];

    public bool CPlusPlus { get; set; }

    public string? CPlusPlusVersion { get; set; }

    public bool AllowInconsistentPaths { get; set; }

    public int? Index { get; set; }

    public int? Max { get; set; }

    public bool ModDistrib { get; set; }

    public int? Jobs { get; set; }

    /// <summary>The python interpreter for script rules (--python).</summary>
    public string? Python { get; set; }

    public int? ChunkSize { get; set; }

    /// <summary>An option that does something else than apply the semantic patch (--help, --version, --parse-cocci...).</summary>
    public string? Action { get; set; }

    /// <summary>Options that spatch knows but sevenspot does not implement in a way that changes results.</summary>
    public List<string> Unsupported { get; } = [];

    /// <summary>Every argument as read, config files first: what --print-options-only shows.</summary>
    public List<string> AllArguments { get; } = [];
}
