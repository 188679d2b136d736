using System.Text.Json.Serialization;

namespace Sevenspot.Cli.Spatch.Findings;

// The JSON form of a rule run's findings (--format json and jsonl): one object per finding.

internal sealed class JsonFinding
{
    public required string Rule { get; set; }

    /// <summary>report, context or patch.</summary>
    public required string Kind { get; set; }

    public required string Message { get; set; }

    public required string File { get; set; }

    public int Line { get; set; }

    public int? Column { get; set; }

    public int EndLine { get; set; }

    public int? EndColumn { get; set; }

    /// <summary>The other places of the finding (the other positions a report was given, print_sec places).</summary>
    public List<JsonFindingPlace>? Related { get; set; }

    /// <summary>A patch finding's hunk, as a unified diff of the file.</summary>
    public string? Diff { get; set; }

    /// <summary>Every rule whose change is in a patch finding's hunk, when more than one.</summary>
    public List<string>? Rules { get; set; }
}

internal sealed class JsonFindingPlace
{
    public required string File { get; set; }

    public int Line { get; set; }

    public int? Column { get; set; }

    public int EndLine { get; set; }

    public int? EndColumn { get; set; }

    public string? Message { get; set; }
}

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(JsonFinding))]
[JsonSerializable(typeof(List<JsonFinding>))]
internal sealed partial class FindingJsonContext : JsonSerializerContext;
