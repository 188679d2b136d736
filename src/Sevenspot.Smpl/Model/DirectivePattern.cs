namespace Sevenspot.Smpl;

/// <summary>
/// A rule whose pattern is a preprocessor directive at file level (#include, #define, #pragma,
/// #undef ...), written on a context or - line, with the lines added before and after it. The C
/// parser keeps directives as trivia, so such a pattern is matched against the file's directives
/// rather than its tree.
/// </summary>
public sealed class DirectivePattern
{
    /// <summary>The directive as written in the rule, continuation lines joined (the mark column blanked).</summary>
    public required string Text { get; init; }

    /// <summary>Context, Minus or Star (a * line: context code that the context diff shows).</summary>
    public required TokenMark Mark { get; init; }

    /// <summary>Line of the directive in the .cocci file (1-based), for diagnostics.</summary>
    public required int Line { get; init; }

    /// <summary>Added lines before the directive, in order, as written after the + column.</summary>
    public IReadOnlyList<AddedLine> Before { get; init; } = [];

    /// <summary>Added lines after the directive, in order.</summary>
    public IReadOnlyList<AddedLine> After { get; init; } = [];
}

/// <summary>A + line of a directive rule: its text without the mark and leading blanks.</summary>
public readonly record struct AddedLine(string Text, bool PlusPlus);
