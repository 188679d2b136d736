using System.Text;
using Sevenspot.C;
using Sevenspot.Smpl;
using Sevenspot.Text;

namespace Sevenspot.Engine;

/// <summary>One successful match of a rule, ready to be applied.</summary>
public sealed record RuleMatch(CodeRule Rule, MatchState State);

/// <summary>Raised for edits that cannot both be made (spatch's "already tagged token").</summary>
public sealed class TransformConflict
{
    public TransformConflict(SyntaxTree tree, int token, string detail)
    {
        Tree = tree;
        Token = token;
        Detail = detail;
    }

    public SyntaxTree Tree { get; }

    public int Token { get; }

    public string Detail { get; }
}

/// <summary>
/// Turns matches into a new text: tokens matched by removed pattern tokens go, added code is
/// inserted at its anchor with the indentation of the place, and lines left empty by removals
/// disappear. Untouched text keeps its bytes.
/// </summary>
public sealed class Transformer
{
    private readonly SyntaxTree _code;
    private readonly bool[] _deleted;
    private readonly Dictionary<int, List<(string Text, bool Lines, bool PlusPlus)>> _before = [];
    private readonly Dictionary<int, List<(string Text, bool Lines, bool PlusPlus)>> _after = [];
    private readonly Dictionary<int, List<(string Text, bool Lines, bool PlusPlus)>> _replace = [];
    private readonly FreshNames _fresh;
    private readonly string _indentUnit;

    public Transformer(SyntaxTree code, FreshNames fresh)
    {
        _code = code;
        _deleted = new bool[code.TokenCount];
        _fresh = fresh;
        _indentUnit = DetectIndentUnit(code.Text);
    }

    public TransformConflict? Conflict { get; private set; }

    public bool HasEdits { get; private set; }

    /// <summary>Adds the edits of one match.</summary>
    public void Add(RuleMatch match)
    {
        var body = match.Rule.Body;
        var printer = new PlusPrinter(match.Rule, _fresh);
        foreach (var entry in match.State.Trace?.Entries ?? [])
        {
            var env = entry.LocalEnv is { } local ? match.State.Env.Merge(local) ?? local : match.State.Env;
            if (entry.PatternToken >= 0 && entry.PatternToken < body.MinusMarks.Length && body.MinusMarks[entry.PatternToken] == TokenMark.Minus)
            {
                for (int t = entry.CodeFirst; t <= entry.CodeLast; t++)
                {
                    _deleted[t] = true;
                    HasEdits = true;
                }
            }

            foreach (var chunk in body.GetPlus(entry.PatternToken, PlusSide.Before))
            {
                bool replacing = entry.PatternToken < body.MinusMarks.Length && body.MinusMarks[entry.PatternToken] == TokenMark.Minus;
                AddInsertion(replacing ? _replace : _before, entry.CodeFirst, printer.Print(chunk, env), chunk);
            }

            foreach (var chunk in body.GetPlus(entry.PatternToken, PlusSide.After))
            {
                int at = entry.CodeLast >= entry.CodeFirst ? entry.CodeLast : entry.CodeFirst - 1;
                AddInsertion(_after, at, printer.Print(chunk, env), chunk);
            }
        }
    }

    private void AddInsertion(Dictionary<int, List<(string, bool, bool)>> table, int token, List<string> lines, PlusChunk chunk)
    {
        string text = string.Join("\n", lines);
        if (!table.TryGetValue(token, out var list))
        {
            table[token] = list = [];
        }

        foreach (var (existing, _, plusPlus) in list)
        {
            if (existing == text)
            {
                if (chunk.PlusPlus)
                {
                    break;
                }

                return; // the same code from another environment: once is enough
            }

            if (!chunk.PlusPlus && !plusPlus && Conflict is null)
            {
                Conflict = new TransformConflict(_code, Math.Max(0, token), $"different code added at the same place: '{existing}' and '{text}'");
            }
        }

        list.Add((text, chunk.IsWholeLines, chunk.PlusPlus));
        HasEdits = true;
    }

    /// <summary>
    /// A branch of an if or a loop body that is a single statement: removed entirely it becomes
    /// "{}", replaced by several statements it gets braces, as spatch does.
    /// </summary>
    private void FixBranches()
    {
        foreach (var node in _code.Root.DescendantNodesAndSelf())
        {
            switch (node.Kind)
            {
                case SyntaxKind.IfStatement:
                    FixBranch(node.AsIfStatement().Statement);
                    if (node.AsIfStatement().Else is { } e)
                    {
                        FixBranch(e);
                    }

                    break;
                case SyntaxKind.WhileStatement:
                    FixBranch(node.AsWhileStatement().Statement);
                    break;
                case SyntaxKind.ForStatement:
                    FixBranch(node.AsForStatement().Statement);
                    break;
                case SyntaxKind.IteratorStatement:
                    FixBranch(node.AsIteratorStatement().Statement);
                    break;
            }
        }
    }

    private void FixBranch(SyntaxNode branch)
    {
        if (branch.Kind is SyntaxKind.CompoundStatement or SyntaxKind.IfStatement || branch.IsEmpty)
        {
            return;
        }

        // Only when the statement that owns the branch stays.
        if (branch.Parent is { } owner && _deleted[owner.FirstTokenIndex])
        {
            return;
        }

        int first = branch.FirstTokenIndex;
        int last = branch.LastTokenIndex;
        for (int t = first; t <= last; t++)
        {
            if (!_deleted[t] || (t > first && (_before.ContainsKey(t) || _replace.ContainsKey(t))) || (t < last && _after.ContainsKey(t)))
            {
                return;
            }
        }

        int statements = 0;
        foreach (var table in new[] { _replace, _before })
        {
            if (table.TryGetValue(first, out var list))
            {
                foreach (var (text, _, _) in list)
                {
                    statements += Math.Max(1, text.Count(ch => ch == ';'));
                }
            }
        }

        if (_after.TryGetValue(last, out var afterList))
        {
            foreach (var (text, _, _) in afterList)
            {
                statements += Math.Max(1, text.Count(ch => ch == ';'));
            }
        }

        if (statements == 0)
        {
            AddRaw(_replace, first, "{}");
        }
        else if (statements > 1)
        {
            _openBrace.Add(first);
            _closeBrace.Add(last);
        }
    }

    private readonly HashSet<int> _openBrace = [];
    private readonly HashSet<int> _closeBrace = [];

    private static void AddRaw(Dictionary<int, List<(string, bool, bool)>> table, int token, string text)
    {
        if (!table.TryGetValue(token, out var list))
        {
            table[token] = list = [];
        }

        list.Add((text, false, false));
    }

    /// <summary>The new text of the file.</summary>
    public byte[] Render()
    {
        FixBranches();
        var src = _code.Text.Bytes;
        var tokens = _code.Tokens;
        int count = _code.TokenCount;
        var output = new MemoryStream(src.Length + 256);
        // Lines that lost all their code to removals are dropped afterwards.
        var removalSites = new List<int>();
        int previousEnd = 0;
        bool previousDeleted = false;
        for (int i = 0; i < count; i++)
        {
            var t = tokens[i];
            if (t.Kind == SyntaxKind.DisabledToken)
            {
                continue;
            }

            var trivia = src[previousEnd..t.Start];
            bool deleted = i < _deleted.Length && _deleted[i];
            if (deleted && previousDeleted && !ContainsComment(trivia) && !ContainsNewline(trivia))
            {
                // Spaces between two removed tokens go with them.
            }
            else if (deleted && previousDeleted && !ContainsComment(trivia))
            {
                // Line breaks between removed tokens: keep them, the empty lines are dropped later.
                output.Write(trivia);
            }
            else
            {
                output.Write(trivia);
            }

            if (_openBrace.Contains(i))
            {
                // The branch grows into a block: the braces take the if's indentation.
                Write(output, "{\n" + LineIndent(t.Start));
            }

            if (_replace.TryGetValue(i, out var replacements))
            {
                string indent = LineIndent(t.Start);
                bool firstReplacement = true;
                foreach (var (text, lines, _) in replacements)
                {
                    Write(output, (firstReplacement ? string.Empty : "\n" + indent) + IndentLines(text, indent));
                    firstReplacement = false;
                    _ = lines;
                }
            }

            if (_before.TryGetValue(i, out var before))
            {
                foreach (var (text, lines, _) in before)
                {
                    if (lines && IsFirstOnLine(t.Start))
                    {
                        string indent = LineIndent(t.Start);
                        Write(output, IndentLines(text, indent) + "\n" + indent);
                    }
                    else
                    {
                        Write(output, text + " ");
                    }
                }
            }

            if (deleted)
            {
                removalSites.Add((int)output.Position);
            }
            else
            {
                output.Write(src[t.Start..t.End]);
            }

            if (_after.TryGetValue(i, out var after))
            {
                foreach (var (text, lines, _) in after)
                {
                    if (lines)
                    {
                        string indent = LineIndent(t.Start);
                        if (t.Kind == SyntaxKind.OpenBraceToken)
                        {
                            indent += _indentUnit;
                        }

                        Write(output, "\n" + indent + IndentLines(text, indent));
                    }
                    else
                    {
                        Write(output, (t.Kind is SyntaxKind.OpenParenToken or SyntaxKind.OpenBracketToken ? string.Empty : " ") + text);
                    }
                }
            }

            if (_closeBrace.Contains(i))
            {
                string indent = LineIndent(t.Start);
                Write(output, "\n" + (indent.Length > 0 ? indent[..^1] : indent) + "}");
            }

            previousEnd = t.End;
            previousDeleted = deleted;
        }

        output.Write(src[previousEnd..]);
        return DropEmptiedLines(output.ToArray(), removalSites);
    }

    private static void Write(MemoryStream output, string text) => output.Write(Encoding.UTF8.GetBytes(text));

    private static string IndentLines(string text, string indent) => text.Replace("\n", "\n" + indent, StringComparison.Ordinal);

    private static bool ContainsComment(ReadOnlySpan<byte> trivia) => trivia.IndexOf("/*"u8) >= 0 || trivia.IndexOf("//"u8) >= 0;

    private static bool ContainsNewline(ReadOnlySpan<byte> trivia) => trivia.IndexOf((byte)'\n') >= 0;

    private bool IsFirstOnLine(int offset)
    {
        var src = _code.Text.Bytes;
        for (int i = offset - 1; i >= 0; i--)
        {
            if (src[i] == (byte)'\n')
            {
                return true;
            }

            if (src[i] != (byte)' ' && src[i] != (byte)'\t')
            {
                return false;
            }
        }

        return true;
    }

    private string LineIndent(int offset)
    {
        var src = _code.Text.Bytes;
        int start = offset;
        while (start > 0 && src[start - 1] != (byte)'\n')
        {
            start--;
        }

        int end = start;
        while (end < src.Length && (src[end] == (byte)' ' || src[end] == (byte)'\t'))
        {
            end++;
        }

        return Encoding.UTF8.GetString(src[start..end]);
    }

    /// <summary>Removes the lines of the output that had code removed and now hold only blanks.</summary>
    private static byte[] DropEmptiedLines(byte[] text, List<int> removalSites)
    {
        if (removalSites.Count == 0)
        {
            return text;
        }

        var result = new MemoryStream(text.Length);
        int pos = 0;
        int site = 0;
        while (pos < text.Length)
        {
            int nl = Array.IndexOf(text, (byte)'\n', pos);
            int end = nl < 0 ? text.Length : nl + 1;
            bool hadRemoval = false;
            while (site < removalSites.Count && removalSites[site] < end)
            {
                hadRemoval |= removalSites[site] >= pos;
                site++;
            }

            if (!(hadRemoval && IsBlank(text, pos, end)))
            {
                result.Write(text, pos, end - pos);
            }

            pos = end;
        }

        return result.ToArray();
    }

    private static bool IsBlank(byte[] text, int start, int end)
    {
        for (int i = start; i < end; i++)
        {
            byte b = text[i];
            if (b != (byte)' ' && b != (byte)'\t' && b != (byte)'\n' && b != (byte)'\r')
            {
                return false;
            }
        }

        return true;
    }

    private static string DetectIndentUnit(SourceText text)
    {
        foreach (int start in text.LineStarts)
        {
            if (start < text.Length && text[start] == (byte)'\t')
            {
                return "\t";
            }
        }

        return "\t";
    }
}
