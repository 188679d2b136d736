using System.Globalization;
using Sevenspot.Cli.Spatch.Findings;

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

/// <summary>What Sevenspot does with an option of spatch's command line.</summary>
internal enum SpatchOptionUse
{
    /// <summary>It does what the help says.</summary>
    Used,

    /// <summary>Accepted so that spatch command lines keep working, with no effect; a warning says so.</summary>
    Ignored,

    /// <summary>It would change the results and Sevenspot does not implement it: the run stops with an error.</summary>
    Refused,
}

/// <summary>One option of spatch's command line, with what it does to the settings.</summary>
internal sealed record SpatchOption(string Name, SpatchOptionKind Kind, string Help, Action<SpatchSettings, string> Apply)
{
    /// <summary>Shown by --shorthelp; every option is shown by --help and --longhelp.</summary>
    public bool Main { get; init; }

    public string Section { get; init; } = string.Empty;

    public SpatchOptionUse Use { get; init; }

    public IReadOnlyList<string> Symbols { get; init; } = [];

    /// <summary>The line --help prints after the name: the argument's placeholder first, then what Sevenspot does.</summary>
    public string Description => Use switch
    {
        SpatchOptionUse.Ignored => Placeholder + "ignored: " + Reason,
        SpatchOptionUse.Refused => Placeholder + "not supported, stops with an error: " + Reason,
        _ => Help,
    };

    /// <summary>The help without the placeholder of the argument ("DIR: "): what the warning or error says.</summary>
    public string Reason => Help[Placeholder.Length..];

    private string Placeholder => PlaceholderOf(Help);

    /// <summary>"DIR: " when the help starts with the placeholder of the option's argument, else empty.</summary>
    public static string PlaceholderOf(string help)
    {
        int colon = help.IndexOf(": ", StringComparison.Ordinal);
        return colon > 0 && help.AsSpan(0, colon).IndexOfAnyExcept(s_placeholderChars) < 0 ? help[..(colon + 2)] : string.Empty;
    }

    private static readonly System.Buffers.SearchValues<char> s_placeholderChars =
        System.Buffers.SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZ[] ");
}

/// <summary>
/// Every option of spatch 1.1.1 with the arity spatch gives it, so that any spatch command line
/// parses the same way. Each says what Sevenspot does with it: options that steer spatch's own
/// tracing, caches or file finding are accepted with a warning; options that would change the
/// results and that Sevenspot does not implement stop the run with an error.
/// </summary>
internal static class SpatchOptionTable
{
    /// <summary>The column at which the unparser breaks long added lines (spatch's default --max-width).</summary>
    private const int AddedLineWidth = 78;

    // Filled by Build, so declared before ByName.
    private static readonly List<SpatchOption> s_all = [];

    public static IReadOnlyDictionary<string, SpatchOption> ByName { get; } = Build();

    public static IReadOnlyList<SpatchOption> All => s_all;

    private static Dictionary<string, SpatchOption> Build()
    {
        const string Main = "Rule and files";
        Add(Main, "--sp-file", SpatchOptionKind.String, "FILE: the SmPL rules to apply (a .cocci argument does the same); repeat it, or name a folder of .cocci files, to run several patches over each file read once", (s, v) => s.SpFiles.Add(v), main: true);
        Add(Main, "--opt-c", SpatchOptionKind.String, "FILE: add this C file to the inputs if it exists (its absence is not an error)", (s, v) => s.OptionalFiles.Add(v), main: true);
        Add(Main, "-o", SpatchOptionKind.String, "FILE: write the changed C file there (one input file only)", (s, v) => s.Output = v, main: true);
        Add(Main, "--in-place", SpatchOptionKind.Flag, "rewrite each changed file where it is, atomically; --suffix keeps a copy of the original", (s, _) => s.InPlace = true, main: true);
        Add(Main, "--suffix", SpatchOptionKind.String, "SUFFIX: name of the copy kept by --in-place, or of the result written by --out-place", (s, v) => s.Suffix = v, main: true);
        Add(Main, "--out-place", SpatchOptionKind.Flag, "write each changed file next to its input as FILE.cocci_res (or FILE + --suffix)", (s, _) => s.OutPlace = true, main: true);
        Refuse(Main, "--reverse", SpatchOptionKind.Flag, "Sevenspot cannot turn a rule's - and + lines around", main: true);
        Add(Main, "-U", SpatchOptionKind.Int, "N: lines of unchanged code around each hunk of the printed diff", (s, v) => s.ContextLines = ParseInt(v), main: true);
        Refuse(Main, "--partial-match", SpatchOptionKind.Flag, "Sevenspot reports only complete matches of a rule", main: true);
        Add(Main, "--iso-file", SpatchOptionKind.String, "FILE: isomorphisms to use instead of Sevenspot's built-in set (same file format)", (s, v) => s.IsoFile = v, main: true);
        Add(Main, "--macro-file", SpatchOptionKind.String, "FILE: more macro hints for the C parser, in standard.h's format (repeatable)", (s, v) => s.MacroFiles.Add(v), main: true);
        Add(Main, "--macro-file-builtins", SpatchOptionKind.String, "FILE: macro hints that replace Sevenspot's built-in ones", (s, v) => s.MacroFileBuiltins = v, main: true);
        Ignore(Main, "--recursive-includes", SpatchOptionKind.Flag, "Sevenspot does not read header files; types come from the file being matched", main: true);
        Ignore(Main, "--all-includes", SpatchOptionKind.Flag, "Sevenspot does not read header files; types come from the file being matched", main: true);
        Add(Main, "--no-includes", SpatchOptionKind.Flag, "read no header file (what Sevenspot always does)", (s, _) => s.IncludeStyle = IncludeStyle.None, main: true);
        Ignore(Main, "--local-includes", SpatchOptionKind.Flag, "Sevenspot does not read header files; types come from the file being matched", main: true);
        Ignore(Main, "--include-headers-for-types", SpatchOptionKind.Flag, "Sevenspot does not read header files for types", main: true);
        Ignore(Main, "--no-include-cache", SpatchOptionKind.Flag, "there is no cache of parsed headers to turn off", main: true);
        Add(Main, "--ignore-unknown-options", SpatchOptionKind.Flag, "skip unknown options that come after this one instead of stopping", (s, _) => s.IgnoreUnknownOptions = true, main: true);
        Add(Main, "--include-headers", SpatchOptionKind.Flag, "also apply the rules to the .h files found in a directory", (s, _) => s.IncludeHeaders = true, main: true);
        Ignore(Main, "-I", SpatchOptionKind.String, "DIR: Sevenspot does not read header files", main: true);
        Ignore(Main, "--include", SpatchOptionKind.String, "FILE: Sevenspot does not read header files", main: true);
        Refuse(Main, "--preprocess", SpatchOptionKind.Flag, "Sevenspot parses C as written, without running cpp", main: true);
        Refuse(Main, "-c", SpatchOptionKind.Flag, "there is no compiler-driver mode", main: true);
        Add(Main, "--dir", SpatchOptionKind.Flag, "the last argument is a directory: apply the rules to its .c files, one by one", (s, _) => s.Dir = true, main: true);
        Add(Main, "--ignore", SpatchOptionKind.String, "PREFIX: leave out the directory's files whose path starts this way (repeatable)", (s, v) => s.Ignore.Add(v), main: true);
        Add(Main, "--file-groups", SpatchOptionKind.String, "FILE: process the groups of files listed in FILE (one name a line, a blank line between groups), each as files named together", (s, v) => s.FileGroups = v, main: true);
        Ignore(Main, "--no-scanner", SpatchOptionKind.Flag, "Sevenspot reads every candidate file itself", main: true);
        Ignore(Main, "--use-gitgrep", SpatchOptionKind.Flag, "Sevenspot reads every candidate file itself instead of asking git grep", main: true);
        Ignore(Main, "--use-glimpse", SpatchOptionKind.Flag, "Sevenspot reads every candidate file itself instead of a glimpse index", main: true);
        Ignore(Main, "--use-idutils", SpatchOptionKind.String, "[INDEX]: Sevenspot reads every candidate file itself instead of an id-utils index", main: true);
        Ignore(Main, "--use-coccigrep", SpatchOptionKind.Flag, "Sevenspot reads every candidate file itself", main: true);
        Refuse(Main, "--use-diff", SpatchOptionKind.Flag, "choosing files from a diff is not implemented");
        Refuse(Main, "--use-patch-diff", SpatchOptionKind.String, "choosing files from a diff is not implemented");
        Add(Main, "--patch", SpatchOptionKind.String, "DIR: name the files in diff headers relative to DIR, as a/... and b/... (\"\" for the current directory)", (s, v) => s.Patch = v, main: true);
        Add(Main, "--kbuild-info", SpatchOptionKind.String, "FILE: with --dir, run the groups of each directory's files that FILE lists (a directory line, then indented groups), each as files named together", (s, v) => s.KbuildInfo = v, main: true);
        Add(Main, "--python", SpatchOptionKind.String, "PATH: the Python interpreter that runs script rules (python3 by default)", (s, v) => s.Python = v, main: true);
        Ignore(Main, "--pyoutput", SpatchOptionKind.String, "MODULE: script rules print through Sevenspot's own coccilib, whatever module is named", main: true);
        Ignore(Main, "--parse-handler", SpatchOptionKind.String, "FILE: parse errors are always reported by Sevenspot itself", main: true);
        Add(Main, "--print-options-only", SpatchOptionKind.Flag, "show every option read (config files, #spatch lines, command line) and stop", (s, _) => s.Action ??= "--print-options-only", main: true);
        Add(Main, "--version", SpatchOptionKind.Flag, "print the spatch version Sevenspot follows and Sevenspot's own", (s, _) => s.Action = "--version", main: true);
        Add(Main, "--date", SpatchOptionKind.Flag, "same as --version", (s, _) => s.Action = "--version", main: true);
        Add(Main, "--shorthelp", SpatchOptionKind.Flag, "list the common options only", (s, _) => s.Action = "--shorthelp", main: true);
        Add(Main, "--longhelp", SpatchOptionKind.Flag, "list every option, grouped", (s, _) => s.Action = "--longhelp", main: true);
        Add(Main, "-help", SpatchOptionKind.Flag, "same as --longhelp", (s, _) => s.Action = "--longhelp", main: true);
        Add(Main, "--help", SpatchOptionKind.Flag, "same as --longhelp", (s, _) => s.Action = "--longhelp", main: true);
        Add(Main, "-h", SpatchOptionKind.Flag, "same as --longhelp", (s, _) => s.Action = "--longhelp");

        const string Aliases = "Other spellings";
        Refuse(Aliases, "--sp", SpatchOptionKind.String, "rules are read from a file only");
        Add(Aliases, "--iso", SpatchOptionKind.String, "FILE: same as --iso-file", (s, v) => s.IsoFile = v);
        Add(Aliases, "--cocci-file", SpatchOptionKind.String, "FILE: same as --sp-file", (s, v) => s.SpFiles.Add(v));

        const string Show = "What is printed";
        Add(Show, "--show-diff", SpatchOptionKind.Flag, "print the changes as a unified diff (the default)", (s, _) => s.ShowDiff = true);
        Add(Show, "--no-show-diff", SpatchOptionKind.Flag, "print no diff; report lines of the rules are still printed", (s, _) => s.ShowDiff = false);
        Ignore(Show, "--force-diff", SpatchOptionKind.Flag, "Sevenspot prints a diff whenever the bytes of the file change");
        Add(Show, "--quiet", SpatchOptionKind.Flag, "no progress line on a terminal", (s, _) => s.Quiet = true);
        Add(Show, "--very-quiet", SpatchOptionKind.Flag, "nothing on stderr but errors: no progress, coverage, warnings or parse notes", (s, _) => s.VeryQuiet = true);
        const string Trace = "Sevenspot has no such trace";
        foreach (string name in new[]
        {
            "--show-flow", "--ctl-inline-let", "--ctl-show-mcodekind", "--show-bindings", "--show-transinfo", "--show-misc", "--show-trying",
            "--show-dependencies", "--verbose-ctl-engine", "--verbose-match", "--verbose-engine", "--graphical-trace", "--gt-without-label",
            "--parse-error-msg", "--verbose-parsing", "--verbose-includes", "--type-error-msg", "--show-c", "--show-cocci", "--show-before-fixed-flow",
            "--show-ctl-tex", "--show-ctl-text", "--show-SP", "--debug-cpp", "--debug-lexer", "--debug-etdt", "--debug-typedef", "--filter-msg",
            "--filter-define-error", "--filter-msg-define-error", "--debug-unparsing", "--debug-parse-cocci", "--debug", "--pad",
        })
        {
            Ignore(Show, name, SpatchOptionKind.Flag, Trace);
        }

        Ignore(Show, "--filter-passed-level", SpatchOptionKind.Int, "N: " + Trace);

        const string Limits = "Limits and measurements";
        Add(Limits, "--timeout", SpatchOptionKind.Int, "SECONDS: give up on a file after this long (0: no limit)", (s, v) => s.Timeout = ParseInt(v) is var t && t > 0 ? t : null);
        Add(Limits, "--profile", SpatchOptionKind.Flag, "print on stderr, at the end, where the run's time went (start-up, files, idle workers, each patch, collector pauses, JIT compilation)", (s, _) => s.Profile = true);
        Ignore(Limits, "--profile-per-file", SpatchOptionKind.Flag, "Sevenspot does not time its phases");
        Ignore(Limits, "--bench", SpatchOptionKind.Int, "LEVEL: Sevenspot does not time its phases");
        Ignore(Limits, "--steps", SpatchOptionKind.Int, "N: the model checker has no step budget; use --timeout");
        Ignore(Limits, "--iso-limit", SpatchOptionKind.Int, "N: isomorphisms are expanded fully");
        Ignore(Limits, "--no-iso-limit", SpatchOptionKind.Flag, "isomorphisms are always expanded fully");
        Ignore(Limits, "--track-iso", SpatchOptionKind.Flag, "Sevenspot does not count isomorphism use");
        Ignore(Limits, "--profile-iso", SpatchOptionKind.Flag, "Sevenspot does not count isomorphism use");
        Add(Limits, "--disable-iso", SpatchOptionKind.String, "NAME: turn off the isomorphism of that name (repeatable)", (s, v) => s.DisabledIsos.Add(v));

        const string Algorithm = "Matching and layout";
        Add(Algorithm, "-D", SpatchOptionKind.String, "NAME or NAME=VALUE: define a virtual rule, or give a virtual identifier its value", (s, v) => s.Defines.Add(v));
        Add(Algorithm, "--allow-inconsistent-paths", SpatchOptionKind.Flag, "transform even when a - line is reached on some paths and not others", (s, _) => s.AllowInconsistentPaths = true);
        Refuse(Algorithm, "--keep-comments", SpatchOptionKind.Flag, "comments of removed code are removed with it");
        Ignore(Algorithm, "--loop", SpatchOptionKind.Flag, "no such switch in Sevenspot's flow graphs");
        Ignore(Algorithm, "--no-loops", SpatchOptionKind.Flag, "loops keep their back edges, so a rule may see more paths than with spatch");
        Refuse(Algorithm, "--no-gotos", SpatchOptionKind.Flag, "goto edges are always kept");
        Ignore(Algorithm, "--no-saved-typedefs", SpatchOptionKind.Flag, "typedefs are never carried from one file to the next");
        Refuse(Algorithm, "--ocaml-regexps", SpatchOptionKind.Flag, "constraints use Perl-style regular expressions only");
        Ignore(Algorithm, "--l1", SpatchOptionKind.Flag, "no such switch in Sevenspot");
        Ignore(Algorithm, "--ifdef-to-if", SpatchOptionKind.Flag, "#if branches are kept in the tree as they are");
        Ignore(Algorithm, "--no-ifdef-to-if", SpatchOptionKind.Flag, "#if branches are kept in the tree as they are");
        Ignore(Algorithm, "--disable-multi-pass", SpatchOptionKind.Flag, "the C parser makes one pass");
        Ignore(Algorithm, "--noif0-passing", SpatchOptionKind.Flag, "#if 0 regions are kept as they are");
        Refuse(Algorithm, "--itu", SpatchOptionKind.Flag, "no such #ifdef handling in Sevenspot");
        Refuse(Algorithm, "--defined", SpatchOptionKind.String, "SYMBOL: #ifdef conditions are not evaluated");
        Refuse(Algorithm, "--undefined", SpatchOptionKind.String, "SYMBOL: #ifdef conditions are not evaluated");
        Ignore(Algorithm, "--noadd-typedef-root", SpatchOptionKind.Flag, "no such switch in Sevenspot");
        Refuse(Algorithm, "--disallow-nested-exps", SpatchOptionKind.Flag, "an expression pattern may match inside its own match");
        Add(Algorithm, "--disable-worth-trying-opt", SpatchOptionKind.Flag, "run every rule on every file, without first looking in its bytes for the words the rule needs", (s, _) => s.DisableWorthTrying = true);
        Refuse(Algorithm, "--selected-only", SpatchOptionKind.Flag, "listing the selected files only is not implemented");
        Refuse(Algorithm, "--only-return-is-error-exit", SpatchOptionKind.Flag, "break and continue count as error exits, as by default");
        Refuse(Algorithm, "--no-safe-expressions", SpatchOptionKind.Flag, "a disjunction in an expression always prefers its first branch");
        Ignore(Algorithm, "--int-bits", SpatchOptionKind.Int, "N: Sevenspot does not compute integer sizes");
        Ignore(Algorithm, "--long-bits", SpatchOptionKind.Int, "N: Sevenspot does not compute integer sizes");
        Add(Algorithm, "--linux-spacing", SpatchOptionKind.Flag, "lay out added code the way the kernel does (what Sevenspot always does)", (_, _) => { });
        Refuse(Algorithm, "--smpl-spacing", SpatchOptionKind.Flag, "added code is laid out the way the kernel does");
        Refuse(Algorithm, "--indent", SpatchOptionKind.Int, "N: added code is indented with tabs, like the code around it");
        s_all.Add(new SpatchOption(
            "--max-width",
            SpatchOptionKind.Int,
            $"N: long added lines are broken at column {AddedLineWidth}; any other width stops with an error",
            (s, v) =>
            {
                if (ParseInt(v) != AddedLineWidth)
                {
                    s.Unsupported.Add(new RefusedOption("--max-width " + v, $"added lines are broken at column {AddedLineWidth} only"));
                }
            })
        {
            Section = Algorithm,
        });
        Ignore(Algorithm, "--c++", SpatchOptionKind.Flag, "files are parsed as C; C++ constructs do not parse");
        s_all.Add(new SpatchOption("--c++=", SpatchOptionKind.Symbol, "VERSION: files are parsed as C; C++ constructs do not parse", Ignoring("--c++="))
        {
            Section = Algorithm,
            Use = SpatchOptionUse.Ignored,
            Symbols = ["98", "03", "0x", "11", "1y", "14", "1z", "17", "2a", "20", "23"],
        });
        Refuse(Algorithm, "--ibm", SpatchOptionKind.Flag, "IBM C extensions are not parsed");
        Refuse(Algorithm, "--force-kr", SpatchOptionKind.Flag, "K&R parameter lists are recognised only where the code is K&R throughout");
        Refuse(Algorithm, "--prevent-kr", SpatchOptionKind.Flag, "K&R parameter lists are recognised where the code is K&R throughout");

        const string Misc = "Tooling";
        Ignore(Misc, "--debugger", SpatchOptionKind.Flag, "Sevenspot is not an OCaml program");
        Ignore(Misc, "--disable-once", SpatchOptionKind.Flag, "each warning is printed once per file anyway");
        Ignore(Misc, "--show-trace-profile", SpatchOptionKind.Flag, Trace);
        Ignore(Misc, "--save-tmp-files", SpatchOptionKind.Flag, "Sevenspot writes no temporary files besides the ones it renames into place");
        Refuse(Misc, "--external-analysis-file", SpatchOptionKind.String, "FILE: results of other analyses are not read");
        Ignore(Misc, "--ocaml-lib-search-path", SpatchOptionKind.String, "DIR: OCaml scripts run on the ocaml toplevel with our own Coccilib; no library path is needed");

        const string Concurrency = "Splitting the work";
        Add(Concurrency, "--jobs", SpatchOptionKind.Int, "N: files processed at once, by threads of one process (0 or less: one per core); output order does not change", (s, v) => s.Jobs = ParseInt(v));
        Add(Concurrency, "-j", SpatchOptionKind.Int, "N: same as --jobs", (s, v) => s.Jobs = ParseInt(v));
        Add(Concurrency, "--max", SpatchOptionKind.Int, "N: the directory's files are split in N parts (with --index)", (s, v) => s.Max = ParseInt(v));
        Add(Concurrency, "--index", SpatchOptionKind.Int, "I: process part I (from 0) of the --max parts", (s, v) => s.Index = ParseInt(v));
        Add(Concurrency, "--mod-distrib", SpatchOptionKind.Flag, "part I is every Nth file from the Ith, instead of a contiguous slice", (s, _) => s.ModDistrib = true);
        s_all.Add(new SpatchOption("--chunksize", SpatchOptionKind.Int, "N: workers take one file at a time whatever N is", (s, v) =>
        {
            // Still read: it is what makes --jobs clash with --max/--index, as in spatch.
            s.ChunkSize = ParseInt(v);
            Ignoring("--chunksize")(s, v);
        })
        {
            Section = Concurrency,
            Use = SpatchOptionUse.Ignored,
        });
        Ignore(Concurrency, "--tmp-dir", SpatchOptionKind.String, "PREFIX: workers are threads and need no temporary directories");
        Ignore(Concurrency, "--temp-files", SpatchOptionKind.String, "PREFIX: workers are threads and need no temporary files");

        const string Cache = "Caches";
        Ignore(Cache, "--use-cache", SpatchOptionKind.Flag, "Sevenspot keeps no cache of parsed files");
        Ignore(Cache, "--cache-prefix", SpatchOptionKind.String, "DIR: Sevenspot keeps no cache of parsed files");
        Ignore(Cache, "--cache-limit", SpatchOptionKind.Int, "N: Sevenspot keeps no cache of parsed files");

        const string Test = "spatch's own test and debugging modes (use sevenspot test, parse and parse-cocci instead)";
        foreach (string name in new[] { "--test", "--testall", "--ctestall", "--cpptestall", "--test-spacing", "--test-okfailed", "--test-regression-okfailed", "--compare-with-expected", "--no-update-score-file", "--relax-include-path", "--batch_mode" })
        {
            Refuse(Test, name, SpatchOptionKind.Flag, "see sevenspot test");
        }

        foreach (string name in new[] { "--expected-extension", "--expected-score-file", "--expected-spacing-score-file" })
        {
            Refuse(Test, name, SpatchOptionKind.String, "see sevenspot test");
        }

        foreach (string name in new[]
        {
            "--tokens-c", "--parse-c", "--parse-h", "--parse-ch", "--parse-i", "--parse-c++", "--parse", "--control-flow", "--control-flow-to-file",
            "--test-cfg-ifdef", "--parse-unparse", "--type-c", "--compare-c", "--comment-annotater-c", "--compare-c-hardcoded", "--test-attributes",
            "--test-cpp", "--extract-macros", "--extract-macros-select", "--xxx", "--rule-dependencies",
        })
        {
            Refuse(Test, name, SpatchOptionKind.Flag, "see sevenspot parse");
        }

        Add(Test, "--parse-cocci", SpatchOptionKind.Flag, "read the rule file, list its rules and stop", (s, _) => s.Action = "--parse-cocci");

        const string Own = "Sevenspot's own";
        Add(Own, "--spatch-version", SpatchOptionKind.Flag, "same as --version", (s, _) => s.Action = "--version");
        Add(
            Own,
            "--format",
            SpatchOptionKind.String,
            "FORMAT: text (spatch's diff and script output, the default), or the findings of the run as sarif, json (one array), " +
            "jsonl (one object per line) or github (workflow annotations); a finding is a script report, a starred region or a hunk of the change",
            (s, v) =>
            {
                if (RuleRunFormats.Parse(v) is { } format)
                {
                    s.Format = format;
                }
                else
                {
                    s.Unsupported.Add(new RefusedOption("--format " + v, "the formats are text, sarif, json, jsonl and github"));
                }
            });

        var table = new Dictionary<string, SpatchOption>(StringComparer.Ordinal);
        foreach (var option in s_all)
        {
            table[option.Name] = option;
        }

        return table;
    }

    private static void Add(string section, string name, SpatchOptionKind kind, string help, Action<SpatchSettings, string> apply, bool main = false) =>
        s_all.Add(new SpatchOption(name, kind, help, apply) { Main = main, Section = section });

    private static void Ignore(string section, string name, SpatchOptionKind kind, string why, bool main = false) =>
        s_all.Add(new SpatchOption(name, kind, why, Ignoring(name)) { Main = main, Section = section, Use = SpatchOptionUse.Ignored });

    private static void Refuse(string section, string name, SpatchOptionKind kind, string why, bool main = false) =>
        s_all.Add(new SpatchOption(name, kind, why, (s, _) => s.Unsupported.Add(new RefusedOption(name, why[SpatchOption.PlaceholderOf(why).Length..]))) { Main = main, Section = section, Use = SpatchOptionUse.Refused });

    private static Action<SpatchSettings, string> Ignoring(string name) => (s, _) =>
    {
        if (!s.IgnoredOptions.Contains(name))
        {
            s.IgnoredOptions.Add(name);
        }
    };

    private static int ParseInt(string value) => int.Parse(value, CultureInfo.InvariantCulture);
}
