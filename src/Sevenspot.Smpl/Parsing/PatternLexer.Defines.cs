using System.Text;
using Sevenspot.C;
using Sevenspot.Text;

namespace Sevenspot.Smpl;

internal static partial class PatternLexer
{
    /// <summary>
    /// A #define of the rule whose body is a pattern of its own: lines of the body that are removed or
    /// added while others stay ("#define i(x) \" then "- foo(x)" and "+ bar(x)"), or a nest in the body
    /// ("#define i(...,j,...) (&lt;+... j ...+&gt;)"). Its header (#define, the name and the parameters)
    /// is returned and blanked in <paramref name="bytes"/>, as are the backslashes that continue its
    /// lines, so that the body is read as the rule's code. Null when the rule holds no such #define:
    /// a #define written as a whole is matched word by word (see DirectiveOf). A header that is itself
    /// removed or added in part is refused (<paramref name="refused"/>), as nothing could carry that change.
    /// </summary>
    private static DirectivePattern? DefineHeaderOf(SourceText file, LexedText lexed, List<Line> lines, byte[] bytes, List<Diagnostic> diagnostics, out bool refused)
    {
        refused = false;
        Directive? found = null;
        foreach (var d in lexed.Directives)
        {
            if (lines[LineOf(lines, d.Start)].Mark is TokenMark.Plus or TokenMark.PlusPlus)
            {
                continue;
            }

            if (found is not null)
            {
                return null; // several directives: reported as such by DirectiveOf
            }

            found = d;
        }

        if (found is not { Kind: DirectiveKind.Define } directive)
        {
            return null;
        }

        string text = Encoding.UTF8.GetString(bytes, directive.Start, directive.End - directive.Start);
        var read = DirectiveText.Read(text);
        int bodyStart = read.BodyStart;
        if (read.MacroName is null || bodyStart == 0 || bodyStart >= read.Words.Count)
        {
            return null;
        }

        int firstLine = LineOf(lines, directive.Start);
        int lastLine = LineOf(lines, Math.Max(directive.Start, directive.End - 1));
        bool mixed = false;
        for (int l = firstLine + 1; l <= lastLine; l++)
        {
            mixed |= lines[l].Mark != lines[firstLine].Mark && !IsBlank(bytes, lines[l].CodeStart, lines[l].End);
        }

        string bodyText = text[read.Words[bodyStart].Start..];
        bool nest = bodyText.Contains("<...", StringComparison.Ordinal) || bodyText.Contains("<+...", StringComparison.Ordinal);
        if (!mixed && !nest)
        {
            return null;
        }

        int headerEnd = directive.Start + Encoding.UTF8.GetByteCount(text.AsSpan(0, read.Words[bodyStart - 1].End));
        if (lines[firstLine].Mark != TokenMark.Context || LineOf(lines, headerEnd - 1) != firstLine)
        {
            diagnostics.Add(new Diagnostic(DiagnosticId.SmplUnsupported, file, TextSpan.FromBounds(directive.Start, directive.Start + 1),
                "a #define whose body is matched as code needs its header (#define, name and parameters) on one context line: only the body can be changed"));
            refused = true;
            return null;
        }

        // What spatch cannot parse as the body of a #define pattern: a do ... while (which would not
        // parse here either without the ";" a macro leaves out) and a block.
        var first = read.Words[bodyStart];
        if (first.Text is "do" or "{")
        {
            int at = directive.Start + Encoding.UTF8.GetByteCount(text.AsSpan(0, first.Start));
            diagnostics.Add(new Diagnostic(DiagnosticId.SmplUnsupported, file, TextSpan.FromBounds(at, at + first.Text.Length),
                first.Text == "do" ? DoInDefineBody : BlockAsDefineBody));
            refused = true;
            return null;
        }

        string header = Encoding.UTF8.GetString(bytes, directive.Start, headerEnd - directive.Start);
        for (int i = directive.Start; i < headerEnd; i++)
        {
            bytes[i] = (byte)' ';
        }

        // The backslashes that continue the directive's lines.
        for (int i = headerEnd; i < directive.End; i++)
        {
            if (bytes[i] != (byte)'\\')
            {
                continue;
            }

            int k = i + 1;
            while (k < directive.End && bytes[k] is (byte)' ' or (byte)'\t' or (byte)'\r')
            {
                k++;
            }

            if (k >= bytes.Length || bytes[k] == (byte)'\n')
            {
                bytes[i] = (byte)' ';
            }
        }

        return new DirectivePattern
        {
            Text = header,
            Mark = TokenMark.Context,
            Line = file.GetLinePosition(directive.Start).Line,
        };
    }

    private const string DoInDefineBody = "a do ... while in the body of a #define pattern (spatch cannot parse it in a semantic patch)";
    private const string BlockAsDefineBody = "a block as the body of a #define pattern (spatch cannot parse it in a semantic patch)";

    /// <summary>
    /// A do ... while or a block as the body of a #define pattern: spatch 1.1.1 cannot parse them in a
    /// semantic patch ("#define i(x) do { ... } while (0)" is a parse error there), so they are refused here too.
    /// </summary>
    private static bool ReportDoInDefineBody(SourceText file, SyntaxTree minus, List<RawToken> raw, List<int> minusRaw, List<Diagnostic> diagnostics)
    {
        var items = minus.Root.AsPatternBody().ItemList.ChildNodes().ToList();
        foreach (var node in minus.Root.DescendantNodesAndSelf())
        {
            // A block that is the body itself ("#define i(x) { \" ...) does not parse in spatch either;
            // one inside a statement of the body ("if (x) { ... }") does.
            bool block = node.Kind == SyntaxKind.CompoundStatement && items.Contains(node);
            if (node.Kind == SyntaxKind.DoStatement || block)
            {
                var keyword = raw[minusRaw[node.FirstTokenIndex]].Data;
                diagnostics.Add(new Diagnostic(DiagnosticId.SmplUnsupported, file, TextSpan.FromBounds(keyword.Start, keyword.End),
                    block ? BlockAsDefineBody : DoInDefineBody));
                return true;
            }
        }

        return false;
    }
}
