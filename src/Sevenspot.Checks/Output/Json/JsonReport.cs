using System.Text.Json.Serialization;

namespace Sevenspot.Checks.Output.Json;

/// <summary>
/// The JSON output of <c>sevenspot check --format json</c>. Version 1; fields are only ever
/// added. Lines are 1-based, columns 0-based bytes (as in the report format); offsets and lengths
/// are bytes from the start of the file.
/// </summary>
public sealed class JsonReport
{
    public int Version { get; set; } = 1;

    public required JsonTool Tool { get; set; }

    public required List<JsonCheck> Checks { get; set; }

    public required List<JsonFinding> Findings { get; set; }

    public required List<JsonSkipped> Skipped { get; set; }

    public required JsonSummary Summary { get; set; }

    public JsonLockOrderGraph? LockOrder { get; set; }
}

public sealed class JsonTool
{
    public required string Name { get; set; }

    public required string Version { get; set; }
}

public sealed class JsonCheck
{
    public required string Id { get; set; }

    public required string Title { get; set; }

    public required string Description { get; set; }

    public required string Severity { get; set; }

    public required string Lean { get; set; }

    public required string Doc { get; set; }
}

public sealed class JsonFinding
{
    public required string Check { get; set; }

    public required string Severity { get; set; }

    public required string Message { get; set; }

    public required JsonLocation Location { get; set; }

    public List<JsonRelatedLocation>? Related { get; set; }

    public List<JsonCodeFlow>? Flows { get; set; }

    public JsonFix? Fix { get; set; }
}

public sealed class JsonLocation
{
    public required string File { get; set; }

    public int Line { get; set; }

    public int Column { get; set; }

    public int EndLine { get; set; }

    public int EndColumn { get; set; }

    public int Offset { get; set; }

    public int Length { get; set; }
}

public sealed class JsonRelatedLocation
{
    public required JsonLocation Location { get; set; }

    public required string Message { get; set; }
}

public sealed class JsonCodeFlow
{
    public required string Message { get; set; }

    public required List<JsonCodeFlowStep> Steps { get; set; }
}

public sealed class JsonCodeFlowStep
{
    public required JsonLocation Location { get; set; }

    public required string Message { get; set; }

    public int Nesting { get; set; }
}

public sealed class JsonFix
{
    public required string Description { get; set; }

    public required List<JsonEdit> Edits { get; set; }
}

public sealed class JsonEdit
{
    public required JsonLocation Location { get; set; }

    public required string NewText { get; set; }
}

public sealed class JsonSkipped
{
    public required string File { get; set; }

    public int Line { get; set; }

    public required string Reason { get; set; }

    /// <summary>"function" (did not parse), "file" (could not be read or timed out) or "check-failure" (a check threw).</summary>
    public string? Kind { get; set; }

    /// <summary>For a check failure: the check's id.</summary>
    public string? Check { get; set; }

    /// <summary>For a check failure: the exception's type name.</summary>
    public string? Exception { get; set; }
}

public sealed class JsonSummary
{
    public int Files { get; set; }

    public int Functions { get; set; }

    public int Findings { get; set; }

    public int Skipped { get; set; }

    /// <summary>How many of the skipped items are checks that threw: a run with any is not clean.</summary>
    public int CheckFailures { get; set; }

    public required List<JsonCheckCount> PerCheck { get; set; }
}

public sealed class JsonCheckCount
{
    public required string Check { get; set; }

    public int Findings { get; set; }
}

public sealed class JsonLockOrderGraph
{
    public required List<JsonLockClass> Nodes { get; set; }

    public required List<JsonLockOrderEdge> Edges { get; set; }

    /// <summary>Each cycle as node indices: nodes[0] → nodes[1] → … → nodes[0].</summary>
    public required List<List<int>> Cycles { get; set; }

    public bool CyclesTruncated { get; set; }
}

public sealed class JsonLockClass
{
    public required string Name { get; set; }

    public required string Kind { get; set; }
}

public sealed class JsonLockOrderEdge
{
    public int From { get; set; }

    public int To { get; set; }

    public bool OnCycle { get; set; }

    public required List<JsonLockAcquisition> Witnesses { get; set; }
}

public sealed class JsonLockAcquisition
{
    public required string Function { get; set; }

    public required JsonLocation Held { get; set; }

    public required JsonLocation Taken { get; set; }

    public List<JsonCodeFlowStep>? Chain { get; set; }
}

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    WriteIndented = true)]
[JsonSerializable(typeof(JsonReport))]
public sealed partial class CheckJsonContext : JsonSerializerContext;
