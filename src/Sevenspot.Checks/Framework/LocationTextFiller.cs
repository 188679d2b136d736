using System.Collections.Concurrent;
using Sevenspot.Text;

namespace Sevenspot.Checks;

/// <summary>
/// Gives the compact locations of findings (those tree checks kept in their facts) their code
/// text back, from texts the run was given in memory or by reading the file again.
/// </summary>
internal sealed class LocationTextFiller
{
    private readonly ConcurrentDictionary<string, SourceText> _given;
    private readonly Dictionary<string, SourceText?> _read = new(StringComparer.Ordinal);

    public LocationTextFiller(ConcurrentDictionary<string, SourceText> given)
    {
        _given = given;
    }

    public Finding Fill(Finding finding)
    {
        if (!NeedsText(finding))
        {
            return finding;
        }

        return new Finding(
            finding.Check,
            Fill(finding.Location),
            finding.Message,
            [.. finding.Related.Select(r => r with { Location = Fill(r.Location) })],
            [.. finding.Flows.Select(f => f with { Steps = [.. f.Steps.Select(s => s with { Location = Fill(s.Location) })] })],
            finding.Fix is { } fix ? fix with { Edits = [.. fix.Edits.Select(e => e with { Region = Fill(e.Region) })] } : null,
            finding.Severity);
    }

    private static bool NeedsText(Finding finding) =>
        finding.Location.IsCompact
        || finding.Related.Any(r => r.Location.IsCompact)
        || finding.Flows.Any(f => f.Steps.Any(s => s.Location.IsCompact));

    private SourceLocation Fill(SourceLocation location)
    {
        if (!location.IsCompact || Text(location.Path) is not { } text)
        {
            return location;
        }

        return location.WithText(text);
    }

    private SourceText? Text(string path)
    {
        if (_given.TryGetValue(path, out var given))
        {
            return given;
        }

        if (!_read.TryGetValue(path, out var text))
        {
            try
            {
                text = File.Exists(path) ? SourceText.FromFile(path) : null;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                text = null;
            }

            _read[path] = text;
        }

        return text;
    }
}
