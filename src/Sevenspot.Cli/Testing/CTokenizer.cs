using System.Text;
using System.Text.RegularExpressions;

namespace Sevenspot.Cli.Testing;

/// <summary>A token of the comparison, with the line it starts on.</summary>
internal readonly record struct CToken(string Text, int Line)
{
    /// <summary>Ends a #define or #undef (its newline).</summary>
    public const string EndOfDirective = "\0<end-of-directive>";

    /// <summary>The "(" right after a #define's name: "#define f(x)" is not "#define f (x)".</summary>
    public const string DefineParenthesis = "\0<define-param-(>";

    public string Shown => Text switch
    {
        EndOfDirective => "<end of #define>",
        DefineParenthesis => "(",
        _ => Text,
    };
}

/// <summary>
/// Splits C text into the tokens Coccinelle's test harness compares (its Compare_c): blanks,
/// newlines, backslash-newlines and comments go; "#x" and "x..." are single tokens; preprocessor
/// lines are tokens of their own, compared by raw text as Coccinelle's lexer keeps them
/// ("#include &lt;f.h&gt;", "#ifdef X " with the blanks after the name, a whole "#if ..." line,
/// "#pragma", its first word, then the rest of the line); #define and #undef bodies are ordinary
/// tokens closed by an end-of-directive token; CVS keywords are normalised; in C++ mode "using"
/// is dropped. The text is read as Latin-1, one character per byte.
/// </summary>
internal static partial class CTokenizer
{
    private static readonly string[] s_skipTags = ["/* {{coccinelle:skip_start}} */", "/* {{coccinelle:skip_end}} */"];

    private static readonly string[] s_punctuators =
    [
        ">>=", "<<=", "...", "->", "++", "--", "<<", ">>", "<=", ">=", "==", "!=", "&&", "||",
        "*=", "/=", "%=", "+=", "-=", "&=", "^=", "|=", "##", "::",
    ];

    private static readonly HashSet<string> s_wholeLineDirectives = new(StringComparer.Ordinal) { "if", "elif", "ident", "line", "error", "warning", "abort" };

    public static List<CToken> Tokenize(byte[] bytes, bool cplusplus = false) => Tokenize(Encoding.Latin1.GetString(bytes), cplusplus);

    public static List<CToken> Tokenize(string text, bool cplusplus = false) => new Lexer(text, cplusplus).Run();

    [GeneratedRegex(@"\G#[ \t]*([A-Za-z_]\w*)")]
    private static partial Regex DirectiveKeyword();

    [GeneratedRegex(@"\G#[ \t]*include(?:_next)?[ \t]*(?:""[^""\n]+""|<[^>\n]+>|[A-Z_]+)")]
    private static partial Regex Include();

    [GeneratedRegex(@"\G#[ \t]*ifn?def[ \t]+[A-Za-z0-9_$]+[ \t]*")]
    private static partial Regex IfDef();

    [GeneratedRegex(@"\G#[ \t]*endif(?:[ \t]+[A-Za-z0-9_$]+[ \t]*)?")]
    private static partial Regex EndIf();

    [GeneratedRegex(@"\G#[ \t]*else")]
    private static partial Regex Else();

    [GeneratedRegex(@"\G#[ \t]*(?:define|undef)")]
    private static partial Regex Define();

    [GeneratedRegex(@"\G#[ \t]+[0-9]")]
    private static partial Regex LineMarker();

    [GeneratedRegex(@"\G#[ \t]*(?:\r?\n|$)")]
    private static partial Regex EmptyDirective();

    [GeneratedRegex(@"\G(#[ \t]*pragma)[ \t]+([A-Za-z_$][A-Za-z0-9_$]*)")]
    private static partial Regex Pragma();

    [GeneratedRegex(@"\G#[ \t]*[A-Za-z_$][A-Za-z0-9_$]*")]
    private static partial Regex Stringify();

    [GeneratedRegex(@"\G[A-Za-z_$][A-Za-z0-9_$]*")]
    private static partial Regex Identifier();

    [GeneratedRegex(@"\G\.?[0-9](?:[eEpP][+-]|[0-9A-Za-z_.])*")]
    private static partial Regex Number();

    [GeneratedRegex(@"\G(?:u8|u|U|L)?""(?:[^""\\\n]|\\.)*""?", RegexOptions.Singleline)]
    private static partial Regex StringLiteral();

    [GeneratedRegex(@"\G(?:u8|u|U|L)?'(?:[^'\\\n]|\\.)*'?", RegexOptions.Singleline)]
    private static partial Regex CharLiteral();

    [GeneratedRegex(@"\$([A-Za-z_]+):[^$]*\$")]
    private static partial Regex CvsKeyword();

    private sealed class Lexer(string text, bool cplusplus)
    {
        private readonly List<CToken> _tokens = [];
        private int _pos;
        private int _line = 1;
        private bool _lineStart = true;
        private bool _inDefine;
        private bool _defineNamePending;

        public List<CToken> Run()
        {
            while (_pos < text.Length)
            {
                char c = text[_pos];
                if (c == '\n')
                {
                    if (_inDefine)
                    {
                        _tokens.Add(new CToken(CToken.EndOfDirective, _line));
                        _inDefine = false;
                        _defineNamePending = false;
                    }

                    _line++;
                    _pos++;
                    _lineStart = true;
                    continue;
                }

                if (c is ' ' or '\t' or '\r' or '\v' or '\f')
                {
                    _pos++;
                    continue;
                }

                if (c == '\\' && ContinuationLength(_pos) is int length and > 0)
                {
                    _line++;
                    _pos += length;
                    continue;
                }

                if (c == '/' && Peek(1) == '*')
                {
                    int close = text.IndexOf("*/", _pos + 2, StringComparison.Ordinal);
                    int end = close < 0 ? text.Length : close + 2;
                    string comment = text[_pos..end];
                    if (Array.IndexOf(s_skipTags, comment) >= 0)
                    {
                        Add(comment);
                    }

                    _line += Count(comment, '\n');
                    _pos = end;
                    continue;
                }

                if (c == '/' && Peek(1) == '/')
                {
                    int newline = text.IndexOf('\n', _pos);
                    _pos = newline < 0 ? text.Length : newline;
                    continue;
                }

                if (c == '#' && _lineStart && !_inDefine && Directive())
                {
                    _lineStart = false;
                    continue;
                }

                _lineStart = false;
                if (Literal(c))
                {
                    continue;
                }

                if (c == '#' && Peek(1) != '#' && Stringify().Match(text, _pos) is { Success: true } stringify)
                {
                    Add(stringify.Value);
                    _pos += stringify.Length;
                    _defineNamePending = false;
                    continue;
                }

                if (Identifier().Match(text, _pos) is { Success: true } identifier)
                {
                    Word(identifier.Value);
                    continue;
                }

                _defineNamePending = false;
                if (Number().Match(text, _pos) is { Success: true } number)
                {
                    Add(number.Value);
                    _pos += number.Length;
                    continue;
                }

                string punctuator = Punctuator();
                Add(punctuator);
                _pos += punctuator.Length;
            }

            if (_inDefine)
            {
                _tokens.Add(new CToken(CToken.EndOfDirective, _line));
            }

            return _tokens;
        }

        private char Peek(int offset) => _pos + offset < text.Length ? text[_pos + offset] : '\0';

        private int? ContinuationLength(int at)
        {
            if (at + 1 < text.Length && text[at + 1] == '\n')
            {
                return 2;
            }

            return at + 2 < text.Length && text[at + 1] == '\r' && text[at + 2] == '\n' ? 3 : null;
        }

        private void Add(string token) => _tokens.Add(new CToken(token.Contains('$', StringComparison.Ordinal) ? CvsKeyword().Replace(token, "CVS_MAGIC_STRING") : token, _line));

        /// <summary>A preprocessor line at the start of a line; false when it is lexed as ordinary tokens.</summary>
        private bool Directive()
        {
            var directive = DirectiveKeyword().Match(text, _pos);
            string? keyword = directive.Success ? directive.Groups[1].Value : null;
            Match m;
            if (keyword is "define" or "undef")
            {
                m = Define().Match(text, _pos);
                Add(m.Value);
                _pos += m.Length;
                _inDefine = true;
                _defineNamePending = true;
            }
            else if (keyword is "include" or "include_next" && (m = Include().Match(text, _pos)).Success)
            {
                Add(m.Value);
                _pos += m.Length;
            }
            else if (keyword is "ifdef" or "ifndef" && (m = IfDef().Match(text, _pos)).Success)
            {
                Add(m.Value);
                _pos += m.Length;
            }
            else if (keyword == "endif")
            {
                m = EndIf().Match(text, _pos);
                Add(m.Value);
                _pos += m.Length;
            }
            else if (keyword == "else")
            {
                m = Else().Match(text, _pos);
                Add(m.Value);
                _pos += m.Length;
            }
            else if (keyword == "pragma" && (m = Pragma().Match(text, _pos)).Success)
            {
                Add(m.Groups[1].Value);
                Add(m.Groups[2].Value);
                int start = _pos + m.Length;
                int end = LogicalLineEnd(start);
                string rest = text[start..end];
                if (rest.Trim(' ', '\t', '\r').Length > 0)
                {
                    Add(rest.TrimStart(' ', '\t').TrimEnd('\r'));
                }

                _line += Count(rest, '\n');
                _pos = end;
            }
            else if ((keyword is not null && (s_wholeLineDirectives.Contains(keyword) || keyword is "ifdef" or "ifndef"))
                || LineMarker().IsMatch(text, _pos)
                || EmptyDirective().IsMatch(text, _pos))
            {
                int end = LogicalLineEnd(_pos);
                string line = text[_pos..end];
                Add(line.TrimEnd('\r'));
                _line += Count(line, '\n');
                _pos = end;
            }
            else
            {
                return false;
            }

            return true;
        }

        /// <summary>Where the line at <paramref name="at"/> ends, following backslash-newlines and comments.</summary>
        private int LogicalLineEnd(int at)
        {
            int i = at;
            while (i < text.Length)
            {
                char c = text[i];
                if (c == '\n')
                {
                    int k = i - 1;
                    if (k >= 0 && text[k] == '\r')
                    {
                        k--;
                    }

                    if (k >= 0 && text[k] == '\\')
                    {
                        i++;
                        continue;
                    }

                    return i;
                }

                if (c == '/' && i + 1 < text.Length && text[i + 1] == '*')
                {
                    int close = text.IndexOf("*/", i + 2, StringComparison.Ordinal);
                    i = close < 0 ? text.Length : close + 2;
                    continue;
                }

                i++;
            }

            return text.Length;
        }

        private bool Literal(char c)
        {
            Match? m = null;
            if (c is '"' or 'u' or 'U' or 'L')
            {
                m = StringLiteral().Match(text, _pos);
            }

            if (m is not { Success: true } && c is '\'' or 'u' or 'U' or 'L')
            {
                m = CharLiteral().Match(text, _pos);
            }

            if (m is not { Success: true })
            {
                return false;
            }

            Add(m.Value);
            _line += Count(m.Value, '\n');
            _pos += m.Length;
            _defineNamePending = false;
            return true;
        }

        private void Word(string word)
        {
            _pos += word.Length;
            if (cplusplus && word == "using")
            {
                return;
            }

            if (string.CompareOrdinal(text, _pos, "...", 0, 3) == 0)
            {
                word += "...";
                _pos += 3;
            }

            Add(word);
            if (_defineNamePending)
            {
                _defineNamePending = false;
                if (_pos < text.Length && text[_pos] == '(')
                {
                    _tokens.Add(new CToken(CToken.DefineParenthesis, _line));
                    _pos++;
                }
            }
        }

        private string Punctuator()
        {
            foreach (string p in s_punctuators)
            {
                if (string.CompareOrdinal(text, _pos, p, 0, p.Length) == 0)
                {
                    return p;
                }
            }

            return text[_pos].ToString();
        }

        private static int Count(string s, char c)
        {
            int n = 0;
            foreach (char x in s)
            {
                n += x == c ? 1 : 0;
            }

            return n;
        }
    }
}
