using System.Text.Json.Serialization;

namespace Sevenspot.Text.Sarif;

// The subset of SARIF 2.1.0 (OASIS, sarif-schema-2.1.0.json) that Sevenspot writes, as typed
// classes; property names follow the schema through the camel-case policy.

public sealed class SarifLog
{
    [JsonPropertyName("$schema")]
    public string Schema { get; set; } = "https://json.schemastore.org/sarif-2.1.0.json";

    public string Version { get; set; } = "2.1.0";

    public required List<SarifRun> Runs { get; set; }
}

public sealed class SarifRun
{
    public required SarifTool Tool { get; set; }

    public List<SarifInvocation>? Invocations { get; set; }

    /// <summary>How columns count: Sevenspot's SARIF columns count Unicode code points.</summary>
    public string ColumnKind { get; set; } = "unicodeCodePoints";

    public required List<SarifResult> Results { get; set; }

    public SarifPropertyBag? Properties { get; set; }
}

public sealed class SarifTool
{
    public required SarifToolComponent Driver { get; set; }
}

public sealed class SarifToolComponent
{
    public required string Name { get; set; }

    public string? Version { get; set; }

    public string? SemanticVersion { get; set; }

    public SarifMultiformatMessage? ShortDescription { get; set; }

    public List<SarifReportingDescriptor>? Rules { get; set; }
}

public sealed class SarifReportingDescriptor
{
    public required string Id { get; set; }

    public string? Name { get; set; }

    public SarifMultiformatMessage? ShortDescription { get; set; }

    public SarifMultiformatMessage? FullDescription { get; set; }

    public SarifMultiformatMessage? Help { get; set; }

    public SarifReportingConfiguration? DefaultConfiguration { get; set; }

    public SarifPropertyBag? Properties { get; set; }
}

public sealed class SarifReportingConfiguration
{
    public string? Level { get; set; }
}

public sealed class SarifMultiformatMessage
{
    public required string Text { get; set; }

    public string? Markdown { get; set; }
}

public sealed class SarifMessage
{
    public required string Text { get; set; }
}

/// <summary>SARIF's property bag, restricted to the properties Sevenspot sets (on runs, rules and results).</summary>
public sealed class SarifPropertyBag
{
    public List<string>? Tags { get; set; }

    /// <summary>Which way the check leans when it cannot tell.</summary>
    public string? Precision { get; set; }

    /// <summary>The check's documentation page, relative to the repository root.</summary>
    public string? Documentation { get; set; }

    public int? Files { get; set; }

    public int? Functions { get; set; }

    /// <summary>A rule run's finding: report, context or patch.</summary>
    public string? Kind { get; set; }

    /// <summary>A patch finding's hunk, as a unified diff.</summary>
    public string? Diff { get; set; }

    /// <summary>The rules whose changes are in a patch finding's hunk, when more than one.</summary>
    public List<string>? Rules { get; set; }
}

public sealed class SarifInvocation
{
    public bool ExecutionSuccessful { get; set; }

    public List<SarifNotification>? ToolExecutionNotifications { get; set; }
}

public sealed class SarifNotification
{
    public required SarifMessage Message { get; set; }

    public string? Level { get; set; }

    public List<SarifLocation>? Locations { get; set; }

    /// <summary>The rule (check) the notification is about, such as a check that failed.</summary>
    public SarifReportingDescriptorReference? AssociatedRule { get; set; }

    /// <summary>The exception behind a notification of a failure.</summary>
    public SarifException? Exception { get; set; }
}

public sealed class SarifReportingDescriptorReference
{
    public required string Id { get; set; }
}

public sealed class SarifException
{
    /// <summary>The exception's type name.</summary>
    public string? Kind { get; set; }

    public string? Message { get; set; }
}

public sealed class SarifResult
{
    public required string RuleId { get; set; }

    public int RuleIndex { get; set; }

    public required string Level { get; set; }

    public required SarifMessage Message { get; set; }

    public required List<SarifLocation> Locations { get; set; }

    public List<SarifLocation>? RelatedLocations { get; set; }

    public List<SarifCodeFlow>? CodeFlows { get; set; }

    public List<SarifFix>? Fixes { get; set; }

    public SarifPropertyBag? Properties { get; set; }
}

public sealed class SarifLocation
{
    /// <summary>Identifies a related location, so messages can link to it.</summary>
    public int? Id { get; set; }

    public required SarifPhysicalLocation PhysicalLocation { get; set; }

    public SarifMessage? Message { get; set; }
}

public sealed class SarifPhysicalLocation
{
    public required SarifArtifactLocation ArtifactLocation { get; set; }

    public SarifRegion? Region { get; set; }
}

public sealed class SarifArtifactLocation
{
    public required string Uri { get; set; }

    public string? UriBaseId { get; set; }
}

public sealed class SarifRegion
{
    public int? StartLine { get; set; }

    public int? StartColumn { get; set; }

    public int? EndLine { get; set; }

    public int? EndColumn { get; set; }

    public int? ByteOffset { get; set; }

    public int? ByteLength { get; set; }
}

public sealed class SarifCodeFlow
{
    public SarifMessage? Message { get; set; }

    public required List<SarifThreadFlow> ThreadFlows { get; set; }
}

public sealed class SarifThreadFlow
{
    public required List<SarifThreadFlowLocation> Locations { get; set; }
}

public sealed class SarifThreadFlowLocation
{
    public required SarifLocation Location { get; set; }

    public int? NestingLevel { get; set; }

    public int? ExecutionOrder { get; set; }
}

public sealed class SarifFix
{
    public SarifMessage? Description { get; set; }

    public required List<SarifArtifactChange> ArtifactChanges { get; set; }
}

public sealed class SarifArtifactChange
{
    public required SarifArtifactLocation ArtifactLocation { get; set; }

    public required List<SarifReplacement> Replacements { get; set; }
}

public sealed class SarifReplacement
{
    public required SarifRegion DeletedRegion { get; set; }

    public SarifArtifactContent? InsertedContent { get; set; }
}

public sealed class SarifArtifactContent
{
    public required string Text { get; set; }
}

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    WriteIndented = true)]
[JsonSerializable(typeof(SarifLog))]
public sealed partial class SarifJsonContext : JsonSerializerContext;
