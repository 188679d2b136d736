using System.Globalization;
using System.Text;

namespace Sevenspot.Text.Tests.Diff;

public sealed class UnifiedDiffTests
{
    [Theory]
    [MemberData(nameof(DiffScenarios.Names), MemberType = typeof(DiffScenarios))]
    public void Scenario_prints_as_GNU_diff(string name)
    {
        var scenario = DiffScenarios.Get(name);

        byte[] actual = UnifiedDiff.Create(scenario.Old, scenario.New, "old.c", "new.c", scenario.Options);

        Assert.True(scenario.ExpectedBytes.AsSpan().SequenceEqual(actual), $"Actual output, as a C# literal:\n{ToLiteral(actual)}");
    }

    /// <summary>The output as concatenated C# string literals, one per line, to paste as an expectation after review.</summary>
    internal static string ToLiteral(byte[] output)
    {
        var sb = new StringBuilder();
        string text;
        try
        {
            text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(output);
        }
        catch (DecoderFallbackException)
        {
            text = Encoding.Latin1.GetString(output);
        }

        foreach (string line in text.Split('\n'))
        {
            sb.Append('"');
            foreach (char c in line)
            {
                sb.Append(c switch
                {
                    '\t' => "\\t",
                    '\r' => "\\r",
                    '"' => "\\\"",
                    '\\' => "\\\\",
                    < ' ' or > '~' => "\\u" + ((int)c).ToString("X4", CultureInfo.InvariantCulture),
                    _ => c.ToString(),
                });
            }

            sb.Append("\\n\" +\n");
        }

        return sb.ToString();
    }
}
