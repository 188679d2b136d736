using System.Globalization;
using System.Text;

namespace Sevenspot.Checks.Output;

/// <summary>
/// Writes a <see cref="CheckReport"/> as one self-contained HTML page: styles, script and the
/// lock-order graph (SVG) are inline, and the page loads nothing from anywhere. It shows a table
/// of checks with counts (check boxes hide and show findings), the lock-order graph with its
/// cycles when that check ran, every finding with its code line, related places, flows and fix,
/// and what was skipped. The page reads fine with scripts disabled.
/// </summary>
public static class HtmlWriter
{
    public static string Write(CheckReport report, ToolInfo tool)
    {
        var sb = new StringBuilder(16 * 1024);
        sb.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        sb.Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        sb.Append("<title>Sevenspot checks: ").Append(Count(report.Findings.Count, "finding")).Append("</title>\n");
        sb.Append("<style>\n").Append(Style).Append("</style>\n</head>\n<body>\n");

        sb.Append("<header>\n<h1>Sevenspot checks</h1>\n<p class=\"summary\">")
            .Append(Count(report.Findings.Count, "finding")).Append(" in ").Append(Count(report.Files, "file"))
            .Append(" (").Append(Count(report.Functions, "function")).Append("); ")
            .Append(report.Skipped.Count.ToString(CultureInfo.InvariantCulture)).Append(" skipped")
            .Append(report.CheckFailures == 0 ? string.Empty : $" ({Count(report.CheckFailures, "check failure")}: findings are missing there)").Append(". ")
            .AppendEscaped(tool.Name).Append(' ').AppendEscaped(tool.Version).Append(".</p>\n</header>\n<main>\n");

        WriteChecks(sb, report);
        if (report.LockOrder is { } graph)
        {
            WriteLockOrder(sb, graph);
        }

        WriteFindings(sb, report);
        WriteSkipped(sb, report);
        sb.Append("</main>\n<script>\n").Append(Script).Append("</script>\n</body>\n</html>\n");
        return sb.ToString();
    }

    private static void WriteChecks(StringBuilder sb, CheckReport report)
    {
        sb.Append("<section id=\"checks\">\n<h2>Checks</h2>\n<table class=\"checks\">\n<thead><tr><th>Show</th><th>Check</th><th>Findings</th><th>What it finds</th><th>Leans</th></tr></thead>\n<tbody>\n");
        foreach (var (check, count) in report.CountByCheck())
        {
            sb.Append("<tr><td><input type=\"checkbox\" checked data-filter=\"").AppendEscaped(check.Id).Append("\" aria-label=\"show ").AppendEscaped(check.Id).Append("\"></td>");
            sb.Append("<td><a href=\"#check-").Append(HtmlText.Id(check.Id)).Append("\"><code>").AppendEscaped(check.Id).Append("</code></a></td>");
            sb.Append("<td class=\"count\">").Append(count.ToString(CultureInfo.InvariantCulture)).Append("</td>");
            sb.Append("<td>").AppendEscaped(check.Title).Append("</td>");
            sb.Append("<td class=\"lean\">").AppendEscaped(check.Lean).Append("</td></tr>\n");
        }

        sb.Append("</tbody>\n</table>\n</section>\n");
    }

    private static void WriteLockOrder(StringBuilder sb, LockOrderGraph graph)
    {
        sb.Append("<section id=\"lock-order\">\n<h2>Lock order</h2>\n<figure>\n");
        LockGraphSvg.Render(sb, graph);
        int drawn = LockGraphSvg.ChooseNodes(graph).Count;
        sb.Append("<figcaption>").Append(Count(graph.Nodes.Count, "lock class")).Append(", ").Append(Count(graph.Edges.Count, "edge"))
            .Append(", ").Append(Count(graph.Cycles.Count, "cycle")).Append(graph.CyclesTruncated ? " (more not listed)" : string.Empty).Append('.');
        if (drawn < graph.Nodes.Count)
        {
            sb.Append(" Drawn: the ").Append(drawn.ToString(CultureInfo.InvariantCulture)).Append(" classes on cycles or nesting in themselves.");
        }

        sb.Append(" <span class=\"legend-cycle\">Red</span>: on a cycle.</figcaption>\n</figure>\n");
        if (graph.Cycles.Count > 0)
        {
            sb.Append("<h3>Cycles</h3>\n<ol class=\"cycles\">\n");
            foreach (var cycle in graph.Cycles)
            {
                sb.Append("<li>");
                for (int i = 0; i < cycle.Nodes.Count; i++)
                {
                    int from = cycle.Nodes[i];
                    int to = cycle.Nodes[(i + 1) % cycle.Nodes.Count];
                    sb.Append("<code>").AppendEscaped(graph.Nodes[from].Name).Append("</code> → ");
                    if (graph.FindEdge(from, to) is { Witnesses.Count: > 0 } edge)
                    {
                        var w = edge.Witnesses[0];
                        sb.Append("<span class=\"witness\">(").AppendEscaped(w.Function).Append(", ").AppendEscaped(w.Held.ToString()).Append(" then ")
                            .AppendEscaped(w.Taken.ToString()).Append(")</span> ");
                    }
                }

                sb.Append("<code>").AppendEscaped(graph.Nodes[cycle.Nodes[0]].Name).Append("</code></li>\n");
            }

            sb.Append("</ol>\n");
        }

        sb.Append("</section>\n");
    }

    private static void WriteFindings(StringBuilder sb, CheckReport report)
    {
        sb.Append("<section id=\"findings\">\n<h2>Findings</h2>\n");
        if (report.Findings.Count == 0)
        {
            sb.Append("<p class=\"none\">No findings.</p>\n");
        }

        var anchored = new HashSet<string>(StringComparer.Ordinal);
        string? file = null;
        int number = 0;
        foreach (var finding in report.Findings)
        {
            number++;
            if (finding.Location.Path != file)
            {
                file = finding.Location.Path;
                sb.Append("<h3 class=\"file\">").AppendEscaped(file).Append("</h3>\n");
            }

            sb.Append("<article class=\"finding sev-").Append(JsonReportWriter.SeverityWord(finding.Severity)).Append("\" data-check=\"").AppendEscaped(finding.CheckId)
                .Append("\" id=\"finding-").Append(number.ToString(CultureInfo.InvariantCulture)).Append("\">\n");
            if (anchored.Add(finding.CheckId))
            {
                sb.Append("<a id=\"check-").Append(HtmlText.Id(finding.CheckId)).Append("\"></a>");
            }

            sb.Append("<p class=\"where\"><span class=\"loc\">").AppendEscaped(Where(finding.Location)).Append("</span> <span class=\"badge\">")
                .AppendEscaped(finding.CheckId).Append("</span></p>\n");
            sb.Append("<p class=\"message\">").AppendEscaped(finding.Message).Append("</p>\n");
            WriteCode(sb, finding.Location);

            if (finding.Related.Count > 0)
            {
                sb.Append("<details class=\"related\" open><summary>Related</summary>\n<ul>\n");
                foreach (var related in finding.Related)
                {
                    sb.Append("<li><span class=\"loc\">").AppendEscaped(Where(related.Location)).Append("</span> ").AppendEscaped(related.Message);
                    WriteCode(sb, related.Location);
                    sb.Append("</li>\n");
                }

                sb.Append("</ul>\n</details>\n");
            }

            foreach (var flow in finding.Flows)
            {
                sb.Append("<details class=\"flow\" open><summary>").AppendEscaped(flow.Message).Append("</summary>\n<ol>\n");
                foreach (var step in flow.Steps)
                {
                    sb.Append("<li style=\"margin-left: ").Append((step.Nesting * 1.5).ToString("F1", CultureInfo.InvariantCulture)).Append("em\"><span class=\"loc\">")
                        .AppendEscaped(Where(step.Location)).Append("</span> ").AppendEscaped(step.Message);
                    WriteCode(sb, step.Location);
                    sb.Append("</li>\n");
                }

                sb.Append("</ol>\n</details>\n");
            }

            if (finding.Fix is { } fix)
            {
                sb.Append("<details class=\"fix\"><summary>Fix: ").AppendEscaped(fix.Description).Append("</summary>\n<table class=\"edits\">\n");
                foreach (var edit in fix.Edits)
                {
                    sb.Append("<tr><td class=\"loc\">").AppendEscaped(Where(edit.Region)).Append("</td><td><del>").AppendEscaped(edit.Region.Text)
                        .Append("</del></td><td><ins>").AppendEscaped(edit.NewText).Append("</ins></td></tr>\n");
                }

                sb.Append("</table>\n</details>\n");
            }

            sb.Append("</article>\n");
        }

        sb.Append("</section>\n");
    }

    private static void WriteCode(StringBuilder sb, SourceLocation location)
    {
        sb.Append("<pre class=\"code\"><span class=\"ln\">").Append(location.Start.Line.ToString(CultureInfo.InvariantCulture)).Append("</span>")
            .AppendEscaped(location.Snippet).Append("</pre>\n");
    }

    private static void WriteSkipped(StringBuilder sb, CheckReport report)
    {
        sb.Append("<section id=\"skipped\">\n<h2>Skipped (").Append(report.Skipped.Count.ToString(CultureInfo.InvariantCulture)).Append(")</h2>\n");
        if (report.Skipped.Count == 0)
        {
            sb.Append("<p class=\"none\">Nothing was skipped.</p>\n");
        }
        else
        {
            sb.Append("<ul>\n");
            foreach (var item in report.Skipped)
            {
                sb.Append("<li>").AppendEscaped(item.ToString()).Append("</li>\n");
            }

            sb.Append("</ul>\n");
        }

        sb.Append("</section>\n");
    }

    private static string Where(SourceLocation location) =>
        string.Create(CultureInfo.InvariantCulture, $"{location.Path}:{location.Start.Line}:{location.Start.Column}");

    private static string Count(int n, string noun) =>
        string.Create(CultureInfo.InvariantCulture, $"{n} {noun}{(n == 1 ? string.Empty : noun.EndsWith('s') ? "es" : "s")}");

    private const string Style = """
        :root { --fg: #1f2328; --muted: #59636e; --line: #d1d9e0; --bg-code: #f6f8fa; --error: #d1242f; --warning: #9a6700; --note: #0969da; }
        * { box-sizing: border-box; }
        body { margin: 0; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--fg); background: #fff; }
        header, main { max-width: 1100px; margin: 0 auto; padding: 0 1.2rem; }
        header { padding-top: 1.2rem; border-bottom: 1px solid var(--line); }
        h1 { margin: 0 0 .3rem; font-size: 1.6rem; }
        h2 { margin-top: 2rem; font-size: 1.25rem; border-bottom: 1px solid var(--line); padding-bottom: .3rem; }
        h3.file { font: 600 .95rem ui-monospace, SFMono-Regular, Menlo, monospace; margin: 1.4rem 0 .4rem; }
        .summary { color: var(--muted); }
        table.checks { border-collapse: collapse; width: 100%; }
        table.checks th, table.checks td { border-bottom: 1px solid var(--line); padding: .35rem .5rem; text-align: left; vertical-align: top; }
        td.count { text-align: right; font-variant-numeric: tabular-nums; }
        td.lean { color: var(--muted); font-size: .85rem; }
        article.finding { border: 1px solid var(--line); border-left: 4px solid var(--note); border-radius: 6px; padding: .5rem .8rem; margin: .6rem 0; }
        article.sev-error { border-left-color: var(--error); }
        article.sev-warning { border-left-color: var(--warning); }
        p.where { margin: 0; font-size: .85rem; color: var(--muted); }
        .loc { font-family: ui-monospace, SFMono-Regular, Menlo, monospace; }
        .badge { display: inline-block; padding: 0 .45rem; border-radius: 1em; background: #eef1f4; font-size: .8rem; }
        p.message { margin: .2rem 0 .4rem; font-weight: 600; }
        pre.code { margin: .2rem 0; padding: .3rem .6rem; background: var(--bg-code); border-radius: 4px; overflow-x: auto; font-size: .85rem; tab-size: 8; }
        pre.code .ln { display: inline-block; min-width: 3.5em; color: var(--muted); user-select: none; }
        details { margin: .3rem 0; }
        details summary { cursor: pointer; color: var(--muted); }
        details ul, details ol { margin: .2rem 0; padding-left: 1.4rem; }
        table.edits td { padding: .1rem .5rem; font: .85rem ui-monospace, SFMono-Regular, Menlo, monospace; white-space: pre; }
        del { background: #ffebe9; text-decoration: line-through; }
        ins { background: #dafbe1; text-decoration: none; }
        figure { margin: 0; overflow-x: auto; }
        svg.lock-graph { display: block; max-width: 100%; height: auto; font: 12px system-ui, sans-serif; }
        svg.lock-graph .edge { fill: none; stroke: #5b6470; stroke-width: 1.3; }
        svg.lock-graph .edge.cycle { stroke: var(--error); stroke-width: 2.6; }
        svg.lock-graph .node circle { fill: #fff; stroke: #5b6470; stroke-width: 1.6; }
        svg.lock-graph .node.in-cycle circle { fill: #ffebe9; stroke: var(--error); stroke-width: 2.4; }
        svg.lock-graph .node text { fill: var(--fg); }
        svg.lock-graph .node.in-cycle text { fill: var(--error); font-weight: 600; }
        .legend-cycle { color: var(--error); font-weight: 600; }
        ol.cycles li { margin: .3rem 0; }
        .witness { color: var(--muted); font-size: .85rem; }
        p.none { color: var(--muted); }

        """;

    private const string Script = """
        (function () {
          var boxes = document.querySelectorAll('input[data-filter]');
          boxes.forEach(function (box) {
            box.addEventListener('change', function () {
              document.querySelectorAll('article.finding').forEach(function (article) {
                if (article.getAttribute('data-check') === box.getAttribute('data-filter')) {
                  article.hidden = !box.checked;
                }
              });
            });
          });
        })();

        """;
}
