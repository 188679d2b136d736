using System.Globalization;
using System.Text;

namespace Sevenspot.Checks.Output;

/// <summary>
/// Draws a <see cref="LockOrderGraph"/> as inline SVG: lock classes on a circle, an arrow per
/// edge (curved when both directions exist, a loop for same-class nesting), edges and classes on
/// cycles in red. Big graphs are cut down to the classes that lie on cycles. No script is needed
/// to see it.
/// </summary>
internal static class LockGraphSvg
{
    /// <summary>Above this many classes, only those on cycles (and self-nesting) are drawn.</summary>
    public const int MaxFullGraph = 40;

    /// <summary>The most classes ever drawn.</summary>
    public const int MaxDrawn = 200;

    private const double NodeRadius = 7;

    /// <summary>Labels longer than this are cut (the full name is in the node's tooltip).</summary>
    private const int MaxLabel = 44;

    /// <summary>Approximate width of a label character at the graph's 12px font.</summary>
    private const double CharacterWidth = 6.8;

    public static void Render(StringBuilder sb, LockOrderGraph graph)
    {
        var drawn = ChooseNodes(graph);
        var position = new Dictionary<int, (double X, double Y, double Angle)>();
        int n = drawn.Count;
        double radius = Math.Max(120, n * 56 / (2 * Math.PI));

        // Labels sit outside the circle, left and right: leave room for the longest one.
        int longest = drawn.Count == 0 ? 0 : drawn.Max(d => Label(graph.Nodes[d].Name).Length);
        double marginX = Math.Clamp((longest * CharacterWidth) + 30, 60, 340);
        double marginY = 40;
        double width = 2 * (radius + marginX), height = 2 * (radius + marginY);
        double centerX = width / 2, centerY = height / 2;
        for (int i = 0; i < n; i++)
        {
            double angle = -Math.PI / 2 + (2 * Math.PI * i / Math.Max(1, n));
            position[drawn[i]] = (centerX + (radius * Math.Cos(angle)), centerY + (radius * Math.Sin(angle)), angle);
        }

        var onCycle = new HashSet<int>();
        foreach (var cycle in graph.Cycles)
        {
            onCycle.UnionWith(cycle.Nodes);
        }

        sb.Append(Invariant($"<svg class=\"lock-graph\" role=\"img\" aria-labelledby=\"lock-graph-title\" viewBox=\"0 0 {width:F0} {height:F0}\" width=\"{width:F0}\" height=\"{height:F0}\">\n"));
        sb.Append("<title id=\"lock-graph-title\">Lock-order graph: ").Append(Invariant($"{n} lock class{(n == 1 ? string.Empty : "es")}, {graph.Cycles.Count} cycle{(graph.Cycles.Count == 1 ? string.Empty : "s")}")).Append("</title>\n");
        sb.Append("<defs>\n");
        sb.Append("<marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" orient=\"auto-start-reverse\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"#5b6470\"/></marker>\n");
        sb.Append("<marker id=\"arrow-cycle\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" orient=\"auto-start-reverse\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"#d1242f\"/></marker>\n");
        sb.Append("</defs>\n");

        foreach (var edge in graph.Edges)
        {
            if (!position.TryGetValue(edge.From, out var from) || !position.TryGetValue(edge.To, out var to))
            {
                continue;
            }

            bool cycle = graph.IsOnCycle(edge.From, edge.To);
            string cls = cycle ? "edge cycle" : "edge";
            string marker = cycle ? "url(#arrow-cycle)" : "url(#arrow)";
            sb.Append("<path class=\"").Append(cls).Append("\" d=\"");
            if (edge.From == edge.To)
            {
                // A loop outside the node: same-class nesting.
                double x1 = from.X + (NodeRadius * Math.Cos(from.Angle - 0.6)), y1 = from.Y + (NodeRadius * Math.Sin(from.Angle - 0.6));
                double x2 = from.X + (NodeRadius * Math.Cos(from.Angle + 0.6)), y2 = from.Y + (NodeRadius * Math.Sin(from.Angle + 0.6));
                double cx1 = from.X + (38 * Math.Cos(from.Angle - 0.7)), cy1 = from.Y + (38 * Math.Sin(from.Angle - 0.7));
                double cx2 = from.X + (38 * Math.Cos(from.Angle + 0.7)), cy2 = from.Y + (38 * Math.Sin(from.Angle + 0.7));
                sb.Append(Invariant($"M{x1:F1},{y1:F1} C{cx1:F1},{cy1:F1} {cx2:F1},{cy2:F1} {x2:F1},{y2:F1}"));
            }
            else
            {
                double dx = to.X - from.X, dy = to.Y - from.Y;
                double length = Math.Max(1, Math.Sqrt((dx * dx) + (dy * dy)));
                // Both directions present: bend each arrow to its own side so both stay visible.
                double bend = graph.FindEdge(edge.To, edge.From) is null ? 0 : 0.18 * length;
                double mx = (from.X + to.X) / 2 + (-dy / length * bend), my = (from.Y + to.Y) / 2 + (dx / length * bend);
                var (x1, y1) = Toward(from.X, from.Y, mx, my, NodeRadius);
                var (x2, y2) = Toward(to.X, to.Y, mx, my, NodeRadius + 1);
                sb.Append(Invariant($"M{x1:F1},{y1:F1} Q{mx:F1},{my:F1} {x2:F1},{y2:F1}"));
            }

            sb.Append("\" marker-end=\"").Append(marker).Append("\"><title>");
            sb.AppendEscaped(graph.Nodes[edge.From].Name).Append(" then ").AppendEscaped(graph.Nodes[edge.To].Name);
            if (edge.Witnesses.Count > 0)
            {
                var w = edge.Witnesses[0];
                sb.Append(": held at ").AppendEscaped(w.Held.ToString()).Append(", taken at ").AppendEscaped(w.Taken.ToString()).Append(" in ").AppendEscaped(w.Function);
            }

            sb.Append("</title></path>\n");
        }

        foreach (int node in drawn)
        {
            var (x, y, angle) = position[node];
            var lockClass = graph.Nodes[node];
            double cos = Math.Cos(angle);
            string anchor = cos > 0.2 ? "start" : cos < -0.2 ? "end" : "middle";
            double lx = x + (16 * cos), ly = y + (16 * Math.Sin(angle)) + 4;
            sb.Append("<g class=\"").Append(onCycle.Contains(node) ? "node in-cycle" : "node").Append("\">");
            sb.Append(Invariant($"<circle cx=\"{x:F1}\" cy=\"{y:F1}\" r=\"{NodeRadius:F0}\"/>"));
            sb.Append(Invariant($"<text x=\"{lx:F1}\" y=\"{ly:F1}\" text-anchor=\"{anchor}\">")).AppendEscaped(Label(lockClass.Name)).Append("</text>");
            sb.Append("<title>").AppendEscaped(lockClass.Name).Append(" (").AppendEscaped(lockClass.Kind).Append(")</title></g>\n");
        }

        sb.Append("</svg>\n");
    }

    /// <summary>The classes to draw: all of a small graph; of a big one, those on cycles or nesting in themselves.</summary>
    public static List<int> ChooseNodes(LockOrderGraph graph)
    {
        var nodes = new List<int>();
        if (graph.Nodes.Count <= MaxFullGraph)
        {
            for (int i = 0; i < graph.Nodes.Count; i++)
            {
                nodes.Add(i);
            }

            return nodes;
        }

        var chosen = new SortedSet<int>();
        foreach (var cycle in graph.Cycles)
        {
            chosen.UnionWith(cycle.Nodes);
        }

        foreach (var edge in graph.Edges)
        {
            if (edge.From == edge.To)
            {
                chosen.Add(edge.From);
            }
        }

        foreach (int node in chosen)
        {
            if (nodes.Count == MaxDrawn)
            {
                break;
            }

            nodes.Add(node);
        }

        return nodes;
    }

    private static string Label(string name) => name.Length <= MaxLabel ? name : name[..(MaxLabel - 1)] + "…";

    private static (double X, double Y) Toward(double x, double y, double tx, double ty, double distance)
    {
        double dx = tx - x, dy = ty - y;
        double length = Math.Max(1e-9, Math.Sqrt((dx * dx) + (dy * dy)));
        return (x + (dx / length * distance), y + (dy / length * distance));
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
