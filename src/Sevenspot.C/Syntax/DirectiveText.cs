namespace Sevenspot.C;

/// <summary>The kinds of words of a preprocessor directive, as far as directive patterns care.</summary>
public enum DirectiveWordKind : byte
{
    Identifier,
    Number,
    String,
    Character,
    Ellipsis,
    Punctuation,

    /// <summary>The file of an #include: &lt;a/b.h&gt; or "a/b.h", brackets or quotes included.</summary>
    HeaderName,
}

/// <summary>One word of a directive: its kind, text and place in the directive's text.</summary>
public readonly record struct DirectiveWord(DirectiveWordKind Kind, string Text, int Start, int End, bool SpaceBefore);

/// <summary>
/// A preprocessor directive split into words: the keyword (include, define, pragma ...), for a
/// #define its name and parameters, and the rest. Comments and line continuations count as space.
/// Used for directives of the code and of a rule alike, so that both are read the same way.
/// </summary>
public sealed class DirectiveText
{
    private DirectiveText(string text, string keyword, List<DirectiveWord> words)
    {
        Text = text;
        Keyword = keyword;
        Words = words;
    }

    public string Text { get; }

    /// <summary>The directive's name without '#', or empty for a lone '#'.</summary>
    public string Keyword { get; }

    /// <summary>The words after the keyword.</summary>
    public List<DirectiveWord> Words { get; }

    /// <summary>For #define: the macro's name (the first word), else null.</summary>
    public DirectiveWord? MacroName => Keyword == "define" && Words.Count > 0 && Words[0].Kind == DirectiveWordKind.Identifier ? Words[0] : null;

    /// <summary>For #define: whether the name is followed at once by '(' (a function-like macro).</summary>
    public bool IsFunctionLike => MacroName is not null && Words.Count > 1 && Words[1].Text == "(" && !Words[1].SpaceBefore;

    /// <summary>For #define: index of the first word of the body (after the name and parameters).</summary>
    public int BodyStart
    {
        get
        {
            if (MacroName is null)
            {
                return 0;
            }

            if (!IsFunctionLike)
            {
                return 1;
            }

            for (int i = 2; i < Words.Count; i++)
            {
                if (Words[i].Text == ")")
                {
                    return i + 1;
                }
            }

            return Words.Count;
        }
    }

    public static DirectiveText Read(string text)
    {
        var words = new List<DirectiveWord>();
        int i = 0;
        bool space = false;
        SkipSpace(text, ref i, ref space);
        if (i < text.Length && text[i] == '#')
        {
            i++;
        }

        space = false;
        SkipSpace(text, ref i, ref space);
        int keywordStart = i;
        while (i < text.Length && IsIdentifierChar(text[i]))
        {
            i++;
        }

        string keyword = text[keywordStart..i];
        while (true)
        {
            space = false;
            SkipSpace(text, ref i, ref space);
            if (i >= text.Length)
            {
                break;
            }

            int start = i;
            char c = text[i];
            DirectiveWordKind kind;
            if (keyword == "include" && words.Count == 0 && c is '<' or '"')
            {
                char close = c == '<' ? '>' : '"';
                int end = text.IndexOf(close, i + 1);
                i = end < 0 ? text.Length : end + 1;
                kind = DirectiveWordKind.HeaderName;
            }
            else if (IsIdentifierChar(c) && !char.IsAsciiDigit(c))
            {
                while (i < text.Length && IsIdentifierChar(text[i]))
                {
                    i++;
                }

                kind = DirectiveWordKind.Identifier;
            }
            else if (char.IsAsciiDigit(c) || (c == '.' && i + 1 < text.Length && char.IsAsciiDigit(text[i + 1])))
            {
                while (i < text.Length && (IsIdentifierChar(text[i]) || text[i] == '.' || ((text[i] is '+' or '-') && text[i - 1] is 'e' or 'E' or 'p' or 'P')))
                {
                    i++;
                }

                kind = DirectiveWordKind.Number;
            }
            else if (c is '"' or '\'')
            {
                i++;
                while (i < text.Length && text[i] != c)
                {
                    i += text[i] == '\\' ? 2 : 1;
                }

                i = Math.Min(i + 1, text.Length);
                kind = c == '"' ? DirectiveWordKind.String : DirectiveWordKind.Character;
            }
            else if (string.CompareOrdinal(text, i, "...", 0, 3) == 0)
            {
                i += 3;
                kind = DirectiveWordKind.Ellipsis;
            }
            else
            {
                i += PunctuationLength(text, i);
                kind = DirectiveWordKind.Punctuation;
            }

            words.Add(new DirectiveWord(kind, text[start..i], start, i, space));
        }

        return new DirectiveText(text, keyword, words);
    }

    /// <summary>The text from word <paramref name="first"/> to the end, as written.</summary>
    public string TextFrom(int first) => first >= Words.Count ? string.Empty : Text[Words[first].Start..Words[^1].End];

    /// <summary>The words from <paramref name="first"/> on, joined by single spaces (how bound values compare).</summary>
    public string KeyFrom(int first)
    {
        var parts = new List<string>();
        for (int i = first; i < Words.Count; i++)
        {
            parts.Add(Words[i].Text);
        }

        return string.Join(' ', parts);
    }

    private static bool IsIdentifierChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '_' or '$';

    private static void SkipSpace(string text, ref int i, ref bool space)
    {
        while (i < text.Length)
        {
            char c = text[i];
            if (c is ' ' or '\t' or '\r' or '\n' or '\f' or '\v')
            {
                i++;
            }
            else if (c == '\\' && i + 1 < text.Length && text[i + 1] is '\n' or '\r')
            {
                i++;
            }
            else if (c == '/' && i + 1 < text.Length && text[i + 1] == '*')
            {
                int end = text.IndexOf("*/", i + 2, StringComparison.Ordinal);
                i = end < 0 ? text.Length : end + 2;
            }
            else if (c == '/' && i + 1 < text.Length && text[i + 1] == '/')
            {
                int end = text.IndexOf('\n', i);
                i = end < 0 ? text.Length : end;
            }
            else
            {
                return;
            }

            space = true;
        }
    }

    private static readonly string[] s_punctuation =
    [
        "<<=", ">>=", "->", "++", "--", "<<", ">>", "<=", ">=", "==", "!=", "&&", "||", "*=", "/=", "%=", "+=", "-=", "&=", "^=", "|=", "##",
    ];

    private static int PunctuationLength(string text, int i)
    {
        foreach (string p in s_punctuation)
        {
            if (string.CompareOrdinal(text, i, p, 0, p.Length) == 0)
            {
                return p.Length;
            }
        }

        return 1;
    }
}
