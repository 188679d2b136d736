using System.Text;
using Sevenspot.C;

namespace Sevenspot.Engine;

/// <summary>Building the stream of pieces of each changed top-level item and printing it.</summary>
public sealed partial class Transformer
{
    /// <summary>The new text of the file.</summary>
    public byte[] Render()
    {
        if (_directiveEdits.Count > 0)
        {
            return RenderDirectives(); // a directive rule edits nothing else
        }

        DropLeftOutRepeats();
        RemoveLeftoverSpecifiers();
        SplitDeclarations();
        var src = Source;
        var tokens = _code.Tokens;
        var output = new MemoryStream(src.Length + 256);
        int previousEnd = 0;
        foreach (var item in _code.Root.AsCompilationUnit().ItemList.ChildNodes())
        {
            if (item.IsEmpty)
            {
                continue;
            }

            int first = item.FirstTokenIndex, last = item.LastTokenIndex;
            int end = tokens[last].End;
            if (!Changed(first, last))
            {
                output.Write(src, previousEnd, end - previousEnd);
            }
            else
            {
                output.Write(Encoding.UTF8.GetBytes(Unparser.Run(BuildStream(first, last, previousEnd), OuterDepth)));
            }

            previousEnd = end;
        }

        output.Write(src, previousEnd, src.Length - previousEnd);
        return output.ToArray();
    }

    private bool Changed(int first, int last)
    {
        for (int t = first; t <= last; t++)
        {
            if (_deleted[t] || _before.ContainsKey(t) || _after.ContainsKey(t) || _inPlace.ContainsKey(t) || _atPlace.ContainsKey(t) || _removedPlaces.Contains(t))
            {
                return true;
            }
        }

        return _beforeItem.ContainsKey(first);
    }

    /// <summary>The pieces of the tokens first..last with the text between them from <paramref name="start"/>, and the added code.</summary>
    private List<Piece> BuildStream(int first, int last, int start)
    {
        var tokens = _code.Tokens;
        var pieces = new List<Piece>();
        int pos = start;
        for (int t = first; t <= last; t++)
        {
            if (tokens[t].Kind == SyntaxKind.DisabledToken)
            {
                continue;
            }

            var trivia = SplitTrivia(pos, tokens[t].Start);
            if (t == first && _beforeItem.TryGetValue(first, out var itemAdditions))
            {
                bool directivesOnly = itemAdditions.TrueForAll(a => a.Pieces.TrueForAll(IsDirectivePiece));

                // Directives before the item stand apart from it: the code goes after them.
                int at = trivia.FindLastIndex(p => p.Kind is PieceKind.Directive or PieceKind.Opaque) + 1;
                while (at < trivia.Count && (trivia[at].Kind is PieceKind.Space or PieceKind.Newline
                    || (trivia[at].Kind == PieceKind.Comment && (directivesOnly || trivia[at].Column > 0))))
                {
                    at++;
                }

                trivia.InsertRange(at, itemAdditions.SelectMany(a => a.Pieces));
            }

            pieces.AddRange(trivia);
            bool removedPlace = _removedPlaces.Contains(t);
            if (removedPlace || _atPlace.ContainsKey(t))
            {
                pieces.Add(new Piece(PieceKind.Fake, string.Empty) { Minus = removedPlace, Adjacency = Unparser.AllMinus });
                AddPieces(pieces, _atPlace, t);
            }

            AddPieces(pieces, _before, t);
            pieces.Add(new Piece(PieceKind.Token, _code.Text.ToString(Sevenspot.Text.TextSpan.FromBounds(tokens[t].Start, tokens[t].End)))
            {
                Minus = _deleted[t],
                Match = _deleted[t] ? _deletedBy[t] : -1,
                Adjacency = _deleted[t] ? _deletedAdjacency[t] : -1,
                Index = t,
                StartsRemovedField = _deleted[t] && StartsRemovedField(t),
                EndsRemovedField = _deleted[t] && EndsRemovedField(t),
            });
            AddPieces(pieces, _inPlace, t);
            AddPieces(pieces, _after, t);
            pos = tokens[t].End;
        }

        return pieces;
    }

    /// <summary>Whether token <paramref name="t"/> starts a structure field whose tokens are all removed and whose neighbours are kept.</summary>
    private bool StartsRemovedField(int t) => RemovedFieldAt(t, first: true);

    /// <summary>Whether token <paramref name="t"/> ends such a field.</summary>
    private bool EndsRemovedField(int t) => RemovedFieldAt(t, first: false);

    private bool RemovedFieldAt(int t, bool first)
    {
        for (var n = _code.GetToken(t).Parent; n is { } node && (first ? node.FirstTokenIndex : node.LastTokenIndex) == t; n = node.Parent)
        {
            if (node.Parent is not { Kind: SyntaxKind.List } list || list.Parent is not { Kind: SyntaxKind.StructSpecifier })
            {
                continue;
            }

            int a = node.FirstTokenIndex, b = node.LastTokenIndex;
            if (a <= 0 || b + 1 >= _code.TokenCount || _deleted[a - 1] || _deleted[b + 1])
            {
                return false;
            }

            for (int k = a; k <= b; k++)
            {
                if (!_deleted[k] && _code.Tokens[k].Kind != SyntaxKind.DisabledToken)
                {
                    return false;
                }
            }

            return true;
        }

        return false;
    }

    private static bool IsDirectivePiece(Piece p) =>
        p.Kind == PieceKind.UnindentToColumn0 || (p.Kind == PieceKind.Added && (p.Text == "\n" || p.Text.StartsWith('#')));

    private static void AddPieces(List<Piece> pieces, Dictionary<int, List<Addition>> table, int token)
    {
        if (!table.TryGetValue(token, out var additions))
        {
            return;
        }

        foreach (var a in additions)
        {
            // Each use gets its own pieces: the passes change them in place. A directive line of
            // reprinted code points to its code's first piece: to the copy of it.
            Dictionary<Piece, Piece>? anchors = null;
            foreach (var p in a.Pieces)
            {
                var copy = new Piece(p.Kind, p.Text) { Hint = p.Hint, HintSpace = p.HintSpace, RecordsColumn = p.RecordsColumn };
                if (p.RecordsColumn)
                {
                    (anchors ??= [])[p] = copy;
                }

                if (p.Anchor is { } anchor)
                {
                    copy.Anchor = anchors is not null && anchors.TryGetValue(anchor, out var anchorCopy) ? anchorCopy : null;
                }

                pieces.Add(copy);
            }
        }
    }

    /// <summary>The text between two tokens as pieces: blanks, line breaks (with the indentation after them), comments, directives.</summary>
    private List<Piece> SplitTrivia(int start, int end)
    {
        var result = new List<Piece>();
        var src = Source;
        int i = start;
        while (i < end)
        {
            byte c = src[i];
            int j = i;
            PieceKind kind;
            var role = ConditionalRole.None;
            if (c == (byte)'\n')
            {
                j = i + 1;
                while (j < end && src[j] is (byte)' ' or (byte)'\t')
                {
                    j++;
                }

                kind = PieceKind.Newline;
            }
            else if (c is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\f' or (byte)'\v')
            {
                while (j < end && src[j] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\f' or (byte)'\v')
                {
                    j++;
                }

                kind = PieceKind.Space;
            }
            else if (c == (byte)'\\' && BackslashNewlineEnd(src, i, end) is int afterIndent and > 0)
            {
                // A line of a macro body ends here: a line break as any other, so that a line
                // emptied by a removal goes with its backslash.
                j = afterIndent;
                kind = PieceKind.Newline;
            }
            else if (c == (byte)'/' && i + 1 < end && src[i + 1] == (byte)'*')
            {
                int close = src.AsSpan(i + 2, end - i - 2).IndexOf("*/"u8);
                j = close < 0 ? end : i + 2 + close + 2;
                kind = PieceKind.Comment;
            }
            else if (c == (byte)'/' && i + 1 < end && src[i + 1] == (byte)'/')
            {
                j = LineEnd(src, i, end);
                kind = PieceKind.Comment;
            }
            else if (c == (byte)'#' && DirectiveAt(i) is { } d)
            {
                j = Math.Min(d.End, end);
                kind = PieceKind.Directive;
                role = d.Kind switch
                {
                    DirectiveKind.If or DirectiveKind.Ifdef or DirectiveKind.Ifndef => ConditionalRole.If,
                    DirectiveKind.Elif or DirectiveKind.Else => ConditionalRole.Else,
                    DirectiveKind.Endif => ConditionalRole.Endif,
                    _ => ConditionalRole.None,
                };
            }
            else
            {
                j = LineEnd(src, i, end);
                kind = PieceKind.Opaque;
            }

            if (j <= i)
            {
                j = i + 1;
            }

            int lineStart = i;
            while (lineStart > 0 && src[lineStart - 1] != (byte)'\n')
            {
                lineStart--;
            }

            result.Add(new Piece(kind, Encoding.UTF8.GetString(src, i, j - i)) { Conditional = role, Column = i - lineStart });
            i = j;
        }

        return result;
    }

    /// <summary>
    /// After a backslash, blanks and a line break at <paramref name="i"/>: the end of the next line's
    /// indentation; 0 when no line break follows the backslash.
    /// </summary>
    private static int BackslashNewlineEnd(byte[] src, int i, int end)
    {
        int j = i + 1;
        while (j < end && src[j] is (byte)' ' or (byte)'\t' or (byte)'\r')
        {
            j++;
        }

        if (j >= end || src[j] != (byte)'\n')
        {
            return 0;
        }

        j++;
        while (j < end && src[j] is (byte)' ' or (byte)'\t')
        {
            j++;
        }

        return j;
    }

    /// <summary>The end of a line's text (before its line break), a backslash-newline continuing it.</summary>
    private static int LineEnd(byte[] src, int i, int end)
    {
        int j = i;
        while (j < end && src[j] != (byte)'\n')
        {
            j++;
        }

        int k = j;
        while (k > i && src[k - 1] is (byte)' ' or (byte)'\t' or (byte)'\r')
        {
            k--;
        }

        if (j < end && k > i && src[k - 1] == (byte)'\\')
        {
            return LineEnd(src, j + 1, end);
        }

        return j;
    }

    private byte[]? _source;

    private byte[] Source => _source ??= _code.Text.Bytes.ToArray();

    private Dictionary<int, Directive>? _directives;

    private Directive? DirectiveAt(int offset)
    {
        if (_directives is null)
        {
            _directives = [];
            foreach (var d in _code.Lexed.Directives)
            {
                _directives.TryAdd(d.Start, d);
            }
        }

        return _directives.TryGetValue(offset, out var found) ? found : null;
    }
}
