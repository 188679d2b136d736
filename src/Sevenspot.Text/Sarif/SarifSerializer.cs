using System.Text.Json;

namespace Sevenspot.Text.Sarif;

/// <summary>
/// Reads and writes <see cref="SarifLog"/>s, and names files the way every Sevenspot SARIF log does
/// (the checks' reports and rule runs share this one place).
/// </summary>
public static class SarifSerializer
{
    /// <summary>The base id relative paths are resolved against: the directory the run was started from.</summary>
    public const string SourceRootBaseId = "SRCROOT";

    private static readonly SarifJsonContext s_context = new(JsonOutputOptions.Create(indented: true));

    /// <summary>The log as indented JSON, with a final newline.</summary>
    public static string Write(SarifLog log) => JsonSerializer.Serialize(log, s_context.SarifLog) + "\n";

    public static SarifLog Read(string json) => JsonSerializer.Deserialize(json, s_context.SarifLog) ?? throw new JsonException("empty log");

    /// <summary>
    /// A file's URI: an absolute path becomes a file: URI; a relative path stays relative
    /// (without a leading ./), resolved against <see cref="SourceRootBaseId"/>.
    /// </summary>
    public static SarifArtifactLocation ArtifactLocation(string path)
    {
        string normalized = path.Replace('\\', '/');
        if (normalized.StartsWith('/'))
        {
            return new SarifArtifactLocation { Uri = "file://" + EscapePath(normalized) };
        }

        while (normalized.StartsWith("./", StringComparison.Ordinal))
        {
            normalized = normalized[2..];
        }

        return new SarifArtifactLocation { Uri = EscapePath(normalized), UriBaseId = SourceRootBaseId };
    }

    /// <summary>Percent-escapes each segment of a path, keeping the slashes.</summary>
    private static string EscapePath(string path)
    {
        string[] segments = path.Split('/');
        for (int i = 0; i < segments.Length; i++)
        {
            segments[i] = Uri.EscapeDataString(segments[i]);
        }

        return string.Join('/', segments);
    }
}
