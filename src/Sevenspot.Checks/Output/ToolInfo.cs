namespace Sevenspot.Checks.Output;

/// <summary>The tool as outputs name it. Tests pass a fixed version so golden files do not change with releases.</summary>
public sealed record ToolInfo(string Name, string Version)
{
    public static ToolInfo Sevenspot(string version) => new("sevenspot", version);
}

/// <summary>The formats <c>sevenspot check</c> writes.</summary>
public enum OutputFormat
{
    /// <summary>spatch's report lines: <c>file:line:col-col: message</c>.</summary>
    Report,
    Json,
    Sarif,
    Html,
}
