using Sevenspot.Text;

namespace Sevenspot.Smpl;

/// <summary>The result of reading a .cocci file: the rules, or the errors that stopped it.</summary>
public sealed class SmplParseResult
{
    public SmplFile? File { get; init; }

    public IReadOnlyList<Diagnostic> Diagnostics { get; init; } = [];

    public bool Success => File is not null && !Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error);
}
