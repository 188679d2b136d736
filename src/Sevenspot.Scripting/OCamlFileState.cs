using Sevenspot.Smpl;

namespace Sevenspot.Scripting;

/// <summary>
/// What the per-file OCaml scripts of a patch (script rules and script expressions) can change of the
/// state the initialize rules left, read from their text. With --jobs every file starts from that state;
/// the worker forks a child per file for it, unless the only state the per-file scripts can change is
/// top-level tables and references of the initialize code that the worker can put back at the file's
/// end. That is so when the per-file code
/// <list type="bullet">
/// <item>names the initialize code's definitions only through such a table or reference, and that only
/// as <c>!r</c>, <c>r := e</c>, <c>incr r</c>, <c>decr r</c> or as the table of a <c>Hashtbl</c>
/// function (<c>Hashtbl.add t ...</c>): so the value is never handed on, and no function of the
/// initialize code (which could change anything) is called;</item>
/// <item>uses no module but the standard library's modules without global state, Str and Coccilib
/// (no functor, no object, no <c>open</c>), and none of their functions that set global state
/// (<c>set_*</c>, <c>at_exit</c>, <c>Hashtbl.randomize</c>, <c>unsafe_*</c>, Coccilib's own references);</item>
/// </list>
/// and the initialize code binds its names only with <c>let name</c> (no pattern, module or class
/// that could bind a name this reading would miss). A table or reference is put back only when it is
/// bound once, at the top level, as <c>let t = Hashtbl.create n</c> or <c>let r = ref v</c> alone on
/// its line; the worker also checks at load that the table is empty and that the reference holds an
/// int, a constant constructor, a string or a float (so nothing a file reaches through it was there
/// before the file), and forks otherwise. Whatever this reading cannot tell keeps the fork.
/// </summary>
internal static class OCamlFileState
{
    /// <summary>A value of the initialize code the worker puts back at a file's end.</summary>
    internal readonly record struct Kept(string Name, bool Table);

    private static readonly HashSet<string> s_unknownStructure = new(StringComparer.Ordinal)
    {
        "module", "open", "include", "external", "class", "object", "functor", "inherit", "method", "virtual",
    };

    /// <summary>Modules whose functions change nothing but their arguments (and print).</summary>
    private static readonly HashSet<string> s_modules = new(StringComparer.Ordinal)
    {
        "Stdlib", "List", "ListLabels", "String", "StringLabels", "Bytes", "BytesLabels", "Char", "Uchar", "Int",
        "Int32", "Int64", "Nativeint", "Float", "Bool", "Option", "Result", "Either", "Fun", "Seq", "Printf",
        "Filename", "Str", "Hashtbl", "Array", "ArrayLabels", "Buffer", "Sys", "Coccilib",
    };

    /// <summary>Names that reach global state: Coccilib's own references, the exit hooks, Sys's signals.</summary>
    private static readonly HashSet<string> s_globalState = new(StringComparer.Ordinal)
    {
        "the_dir", "the_files", "inc_match", "exited", "at_exit", "do_at_exit", "randomize", "signal", "catch_break",
        "interactive", "argv",
    };

    private static readonly HashSet<string> s_keywords = new(StringComparer.Ordinal)
    {
        "and", "as", "assert", "begin", "class", "constraint", "do", "done", "downto", "else", "end", "exception", "external",
        "false", "for", "fun", "function", "functor", "if", "in", "include", "inherit", "initializer", "lazy", "let", "match",
        "method", "module", "mutable", "new", "nonrec", "object", "of", "open", "or", "private", "rec", "sig", "struct", "then",
        "to", "true", "try", "type", "val", "virtual", "when", "while", "with",
    };

    /// <summary>The Hashtbl functions a put-back table may be given to (first argument).</summary>
    private static readonly HashSet<string> s_tableFunctions = new(StringComparer.Ordinal)
    {
        "add", "replace", "remove", "clear", "reset", "find", "find_opt", "find_all", "mem", "length", "copy",
        "to_seq", "to_seq_keys", "to_seq_values",
    };

    /// <summary>Tokens after which <c>r := e</c> assigns r alone (not the result of an application).</summary>
    private static readonly HashSet<string> s_statementStart = new(StringComparer.Ordinal)
    {
        ";", "(", "begin", "then", "else", "->", "in", "do",
    };

    /// <summary>
    /// The initialize code's tables and references the per-file scripts can change (put back at each
    /// file's end, possibly none), or null when a file needs a child of its own.
    /// </summary>
    public static IReadOnlyList<Kept>? PutBack(ScriptProgram program)
    {
        var patch = program.Patch;
        var bound = new Dictionary<string, int>(StringComparer.Ordinal);
        var candidates = new Dictionary<string, bool>(StringComparer.Ordinal);
        foreach (var rule in patch.Rules)
        {
            if (rule is ScriptRule { Language: "ocaml", ScriptKind: ScriptKind.Initialize } initialize
                && !ReadInitialize(Tokenize(initialize.Code), bound, candidates))
            {
                return null;
            }
        }

        // A definition of the standard functions the reading relies on would change what they mean.
        foreach (string name in (ReadOnlySpan<string>)["ref", "incr", "decr", "not", "ignore"])
        {
            if (bound.ContainsKey(name))
            {
                return null;
            }
        }

        var kept = new List<Kept>();
        foreach (var rule in patch.Rules)
        {
            if (rule is not ScriptRule { Language: "ocaml", ScriptKind: ScriptKind.Script } script)
            {
                continue;
            }

            // The script's inputs are its own names, whatever initialize bound under them.
            var own = new HashSet<string>(StringComparer.Ordinal);
            foreach (var binding in script.Bindings)
            {
                own.Add(binding.Name);
                if (binding.AstName is { } ast)
                {
                    own.Add(ast);
                }
            }

            if (!ReadPerFile(Tokenize(script.Code), own, bound, candidates, kept))
            {
                return null;
            }
        }

        for (int id = 0; id < program.Expressions.Count; id++)
        {
            // The constrained metavariable and the arguments are the expression's own names.
            var (_, meta, constraint) = program.Expressions[id];
            var own = new HashSet<string>(StringComparer.Ordinal) { meta.Name };
            foreach (string argument in constraint.Arguments)
            {
                own.Add(argument[(argument.IndexOf('.', StringComparison.Ordinal) + 1)..]);
            }

            if (!ReadPerFile(Tokenize(constraint.Code), own, bound, candidates, kept))
            {
                return null;
            }
        }

        return kept;
    }

    /// <summary>Counts the names the code binds with let/and; false when it may bind names otherwise.</summary>
    private static bool ReadInitialize(List<Token> tokens, Dictionary<string, int> bound, Dictionary<string, bool> candidates)
    {
        for (int i = 0; i < tokens.Count; i++)
        {
            string text = tokens[i].Text;
            if (s_unknownStructure.Contains(text))
            {
                return false;
            }

            if (text is not ("let" or "and"))
            {
                continue;
            }

            int n = i + 1;
            if (n < tokens.Count && tokens[n].Text == "rec")
            {
                n++;
            }

            if (n >= tokens.Count)
            {
                return false;
            }

            string name = tokens[n].Text;
            if (name == "_" || (name == "(" && n + 1 < tokens.Count && tokens[n + 1].Text == ")"))
            {
                continue;
            }

            if (!tokens[n].IsLowerIdentifier)
            {
                return false;
            }

            bound[name] = bound.GetValueOrDefault(name) + 1;
            if (text == "let" && n == i + 1 && tokens[i].Column == 0 && PutBackKind(tokens, n) is { } table)
            {
                candidates[name] = table;
            }
        }

        return true;
    }

    /// <summary>
    /// For "let name = Hashtbl.create x" or "let name = ref x" (x one token, or () or []) at the top level:
    /// whether it is a table; null otherwise. Top level: the binding is followed by nothing but the next
    /// definition at the start of a line (a let that is not at the top level is followed by in).
    /// </summary>
    private static bool? PutBackKind(List<Token> tokens, int name)
    {
        int k = name + 1;
        if (k >= tokens.Count || tokens[k].Text != "=")
        {
            return null;
        }

        k++;
        bool table;
        if (Is(tokens, k, "Hashtbl") && Is(tokens, k + 1, ".") && Is(tokens, k + 2, "create"))
        {
            table = true;
            k += 3;
        }
        else if (Is(tokens, k, "ref"))
        {
            table = false;
            k++;
        }
        else
        {
            return null;
        }

        if (k >= tokens.Count)
        {
            return null;
        }

        // The value: () or [], or one literal or name.
        if ((tokens[k].Text == "(" && Is(tokens, k + 1, ")")) || (tokens[k].Text == "[" && Is(tokens, k + 1, "]")))
        {
            k += 2;
        }
        else if (tokens[k].Kind is TokenKind.Literal || (tokens[k].Kind is TokenKind.Identifier && !IsKeyword(tokens[k].Text)))
        {
            k++;
        }
        else
        {
            return null;
        }

        if (k == tokens.Count)
        {
            return table;
        }

        var next = tokens[k];
        return next.Text == ";;" || (next.Column == 0 && next.Line > tokens[name].Line && next.Text is "let" or "type" or "exception")
            ? table : null;
    }

    /// <summary>Whether the per-file code changes nothing but put-back values; adds those it changes to kept.</summary>
    private static bool ReadPerFile(List<Token> tokens, HashSet<string> own, Dictionary<string, int> bound, Dictionary<string, bool> candidates, List<Kept> kept)
    {
        for (int i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            string text = token.Text;
            if (s_unknownStructure.Contains(text))
            {
                return false;
            }

            bool member = i > 0 && tokens[i - 1].Text == ".";
            if (token.IsUpperIdentifier && Is(tokens, i + 1, ".") && !member)
            {
                // A module path: a known module, and a value of it that reaches no global state or a
                // constructor (no inner module, no local open M.(...)).
                if (!s_modules.Contains(text) || i + 2 >= tokens.Count)
                {
                    return false;
                }

                var what = tokens[i + 2];
                if (!(what.IsLowerIdentifier && GlobalStateFree(what.Text)) && !(what.IsUpperIdentifier && !Is(tokens, i + 3, ".")))
                {
                    return false;
                }

                continue;
            }

            if (!token.IsLowerIdentifier || member || own.Contains(text))
            {
                continue;
            }

            if (s_globalState.Contains(text))
            {
                return false;
            }

            if (!bound.TryGetValue(text, out int times))
            {
                continue;
            }

            if (times != 1 || !candidates.TryGetValue(text, out bool table) || !PutBackUse(tokens, i, table))
            {
                return false;
            }

            var value = new Kept(text, table);
            if (!kept.Contains(value))
            {
                kept.Add(value);
            }
        }

        return true;
    }

    private static bool GlobalStateFree(string function) =>
        !s_globalState.Contains(function) && !function.StartsWith("set_", StringComparison.Ordinal)
        && !function.StartsWith("unsafe", StringComparison.Ordinal);

    /// <summary>Whether tokens[i], a put-back table or reference, is used only to read or change it in place.</summary>
    private static bool PutBackUse(List<Token> tokens, int i, bool table)
    {
        if (Is(tokens, i + 1, "."))
        {
            return false;
        }

        if (table)
        {
            // Hashtbl.f t ...
            return i >= 3 && tokens[i - 3].Text == "Hashtbl" && tokens[i - 2].Text == "." && s_tableFunctions.Contains(tokens[i - 1].Text)
                && (i == 3 || tokens[i - 4].Text != ".");
        }

        if (i >= 1 && tokens[i - 1].Text == "!")
        {
            return true;
        }

        if (i >= 1 && tokens[i - 1].Text is "incr" or "decr")
        {
            return i == 1 || tokens[i - 2].Text != ".";
        }

        return Is(tokens, i + 1, ":=") && (i == 0 || s_statementStart.Contains(tokens[i - 1].Text));
    }

    private static bool IsKeyword(string text) => s_keywords.Contains(text) && text is not ("true" or "false");

    private static bool Is(List<Token> tokens, int i, string text) => i < tokens.Count && tokens[i].Text == text;

    /// <summary>One token of OCaml code: an identifier or keyword, a literal (its text "lit"), an operator or a bracket.</summary>
    internal readonly record struct Token(string Text, int Line, int Column, TokenKind Kind)
    {
        public bool IsLowerIdentifier => Kind == TokenKind.Identifier && (char.IsAsciiLetterLower(Text[0]) || Text[0] == '_') && Text != "_" && !s_keywords.Contains(Text);

        public bool IsUpperIdentifier => Kind == TokenKind.Identifier && char.IsAsciiLetterUpper(Text[0]);

        public bool IsOperator => Kind == TokenKind.Operator;
    }

    internal enum TokenKind
    {
        Identifier,
        Literal,
        Operator,
        Punctuation,
    }

    private const string OperatorChars = "!$%&*+-./:<=>?@^|~#";

    /// <summary>The tokens of the code (comments dropped, as are SmPL comment lines, as the program does).</summary>
    internal static List<Token> Tokenize(string code)
    {
        var tokens = new List<Token>();
        int line = 0;
        int lineStart = 0;
        int i = 0;
        int n = code.Length;
        while (i < n)
        {
            char c = code[i];
            if (c == '\n')
            {
                i++;
                line++;
                lineStart = i;
                continue;
            }

            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }

            int column = i - lineStart;
            int start = i;
            if (c == '/' && i + 1 < n && code[i + 1] == '/' && code.AsSpan(lineStart, i - lineStart).IsWhiteSpace())
            {
                // A SmPL comment line (the program blanks it).
                while (i < n && code[i] != '\n')
                {
                    i++;
                }

                continue;
            }

            if (c == '(' && i + 1 < n && code[i + 1] == '*')
            {
                int depth = 0;
                while (i < n)
                {
                    if (code[i] == '(' && i + 1 < n && code[i + 1] == '*')
                    {
                        depth++;
                        i += 2;
                    }
                    else if (code[i] == '*' && i + 1 < n && code[i + 1] == ')')
                    {
                        depth--;
                        i += 2;
                        if (depth == 0)
                        {
                            break;
                        }
                    }
                    else
                    {
                        if (code[i] == '\n')
                        {
                            line++;
                            lineStart = i + 1;
                        }

                        i++;
                    }
                }

                continue;
            }

            if (c == '"')
            {
                i++;
                while (i < n && code[i] != '"')
                {
                    if (code[i] == '\n')
                    {
                        line++;
                        lineStart = i + 1;
                    }

                    i += code[i] == '\\' ? 2 : 1;
                }

                i++;
                tokens.Add(new Token("lit", line, column, TokenKind.Literal));
                continue;
            }

            if (c == '{' && QuotedStringEnd(code, i) is int end and > 0)
            {
                for (int k = i; k < end; k++)
                {
                    if (code[k] == '\n')
                    {
                        line++;
                        lineStart = k + 1;
                    }
                }

                i = end;
                tokens.Add(new Token("lit", line, column, TokenKind.Literal));
                continue;
            }

            if (c == '\'')
            {
                // A character literal ('a', '\n', '\''), else a type variable's quote.
                int close = i + 1 < n && code[i + 1] == '\\' ? code.IndexOf('\'', i + 3) : i + 2;
                if (close > 0 && close < n && code[close] == '\'' && close - i <= 6)
                {
                    i = close + 1;
                    tokens.Add(new Token("lit", line, column, TokenKind.Literal));
                    continue;
                }

                i++;
                tokens.Add(new Token("'", line, column, TokenKind.Punctuation));
                continue;
            }

            if (char.IsAsciiLetter(c) || c == '_')
            {
                while (i < n && (char.IsAsciiLetterOrDigit(code[i]) || code[i] is '_' or '\''))
                {
                    i++;
                }

                tokens.Add(new Token(code[start..i], line, column, TokenKind.Identifier));
                continue;
            }

            if (char.IsAsciiDigit(c))
            {
                while (i < n && (char.IsAsciiLetterOrDigit(code[i]) || code[i] is '_' or '.'))
                {
                    i++;
                }

                tokens.Add(new Token("lit", line, column, TokenKind.Literal));
                continue;
            }

            if (OperatorChars.Contains(c, StringComparison.Ordinal))
            {
                while (i < n && OperatorChars.Contains(code[i], StringComparison.Ordinal))
                {
                    i++;
                }

                tokens.Add(new Token(code[start..i], line, column, TokenKind.Operator));
                continue;
            }

            if (c == ';')
            {
                i += i + 1 < n && code[i + 1] == ';' ? 2 : 1;
                tokens.Add(new Token(code[start..i], line, column, TokenKind.Punctuation));
                continue;
            }

            i++;
            tokens.Add(new Token(code[start..i], line, column, TokenKind.Punctuation));
        }

        return tokens;
    }

    /// <summary>The end of a quoted string {id|...|id} starting at i, or -1.</summary>
    private static int QuotedStringEnd(string code, int i)
    {
        int k = i + 1;
        while (k < code.Length && (char.IsAsciiLetterLower(code[k]) || code[k] == '_'))
        {
            k++;
        }

        if (k >= code.Length || code[k] != '|')
        {
            return -1;
        }

        string close = "|" + code[(i + 1)..k] + "}";
        int end = code.IndexOf(close, k + 1, StringComparison.Ordinal);
        return end < 0 ? -1 : end + close.Length;
    }
}
