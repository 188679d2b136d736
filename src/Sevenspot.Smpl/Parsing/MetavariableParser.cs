using Sevenspot.C;
using Sevenspot.Text;

namespace Sevenspot.Smpl;

/// <summary>
/// Reads the metavariable declarations of a rule ("expression E, F;", "identifier r.f;",
/// "struct foo *p;", "binary operator b = {+, -};", "fresh identifier x = "a" ## y;", ...).
/// An unknown first word is an error, not a typedef: "expresion E;" is a misspelling.
/// </summary>
internal sealed class MetavariableParser
{
    private static readonly HashSet<string> s_builtinTypeWords = new(StringComparer.Ordinal)
    {
        "char", "short", "int", "long", "signed", "unsigned", "float", "double", "void", "_Bool", "bool",
        "size_t", "ssize_t", "ptrdiff_t", "const", "volatile", "complex", "_Complex",
    };

    private readonly TokenCursor _c;
    private readonly IReadOnlyDictionary<string, MetavariableKind> _fileNames;
    private readonly SourceText _file;
    private readonly List<Metavariable> _result = [];
    private readonly HashSet<string> _declared = new(StringComparer.Ordinal);

    // "rule.T" of types declared by their use ("r.T x;"), which a later "type r.T;" may declare again.
    private readonly HashSet<string> _declaredByUse = new(StringComparer.Ordinal);

    // The names of the rules written before this one, virtual rules included: spatch's lexer reads such
    // a name as a rule's, so it cannot name a metavariable ("identifier r;", "identifier r.r;",
    // "identifier virtual.r;" after a rule r are refused).
    private readonly IReadOnlySet<string>? _ruleNames;

    public MetavariableParser(SourceText file, TextSpan span, IReadOnlyDictionary<string, MetavariableKind> fileNames, CodeRule? extends = null, IReadOnlySet<string>? ruleNames = null)
    {
        _c = new TokenCursor(file, span);
        _file = file;
        _fileNames = fileNames;
        _ruleNames = ruleNames;
        if (extends is not null)
        {
            // "@ r2 extends r1 @": every metavariable of r1 is inherited.
            foreach (var m in extends.Metavariables)
            {
                _result.Add(new Metavariable
                {
                    Name = m.Name,
                    Kind = m.Kind,
                    InheritedFrom = extends.Name,
                    InheritedName = m.Name,
                    ByExtends = true,
                    Types = m.Types,
                    PointerDepth = m.PointerDepth,
                    TypeTagKind = m.TypeTagKind,
                    Line = m.Line,
                });
            }
        }
    }

    public Diagnostic? Error => _c.Error;

    public List<Metavariable>? Parse()
    {
        while (!_c.AtEnd)
        {
            if (!ReadDeclaration())
            {
                return null;
            }
        }

        return _result;
    }

    private int Line => _c.File.GetLinePosition(_c.Span.Start).Line;

    private bool ReadDeclaration()
    {
        int line = Line;
        if (_c.TryWord("fresh"))
        {
            if (!_c.TryWord("identifier"))
            {
                return _c.Fail(DiagnosticId.SmplSyntaxError, $"expected 'identifier' after 'fresh' but found {_c.Describe()}");
            }

            return ReadNames(MetavariableKind.FreshIdentifier, line);
        }

        string word = _c.Kind == SyntaxKind.IdentifierToken || SyntaxFacts.GetText(_c.Kind) is not null ? _c.Text : string.Empty;
        switch (word)
        {
            case "metavariable":
                _c.Next();
                return ReadNames(MetavariableKind.Metavariable, line);
            case "comments" when _c.PeekKind() == SyntaxKind.IdentifierToken:
                // spatch's kind for the comments around a matched token; read as a C type name it would
                // make an expression metavariable that never matches.
                return _c.Fail(DiagnosticId.SmplUnsupported, "comments metavariables (the comments before, within and after matched code)");
            case "function" when _c.PeekKind() == SyntaxKind.IdentifierToken:
                _c.Next();
                return ReadNames(MetavariableKind.Identifier, line); // a function name
            case "identifier":
                _c.Next();
                return ReadListOr(MetavariableKind.Identifier, MetavariableKind.IdentifierList, line);
            case "field":
                _c.Next();
                return ReadListOr(MetavariableKind.Field, MetavariableKind.FieldList, line);
            case "parameter":
                _c.Next();
                return ReadListOr(MetavariableKind.Parameter, MetavariableKind.ParameterList, line);
            case "type":
                _c.Next();
                return ReadNames(MetavariableKind.Type, line);
            case "statement":
                _c.Next();
                return ReadListOr(MetavariableKind.Statement, MetavariableKind.StatementList, line);
            case "declaration":
                _c.Next();
                return ReadNames(MetavariableKind.Declaration, line);
            case "initialiser" or "initializer":
                _c.Next();
                return ReadListOr(MetavariableKind.Initializer, MetavariableKind.InitializerList, line);
            case "local" or "global" or "idexpression":
                {
                    string? locality = null;
                    if (word != "idexpression")
                    {
                        locality = _c.Next();
                        if (_c.IsWord("function"))
                        {
                            _c.Next();
                            return ReadNames(MetavariableKind.Identifier, line); // local function f;
                        }

                        if (!_c.IsWord("idexpression"))
                        {
                            return _c.Fail(DiagnosticId.SmplUnknownMetavariableType, $"{locality} {_c.Text}");
                        }
                    }

                    _c.Next();
                    return ReadTypedNames(MetavariableKind.IdExpression, line, locality);
                }

            case "expression":
                _c.Next();
                if (_c.IsWord("list") && _c.PeekKind() is SyntaxKind.IdentifierToken or SyntaxKind.OpenBracketToken)
                {
                    return ReadListOr(MetavariableKind.Expression, MetavariableKind.ExpressionList, line);
                }

                return ReadTypedNames(MetavariableKind.Expression, line, null);
            case "constant":
                _c.Next();
                return ReadTypedNames(MetavariableKind.Constant, line, null);
            case "format":
                _c.Next();
                return ReadListOr(MetavariableKind.Format, MetavariableKind.FormatList, line);
            case "assignment" or "binary" or "unary":
                {
                    _c.Next();
                    if (!_c.TryWord("operator"))
                    {
                        return _c.Fail(DiagnosticId.SmplUnknownMetavariableType, $"{word} {_c.Text}");
                    }

                    var kind = word switch
                    {
                        "assignment" => MetavariableKind.AssignmentOperator,
                        "binary" => MetavariableKind.BinaryOperator,
                        _ => MetavariableKind.UnaryOperator,
                    };
                    return ReadOperatorNames(kind, line);
                }

            case "position":
                {
                    _c.Next();
                    bool any = _c.TryWord("any");
                    return ReadNames(MetavariableKind.Position, line, anyPosition: any);
                }

            case "symbol":
                _c.Next();
                return ReadNames(MetavariableKind.Symbol, line);
            case "typedef":
                _c.Next();
                return ReadNames(MetavariableKind.Typedef, line);
            case "attribute":
                _c.Next();
                return _c.TryWord("name") ? ReadNames(MetavariableKind.AttributeName, line) : ReadNames(MetavariableKind.Attribute, line);
            case "declarer":
                _c.Next();
                return _c.TryWord("name") ? ReadNames(MetavariableKind.DeclarerName, line) : ReadNames(MetavariableKind.Declarer, line);
            case "iterator":
                _c.Next();
                return _c.TryWord("name") ? ReadNames(MetavariableKind.IteratorName, line) : ReadNames(MetavariableKind.Iterator, line);
        }

        // A C type: "struct foo *E;", "int x;", "T *E;", "{int, long} E;", "r.T *E;".
        if (_c.Kind == SyntaxKind.OpenBraceToken || IsTypeStart() || IsInheritedTypeName())
        {
            return ReadTypedNames(MetavariableKind.Expression, line, null, typeAlreadyStarted: true);
        }

        // Any other word before a name is a C type name, as spatch reads it ("u64 x;": an expression
        // of type u64). A word a letter or two away from a metavariable kind is probably a typo.
        if (_c.Kind == SyntaxKind.IdentifierToken && _c.PeekKind() is SyntaxKind.IdentifierToken or SyntaxKind.AsteriskToken)
        {
            if (ClosestKindWord(word) is { } kind)
            {
                Warnings.Add(new Diagnostic(DiagnosticId.SmplTypeNameLooksLikeKind, _file, _c.Span, word, kind));
            }

            _typeNameWord = word;
            bool read = ReadTypedNames(MetavariableKind.Expression, line, null, typeAlreadyStarted: true);
            _typeNameWord = null;
            return read;
        }

        return _c.Fail(DiagnosticId.SmplUnknownMetavariableType, _c.AtEnd ? "end of section" : _c.Text);
    }

    private static readonly string[] s_kindWords =
    [
        "identifier", "expression", "statement", "type", "constant", "declaration", "position", "parameter", "field",
        "idexpression", "initializer", "initialiser", "typedef", "declarer", "iterator", "attribute", "symbol", "format",
        "fresh", "local", "global", "binary", "unary", "assignment", "operator", "function", "list",
    ];

    /// <summary>Warnings about the declarations (the parse goes on).</summary>
    public List<Diagnostic> Warnings { get; } = [];

    /// <summary>The metavariable kind a word is one or two edits away from, if any.</summary>
    private static string? ClosestKindWord(string word)
    {
        foreach (string kind in s_kindWords)
        {
            if (word != kind && Math.Abs(word.Length - kind.Length) <= 2 && kind.Length >= 4 && EditDistance(word, kind) <= 2)
            {
                return kind;
            }
        }

        return null;
    }

    private static int EditDistance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (int j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (int i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (int j = 1; j <= b.Length; j++)
            {
                int cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }

    private bool IsTypeStart()
    {
        var k = _c.Kind;
        if (k is SyntaxKind.StructKeyword or SyntaxKind.UnionKeyword or SyntaxKind.EnumKeyword or SyntaxKind.TypeofKeyword)
        {
            return true;
        }

        if (SyntaxFacts.IsTypeKeyword(k) || SyntaxFacts.IsQualifierKeyword(k))
        {
            return true;
        }

        if (k != SyntaxKind.IdentifierToken)
        {
            return false;
        }

        string name = _c.Text;
        if (s_builtinTypeWords.Contains(name))
        {
            return true;
        }

        if (_fileNames.TryGetValue(name, out var kind) && kind == MetavariableKind.Typedef)
        {
            return true;
        }

        // A type metavariable or typedef declared earlier in this rule, or an inherited one (r.T).
        foreach (var m in _result)
        {
            if (m.Name == name && m.Kind is MetavariableKind.Type or MetavariableKind.Typedef)
            {
                return true;
            }
        }

        return _c.PeekKind() == SyntaxKind.DotToken && _result.Any(m => m.Kind == MetavariableKind.Type && m.InheritedFrom == name && m.InheritedName == _c.PeekText(2));
    }

    private bool ReadListOr(MetavariableKind single, MetavariableKind list, int line)
    {
        if (!(_c.IsWord("list") && _c.PeekKind() is SyntaxKind.IdentifierToken or SyntaxKind.OpenBracketToken))
        {
            return ReadNames(single, line);
        }

        _c.Next();

        int? length = null;
        string? lengthName = null;
        IReadOnlyList<(int Min, int Max)>? ranges = null;
        if (_c.TryKind(SyntaxKind.OpenBracketToken))
        {
            if (_c.Kind == SyntaxKind.IntegerLiteralToken)
            {
                length = SmplParser.ParseInt(_c.Next());
            }
            else if (_c.Kind == SyntaxKind.IdentifierToken)
            {
                int lengthLine = Line;
                lengthName = _c.Next();
                if (_c.TryKind(SyntaxKind.DotToken))
                {
                    // list[r.n]: the length n bound in rule r. It is inherited under its qualified name
                    // (a name no code can use), and the list must have exactly that length.
                    string rule = lengthName;
                    string inherited = _c.Next();
                    lengthName = rule + "." + inherited;
                    if (!_result.Any(x => x.Name == lengthName))
                    {
                        _result.Add(new Metavariable { Name = lengthName, Kind = MetavariableKind.Metavariable, InheritedFrom = rule, InheritedName = inherited, Line = lengthLine });
                    }
                }

                if (_c.Kind == SyntaxKind.EqualsToken)
                {
                    // list[n={1...3}]: the length is bound to n and must be in the set
                    _c.Next();
                    int depth = 0;
                    var text = new System.Text.StringBuilder();
                    while (!_c.AtEnd && !(depth == 0 && _c.Kind == SyntaxKind.CloseBracketToken))
                    {
                        depth += _c.Kind == SyntaxKind.OpenBraceToken ? 1 : _c.Kind == SyntaxKind.CloseBraceToken ? -1 : 0;
                        text.Append(_c.Next());
                    }

                    ranges = ParseLengthRanges(text.ToString());
                }
            }
            else
            {
                return _c.Fail(DiagnosticId.SmplSyntaxError, $"expected a length in list[...] but found {_c.Describe()}");
            }

            if (!_c.Expect(SyntaxKind.CloseBracketToken))
            {
                return false;
            }
        }

        return ReadNames(list, line, listLength: length, listLengthName: lengthName, listLengthRanges: ranges);
    }

    /// <summary>"{1...3,5}": the lengths as inclusive ranges; null when the text is not of that form.</summary>
    private static List<(int Min, int Max)>? ParseLengthRanges(string text)
    {
        text = text.Trim();
        if (!text.StartsWith('{') || !text.EndsWith('}'))
        {
            return null;
        }

        var result = new List<(int Min, int Max)>();
        foreach (string part in text[1..^1].Split(','))
        {
            string[] bounds = part.Split("...");
            if (bounds.Length is < 1 or > 2
                || !int.TryParse(bounds[0].Trim(), System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out int min))
            {
                return null;
            }

            int max = min;
            if (bounds.Length == 2
                && !int.TryParse(bounds[1].Trim(), System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out max))
            {
                return null;
            }

            result.Add((min, max));
        }

        return result;
    }

    /// <summary>Reads an optional type ("expression struct foo *", "{int, long}", "idexpression char *") then the names.</summary>
    private bool ReadTypedNames(MetavariableKind kind, int line, string? locality, bool typeAlreadyStarted = false)
    {
        var types = new List<string>();
        int pointerDepth = 0;
        string? tagKind = null;
        if (_c.Kind == SyntaxKind.OpenBraceToken)
        {
            _c.Next();
            _inBraces = true;
            do
            {
                int from = _c.Position;
                if (!SkipType())
                {
                    _inBraces = false;
                    return false;
                }

                types.Add(_c.TextFrom(from));
            }
            while (_c.TryKind(SyntaxKind.CommaToken));

            _inBraces = false;

            if (!_c.Expect(SyntaxKind.CloseBraceToken))
            {
                return false;
            }

            int stars = 0;
            while (_c.TryKind(SyntaxKind.AsteriskToken))
            {
                stars++;
            }

            if (stars > 0)
            {
                for (int i = 0; i < types.Count; i++)
                {
                    types[i] += " " + new string('*', stars);
                }
            }
        }
        else if ((kind == MetavariableKind.Expression || kind == MetavariableKind.IdExpression) && !typeAlreadyStarted
            && (_c.Kind is SyntaxKind.StructKeyword or SyntaxKind.UnionKeyword or SyntaxKind.EnumKeyword)
            && (_c.PeekKind() == SyntaxKind.AsteriskToken || (kind == MetavariableKind.Expression && _c.PeekKind() == SyntaxKind.IdentifierToken)))
        {
            // expression struct *E: a pointer to any struct; expression enum E: a value of any enum.
            // An expression's type is no more than that: spatch refuses "expression struct foo *E;".
            tagKind = _c.Next();
            if (_c.Kind == SyntaxKind.IdentifierToken && _c.PeekKind() is not (SyntaxKind.SemicolonToken or SyntaxKind.CommaToken or SyntaxKind.EqualsToken
                or SyntaxKind.ExclamationEqualsToken or SyntaxKind.ExclamationToken or SyntaxKind.ColonToken))
            {
                _c.Next();
                return _c.Fail(DiagnosticId.SmplSyntaxError, $"expected ';' but found {_c.Describe()}: an expression metavariable takes {tagKind}, {tagKind} * ... or a type in braces, not a named {tagKind} type (use idexpression or a type in braces)");
            }

            while (_c.TryKind(SyntaxKind.AsteriskToken))
            {
                pointerDepth++;
            }
        }
        else if (_c.Kind == SyntaxKind.AsteriskToken && !typeAlreadyStarted)
        {
            // expression *E: a pointer to anything
            while (_c.TryKind(SyntaxKind.AsteriskToken))
            {
                pointerDepth++;
            }
        }
        else if (typeAlreadyStarted || IsTypeStart())
        {
            int from = _c.Position;
            if (!SkipType())
            {
                return false;
            }

            types.Add(_c.TextFrom(from));
        }

        // "T E[];" array-typed expression
        if (_c.Kind == SyntaxKind.OpenBracketToken && _c.PeekKind() == SyntaxKind.CloseBracketToken && types.Count > 0)
        {
            _c.Next();
            _c.Next();
            for (int i = 0; i < types.Count; i++)
            {
                types[i] += " []";
            }
        }

        InheritTypeNames(types, line);
        return ReadNames(kind, line, types: types, pointerDepth: pointerDepth, tagKind: tagKind, locality: locality);
    }

    private static readonly System.Text.RegularExpressions.Regex s_inheritedTypeName =
        new(@"(?<!\b(?:struct|union|enum) )\b([A-Za-z_]\w*)\.([A-Za-z_]\w*)\b", System.Text.RegularExpressions.RegexOptions.CultureInvariant);

    /// <summary>"r.T *E;": the type r.T is inherited as if by "type r.T;" and written T.</summary>
    private void InheritTypeNames(List<string> types, int line)
    {
        for (int i = 0; i < types.Count; i++)
        {
            types[i] = s_inheritedTypeName.Replace(types[i], m =>
            {
                string rule = m.Groups[1].Value;
                string name = m.Groups[2].Value;
                if (!_result.Any(x => x.Name == name))
                {
                    _result.Add(new Metavariable { Name = name, Kind = MetavariableKind.Type, InheritedFrom = rule, InheritedName = name, Line = line });

                    // Declared by its use: a later "type T;" is a second declaration, "type r.T;" is
                    // the same one (the manual's "r.T x; type r.T;").
                    _declared.Add(name);
                    _declaredByUse.Add(rule + "." + name);
                }

                return name;
            });
        }
    }

    /// <summary>Skips a C type in a declaration: specifier words, struct/union/enum tags, type names, stars.</summary>
    private bool SkipType()
    {
        bool any = false;
        bool baseSeen = false;
        while (true)
        {
            var k = _c.Kind;
            if (k is SyntaxKind.StructKeyword or SyntaxKind.UnionKeyword or SyntaxKind.EnumKeyword)
            {
                _c.Next();
                if (_c.Kind == SyntaxKind.IdentifierToken)
                {
                    _c.Next();
                    if (_c.Kind == SyntaxKind.DotToken && _c.PeekKind() == SyntaxKind.IdentifierToken)
                    {
                        _c.Next();
                        _c.Next(); // struct r.name
                    }
                }

                any = true;
                continue;
            }

            if (SyntaxFacts.IsTypeKeyword(k) || SyntaxFacts.IsQualifierKeyword(k))
            {
                _c.Next();
                any = true;
                baseSeen |= SyntaxFacts.IsTypeKeyword(k);
                continue;
            }

            if (k == SyntaxKind.IdentifierToken && !baseSeen && (IsTypeStart() || _inBraces || IsInheritedTypeName() || _c.Text == _typeNameWord))
            {
                _c.Next();
                if (_c.Kind == SyntaxKind.DotToken)
                {
                    _c.Next();
                    _c.Next();
                }

                any = true;
                baseSeen = true;
                continue;
            }

            if (k == SyntaxKind.IdentifierToken && any && s_builtinTypeWords.Contains(_c.Text) && _c.PeekKind() is SyntaxKind.IdentifierToken or SyntaxKind.AsteriskToken)
            {
                _c.Next();
                continue;
            }

            break;
        }

        if (!any)
        {
            return _c.Fail(DiagnosticId.SmplSyntaxError, $"expected a type but found {_c.Describe()}");
        }

        while (_c.TryKind(SyntaxKind.AsteriskToken) || _c.TryKind(SyntaxKind.ConstKeyword) || _c.TryKind(SyntaxKind.VolatileKeyword))
        {
        }

        // T:b x; int:5 x; : a bit-field width (a number or a metavariable for it).
        if (_c.Kind == SyntaxKind.ColonToken && _c.PeekKind() is SyntaxKind.IdentifierToken or SyntaxKind.IntegerLiteralToken)
        {
            _c.Next();
            if (_c.Kind == SyntaxKind.IdentifierToken)
            {
                WidthNames.Add(_c.Text);
            }

            _c.Next();
        }

        return true;
    }

    /// <summary>The names "T:b x;" gives bit-field widths: later rules may inherit them (r.b).</summary>
    public List<string> WidthNames { get; } = [];

    // Inside "{ t1, t2 }" any name may be a type (VOID, LPVOID...).
    private bool _inBraces;

    /// <summary>A word read as a C type name because a name follows it ("u64 x;").</summary>
    private string? _typeNameWord;

    /// <summary>rule.name used as a type: "is_delayed.local_type *device;".</summary>
    private bool IsInheritedTypeName() =>
        _c.Kind == SyntaxKind.IdentifierToken && _c.PeekKind() == SyntaxKind.DotToken && _c.PeekKind(2) == SyntaxKind.IdentifierToken
        && _c.PeekKind(3) is SyntaxKind.AsteriskToken or SyntaxKind.IdentifierToken;

    private bool ReadOperatorNames(MetavariableKind kind, int line)
    {
        do
        {
            if (!ReadName(out string name, out string? rule, out string? inheritedName))
            {
                return false;
            }

            var operators = new List<string>();
            var constraints = new List<MetavariableConstraint>();
            if ((_c.Kind == SyntaxKind.EqualsToken && _c.PeekKind() == SyntaxKind.TildeToken) || (_c.Kind == SyntaxKind.ExclamationToken && _c.PeekKind() == SyntaxKind.TildeToken))
            {
                if (!ReadConstraints(constraints))
                {
                    return false;
                }
            }
            else if (_c.TryKind(SyntaxKind.EqualsToken))
            {
                if (_c.TryKind(SyntaxKind.OpenBraceToken))
                {
                    do
                    {
                        operators.Add(ReadConstraintValue());
                    }
                    while (_c.TryKind(SyntaxKind.CommaToken));

                    if (!_c.Expect(SyntaxKind.CloseBraceToken))
                    {
                        return false;
                    }
                }
                else
                {
                    operators.Add(_c.Next());
                }

                // A set that names metavariables ("{r1.b1, r1.b2}") compares with their values when matched.
                if (operators.Exists(o => o.Contains('.', StringComparison.Ordinal)))
                {
                    constraints.Add(new SetConstraint(operators, false));
                    operators = [];
                }

                if (_c.TryKind(SyntaxKind.AmpersandAmpersandToken) && !ReadConstraints(constraints))
                {
                    return false;
                }
            }

            _result.Add(new Metavariable { Name = name, Kind = kind, InheritedFrom = rule, InheritedName = inheritedName, Operators = operators, Constraints = constraints, Line = line });
        }
        while (_c.TryKind(SyntaxKind.CommaToken));

        return _c.Expect(SyntaxKind.SemicolonToken);
    }

    private bool ReadNames(
        MetavariableKind kind,
        int line,
        IReadOnlyList<string>? types = null,
        int pointerDepth = 0,
        string? tagKind = null,
        string? locality = null,
        int? listLength = null,
        string? listLengthName = null,
        bool anyPosition = false,
        IReadOnlyList<(int Min, int Max)>? listLengthRanges = null)
    {
        do
        {
            if (!ReadName(out string name, out string? rule, out string? inheritedName))
            {
                return false;
            }

            var constraints = new List<MetavariableConstraint>();
            var seed = new List<SeedPart>();
            if (kind == MetavariableKind.FreshIdentifier)
            {
                if (_c.TryKind(SyntaxKind.EqualsToken) && !ReadSeed(seed, constraints))
                {
                    return false;
                }
            }
            else if (!ReadConstraints(constraints, kind == MetavariableKind.Type))
            {
                return false;
            }

            if (rule is not null && _declaredByUse.Remove(rule + "." + name))
            {
                if (kind != MetavariableKind.Type)
                {
                    return _c.Fail(DiagnosticId.SmplSyntaxError, $"'{name}' is already declared as a metavariable of this rule");
                }

                continue; // "type r.T;" after "r.T x;": declared already
            }

            _result.Add(new Metavariable
            {
                Name = name,
                Kind = kind,
                InheritedFrom = rule,
                InheritedName = inheritedName,
                Types = types ?? [],
                PointerDepth = pointerDepth,
                TypeTagKind = tagKind,
                Locality = locality,
                ListLength = listLength,
                ListLengthName = listLengthName,
                ListLengthRanges = listLengthRanges,
                Constraints = constraints,
                Seed = seed,
                AnyPosition = anyPosition,
                Line = line,
            });
        }
        while (_c.TryKind(SyntaxKind.CommaToken));

        return _c.Expect(SyntaxKind.SemicolonToken);
    }

    private bool IsRuleName(string name) => _ruleNames is not null && _ruleNames.Contains(name);

    /// <summary>name, rule.name or virtual.name.</summary>
    private bool ReadName(out string name, out string? rule, out string? inheritedName)
    {
        name = string.Empty;
        rule = null;
        inheritedName = null;
        // A keyword may name a metavariable, a punctuator may not ("idexpression *+ x;" is refused at '+').
        if (_c.Kind != SyntaxKind.IdentifierToken && SyntaxFacts.GetText(_c.Kind) is not [>= 'a' and <= 'z' or '_', ..])
        {
            return _c.Fail(DiagnosticId.SmplSyntaxError, $"expected a metavariable name but found {_c.Describe()}");
        }

        if (_c.PeekKind() != SyntaxKind.DotToken && IsRuleName(_c.Text))
        {
            // As in spatch, the rule's name is read and a '.' expected after it.
            string ruleName = _c.Next();
            return _c.Fail(DiagnosticId.SmplSyntaxError, $"expected '.' after the rule name '{ruleName}' but found {_c.Describe()}: a rule's name cannot name a metavariable");
        }

        if (_c.PeekKind() != SyntaxKind.DotToken && !Declare(_c.Text))
        {
            return false;
        }

        string first = _c.Next();
        if (_c.Kind == SyntaxKind.DotToken && _c.PeekKind() == SyntaxKind.IdentifierToken)
        {
            _c.Next();
            if (IsRuleName(_c.Text))
            {
                return _c.Fail(DiagnosticId.SmplSyntaxError, $"'{_c.Text}' is the name of a rule and cannot name a metavariable of '{first}'");
            }

            if (!_declaredByUse.Contains(first + "." + _c.Text) && !Declare(_c.Text))
            {
                return false;
            }

            rule = first;
            inheritedName = _c.Next();
            name = inheritedName;
            return true;
        }

        name = first;
        return true;
    }

    /// <summary>
    /// A name declared twice in one rule is an error at the second declaration, as in spatch:
    /// the rule could not say which of the two its code means.
    /// </summary>
    private bool Declare(string name) =>
        _declared.Add(name) || _c.Fail(DiagnosticId.SmplSyntaxError, $"'{name}' is already declared as a metavariable of this rule");

    /// <summary>A constraint's regular expression that does not compile is an error at its string, not a failure while matching.</summary>
    private bool CheckRegex(string candidate, out string pattern)
    {
        pattern = candidate;
        try
        {
            _ = new System.Text.RegularExpressions.Regex(candidate, System.Text.RegularExpressions.RegexOptions.CultureInvariant);
            return true;
        }
        catch (ArgumentException e)
        {
            return _c.Fail(DiagnosticId.SmplBadConstraint, $"invalid regular expression: {e.Message}");
        }
    }

    /// <summary>
    /// Constraints joined by &amp;&amp;, and alternatives of such joined by || ("type T = r.T * || =~ \"^char\"").
    /// The values of a type metavariable's sets are types of several words ("bool *", "unsigned long").
    /// </summary>
    private bool ReadConstraints(List<MetavariableConstraint> constraints, bool types = false)
    {
        var first = new List<MetavariableConstraint>();
        if (!ReadConjunction(first, types))
        {
            return false;
        }

        if (_c.Kind != SyntaxKind.BarBarToken)
        {
            constraints.AddRange(first);
            return true;
        }

        var alternatives = new List<IReadOnlyList<MetavariableConstraint>> { first };
        while (_c.TryKind(SyntaxKind.BarBarToken))
        {
            var next = new List<MetavariableConstraint>();
            if (!ReadConjunction(next, types))
            {
                return false;
            }

            if (next.Count == 0)
            {
                return _c.Fail(DiagnosticId.SmplBadConstraint, $"expected a constraint after '||' but found {_c.Describe()}");
            }

            alternatives.Add(next);
        }

        foreach (var alternative in alternatives)
        {
            foreach (var c in alternative)
            {
                if (c is ScriptConstraint)
                {
                    return _c.Fail(DiagnosticId.SmplBadConstraint, "a script constraint cannot be an alternative of '||'");
                }
            }
        }

        constraints.Add(new AnyOfConstraint(alternatives));
        return true;
    }

    private bool ReadConjunction(List<MetavariableConstraint> constraints, bool types)
    {
        while (true)
        {
            if (_c.Kind == SyntaxKind.EqualsToken && _c.PeekKind() == SyntaxKind.TildeToken && _c.Adjacent(1))
            {
                _c.Next();
                _c.Next();
                if (_c.Kind != SyntaxKind.StringLiteralToken)
                {
                    return _c.Fail(DiagnosticId.SmplBadConstraint, "expected a regular expression in quotes after '=~'");
                }

                if (!CheckRegex(UnquoteRegex(_c.Text), out string pattern))
                {
                    return false;
                }

                _c.Next();
                constraints.Add(new RegexConstraint(pattern, false));
            }
            else if (_c.Kind == SyntaxKind.ExclamationToken && _c.PeekKind() == SyntaxKind.TildeToken)
            {
                _c.Next();
                _c.Next();
                if (_c.Kind != SyntaxKind.StringLiteralToken)
                {
                    return _c.Fail(DiagnosticId.SmplBadConstraint, "expected a regular expression in quotes after '!~'");
                }

                if (!CheckRegex(UnquoteRegex(_c.Text), out string patternNegated))
                {
                    return false;
                }

                _c.Next();
                constraints.Add(new RegexConstraint(patternNegated, true));
            }
            else if (_c.Kind is SyntaxKind.EqualsToken or SyntaxKind.ExclamationEqualsToken)
            {
                bool negated = _c.Next() == "!=";
                var values = new List<string>();
                if (_c.TryKind(SyntaxKind.OpenBraceToken))
                {
                    do
                    {
                        values.Add(types ? ReadTypeConstraintValue() : ReadConstraintValue());
                    }
                    while (_c.TryKind(SyntaxKind.CommaToken));

                    if (!_c.Expect(SyntaxKind.CloseBraceToken))
                    {
                        return false;
                    }
                }
                else
                {
                    values.Add(types ? ReadTypeConstraintValue() : ReadConstraintValue());
                }

                if (values.Exists(v => v.Length == 0))
                {
                    return _c.Fail(DiagnosticId.SmplBadConstraint, $"expected a type but found {_c.Describe()}");
                }

                constraints.Add(new SetConstraint(values, negated));
            }
            else if (_c.Kind == SyntaxKind.LessThanEqualsToken)
            {
                _c.Next();
                constraints.Add(new SubExpressionConstraint(ReadConstraintValue()));
            }
            else if (_c.Kind == SyntaxKind.ColonToken && _c.PeekText() == "script")
            {
                _c.Next();
                if (!ReadScriptConstraint(out var script))
                {
                    return false;
                }

                constraints.Add(script);
            }
            else
            {
                return true;
            }

            if (!_c.TryKind(SyntaxKind.AmpersandAmpersandToken))
            {
                return true;
            }
        }
    }

    /// <summary>
    /// A type in a type metavariable's set: its words up to ',', '}', ';', '&amp;&amp;' or '||', one space
    /// apart ("bool *", "struct foo", "r.T *" naming another rule's type metavariable).
    /// </summary>
    private string ReadTypeConstraintValue()
    {
        var text = new System.Text.StringBuilder();
        while (_c.Kind is not (SyntaxKind.CommaToken or SyntaxKind.CloseBraceToken or SyntaxKind.SemicolonToken
            or SyntaxKind.AmpersandAmpersandToken or SyntaxKind.BarBarToken or SyntaxKind.EndOfFileToken))
        {
            if (_c.Kind == SyntaxKind.DotToken && text.Length > 0)
            {
                text.Append(_c.Next()).Append(_c.Next());
                continue;
            }

            if (text.Length > 0)
            {
                text.Append(' ');
            }

            text.Append(_c.Next());
        }

        return text.ToString();
    }

    private string ReadConstraintValue()
    {
        string value = _c.Next();
        if (value == "-" && _c.Kind == SyntaxKind.IntegerLiteralToken)
        {
            return "-" + _c.Next();
        }

        if (_c.Kind == SyntaxKind.DotToken && _c.PeekKind() == SyntaxKind.IdentifierToken)
        {
            _c.Next();
            return value + "." + _c.Next();
        }

        return value;
    }

    /// <summary>script:python(args) { code }</summary>
    private bool ReadScriptConstraint(out ScriptConstraint constraint)
    {
        constraint = null!;
        int line = Line;
        _c.Next(); // script
        if (!_c.Expect(SyntaxKind.ColonToken))
        {
            return false;
        }

        string language = _c.Next();
        var args = new List<string>();
        if (_c.TryKind(SyntaxKind.OpenParenToken))
        {
            while (!_c.AtEnd && _c.Kind != SyntaxKind.CloseParenToken)
            {
                string a = _c.Next();
                if (_c.Kind == SyntaxKind.DotToken)
                {
                    _c.Next();
                    a += "." + _c.Next();
                }

                args.Add(a);
                _c.TryKind(SyntaxKind.CommaToken);
            }

            if (!_c.Expect(SyntaxKind.CloseParenToken))
            {
                return false;
            }
        }

        if (!_c.Expect(SyntaxKind.OpenBraceToken))
        {
            return false;
        }

        int from = _c.Position;
        int depth = 1;
        while (!_c.AtEnd)
        {
            if (_c.Kind == SyntaxKind.OpenBraceToken)
            {
                depth++;
            }
            else if (_c.Kind == SyntaxKind.CloseBraceToken && --depth == 0)
            {
                break;
            }

            _c.Next();
        }

        string code = _c.TextFrom(from);
        if (!_c.Expect(SyntaxKind.CloseBraceToken))
        {
            return false;
        }

        constraint = new ScriptConstraint(language, args, code, line);
        return true;
    }

    private bool ReadSeed(List<SeedPart> seed, List<MetavariableConstraint> constraints)
    {
        if (_c.Kind == SyntaxKind.IdentifierToken && _c.Text == "script" && _c.PeekKind() == SyntaxKind.ColonToken)
        {
            if (!ReadScriptConstraint(out var script))
            {
                return false;
            }

            constraints.Add(script);
            return true;
        }

        do
        {
            if (_c.Kind == SyntaxKind.StringLiteralToken)
            {
                seed.Add(new SeedPart(SmplParser.Unquote(_c.Next()), false));
            }
            else if (_c.Kind == SyntaxKind.IdentifierToken)
            {
                int line = Line;
                string name = _c.Next();
                if (_c.Kind == SyntaxKind.DotToken && _c.PeekKind() == SyntaxKind.IdentifierToken)
                {
                    // "prefix" ## r.x names r's binding without a declaration of its own: declare it
                    // here, under its qualified name, so the rule inherits it like any r.x.
                    string rule = name;
                    _c.Next();
                    string inherited = _c.Next();
                    name = rule + "." + inherited;
                    if (!_result.Any(x => x.Name == name))
                    {
                        _result.Add(new Metavariable { Name = name, Kind = MetavariableKind.Metavariable, InheritedFrom = rule, InheritedName = inherited, Line = line });
                    }
                }

                seed.Add(new SeedPart(name, true));
            }
            else
            {
                return _c.Fail(DiagnosticId.SmplSyntaxError, $"expected a string or a metavariable in a fresh identifier seed but found {_c.Describe()}");
            }
        }
        while (_c.TryKind(SyntaxKind.HashHashToken));

        return true;
    }

    private static string UnquoteRegex(string literal) => literal.Length >= 2 ? literal[1..^1] : literal;
}
