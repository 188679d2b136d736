using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Sevenspot.Text;

/// <summary>
/// The settings every JSON document Sevenspot writes shares (SARIF logs, check reports, rule-run findings):
/// camelCase names, absent values left out, "\n" line ends, and code in messages (->, &lt;, &amp;) kept
/// readable, since the output is never embedded in HTML. Each call gives a new instance, because a
/// source-generated context takes options of its own.
/// </summary>
public static class JsonOutputOptions
{
    public static JsonSerializerOptions Create(bool indented) => new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        WriteIndented = indented,
        NewLine = "\n",
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}
