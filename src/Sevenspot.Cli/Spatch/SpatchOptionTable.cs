namespace Sevenspot.Cli.Spatch;

internal enum SpatchOptionKind
{
    /// <summary>No argument.</summary>
    Flag,

    /// <summary>The next word is the argument.</summary>
    String,

    /// <summary>The next word is an integer.</summary>
    Int,

    /// <summary>The next word is one of a fixed set of words (--c++=).</summary>
    Symbol,
}

/// <summary>One option of spatch's command line, with what it does to the settings.</summary>
internal sealed record SpatchOption(string Name, SpatchOptionKind Kind, string Help, Action<SpatchSettings, string> Apply)
{
    /// <summary>Shown by --help (spatch's short list); the others only by --longhelp.</summary>
    public bool Main { get; init; }

    public string Section { get; init; } = "main options";

    public IReadOnlyList<string> Symbols { get; init; } = [];
}

/// <summary>
/// Every option of spatch 1.1.1 with the arity spatch gives it, so that any spatch command line
/// parses the same way: options sevenspot has no use for (debugging output, caches, profiling)
/// are accepted and ignored, options that select another mode of spatch are refused when run.
/// </summary>
internal static class SpatchOptionTable
{
    private static readonly Action<SpatchSettings, string> s_ignore = (_, _) => { };

    // Filled by Build, so declared before ByName.
    private static readonly List<SpatchOption> s_all = [];

    public static IReadOnlyDictionary<string, SpatchOption> ByName { get; } = Build();

    public static IReadOnlyList<SpatchOption> All => s_all;

    private static Dictionary<string, SpatchOption> Build()
    {
        const string Main = "main options";
        Add(Main, "--sp-file", SpatchOptionKind.String, "<file> the semantic patch file", (s, v) => s.SpFile = v, main: true);
        Add(Main, "--opt-c", SpatchOptionKind.String, "<file> a c file to process if it exists", (s, v) => s.OptionalFiles.Add(v), main: true);
        Add(Main, "-o", SpatchOptionKind.String, "<file> the output file", (s, v) => s.Output = v, main: true);
        Add(Main, "--in-place", SpatchOptionKind.Flag, "do the modification on the file directly (backup file name specified with --suffix)", (s, _) => s.InPlace = true, main: true);
        Add(Main, "--suffix", SpatchOptionKind.String, "suffix to use when making a backup for inplace or for result of --out-place", (s, v) => s.Suffix = v, main: true);
        Add(Main, "--out-place", SpatchOptionKind.Flag, "store modifications in a .cocci_res file (renamable via --suffix)", (s, _) => s.OutPlace = true, main: true);
        Add(Main, "--reverse", SpatchOptionKind.Flag, "invert the semantic patch before applying it", Unsupported("--reverse"), main: true);
        Add(Main, "-U", SpatchOptionKind.Int, "set number of diff context lines", (s, v) => s.ContextLines = int.Parse(v, System.Globalization.CultureInfo.InvariantCulture), main: true);
        Add(Main, "--partial-match", SpatchOptionKind.Flag, "report partial matches of the SP on the C file", s_ignore, main: true);
        Add(Main, "--iso-file", SpatchOptionKind.String, "<file> the isomorphisms (default: the built-in standard.iso)", (s, v) => s.IsoFile = v, main: true);
        Add(Main, "--macro-file", SpatchOptionKind.String, "<file> more macro definitions, in the format of standard.h", (s, v) => s.MacroFiles.Add(v), main: true);
        Add(Main, "--macro-file-builtins", SpatchOptionKind.String, "<file> the macro definitions (default: the built-in standard.h)", (s, v) => s.MacroFileBuiltins = v, main: true);
        Add(Main, "--recursive-includes", SpatchOptionKind.Flag, "causes all available include files, both those included in the C file(s) and those included in header files, to be used", (s, _) => s.IncludeStyle = IncludeStyle.Recursive, main: true);
        Add(Main, "--all-includes", SpatchOptionKind.Flag, "causes all available include files included in the C file(s) to be used", (s, _) => s.IncludeStyle = IncludeStyle.All, main: true);
        Add(Main, "--no-includes", SpatchOptionKind.Flag, "causes not even local include files to be used", (s, _) => s.IncludeStyle = IncludeStyle.None, main: true);
        Add(Main, "--local-includes", SpatchOptionKind.Flag, "causes local include files to be used", (s, _) => s.IncludeStyle = IncludeStyle.Local, main: true);
        Add(Main, "--include-headers-for-types", SpatchOptionKind.Flag, "use only type information from header files", (s, _) => s.IncludeHeadersForTypes = true, main: true);
        Add(Main, "--no-include-cache", SpatchOptionKind.Flag, "don't cache parsed include files", s_ignore, main: true);
        Add(Main, "--ignore-unknown-options", SpatchOptionKind.Flag, "For integration in a toolchain (must be set before the first unknown option)", (s, _) => s.IgnoreUnknownOptions = true, main: true);
        Add(Main, "--include-headers", SpatchOptionKind.Flag, "process header files independently", (s, _) => s.IncludeHeaders = true, main: true);
        Add(Main, "-I", SpatchOptionKind.String, "<dir> containing the header files", (s, v) => s.IncludeDirectories.Add(v), main: true);
        Add(Main, "--include", SpatchOptionKind.String, "file to consider as being included", (s, v) => s.ExtraIncludes.Add(v), main: true);
        Add(Main, "--preprocess", SpatchOptionKind.Flag, "run the C preprocessor before applying the semantic match", Unsupported("--preprocess"), main: true);
        Add(Main, "-c", SpatchOptionKind.Flag, "gcc/cpp compatibility mode", Unsupported("-c"), main: true);
        Add(Main, "--dir", SpatchOptionKind.Flag, "<dir> process all files in directory recursively", (s, _) => s.Dir = true, main: true);
        Add(Main, "--ignore", SpatchOptionKind.String, "<string> specify a file name prefix to ignore", (s, v) => s.Ignore.Add(v), main: true);
        Add(Main, "--file-groups", SpatchOptionKind.Flag, "<file> process the file groups listed in the file", Unsupported("--file-groups"), main: true);
        Add(Main, "--no-scanner", SpatchOptionKind.Flag, "no indexing", s_ignore, main: true);
        Add(Main, "--use-gitgrep", SpatchOptionKind.Flag, "works with --dir, works on git tree subdirectories (sevenspot always scans files itself)", s_ignore, main: true);
        Add(Main, "--use-glimpse", SpatchOptionKind.Flag, "works with --dir, use info generated by glimpseindex (sevenspot always scans files itself)", s_ignore, main: true);
        Add(Main, "--use-idutils", SpatchOptionKind.String, "find relevant files using id-utils (sevenspot always scans files itself)", s_ignore, main: true);
        Add(Main, "--use-coccigrep", SpatchOptionKind.Flag, "find relevant files using cocci grep (sevenspot always scans files itself)", s_ignore, main: true);
        Add(Main, "--use-diff", SpatchOptionKind.Flag, "process files in the diff for a directory", Unsupported("--use-diff"));
        Add(Main, "--use-patch-diff", SpatchOptionKind.String, "process files in the diff for a directory", Unsupported("--use-patch-diff"));
        Add(Main, "--patch", SpatchOptionKind.String, "<dir> path name with respect to which a patch should be created\n    \"\" for a file in the current directory", (s, v) => s.Patch = v, main: true);
        Add(Main, "--kbuild-info", SpatchOptionKind.String, "<file> improve --dir by grouping related c files", Unsupported("--kbuild-info"), main: true);
        Add(Main, "--python", SpatchOptionKind.String, "Sets the path to the python interpreter", (s, v) => s.Python = v, main: true);
        Add(Main, "--pyoutput", SpatchOptionKind.String, "Sets output routine: Default value: coccilib.output.Console", s_ignore, main: true);
        Add(Main, "--parse-handler", SpatchOptionKind.String, "<file> Loads the file containing the OCaml code in charge of parse errors reporting", s_ignore, main: true);
        Add(Main, "--print-options-only", SpatchOptionKind.Flag, "print selected options and exit", (s, _) => s.Action ??= "--print-options-only", main: true);
        Add(Main, "--version", SpatchOptionKind.Flag, "print version and build info", (s, _) => s.Action = "--version", main: true);
        Add(Main, "--date", SpatchOptionKind.Flag, "guess what", (s, _) => s.Action = "--version", main: true);
        Add(Main, "--shorthelp", SpatchOptionKind.Flag, "see short list of options", (s, _) => s.Action = "--shorthelp", main: true);
        Add(Main, "--longhelp", SpatchOptionKind.Flag, "see all the available options in different categories", (s, _) => s.Action = "--longhelp", main: true);
        Add(Main, "-help", SpatchOptionKind.Flag, string.Empty, (s, _) => s.Action = "--longhelp", main: true);
        Add(Main, "--help", SpatchOptionKind.Flag, string.Empty, (s, _) => s.Action = "--longhelp", main: true);
        Add(Main, "-h", SpatchOptionKind.Flag, string.Empty, (s, _) => s.Action = "--longhelp");

        const string Aliases = "aliases and obsolete options";
        Add(Aliases, "--sp", SpatchOptionKind.String, "command line semantic patch", Unsupported("--sp"));
        Add(Aliases, "--iso", SpatchOptionKind.String, "short option of --iso-file", (s, v) => s.IsoFile = v);
        Add(Aliases, "--cocci-file", SpatchOptionKind.String, "<file> the semantic patch file", (s, v) => s.SpFile = v);

        const string Show = "most useful show options";
        Add(Show, "--show-diff", SpatchOptionKind.Flag, string.Empty, (s, _) => s.ShowDiff = true);
        Add(Show, "--no-show-diff", SpatchOptionKind.Flag, string.Empty, (s, _) => s.ShowDiff = false);
        Add(Show, "--force-diff", SpatchOptionKind.Flag, "show diff even if only spacing changes", (s, _) => s.ForceDiff = true);
        Ignored(Show, "--show-flow", "--ctl-inline-let", "--ctl-show-mcodekind", "--show-bindings", "--show-transinfo", "--show-misc", "--show-trying", "--show-dependencies");
        Ignored("verbose subsystems options", "--verbose-ctl-engine", "--verbose-match", "--verbose-engine", "--graphical-trace", "--gt-without-label", "--parse-error-msg", "--verbose-parsing", "--verbose-includes", "--type-error-msg");
        Ignored("other show options", "--show-c", "--show-cocci", "--show-before-fixed-flow", "--show-ctl-tex", "--show-ctl-text", "--show-SP");

        const string Debug = "debug C parsing/unparsing";
        Ignored(Debug, "--debug-cpp", "--debug-lexer", "--debug-etdt", "--debug-typedef", "--filter-msg", "--filter-define-error", "--filter-msg-define-error");
        Add(Debug, "--filter-passed-level", SpatchOptionKind.Int, string.Empty, s_ignore);
        Ignored(Debug, "--debug-unparsing", "--debug-parse-cocci");

        const string Profiles = "shortcut for enabling/disabling a set of debugging options at once";
        Add(Profiles, "--quiet", SpatchOptionKind.Flag, string.Empty, (s, _) => s.Quiet = true);
        Add(Profiles, "--very-quiet", SpatchOptionKind.Flag, string.Empty, (s, _) => s.VeryQuiet = true);
        Ignored(Profiles, "--debug", "--pad");

        const string Bench = "bench options";
        Ignored(Bench, "--profile", "--profile-per-file");
        Add(Bench, "--bench", SpatchOptionKind.Int, "<level> for profiling the CTL engine", s_ignore);
        Add(Bench, "--timeout", SpatchOptionKind.Int, "<sec> timeout in seconds, 0 for no timeout", (s, v) => s.Timeout = ParseInt(v) is var t && t > 0 ? t : null);
        Add(Bench, "--steps", SpatchOptionKind.Int, "max number of model checking steps per code unit", s_ignore);
        Add(Bench, "--iso-limit", SpatchOptionKind.Int, "max depth of iso application", s_ignore);
        Ignored(Bench, "--no-iso-limit", "--track-iso");
        Add(Bench, "--disable-iso", SpatchOptionKind.String, "disable a specific isomorphism", (s, v) => s.DisabledIsos.Add(v));
        Ignored(Bench, "--profile-iso");

        const string Algorithm = "change of algorithm options";
        Ignored(Algorithm, "--keep-comments", "--loop", "--no-loops", "--no-gotos", "--no-saved-typedefs", "--ocaml-regexps", "--l1", "--ifdef-to-if", "--no-ifdef-to-if", "--disable-multi-pass", "--noif0-passing", "--itu");
        Add(Algorithm, "--defined", SpatchOptionKind.String, "<symbol> treat cpp symbol as defined in #ifdef", s_ignore);
        Add(Algorithm, "--undefined", SpatchOptionKind.String, "<symbol> treat cpp symbol as undefined in #ifdef", s_ignore);
        Ignored(Algorithm, "--noadd-typedef-root", "--disallow-nested-exps", "--disallow-nested-types", "--disable-worth-trying-opt", "--selected-only", "--only-return-is-error-exit");
        Add(Algorithm, "--allow-inconsistent-paths", SpatchOptionKind.Flag, "if this flag is set don't check for inconsistent paths; dangerous", (s, _) => s.AllowInconsistentPaths = true);
        Ignored(Algorithm, "--no-safe-expressions");
        Add(Algorithm, "--int-bits", SpatchOptionKind.Int, "the number of bits in an unsigned int", s_ignore);
        Add(Algorithm, "--long-bits", SpatchOptionKind.Int, "the number of bits in an unsigned long", s_ignore);
        Ignored(Algorithm, "--linux-spacing", "--smpl-spacing");
        Add(Algorithm, "--indent", SpatchOptionKind.Int, "default indent, in spaces (no tabs)", s_ignore);
        Add(Algorithm, "--max-width", SpatchOptionKind.Int, "column limit for generated code", s_ignore);
        Add(Algorithm, "-D", SpatchOptionKind.String, "indicate that a virtual rule should be considered to be matched", (s, v) => s.Defines.Add(v));
        Add(Algorithm, "--c++", SpatchOptionKind.Flag, "make a small attempt to parse C++ files", (s, _) => s.CPlusPlus = true);
        s_all.Add(new SpatchOption("--c++=", SpatchOptionKind.Symbol, "<int> same as --c++ but allows to specify a version (e.g. --c++=11)", (s, v) => (s.CPlusPlus, s.CPlusPlusVersion) = (true, v))
        {
            Section = Algorithm,
            Symbols = ["98", "03", "0x", "11", "1y", "14", "1z", "17", "2a", "20", "23"],
        });
        Ignored(Algorithm, "--ibm", "--force-kr", "--prevent-kr");

        const string Misc = "misc options";
        Ignored(Misc, "--debugger", "--disable-once", "--show-trace-profile", "--save-tmp-files");
        Add(Misc, "--external-analysis-file", SpatchOptionKind.String, "import results from an external analysis", s_ignore);
        Add(Misc, "--ocaml-lib-search-path", SpatchOptionKind.String, "add a path when searching for dynamically loadable modules", s_ignore);

        const string Concurrency = "concurrency";
        Add(Concurrency, "--index", SpatchOptionKind.Int, "the processor to use for this run of spatch", (s, v) => s.Index = ParseInt(v));
        Add(Concurrency, "--max", SpatchOptionKind.Int, "the number of processors available", (s, v) => s.Max = ParseInt(v));
        Add(Concurrency, "--mod-distrib", SpatchOptionKind.Flag, "use mod to distribute files among the processors", (s, _) => s.ModDistrib = true);
        Add(Concurrency, "--jobs", SpatchOptionKind.Int, "the number of processes to be used", (s, v) => s.Jobs = ParseInt(v));
        Add(Concurrency, "-j", SpatchOptionKind.Int, "the number of processes to be used", (s, v) => s.Jobs = ParseInt(v));
        Add(Concurrency, "--chunksize", SpatchOptionKind.Int, "the size of work chunks for parallelism", (s, v) => s.ChunkSize = ParseInt(v));
        Add(Concurrency, "--tmp-dir", SpatchOptionKind.String, "prefix of temporary directories for parallelism", s_ignore);
        Add(Concurrency, "--temp-files", SpatchOptionKind.String, "prefix of temporary directory for cocci files", s_ignore);

        const string Pad = "pad options";
        Ignored(Pad, "--use-cache");
        Add(Pad, "--cache-prefix", SpatchOptionKind.String, "directory of cached ASTs, sets --use-cache", s_ignore);
        Add(Pad, "--cache-limit", SpatchOptionKind.Int, "maximum number of cached ASTs, sets --use-cache", s_ignore);

        const string Test = "test mode and test options (works with tests/ or .ok files)";
        foreach (string name in new[] { "--test", "--testall", "--ctestall", "--cpptestall", "--test-spacing", "--test-okfailed", "--test-regression-okfailed", "--compare-with-expected", "--no-update-score-file", "--relax-include-path", "--batch_mode" })
        {
            Add(Test, name, SpatchOptionKind.Flag, string.Empty, Unsupported(name));
        }

        foreach (string name in new[] { "--expected-extension", "--expected-score-file", "--expected-spacing-score-file" })
        {
            Add(Test, name, SpatchOptionKind.String, string.Empty, Unsupported(name));
        }

        const string Actions = "action mode";
        foreach (string name in new[]
        {
            "--tokens-c", "--parse-c", "--parse-h", "--parse-ch", "--parse-i", "--parse-c++", "--parse", "--control-flow", "--control-flow-to-file",
            "--test-cfg-ifdef", "--parse-unparse", "--type-c", "--compare-c", "--comment-annotater-c", "--compare-c-hardcoded", "--test-attributes",
            "--test-cpp", "--extract-macros", "--extract-macros-select", "--xxx", "--rule-dependencies",
        })
        {
            Add(Actions, name, SpatchOptionKind.Flag, string.Empty, Unsupported(name));
        }

        Add(Actions, "--parse-cocci", SpatchOptionKind.Flag, "<file> parse the semantic patch and print what was read", (s, _) => s.Action = "--parse-cocci");

        const string Own = "sevenspot options";
        Add(Own, "--spatch-version", SpatchOptionKind.Flag, "print the version of spatch this is compatible with", (s, _) => s.Action = "--version");

        var table = new Dictionary<string, SpatchOption>(StringComparer.Ordinal);
        foreach (var option in s_all)
        {
            table[option.Name] = option;
        }

        return table;
    }

    private static void Add(string section, string name, SpatchOptionKind kind, string help, Action<SpatchSettings, string> apply, bool main = false) =>
        s_all.Add(new SpatchOption(name, kind, help, apply) { Main = main, Section = section });

    private static void Ignored(string section, params string[] names)
    {
        foreach (string name in names)
        {
            Add(section, name, SpatchOptionKind.Flag, string.Empty, s_ignore);
        }
    }

    private static Action<SpatchSettings, string> Unsupported(string name) => (s, _) => s.Unsupported.Add(name);

    private static int ParseInt(string value) => int.Parse(value, System.Globalization.CultureInfo.InvariantCulture);
}
