using System.CommandLine;

namespace Sevenspot.Cli;

/// <summary>The options spatch accepts, declared once so the root command understands spatch's command lines.</summary>
internal sealed class SpatchOptions
{
    public Option<string?> SpFile { get; } = new("--sp-file", "--cocci-file", "-sp_file") { Description = "the semantic patch (.cocci) to apply" };
    public Option<string?> Output { get; } = new("-o", "--out") { Description = "write the transformed file here (one input file)" };
    public Option<bool> InPlace { get; } = new("--in-place") { Description = "rewrite the input files (atomically)" };
    public Option<string?> IsoFile { get; } = new("--iso-file") { Description = "isomorphism file to use instead of the built-in one" };
    public Option<string[]> DisableIso { get; } = new("--disable-iso") { Description = "turn off an isomorphism", AllowMultipleArgumentsPerToken = false };
    public Option<string[]> MacroFile { get; } = new("--macro-file", "--macro-file-builtins") { Description = "macro definitions in the format of standard.h" };
    public Option<string[]> Include { get; } = new("-I", "--include") { Description = "include directory" };
    public Option<bool> IncludeHeaders { get; } = new("--include-headers") { Description = "also process .h files" };
    public Option<bool> AllIncludes { get; } = new("--all-includes");
    public Option<bool> LocalIncludes { get; } = new("--local-includes");
    public Option<bool> NoIncludes { get; } = new("--no-includes");
    public Option<bool> RecursiveIncludes { get; } = new("--recursive-includes");
    public Option<bool> IncludeHeadersForTypes { get; } = new("--include-headers-for-types");
    public Option<bool> NoShowDiff { get; } = new("--no-show-diff") { Description = "do not print the diff" };
    public Option<bool> VeryQuiet { get; } = new("--very-quiet");
    public Option<bool> Quiet { get; } = new("--quiet");
    public Option<string[]> Define { get; } = new("-D", "--define") { Description = "set a virtual rule, or a virtual identifier with name=value" };
    public Option<string?> Dir { get; } = new("--dir") { Description = "process every .c file under this directory" };
    public Option<int> Jobs { get; } = new("--jobs", "-j") { Description = "parallel workers", DefaultValueFactory = _ => 1 };
    public Option<int> ChunkSize { get; } = new("--chunksize");
    public Option<int> Timeout { get; } = new("--timeout") { Description = "seconds allowed per file (0: no limit)" };
    public Option<int?> Max { get; } = new("--max") { Description = "split the files into this many parts" };
    public Option<int?> Index { get; } = new("--index") { Description = "process this part (0-based) of --max" };
    public Option<string?> UseIdutils { get; } = new("--use-idutils") { Arity = ArgumentArity.ZeroOrOne };
    public Option<bool> UseGitgrep { get; } = new("--use-gitgrep");
    public Option<bool> UseCoccigrep { get; } = new("--use-coccigrep");
    public Option<string?> Patch { get; } = new("--patch") { Description = "directory that diff paths are relative to" };
    public Option<bool> ParseCocci { get; } = new("--parse-cocci") { Description = "print the parsed semantic patch and stop" };
    public Option<int?> ContextLines { get; } = new("-U") { Description = "lines of context in the diff" };
    public Option<string?> CPlusPlus { get; } = new("--c++") { Arity = ArgumentArity.ZeroOrOne, Description = "the input is C++" };
    public Option<bool> AllowInconsistentPaths { get; } = new("--allow-inconsistent-paths");
    public Option<bool> ForceDiff { get; } = new("--force-diff");
    public Option<bool> LinuxSpacing { get; } = new("--linux-spacing");
    public Option<bool> SmplSpacing { get; } = new("--smpl-spacing");
    public Option<bool> NoLoops { get; } = new("--no-loops");
    public Option<bool> IgnoreUnknownOptions { get; } = new("--ignore-unknown-options");
    public Option<bool> Debug { get; } = new("--debug");
    public Option<bool> Version { get; } = new("--spatch-version") { Description = "print the version of spatch this is compatible with" };
    public Argument<string[]> Files { get; } = new("files") { Arity = ArgumentArity.ZeroOrMore, Description = "C files to process" };

    public void AddTo(RootCommand root)
    {
        foreach (var property in GetType().GetProperties())
        {
            switch (property.GetValue(this))
            {
                case Option option:
                    root.Options.Add(option);
                    break;
                case Argument argument:
                    root.Arguments.Add(argument);
                    break;
            }
        }
    }
}
