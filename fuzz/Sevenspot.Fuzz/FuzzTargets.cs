using Sevenspot.C;
using Sevenspot.Engine;
using Sevenspot.Smpl;
using Sevenspot.Text;

namespace Sevenspot.Fuzz;

/// <summary>
/// What each fuzz target checks on one input. A target returns normally when Sevenspot handled
/// the input as it should; anything else (an exception, a broken invariant reported as one, a
/// stack overflow, a hang) is a finding.
/// </summary>
internal static class FuzzTargets
{
    /// <summary>Separates the rule from the C file in an input of the matcher target.</summary>
    public const byte RuleSeparator = 0;

    public static readonly IReadOnlyDictionary<string, Action<byte[]>> All = new Dictionary<string, Action<byte[]>>(StringComparer.Ordinal)
    {
        ["c"] = CParser,
        ["smpl"] = SmplRule,
        ["match"] = Match,
    };

    /// <summary>The C parser: never throws, and printing the tree gives back the input byte for byte.</summary>
    public static void CParser(byte[] input)
    {
        var tree = Parser.Parse(new SourceText("fuzz.c", input), ParseOptions.Default);
        byte[] printed = tree.Print();
        if (!printed.AsSpan().SequenceEqual(input))
        {
            throw new FuzzFinding($"round trip differs: {input.Length} bytes in, {printed.Length} bytes out");
        }
    }

    /// <summary>The SmPL parser: never throws; a refused rule has at least one error, and every error points into the rule.</summary>
    public static void SmplRule(byte[] input)
    {
        var source = new SourceText("fuzz.cocci", input);
        var result = SmplParser.Parse(source);
        if (!result.Success && result.Diagnostics.Count == 0)
        {
            throw new FuzzFinding("rule refused without a diagnostic");
        }

        foreach (var d in result.Diagnostics)
        {
            if (d.Source is null || d.Span.Start < 0 || d.Span.Start > input.Length)
            {
                throw new FuzzFinding($"diagnostic without a location in the rule: {d.Message}");
            }
        }
    }

    /// <summary>
    /// The matcher: a rule (the bytes before the first NUL) against a C file (the bytes after it).
    /// A rule that does not parse is the SmPL target's business; one that parses must run to the
    /// end on any C file.
    /// </summary>
    public static void Match(byte[] input)
    {
        int split = Array.IndexOf(input, RuleSeparator);
        if (split < 0)
        {
            return;
        }

        var rule = SmplParser.Parse(new SourceText("fuzz.cocci", input[..split]));
        if (!rule.Success)
        {
            return;
        }

        var runner = new SemanticPatchRunner(rule.File!, new RunOptions());
        runner.Run(new SourceText("fuzz.c", input[(split + 1)..]));
    }
}

/// <summary>A broken invariant found by a fuzz target.</summary>
internal sealed class FuzzFinding(string message) : Exception(message);
