using Sevenspot.C;

namespace Sevenspot.Engine;

/// <summary>
/// Preprocessor lines inside reprinted C code. A metavariable bound to "3 #ifdef A + 5 #endif" keeps
/// its conditional lines in added code, each on a line of its own, and the lines that close a
/// conditional opened inside the value ("#endif" before the ")" that follows it) go with it, as in
/// spatch. Code the parser left out between two printed tokens (an "#else" branch) is printed as
/// it was written, so nothing of the value is lost.
/// </summary>
internal sealed partial class PlusFormatter
{
    // The value being reprinted: its tree and token range, the first piece printed for it (the
    // column its directive lines indent to), and how many conditionals it opened and did not close.
    private SyntaxTree? _valueTree;
    private int _valueFirst;
    private int _valueLast;
    private Piece? _valueAnchor;
    private int _valueStart;
    private int _valueDepth;

    private readonly record struct ValueState(SyntaxTree? Tree, int First, int Last, Piece? Anchor, int Start, int Depth);

    private ValueState BeginValue(CodeValue value)
    {
        var saved = new ValueState(_valueTree, _valueFirst, _valueLast, _valueAnchor, _valueStart, _valueDepth);
        _valueTree = value.Tree;
        _valueFirst = value.FirstToken;
        _valueLast = value.LastToken;
        _valueAnchor = null;
        _valueStart = _out.Count;
        _valueDepth = 0;
        return saved;
    }

    /// <summary>
    /// Between two items of a bound list of expressions or parameters ("n, #ifdef A 1, #endif 2"): the
    /// directives before the item, after its comma.
    /// </summary>
    private void BetweenItems(CodeValue previous, CodeValue next)
    {
        if (_valueTree is { } tree && ReferenceEquals(previous.Tree, tree) && ReferenceEquals(next.Tree, tree) && !previous.IsEmpty && !next.IsEmpty)
        {
            BetweenTokens(tree, previous.LastToken, next.FirstToken, closingOnly: false);
        }
    }

    private void EndValue(ValueState saved)
    {
        if (_valueDepth > 0 && _valueTree is { } tree)
        {
            // The lines that close what the value opened, up to the next token of the file.
            int next = _valueLast + 1;
            while (next < tree.TokenCount && tree.Tokens[next].Kind == SyntaxKind.DisabledToken)
            {
                next++;
            }

            BetweenTokens(tree, _valueLast, next, closingOnly: true);
        }

        _valueTree = saved.Tree;
        _valueFirst = saved.First;
        _valueLast = saved.Last;
        _valueAnchor = saved.Anchor;
        _valueStart = saved.Start;
        _valueDepth = saved.Depth;
    }

    /// <summary>Before a token of the value being reprinted: the directives and left-out code between it and the previous token.</summary>
    private void CodeBefore(SyntaxToken token)
    {
        if (_valueTree is not { } tree || !ReferenceEquals(token.Tree, tree) || token.Index <= _valueFirst || token.Index > _valueLast)
        {
            return;
        }

        var tokens = tree.Tokens;
        if ((tokens[token.Index].Flags & TokenFlags.AfterDirective) == 0 && tokens[token.Index - 1].Kind != SyntaxKind.DisabledToken)
        {
            return;
        }

        int previous = token.Index - 1;
        while (previous > _valueFirst && tokens[previous].Kind == SyntaxKind.DisabledToken)
        {
            previous--;
        }

        BetweenTokens(tree, previous, token.Index, closingOnly: false);
    }

    /// <summary>
    /// The directives and left-out tokens after token <paramref name="previous"/> and before token
    /// <paramref name="next"/>, in the order of the file. With <paramref name="closingOnly"/>, only
    /// while a conditional opened in the value is still open.
    /// </summary>
    private void BetweenTokens(SyntaxTree tree, int previous, int next, bool closingOnly)
    {
        var directives = tree.Directives;
        int d = CodeValue.FirstDirectiveAfter(directives, previous);
        var tokens = tree.Tokens;
        bool saved = _code;
        _code = true;
        for (int t = previous + 1; t <= next; t++)
        {
            for (; d < directives.Count && directives[d].TokenIndex == t; d++)
            {
                var kind = directives[d].Kind;
                if (closingOnly && (_valueDepth <= 0 || kind is DirectiveKind.If or DirectiveKind.Ifdef or DirectiveKind.Ifndef))
                {
                    _code = saved;
                    return;
                }

                _valueDepth += kind switch
                {
                    DirectiveKind.If or DirectiveKind.Ifdef or DirectiveKind.Ifndef => 1,
                    DirectiveKind.Endif => -1,
                    _ => 0,
                };
                string text = tree.Text.ToString(Sevenspot.Text.TextSpan.FromBounds(directives[d].Start, directives[d].End)).TrimEnd();
                var line = new Piece(PieceKind.AddedCode, text) { Hint = PieceHint.DirectiveLine, Anchor = Anchor() };

                // The space before an operator goes after the line ("3", the line, " + 5"), and so
                // does the line break before a statement.
                int at = _out.Count;
                while (at > _valueStart + 1 && _out[at - 1].Text is " " or "\n" && _out[at - 1].Kind is PieceKind.AddedCode or PieceKind.Added)
                {
                    at--;
                }

                _out.Insert(at, line);
            }

            if (t < next && tokens[t].Kind == SyntaxKind.DisabledToken)
            {
                if (closingOnly && _valueDepth <= 0)
                {
                    break;
                }

                Space();
                Emit(tree.Text.ToString(Sevenspot.Text.TextSpan.FromBounds(tokens[t].Start, tokens[t].End)));
            }
        }

        _code = saved;
    }

    /// <summary>The first piece printed for the value, marked to note its column.</summary>
    private Piece? Anchor()
    {
        if (_valueAnchor is null && _valueStart < _out.Count)
        {
            _valueAnchor = _out[_valueStart];
            _valueAnchor.RecordsColumn = true;
        }

        return _valueAnchor;
    }
}
