using Sevenspot.Text;

namespace Sevenspot.C;

public sealed partial class Parser
{
    // Names the file #defines as function-like macros; null until first needed.
    private HashSet<string>? _functionLikeDefines;

    /// <summary>
    /// A file-level function whose header is NAME(args) alone, with no return type nor any other
    /// word before it but attribute macros without arguments (__init), is a function for spatch only when every argument is a type or a parameter
    /// declaration (a lone name as the only argument counts as a type: spatch guesses it is a
    /// typedef), or when NAME is a macro whose expansion spatch reads instead (one the macro file
    /// makes a function header, or one the file #defines). Any other such function (BPF_CALL_1(f,
    /// struct s *, p) { ... }, foo(a, b) { ... }) is kept in the tree, and marked with
    /// <see cref="DiagnosticId.FunctionNotReadBySpatch"/> at its name: the rule engine does not match in it.
    /// </summary>
    /// <param name="open">The token of the body's opening brace.</param>
    private void MarkFunctionSpatchDoesNotRead(int open)
    {
        int name = _itemStart;
        while (IsIdentifier(name) && MacroKindOf(name) == MacroKind.Attribute)
        {
            name++; // "__init foo(a, b)": an attribute word is no return type
        }

        if (_tokens[name].Kind != SyntaxKind.IdentifierToken || KindAt(name + 1) != SyntaxKind.OpenParenToken || MatchOf(name + 1) + 1 != open)
        {
            return;
        }

        string text = _lexed.TextAt(name);
        if (_options.Macros.IsFunctionHead(text) || FunctionLikeDefines().Contains(text) || ArgumentsAreTypes(name + 2, open - 1))
        {
            return;
        }

        AddDiagnostic(DiagnosticId.FunctionNotReadBySpatch, name, text);
    }

    /// <summary>
    /// Whether NAME( at <paramref name="name"/>, closed at <paramref name="close"/>, heads an old-style
    /// function: its arguments are plain names and declarations of them follow, the last ending with
    /// ';' just before the body's '{' ("bar(a, b) int a; int b; {"), or the body follows at once (a
    /// lowercase name). An attribute macro before
    /// specifiers ("TARGET_ATTRIBUTE(x) static int f(void) {") has a declarator before its brace.
    /// </summary>
    private bool IsKnrHeadWithoutType(int name, int close)
    {
        for (int i = name + 2; i < close; i += 2)
        {
            if (KindAt(i) != SyntaxKind.IdentifierToken || KindAt(i + 1) is not (SyntaxKind.CommaToken or SyntaxKind.CloseParenToken))
            {
                return false;
            }
        }

        // PERF: the declarations are a few tokens; a long run without a brace is something else.
        for (int j = close + 1; j < _eof && j < close + 256; j++)
        {
            switch (KindAt(j))
            {
                case SyntaxKind.OpenBraceToken:
                    // "static bar(a, b)" with its brace on the next line is no macro call either.
                    return j > close + 1 ? KindAt(j - 1) == SyntaxKind.SemicolonToken : !IsAllCaps(name);
                case SyntaxKind.EqualsToken or SyntaxKind.CloseBraceToken:
                    return false;
            }
        }

        return false;
    }

    /// <summary>Whether the arguments between <paramref name="first"/> and the closing parenthesis are all types as spatch reads them.</summary>
    private bool ArgumentsAreTypes(int first, int close)
    {
        if (first == close || (first + 1 == close && KindAt(first) == SyntaxKind.IdentifierToken))
        {
            return true; // f() or f(x)
        }

        int start = first;
        int depth = 0;
        for (int i = first; i <= close; i++)
        {
            var kind = KindAt(i);
            if (kind is SyntaxKind.OpenParenToken or SyntaxKind.OpenBracketToken or SyntaxKind.OpenBraceToken)
            {
                depth++;
            }
            else if (kind is SyntaxKind.CloseParenToken or SyntaxKind.CloseBracketToken or SyntaxKind.CloseBraceToken && depth > 0)
            {
                depth--;
            }
            else if ((kind == SyntaxKind.CommaToken && depth == 0) || i == close)
            {
                if (!IsTypeArgument(start, i, start == first))
                {
                    return false;
                }

                start = i + 1;
            }
        }

        return true;
    }

    /// <summary>
    /// The argument in [<paramref name="start"/>, <paramref name="end"/>) is a type or a parameter
    /// declaration: it starts with a type keyword, a qualifier, struct/union/enum, typeof or "...";
    /// or it is a name the file declares as a typedef (or size_t, ssize_t, ptrdiff_t, which spatch
    /// knows); or a name followed by another name ("u64 x"), by stars alone ("buf *"), or, first in
    /// the list, by stars and a name ("buf * b"). A lone name among several arguments is an
    /// expression for spatch, even a kernel type such as u64.
    /// </summary>
    private bool IsTypeArgument(int start, int end, bool first)
    {
        while (start < end && IsAttributeName(start))
        {
            start++; // "__user b" is the name b
        }

        if (start >= end)
        {
            return false;
        }

        var kind = KindAt(start);
        if (SyntaxFacts.IsTypeKeyword(kind) || SyntaxFacts.IsQualifierKeyword(kind)
            || kind is SyntaxKind.StructKeyword or SyntaxKind.UnionKeyword or SyntaxKind.EnumKeyword or SyntaxKind.TypeofKeyword or SyntaxKind.EllipsisToken)
        {
            return true;
        }

        if (kind != SyntaxKind.IdentifierToken)
        {
            return false;
        }

        if (Info(_tokens[start].Name).FileTypedef || _lexed.TextAt(start) is "size_t" or "ssize_t" or "ptrdiff_t")
        {
            return true;
        }

        if (start + 1 < end && KindAt(start + 1) == SyntaxKind.IdentifierToken)
        {
            return true;
        }

        int i = start + 1;
        while (i < end && KindAt(i) == SyntaxKind.AsteriskToken)
        {
            i++;
        }

        return i > start + 1 && (i == end || (first && KindAt(i) == SyntaxKind.IdentifierToken));
    }

    /// <summary>The names of the function-like macros the file #defines ("#define NAME(" with no space before the parenthesis, as <see cref="Semantics.AnnotationPass.ParseDefine"/> reads it).</summary>
    private HashSet<string> FunctionLikeDefines()
    {
        if (_functionLikeDefines is null)
        {
            _functionLikeDefines = new HashSet<string>(StringComparer.Ordinal);
            foreach (var directive in _lexed.Directives)
            {
                if (directive.Kind != DirectiveKind.Define)
                {
                    continue;
                }

                var text = _lexed.Text.Bytes.Slice(directive.Start, directive.End - directive.Start);
                if (Semantics.AnnotationPass.ParseDefine(text, out string name, out var parameters, out _) && parameters is not null)
                {
                    _functionLikeDefines.Add(name);
                }
            }
        }

        return _functionLikeDefines;
    }
}
