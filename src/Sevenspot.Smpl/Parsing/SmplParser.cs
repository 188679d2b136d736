using System.Globalization;
using System.Text;
using Sevenspot.C;
using Sevenspot.Text;

namespace Sevenspot.Smpl;

/// <summary>
/// Reads a semantic patch: the preamble (virtual, using, #include), then each rule — a header
/// "@ name ... @", metavariable declarations up to "@@", and code up to the next line that starts
/// with "@". Code rules get their pattern parsed; script rules keep their code as text.
/// </summary>
public sealed partial class SmplParser
{
    private readonly SourceText _file;
    private readonly byte[] _bytes;

    // What the patch and the files it includes build together: an included file's rules, virtual
    // rules, isomorphism files and type names take part as if written before the including file's rules.
    private readonly List<Diagnostic> _diagnostics;
    private readonly List<Rule> _rules;
    private readonly List<string> _virtuals;
    private readonly List<string> _isoFiles;
    private readonly IncludeState _include;

    // The virtual rules this file's own rules see, a range of _virtuals (see ScopedDependency).
    private int _ownVirtualsStart;
    private int _ownVirtualsEnd = int.MaxValue;

    // Names declared with typedef / declarer name / iterator name / attribute name extend over the rest of the patch.
    private readonly Dictionary<string, MetavariableKind> _fileNames;

    private SmplParser(SourceText file, IncludeReader reader)
    {
        _file = file;
        _bytes = file.Bytes.ToArray();
        _diagnostics = [];
        _rules = [];
        _virtuals = [];
        _isoFiles = [];
        _fileNames = new(StringComparer.Ordinal);
        _include = new IncludeState(reader);
        _include.Chain.Add(Path.GetFullPath(file.Path));
    }

    /// <summary>A parser for a file the patch includes, adding to what the including parser builds.</summary>
    private SmplParser(SourceText file, SmplParser including)
    {
        _file = file;
        _bytes = file.Bytes.ToArray();
        _diagnostics = including._diagnostics;
        _rules = including._rules;
        _virtuals = including._virtuals;
        _isoFiles = including._isoFiles;
        _fileNames = including._fileNames;
        _include = including._include;
        _ownVirtualsStart = _virtuals.Count;
    }

    /// <summary>
    /// Reads a semantic patch. Its "#include" lines are read with <paramref name="reader"/>; without one,
    /// a name is taken from the process's working directory, as spatch takes it.
    /// </summary>
    public static SmplParseResult Parse(SourceText file, IncludeReader? reader = null)
    {
        var parser = new SmplParser(file, reader ?? ReadFromWorkingDirectory);
        bool ok = parser.Run();
        if (!ok)
        {
            return new SmplParseResult { Diagnostics = parser._diagnostics };
        }

        var refusals = DeclarationChecks.Check(file, parser._rules);
        if (refusals.Count > 0)
        {
            parser._diagnostics.AddRange(refusals);
            return new SmplParseResult { Diagnostics = parser._diagnostics };
        }

        bool contextMode = parser._rules.OfType<CodeRule>().Any(r => r.Body.HasStar);
        return new SmplParseResult
        {
            File = new SmplFile
            {
                Source = file,
                Rules = parser._rules,
                Virtuals = parser._virtuals,
                UsingIsoFiles = parser._isoFiles,
                Includes = parser._include.Read,
                IsContextMode = contextMode,
            },
            Diagnostics = parser._diagnostics,
        };
    }

    public static SmplParseResult Parse(string text, string path = "rule.cocci") => Parse(SourceText.FromString(path, text));

    /// <summary>Whether an earlier rule, of this file or of one it includes, already has this name.</summary>
    private bool NamedBefore(string name)
    {
        foreach (var rule in _rules)
        {
            if (rule.HasName && rule.Name == name)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The names of the rules read so far, virtual rules included.</summary>
    private HashSet<string> EarlierRuleNames()
    {
        var names = new HashSet<string>(_virtuals, StringComparer.Ordinal);
        foreach (var rule in _rules)
        {
            if (rule.HasName)
            {
                names.Add(rule.Name);
            }
        }

        return names;
    }

    // A later rule of the same name would make every `depends on` and `r.x` naming it ambiguous; spatch
    // refuses the patch at the second name.
    private bool DuplicateName(string name, TextSpan span) =>
        Error(DiagnosticId.SmplSyntaxError, span.Start, Math.Max(1, span.Length), $"rule name '{name}' is already the name of an earlier rule");

    private bool Error(DiagnosticId id, int offset, int length, params object[] args)
    {
        _diagnostics.Add(new Diagnostic(id, _file, new TextSpan(offset, length), args));
        return false;
    }

    private bool Run()
    {
        int pos = 0;
        int n = _bytes.Length;

        // Preamble.
        var includes = new List<(string Line, int Offset)>();
        while (pos < n)
        {
            pos = SkipBlankAndComments(pos);
            if (pos >= n || _bytes[pos] == (byte)'@')
            {
                break;
            }

            int lineEnd = LineEnd(pos);
            string line = Encoding.UTF8.GetString(_bytes, pos, lineEnd - pos).Trim();
            if (line.StartsWith("#include", StringComparison.Ordinal))
            {
                includes.Add((line, pos));
            }
            else if (!ReadPreambleLine(line, pos))
            {
                return false;
            }

            pos = lineEnd;
        }

        if (_include.Chain.Count > 1)
        {
            _ownVirtualsEnd = _virtuals.Count;
        }

        if (includes.Count > 0 && !ReadIncludes(includes, pos))
        {
            return false;
        }

        // Rules.
        while (pos < n)
        {
            pos = SkipBlankAndComments(pos);
            if (pos >= n)
            {
                break;
            }

            if (_bytes[pos] != (byte)'@')
            {
                int lineEnd = LineEnd(pos);
                string line = Encoding.UTF8.GetString(_bytes, pos, lineEnd - pos).Trim();
                if (line.StartsWith("virtual", StringComparison.Ordinal) || line.StartsWith("using", StringComparison.Ordinal) || line.StartsWith("#include", StringComparison.Ordinal))
                {
                    if (!ReadPreambleLine(line, pos))
                    {
                        return false;
                    }

                    pos = lineEnd;
                    continue;
                }

                return Error(DiagnosticId.SmplSyntaxError, pos, 1, $"expected a rule header '@...@' but found '{Abbreviate(line)}'");
            }

            int headerClose = IndexOf((byte)'@', pos + 1);
            if (headerClose < 0)
            {
                return Error(DiagnosticId.SmplUnterminated, pos, 1, "rule header: missing closing '@'");
            }

            if (!ReadRule(pos, headerClose, out pos))
            {
                return false;
            }
        }

        return true;
    }

    private bool ReadPreambleLine(string line, int offset)
    {
        if (line.StartsWith("virtual", StringComparison.Ordinal) && (line.Length == 7 || char.IsWhiteSpace(line[7])))
        {
            // Comments may come between or after the names ("virtual explain  // explain decisions",
            // "virtual a /* first */, b").
            var names = new StringBuilder(line.Length);
            for (int i = 7; i < line.Length; i++)
            {
                if (line[i] == '/' && i + 1 < line.Length && line[i + 1] == '/')
                {
                    break;
                }

                if (line[i] == '/' && i + 1 < line.Length && line[i + 1] == '*')
                {
                    int close = line.IndexOf("*/", i + 2, StringComparison.Ordinal);
                    i = close < 0 ? line.Length : close + 1;
                    names.Append(' ');
                    continue;
                }

                if (line[i] == ';')
                {
                    // No semicolon ends the line: spatch refuses "virtual a, b;".
                    return Error(DiagnosticId.SmplSyntaxError, offset + Encoding.UTF8.GetByteCount(line.AsSpan(0, i)), 1, "unexpected ';' after the names of virtual rules");
                }

                names.Append(line[i]);
            }

            foreach (string name in names.ToString().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                _virtuals.Add(name);
            }

            return true;
        }

        if (line.StartsWith("using", StringComparison.Ordinal))
        {
            _isoFiles.Add(Unquote(line[5..].Trim()));
            return true;
        }

        if (line.StartsWith("#include", StringComparison.Ordinal))
        {
            return Error(DiagnosticId.SmplSyntaxError, offset, Math.Max(1, line.Length), "#include of a semantic patch must come before the first rule");
        }

        return Error(DiagnosticId.SmplSyntaxError, offset, Math.Max(1, line.Length), $"unexpected '{Abbreviate(line)}' before the first rule");
    }

    private bool ReadRule(int open, int headerClose, out int next)
    {
        next = _bytes.Length;
        int line = _file.GetLinePosition(open).Line;
        var headerSpan = TextSpan.FromBounds(open + 1, headerClose);
        var header = new TokenCursor(_file, headerSpan);
        int index = _rules.Count;

        // Script rules.
        if (header.IsWord("script") || header.IsWord("initialize") || header.IsWord("finalize"))
        {
            return ReadScriptRule(header, headerSpan, line, index, out next);
        }

        // "@@" alone opens an anonymous rule's metavariables; "@name ...@" then metavariables then "@@".
        int declStart = headerClose + 1;
        int declEnd = IndexOfDoubleAt(declStart);
        if (declEnd < 0)
        {
            return Error(DiagnosticId.SmplUnterminated, open, 1, "metavariable declarations: missing '@@'");
        }

        var info = ReadHeader(header, line);
        if (info is null)
        {
            _diagnostics.Add(header.Error!);
            return false;
        }

        if (info.Name is { } ruleName && NamedBefore(ruleName))
        {
            return DuplicateName(ruleName, info.NameSpan);
        }

        Dependency? dependsOn = null;
        if (info.DependsOn is { } written && (dependsOn = ScopedDependency(written, headerSpan)) is null)
        {
            return false;
        }

        int codeStart = declEnd + 2;
        int codeEnd = NextRuleStart(codeStart, skipBlockComments: true);
        next = codeEnd;
        if (VirtualLineIn(declStart, codeEnd) is int virtualLine and >= 0)
        {
            return Error(DiagnosticId.SmplSyntaxError, virtualLine, "virtual".Length, "a 'virtual' line declares virtual rules only before the first rule");
        }

        var extended = info.Extends is null ? null : _rules.OfType<CodeRule>().FirstOrDefault(r => r.Name == info.Extends);
        if (info.Extends is not null && extended is null)
        {
            return Error(DiagnosticId.SmplUnknownRule, open, 1, info.Extends);
        }

        var declarations = new MetavariableParser(_file, TextSpan.FromBounds(declStart, declEnd), _fileNames, extended, EarlierRuleNames());
        var metavariables = declarations.Parse();
        _diagnostics.AddRange(declarations.Warnings);
        if (metavariables is null)
        {
            _diagnostics.Add(declarations.Error!);
            return false;
        }

        foreach (var m in metavariables)
        {
            if (m.Kind is MetavariableKind.Typedef or MetavariableKind.DeclarerName or MetavariableKind.IteratorName or MetavariableKind.AttributeName)
            {
                _fileNames[m.Name] = m.Kind;
            }
        }

        if (info.Kind == RuleKind.Type && !TypeRuleNamesAreTypes(codeStart, codeEnd, metavariables))
        {
            return false;
        }

        var body = PatternLexer.ParseBody(_file, TextSpan.FromBounds(codeStart, codeEnd), metavariables, _fileNames, info.Kind, _diagnostics);
        if (body is null)
        {
            return false;
        }

        _rules.Add(new CodeRule
        {
            Name = info.Name ?? $"rule starting on line {line + _include.LinesRead}",
            HasName = info.Name is not null,
            Index = index,
            Line = line,
            Source = _file,
            DependsOn = dependsOn,
            DependencyScope = info.Scope,
            Metavariables = metavariables,
            WidthNames = declarations.WidthNames,
            DeclarerNamesInScope = DeclarerNames(),
            Quantifier = info.Quantifier,
            Kind = info.Kind,
            Extends = info.Extends,
            UsingIsoFiles = info.IsoFiles,
            DisabledIsos = info.DisabledIsos,
            Body = body,
        });
        return true;
    }

    /// <summary>
    /// The code of a type rule ("@type@", "@r type@") is a type, and spatch reads a name there only as a
    /// metavariable, a name declared by typedef, a tag after struct/union/enum, or one of the types it
    /// knows (size_t, ssize_t, ptrdiff_t): "- u8" is refused at u8. As in spatch, the removed and context
    /// code is read first, then the added code.
    /// </summary>
    private bool TypeRuleNamesAreTypes(int codeStart, int codeEnd, List<Metavariable> metavariables)
    {
        for (int pass = 0; pass < 2; pass++)
        {
            var c = new TokenCursor(_file, TextSpan.FromBounds(codeStart, codeEnd));
            bool afterTag = false;
            while (!c.AtEnd)
            {
                var span = c.Span;
                if (c.Kind == SyntaxKind.IdentifierToken && !afterTag && IsAddedLine(span.Start) == (pass == 1) && !IsTypeRuleName(c.Text, metavariables))
                {
                    return Error(DiagnosticId.SmplSyntaxError, span.Start, span.Length, $"'{c.Text}' is no type: the code of a type rule is a type (declare a type name with typedef)");
                }

                afterTag = c.Kind is SyntaxKind.StructKeyword or SyntaxKind.UnionKeyword or SyntaxKind.EnumKeyword;
                c.Next();
            }
        }

        return true;
    }

    private bool IsTypeRuleName(string name, List<Metavariable> metavariables)
    {
        if (name is "size_t" or "ssize_t" or "ptrdiff_t" || (_fileNames.TryGetValue(name, out var kind) && kind == MetavariableKind.Typedef))
        {
            return true;
        }

        foreach (var m in metavariables)
        {
            if (m.Name == name)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether the line holding <paramref name="offset"/> starts with '+'.</summary>
    private bool IsAddedLine(int offset)
    {
        int start = offset;
        while (start > 0 && _bytes[start - 1] != (byte)'\n')
        {
            start--;
        }

        return _bytes[start] == (byte)'+';
    }

    private HashSet<string> DeclarerNames()
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (name, kind) in _fileNames)
        {
            if (kind == MetavariableKind.DeclarerName)
            {
                names.Add(name);
            }
        }

        return names;
    }

    private sealed class HeaderInfo
    {
        public string? Name;
        public TextSpan NameSpan;
        public string? Extends;
        public Dependency? DependsOn;
        public DependencyScope Scope = DependencyScope.Exists;
        public Quantifier Quantifier;
        public RuleKind Kind;
        public List<string> IsoFiles = [];
        public List<string> DisabledIsos = [];
    }

    private static HeaderInfo? ReadHeader(TokenCursor h, int line)
    {
        var info = new HeaderInfo();
        _ = line;
        if (h.Kind == SyntaxKind.IdentifierToken && !IsHeaderKeyword(h.Text))
        {
            info.NameSpan = h.Span;
            info.Name = h.Next();
        }

        while (!h.AtEnd)
        {
            if (h.TryWord("extends"))
            {
                if (h.Kind != SyntaxKind.IdentifierToken)
                {
                    h.Fail(DiagnosticId.SmplSyntaxError, "expected a rule name after 'extends'");
                    return null;
                }

                info.Extends = h.Next();
            }
            else if (h.TryWord("depends"))
            {
                if (!h.TryWord("on"))
                {
                    h.Fail(DiagnosticId.SmplSyntaxError, $"expected 'on' after 'depends' but found {h.Describe()}");
                    return null;
                }

                if (h.TryWord("exists"))
                {
                    info.Scope = DependencyScope.Exists;
                }
                else if (h.TryWord("forall"))
                {
                    info.Scope = DependencyScope.Forall;
                }

                info.DependsOn = ReadDependency(h);
                if (info.DependsOn is null)
                {
                    return null;
                }
            }
            else if (h.TryWord("using"))
            {
                do
                {
                    if (h.Kind != SyntaxKind.StringLiteralToken)
                    {
                        h.Fail(DiagnosticId.SmplSyntaxError, "expected an isomorphism file name in quotes after 'using'");
                        return null;
                    }

                    info.IsoFiles.Add(Unquote(h.Next()));
                }
                while (h.TryKind(SyntaxKind.CommaToken));
            }
            else if (h.TryWord("disable"))
            {
                do
                {
                    if (h.Kind != SyntaxKind.IdentifierToken)
                    {
                        h.Fail(DiagnosticId.SmplSyntaxError, "expected an isomorphism name after 'disable'");
                        return null;
                    }

                    info.DisabledIsos.Add(h.Next());
                }
                while (h.TryKind(SyntaxKind.CommaToken));
            }
            else if (h.TryWord("exists"))
            {
                info.Quantifier = Quantifier.Exists;
            }
            else if (h.TryWord("forall"))
            {
                info.Quantifier = Quantifier.Forall;
            }
            else if (h.TryWord("expression"))
            {
                info.Kind = RuleKind.Expression;
            }
            else if (h.TryWord("identifier"))
            {
                info.Kind = RuleKind.Identifier;
            }
            else if (h.TryWord("type"))
            {
                info.Kind = RuleKind.Type;
            }
            else
            {
                h.Fail(DiagnosticId.SmplSyntaxError, $"unexpected {h.Describe()} in rule header");
                return null;
            }
        }

        return info;
    }

    private static bool IsHeaderKeyword(string word) => word is "extends" or "depends" or "using" or "disable" or "exists" or "forall" or "expression" or "identifier" or "type";

    // dep ::= or;  or ::= and ('||' and)*;  and ::= unary ('&&' unary)*
    private static Dependency? ReadDependency(TokenCursor h)
    {
        var left = ReadDependencyAnd(h);
        while (left is not null && h.TryKind(SyntaxKind.BarBarToken))
        {
            var right = ReadDependencyAnd(h);
            left = right is null ? null : new OrDependency(left, right);
        }

        return left;
    }

    private static Dependency? ReadDependencyAnd(TokenCursor h)
    {
        var left = ReadDependencyUnary(h);
        while (left is not null && h.TryKind(SyntaxKind.AmpersandAmpersandToken))
        {
            var right = ReadDependencyUnary(h);
            left = right is null ? null : new AndDependency(left, right);
        }

        return left;
    }

    private static Dependency? ReadDependencyUnary(TokenCursor h)
    {
        if (h.TryKind(SyntaxKind.ExclamationToken))
        {
            var operand = ReadDependencyUnary(h);
            return operand is null ? null : new NotDependency(operand);
        }

        if (h.TryKind(SyntaxKind.OpenParenToken))
        {
            var inner = ReadDependency(h);
            return inner is not null && h.Expect(SyntaxKind.CloseParenToken) ? inner : null;
        }

        if (h.IsWord("file") && h.PeekText() == "in")
        {
            h.Next();
            h.Next();
            if (h.Kind != SyntaxKind.StringLiteralToken)
            {
                h.Fail(DiagnosticId.SmplSyntaxError, "expected a file name in quotes after 'file in'");
                return null;
            }

            return new FileDependency(Unquote(h.Next()));
        }

        if ((h.IsWord("ever") || h.IsWord("never")) && h.PeekKind() == SyntaxKind.IdentifierToken)
        {
            var quantifier = h.Next() == "ever" ? DependencyQuantifier.Ever : DependencyQuantifier.Never;
            return new RuleDependency(h.Next(), quantifier);
        }

        if (h.Kind == SyntaxKind.IdentifierToken)
        {
            return new RuleDependency(h.Next());
        }

        h.Fail(DiagnosticId.SmplSyntaxError, $"expected a rule name in 'depends on' but found {h.Describe()}");
        return null;
    }

    private bool ReadScriptRule(TokenCursor header, TextSpan headerSpan, int line, int index, out int next)
    {
        next = _bytes.Length;
        int headerClose = headerSpan.End;
        var kind = header.Next() switch
        {
            "initialize" => ScriptKind.Initialize,
            "finalize" => ScriptKind.Finalize,
            _ => ScriptKind.Script,
        };
        if (!header.Expect(SyntaxKind.ColonToken) || header.Kind != SyntaxKind.IdentifierToken)
        {
            header.Fail(DiagnosticId.SmplSyntaxError, "expected a language after ':' (python or ocaml)");
            _diagnostics.Add(header.Error!);
            return false;
        }

        string language = header.Next();
        string? name = null;
        Dependency? depends = null;
        var scope = DependencyScope.Exists;
        if (header.Kind == SyntaxKind.IdentifierToken && header.Text != "depends")
        {
            var nameSpan = header.Span;
            name = header.Next();
            if (NamedBefore(name))
            {
                return DuplicateName(name, nameSpan);
            }
        }

        if (header.TryWord("depends"))
        {
            if (!header.TryWord("on"))
            {
                header.Fail(DiagnosticId.SmplSyntaxError, "expected 'on' after 'depends'");
                _diagnostics.Add(header.Error!);
                return false;
            }

            if (header.TryWord("exists"))
            {
                scope = DependencyScope.Exists;
            }
            else if (header.TryWord("forall"))
            {
                scope = DependencyScope.Forall;
            }

            depends = ReadDependency(header);
            if (depends is null)
            {
                _diagnostics.Add(header.Error!);
                return false;
            }

            depends = ScopedDependency(depends, headerSpan);
            if (depends is null)
            {
                return false;
            }
        }

        if (!header.AtEnd)
        {
            header.Fail(DiagnosticId.SmplSyntaxError, $"unexpected {header.Describe()} in script rule header");
            _diagnostics.Add(header.Error!);
            return false;
        }

        int declStart = headerClose + 1;
        int declEnd = IndexOfDoubleAt(declStart);
        if (declEnd < 0)
        {
            return Error(DiagnosticId.SmplUnterminated, headerClose, 1, "script metavariables: missing '@@'");
        }

        var bindings = ReadScriptBindings(TextSpan.FromBounds(declStart, declEnd));
        if (bindings is null)
        {
            return false;
        }

        int codeStart = declEnd + 2;
        // The code starts on the line after "@@".
        int firstLine = LineEnd(codeStart);
        codeStart = firstLine < _bytes.Length ? firstLine + 1 : firstLine;
        int codeEnd = NextRuleStart(codeStart);
        next = codeEnd;
        _rules.Add(new ScriptRule
        {
            Name = name ?? $"script starting on line {line + _include.LinesRead}",
            HasName = name is not null,
            Index = index,
            Line = line,
            Source = _file,
            DependsOn = depends,
            DependencyScope = scope,
            ScriptKind = kind,
            Language = language,
            Bindings = bindings,
            Code = Encoding.UTF8.GetString(_bytes, codeStart, Math.Max(0, codeEnd - codeStart)),
            CodeLine = codeStart < _bytes.Length ? _file.GetLinePosition(codeStart).Line : line,
        });
        return true;
    }

    private List<ScriptBinding>? ReadScriptBindings(TextSpan span)
    {
        var c = new TokenCursor(_file, span);
        var result = new List<ScriptBinding>();
        HashSet<string>? ruleNames = null;
        while (!c.AtEnd)
        {
            if (c.Kind == SyntaxKind.OpenParenToken)
            {
                // OCaml form (x, y) << r.z;: x is the value as text, y as abstract syntax.
                c.Next();
                string first = c.Next();
                string? ast = null;
                while (!c.AtEnd && c.Kind != SyntaxKind.CloseParenToken)
                {
                    string word = c.Next();
                    if (word != ",")
                    {
                        ast ??= word;
                    }
                }

                c.Next();
                if (!ReadBindingSource(c, first, result, ast))
                {
                    return null;
                }

                continue;
            }

            if (c.Kind != SyntaxKind.IdentifierToken)
            {
                c.Fail(DiagnosticId.SmplSyntaxError, $"expected a script variable but found {c.Describe()}");
                _diagnostics.Add(c.Error!);
                return null;
            }

            if ((ruleNames ??= EarlierRuleNames()).Contains(c.Text))
            {
                // spatch reads an earlier rule's name as that rule's, not as a script variable.
                c.Fail(DiagnosticId.SmplSyntaxError, $"'{c.Text}' is the name of a rule and cannot name a script variable");
                _diagnostics.Add(c.Error!);
                return null;
            }

            string name = c.Next();
            if (!ReadBindingSource(c, name, result))
            {
                return null;
            }
        }

        return result;
    }

    private bool ReadBindingSource(TokenCursor c, string name, List<ScriptBinding> result, string? astName = null)
    {
        if (c.TryKind(SyntaxKind.SemicolonToken))
        {
            result.Add(new ScriptBinding(name, null, null, null, false));
            return true;
        }

        if (!(c.Kind == SyntaxKind.LessThanLessThanToken && c.Next() is not null))
        {
            c.Fail(DiagnosticId.SmplSyntaxError, $"expected '<<' or ';' after {name}");
            _diagnostics.Add(c.Error!);
            return false;
        }

        if (c.Kind != SyntaxKind.IdentifierToken || c.PeekKind() != SyntaxKind.DotToken)
        {
            c.Fail(DiagnosticId.SmplSyntaxError, "expected rule.variable after '<<'");
            _diagnostics.Add(c.Error!);
            return false;
        }

        int from = c.Span.Start;
        string rule = c.Next();
        c.Next();
        int to = c.Span.End;
        string variable = c.Next();
        string? defaultValue = null;
        bool emptyList = false;
        if (c.TryKind(SyntaxKind.EqualsToken))
        {
            if (c.Kind == SyntaxKind.OpenBracketToken && c.PeekKind() == SyntaxKind.CloseBracketToken)
            {
                c.Next();
                c.Next();
                emptyList = true;
            }
            else
            {
                defaultValue = Unquote(c.Next());
            }
        }

        if (!c.Expect(SyntaxKind.SemicolonToken))
        {
            _diagnostics.Add(c.Error!);
            return false;
        }

        result.Add(new ScriptBinding(name, rule, variable, defaultValue, emptyList, astName) { Span = TextSpan.FromBounds(from, to) });
        return true;
    }

    // ---- Byte-level helpers ----

    private int LineEnd(int pos)
    {
        int i = Array.IndexOf(_bytes, (byte)'\n', pos);
        return i < 0 ? _bytes.Length : i;
    }

    private int IndexOf(byte b, int from) => from >= _bytes.Length ? -1 : Array.IndexOf(_bytes, b, from);

    /// <summary>The next "@@" at or after from, outside comments.</summary>
    private int IndexOfDoubleAt(int from)
    {
        int i = from;
        while (i + 1 < _bytes.Length)
        {
            if (_bytes[i] == (byte)'/' && _bytes[i + 1] == (byte)'/')
            {
                i = LineEnd(i);
                continue;
            }

            if (_bytes[i] == (byte)'/' && _bytes[i + 1] == (byte)'*')
            {
                int end = _bytes.AsSpan(i + 2).IndexOf("*/"u8);
                i = end < 0 ? _bytes.Length : i + 2 + end + 2;
                continue;
            }

            if (_bytes[i] == (byte)'@' && _bytes[i + 1] == (byte)'@')
            {
                return i;
            }

            i++;
        }

        return -1;
    }

    /// <summary>
    /// The start of the next line that begins with '@' (a rule header), or the end of the file. In the code of a
    /// pattern rule, a line inside a /* ... */ comment starts nothing: a commented-out rule stays a comment.
    /// </summary>
    private int NextRuleStart(int from, bool skipBlockComments = false)
    {
        int i = from;
        while (i < _bytes.Length)
        {
            int lineStart = i;
            if (_bytes[lineStart] == (byte)'@')
            {
                // "@@" at the very start of the code section belongs to nothing; a header starts a rule.
                return lineStart;
            }

            int end = LineEnd(i);
            if (skipBlockComments)
            {
                int scan = lineStart;
                int open;
                while ((open = BlockCommentOpening(scan, end)) >= 0)
                {
                    int close = _bytes.AsSpan(open + 2).IndexOf("*/"u8);
                    if (close < 0)
                    {
                        return _bytes.Length;
                    }

                    // Go on with the rest of the line where the comment closes.
                    scan = open + 2 + close + 2;
                    end = LineEnd(scan);
                }
            }

            i = end + 1;
        }

        return _bytes.Length;
    }

    /// <summary>
    /// Where a line of the form "virtual name, ..." starts between from and end (a rule's metavariables and
    /// code), outside /* ... */ comments; -1 if none. Such a line is never code: spatch refuses the rule file
    /// at it, while a line that goes on as a declaration ("virtual x;", with virtual a type name) stays code.
    /// </summary>
    private int VirtualLineIn(int from, int end)
    {
        int i = from;
        while (i < end)
        {
            int lineEnd = Math.Min(LineEnd(i), end);
            int first = i;
            while (first < lineEnd && _bytes[first] is (byte)' ' or (byte)'\t')
            {
                first++;
            }

            if (IsVirtualLine(first, lineEnd))
            {
                return first;
            }

            int scan = i;
            int open;
            while ((open = BlockCommentOpening(scan, lineEnd)) >= 0)
            {
                int close = _bytes.AsSpan(open + 2).IndexOf("*/"u8);
                if (close < 0)
                {
                    return -1;
                }

                scan = open + 2 + close + 2;
                lineEnd = Math.Min(LineEnd(scan), end);
            }

            i = lineEnd + 1;
        }

        return -1;
    }

    /// <summary>Whether the text from start to end is "virtual" and then names separated by commas, up to a comment.</summary>
    private bool IsVirtualLine(int start, int end)
    {
        var line = _bytes.AsSpan(start, end - start);
        int comment = line.IndexOf("//"u8) is >= 0 and int slashes ? slashes : line.IndexOf("/*"u8);
        line = (comment >= 0 ? line[..comment] : line).TrimEnd(" \t\r"u8);
        if (!line.StartsWith("virtual"u8) || line.Length == 7 || line[7] is not ((byte)' ' or (byte)'\t'))
        {
            return false;
        }

        bool expectName = true;
        int k = 7;
        while (k < line.Length)
        {
            byte c = line[k];
            if (c is (byte)' ' or (byte)'\t')
            {
                k++;
            }
            else if (expectName && (char.IsAsciiLetter((char)c) || c == (byte)'_'))
            {
                while (k < line.Length && (char.IsAsciiLetterOrDigit((char)line[k]) || line[k] == (byte)'_'))
                {
                    k++;
                }

                expectName = false;
            }
            else if (!expectName && c == (byte)',')
            {
                expectName = true;
                k++;
            }
            else
            {
                return false;
            }
        }

        return !expectName;
    }

    /// <summary>Where a /* comment opens between from and end (a line's rest), outside strings and // comments; -1 if none.</summary>
    private int BlockCommentOpening(int from, int end)
    {
        for (int i = from; i < end; i++)
        {
            byte c = _bytes[i];
            if (c is (byte)'"' or (byte)'\'')
            {
                for (i++; i < end && _bytes[i] != c; i++)
                {
                    if (_bytes[i] == (byte)'\\')
                    {
                        i++;
                    }
                }
            }
            else if (c == (byte)'/' && i + 1 < end)
            {
                if (_bytes[i + 1] == (byte)'/')
                {
                    return -1;
                }

                if (_bytes[i + 1] == (byte)'*')
                {
                    return i;
                }
            }
        }

        return -1;
    }

    private int SkipBlankAndComments(int pos)
    {
        while (pos < _bytes.Length)
        {
            byte c = _bytes[pos];
            if (c is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
            {
                pos++;
            }
            else if (c == (byte)'/' && pos + 1 < _bytes.Length && _bytes[pos + 1] == (byte)'/')
            {
                pos = LineEnd(pos);
            }
            else if (c == (byte)'/' && pos + 1 < _bytes.Length && _bytes[pos + 1] == (byte)'*')
            {
                int end = _bytes.AsSpan(pos + 2).IndexOf("*/"u8);
                pos = end < 0 ? _bytes.Length : pos + 2 + end + 2;
            }
            else if (c == (byte)'#' && pos + 1 < _bytes.Length && _bytes[pos + 1] == (byte)'s' && LineText(pos).StartsWith("#spatch", StringComparison.Ordinal))
            {
                pos = LineEnd(pos); // "#spatch" option lines of test files
            }
            else if (c == (byte)'#' && pos + 1 < _bytes.Length && (_bytes[pos + 1] == (byte)' ' || _bytes[pos + 1] == (byte)'\n') && !LineText(pos).StartsWith("#include", StringComparison.Ordinal))
            {
                pos = LineEnd(pos); // "# comment" lines
            }
            else
            {
                break;
            }
        }

        return pos;
    }

    private string LineText(int pos) => Encoding.UTF8.GetString(_bytes, pos, LineEnd(pos) - pos);

    internal static string Unquote(string s)
    {
        s = s.Trim().TrimEnd(';').Trim();
        if (s.Length >= 2 && ((s[0] == '"' && s[^1] == '"') || (s[0] == '<' && s[^1] == '>')))
        {
            return s[1..^1];
        }

        return s;
    }

    private static string Abbreviate(string s) => s.Length > 40 ? s[..40] + "..." : s;

    internal static int ParseInt(string s) => int.Parse(s, NumberStyles.Integer, CultureInfo.InvariantCulture);
}
