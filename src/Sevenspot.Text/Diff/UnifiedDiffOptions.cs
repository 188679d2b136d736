namespace Sevenspot.Text;

/// <summary>How <see cref="UnifiedDiff"/> prints; the defaults are those of <c>diff -u -p</c>.</summary>
public sealed record UnifiedDiffOptions
{
    public const int DefaultContextLines = 3;

    public static UnifiedDiffOptions Default { get; } = new();

    /// <summary>
    /// Lines of context around each change. Null means GNU's default of 3 given by <c>-u</c>;
    /// a value stands for <c>-U n</c>, which is how the command line prints it.
    /// </summary>
    public int? ContextLines { get; init; }

    /// <summary>
    /// <c>-p</c>: after each <c>@@ ... @@</c>, the last line before the hunk that starts with a
    /// letter, '_' or '$', cut to 40 bytes.
    /// </summary>
    public bool ShowCFunction { get; init; } = true;

    /// <summary>
    /// Print <c>diff -u -p OLD NEW</c> before the header, as spatch does in patch mode
    /// (<c>--dir</c> or <c>--patch</c>).
    /// </summary>
    public bool IncludeCommandLine { get; init; }

    /// <summary>
    /// Apply the clean-up spatch runs on every line diff prints, meant to drop the timestamps
    /// from the header: a line whose first two words (split on spaces and tabs) are <c>---</c>
    /// or <c>+++</c> and something else is replaced by those two words. It also hits content
    /// lines such as a context line <c>" --- a b"</c>, which spatch prints as <c>"--- a"</c>.
    /// </summary>
    public bool SpatchLineCleanup { get; init; }

    public int EffectiveContextLines => ContextLines ?? DefaultContextLines;
}
