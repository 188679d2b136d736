using System.Text;

namespace Sevenspot.Cli.Testing;

/// <summary>Where two token lists part: the reason, and the position in each list.</summary>
internal sealed record CTokenMismatch(string Reason, int Generated, int Expected);

/// <summary>
/// Compares a generated C file with the expected one the way Coccinelle's test harness does: token
/// texts must be equal one for one, except that a "," right before "}" may be on one side only
/// (an initializer or enum written either way), but not after ";" or "{".
/// </summary>
internal static class CTokenComparison
{
    public static CTokenMismatch? Compare(IReadOnlyList<CToken> generated, IReadOnlyList<CToken> expected)
    {
        int i = 0, j = 0;
        while (true)
        {
            if (OptionalComma(generated, i) && j < expected.Count && expected[j].Text == "}")
            {
                i++;
                continue;
            }

            if (OptionalComma(expected, j) && i < generated.Count && generated[i].Text == "}")
            {
                j++;
                continue;
            }

            bool generatedDone = i == generated.Count, expectedDone = j == expected.Count;
            if (generatedDone && expectedDone)
            {
                return null;
            }

            if (generatedDone || expectedDone)
            {
                string where = generatedDone
                    ? $"generated ends at line {(generated.Count > 0 ? generated[^1].Line : 0)}"
                    : $"expected ends at line {(expected.Count > 0 ? expected[^1].Line : 0)}";
                return new CTokenMismatch($"not same number of tokens ({where})", i, j);
            }

            if (generated[i].Text != expected[j].Text)
            {
                return new CTokenMismatch(
                    $"diff token: {generated[i].Shown} VS {expected[j].Shown} (generated line {generated[i].Line}, expected line {expected[j].Line})", i, j);
            }

            i++;
            j++;
        }
    }

    /// <summary>The mismatch and the tokens around it on both sides, one token per line.</summary>
    public static string Describe(CTokenMismatch mismatch, IReadOnlyList<CToken> generated, IReadOnlyList<CToken> expected, int context = 6)
    {
        var sb = new StringBuilder(mismatch.Reason).Append('\n');
        Window(sb, "generated", generated, mismatch.Generated, context);
        Window(sb, "expected", expected, mismatch.Expected, context);
        return sb.ToString();
    }

    private static void Window(StringBuilder sb, string side, IReadOnlyList<CToken> tokens, int at, int context)
    {
        sb.Append("  ").Append(side).Append(':');
        for (int k = Math.Max(0, at - context); k < Math.Min(tokens.Count, at + context + 1); k++)
        {
            sb.Append(k == at ? " >>" : " ").Append(tokens[k].Shown.Replace("\n", "\\n", StringComparison.Ordinal)).Append(k == at ? "<<" : string.Empty);
        }

        if (at >= tokens.Count)
        {
            sb.Append(" >><end of file><<");
        }

        sb.Append('\n');
    }

    private static bool OptionalComma(IReadOnlyList<CToken> tokens, int k) =>
        k + 1 < tokens.Count && tokens[k].Text == "," && tokens[k + 1].Text == "}"
        && (k == 0 || tokens[k - 1].Text is not (";" or "{"));
}
