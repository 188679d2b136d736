using System.Globalization;
using System.Text;

namespace Sevenspot.Text;

public enum DiagnosticSeverity
{
    Warning,
    Error,
}

/// <summary>A message about a place in a source text.</summary>
public sealed class Diagnostic
{
    private readonly object[] _arguments;

    public Diagnostic(DiagnosticId id, SourceText? source, TextSpan span, params object[] arguments)
    {
        Id = id;
        Source = source;
        Span = span;
        _arguments = arguments;
    }

    public DiagnosticId Id { get; }

    /// <summary>The same message on another text (same span and arguments), for a piece parsed apart from its file.</summary>
    public Diagnostic WithSource(SourceText source) => new(Id, source, Span, _arguments);

    public SourceText? Source { get; }

    public TextSpan Span { get; }

    public DiagnosticSeverity Severity => DiagnosticMessages.GetSeverity(Id);

    public string Code => "SP" + ((int)Id).ToString("D4", CultureInfo.InvariantCulture);

    public string Message => string.Format(CultureInfo.InvariantCulture, DiagnosticMessages.GetFormat(Id), _arguments);

    public LinePosition Position => Source?.GetLinePosition(Math.Min(Span.Start, Source.Length)) ?? default;

    /// <summary>"file:line:column: message", with 1-based line and 0-based column as spatch prints them.</summary>
    public override string ToString()
    {
        if (Source is null)
        {
            return Message;
        }

        var p = Position;
        return $"{Source.Path}:{p.Line}:{p.Column}: {Message}";
    }

    /// <summary>The message followed by the source line and a caret under the offending place.</summary>
    public string ToStringWithCaret()
    {
        var sb = new StringBuilder(ToString());
        if (Source is null || Source.Length == 0)
        {
            return sb.ToString();
        }

        var p = Position;
        string line = Source.GetLineText(p.Line);
        if (line.Length > 200)
        {
            return sb.ToString();
        }

        sb.Append('\n').Append(line).Append('\n');
        // Reproduce tabs so the caret lines up under the column.
        int column = Math.Min(p.Column, line.Length);
        for (int i = 0; i < column; i++)
        {
            sb.Append(line[i] == '\t' ? '\t' : ' ');
        }

        sb.Append('^');
        int width = Math.Min(Span.Length, Math.Max(0, line.Length - column));
        for (int i = 1; i < width; i++)
        {
            sb.Append('~');
        }

        return sb.ToString();
    }
}
