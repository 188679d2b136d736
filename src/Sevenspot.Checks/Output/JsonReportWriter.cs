using System.Text.Json;
using Sevenspot.Checks.Output.Json;
using Sevenspot.Text;

namespace Sevenspot.Checks.Output;

/// <summary>Writes a <see cref="CheckReport"/> as <see cref="JsonReport"/> (System.Text.Json, source-generated).</summary>
public static class JsonReportWriter
{
    private static readonly CheckJsonContext s_context = new(JsonOutputOptions.Create(indented: true));

    public static string Write(CheckReport report, ToolInfo tool) => JsonSerializer.Serialize(ToModel(report, tool), s_context.JsonReport) + "\n";

    public static JsonReport Read(string json) => JsonSerializer.Deserialize(json, s_context.JsonReport) ?? throw new JsonException("empty report");

    public static JsonReport ToModel(CheckReport report, ToolInfo tool)
    {
        var model = new JsonReport
        {
            Tool = new JsonTool { Name = tool.Name, Version = tool.Version },
            Checks = [.. report.Checks.Select(c => new JsonCheck
            {
                Id = c.Id,
                Title = c.Title,
                Description = c.Description,
                Severity = SeverityWord(c.Severity),
                Lean = c.Lean,
                Doc = c.DocPath,
            })],
            Findings = [.. report.Findings.Select(ToModel)],
            Skipped = [.. report.Skipped.Select(s => new JsonSkipped { File = s.Path, Line = s.Line, Reason = s.Reason, Kind = KindWord(s.Kind), Check = s.Check, Exception = s.Exception })],
            Summary = new JsonSummary
            {
                Files = report.Files,
                Functions = report.Functions,
                Findings = report.Findings.Count,
                Skipped = report.Skipped.Count,
                CheckFailures = report.CheckFailures,
                PerCheck = [.. report.CountByCheck().Select(p => new JsonCheckCount { Check = p.Check.Id, Findings = p.Count })],
            },
            LockOrder = report.LockOrder is { } graph ? ToModel(graph) : null,
        };
        return model;
    }

    public static string KindWord(SkipKind kind) => kind switch
    {
        SkipKind.UnparsedFunction => "function",
        SkipKind.File => "file",
        _ => "check-failure",
    };

    public static string SeverityWord(CheckSeverity severity) => severity switch
    {
        CheckSeverity.Note => "note",
        CheckSeverity.Warning => "warning",
        _ => "error",
    };

    private static JsonFinding ToModel(Finding finding) => new()
    {
        Check = finding.CheckId,
        Severity = SeverityWord(finding.Severity),
        Message = finding.Message,
        Location = ToModel(finding.Location),
        Related = finding.Related.Count == 0 ? null : [.. finding.Related.Select(r => new JsonRelatedLocation { Location = ToModel(r.Location), Message = r.Message })],
        Flows = finding.Flows.Count == 0 ? null : [.. finding.Flows.Select(f => new JsonCodeFlow { Message = f.Message, Steps = [.. f.Steps.Select(ToModel)] })],
        Fix = finding.Fix is { } fix ? new JsonFix { Description = fix.Description, Edits = [.. fix.Edits.Select(e => new JsonEdit { Location = ToModel(e.Region), NewText = e.NewText })] } : null,
    };

    private static JsonCodeFlowStep ToModel(CodeFlowStep step) => new() { Location = ToModel(step.Location), Message = step.Message, Nesting = step.Nesting };

    internal static JsonLocation ToModel(SourceLocation location) => new()
    {
        File = location.Path,
        Line = location.Start.Line,
        Column = location.Start.Column,
        EndLine = location.End.Line,
        EndColumn = location.End.Column,
        Offset = location.Span.Start,
        Length = location.Span.Length,
    };

    private static JsonLockOrderGraph ToModel(LockOrderGraph graph) => new()
    {
        Nodes = [.. graph.Nodes.Select(n => new JsonLockClass { Name = n.Name, Kind = n.Kind })],
        Edges = [.. graph.Edges.Select(e => new JsonLockOrderEdge
        {
            From = e.From,
            To = e.To,
            OnCycle = graph.IsOnCycle(e.From, e.To),
            Witnesses = [.. e.Witnesses.Select(w => new JsonLockAcquisition
            {
                Function = w.Function,
                Held = ToModel(w.Held),
                Taken = ToModel(w.Taken),
                Chain = w.Chain.Count == 0 ? null : [.. w.Chain.Select(ToModel)],
            })],
        })],
        Cycles = [.. graph.Cycles.Select(c => c.Nodes.ToList())],
        CyclesTruncated = graph.CyclesTruncated,
    };
}
