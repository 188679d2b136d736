using System.Text.Json.Nodes;
using Sevenspot.C;
using Sevenspot.Engine;
using Sevenspot.Text;

namespace Sevenspot.Scripting;

/// <summary>
/// Metavariable values to and from their JSON form in the worker protocol. Values are rendered as
/// spatch renders them for python: the tokens separated by single spaces ("x -> a", "g ( a )"),
/// lists with their elements as well ("a , 2"), positions as lists of places.
/// </summary>
internal static class ScriptValues
{
    public static JsonObject ToJson(ScriptInput input)
    {
        if (input.Value is null)
        {
            return input.EmptyList
                ? new JsonObject { ["k"] = "list", ["s"] = string.Empty, ["e"] = new JsonArray() }
                : new JsonObject { ["k"] = "str", ["s"] = input.Default ?? string.Empty };
        }

        return ToJson(input.Value);
    }

    public static JsonObject ToJson(MetaValue value)
    {
        switch (value)
        {
            case PositionValue p:
                return new JsonObject { ["k"] = "pos", ["p"] = new JsonArray(Place(p)) };
            case PositionListValue positions:
                var places = new JsonArray();
                foreach (var p in positions.Positions)
                {
                    places.Add((JsonNode)Place(p));
                }

                return new JsonObject { ["k"] = "pos", ["p"] = places };
            case ListValue list:
                var elements = new JsonArray();
                foreach (var item in list.Items)
                {
                    elements.Add((JsonNode?)item.Key);
                }

                return new JsonObject { ["k"] = "list", ["s"] = list.Key, ["e"] = elements };
            case TypeValue type:
                return new JsonObject { ["k"] = "str", ["s"] = SpacedType(type.TypeText) };
            default:
                return new JsonObject { ["k"] = "str", ["s"] = value.Key };
        }
    }

    private static JsonObject Place(PositionValue p) => new()
    {
        ["file"] = p.File,
        ["fn"] = p.Function,
        ["l"] = p.Start.Line,
        ["c"] = p.Start.Column,
        ["le"] = p.End.Line,
        ["ce"] = p.End.Column,
        ["fl"] = p.ElementStart.Line,
        ["fc"] = p.ElementStart.Column,
        ["fle"] = p.ElementEnd.Line,
        ["fce"] = p.ElementEnd.Column,
    };

    /// <summary>A value a script set (coccinelle.x = ...) as a metavariable value for later rules.</summary>
    public static MetaValue FromJson(JsonObject json)
    {
        string kind = (string?)json["k"] ?? "identifier";
        if (kind == "pos" && json["p"] is JsonArray places && places.Count > 0 && places[0] is JsonObject place)
        {
            return new PositionValue(
                (string?)place["file"] ?? string.Empty,
                new LinePosition((int?)place["l"] ?? 0, (int?)place["c"] ?? 0),
                new LinePosition((int?)place["le"] ?? 0, (int?)place["ce"] ?? 0),
                (string?)place["fn"] ?? string.Empty,
                default);
        }

        string text = (string?)json["s"] ?? string.Empty;
        return kind switch
        {
            "expression" => new ScriptTextValue(text, TokenKey(text)) { Precedence = ExpressionPrecedence(text) },
            "statement" or "type" => new ScriptTextValue(text, TokenKey(text)),
            _ => new NameValue(text),
        };
    }

    /// <summary>
    /// How strongly an expression a script made (cocci.make_expr) holds together, read from its
    /// tokens outside brackets as the printer reads a parsed expression (every binary operator counts
    /// as additive): "a, b" is the weakest, then an assignment, a conditional, a binary operator, a
    /// cast, a prefix operator; a name, a constant, a call or a member is primary.
    /// </summary>
    internal static int ExpressionPrecedence(string code)
    {
        var lexed = Lexer.Lex(SourceText.FromString("script", code));
        int level = OperatorPrecedence.Primary;
        int depth = 0;
        bool operand = false; // the token before ends an operand (a name, a constant, ")", "]", a postfix "++")
        bool typeGroup = false; // in "(" at the start followed by a type's keyword: a cast's type
        bool afterCast = false; // that type's ")" was the token before: what follows is what is cast
        for (int i = 0; i < lexed.Count; i++)
        {
            var kind = lexed.KindAt(i);
            if (afterCast && kind != SyntaxKind.EndOfFileToken)
            {
                // "(int)-x", "(long)(x)": a cast whatever its operand begins with.
                level = Math.Min(level, OperatorPrecedence.Cast);
                afterCast = false;
            }

            switch (kind)
            {
                case SyntaxKind.EndOfFileToken:
                    continue;
                case SyntaxKind.OpenParenToken or SyntaxKind.OpenBracketToken or SyntaxKind.OpenBraceToken:
                    typeGroup |= i == 0 && kind == SyntaxKind.OpenParenToken && i + 1 < lexed.Count && BeginsType(lexed.KindAt(i + 1));
                    depth++;
                    operand = false;
                    continue;
                case SyntaxKind.CloseParenToken or SyntaxKind.CloseBracketToken or SyntaxKind.CloseBraceToken:
                    depth--;
                    afterCast = typeGroup && depth == 0;
                    typeGroup &= depth > 0;
                    operand = !afterCast;
                    continue;
            }

            if (depth > 0)
            {
                operand = kind is SyntaxKind.IdentifierToken or SyntaxKind.IntegerLiteralToken or SyntaxKind.FloatLiteralToken
                    or SyntaxKind.CharLiteralToken or SyntaxKind.StringLiteralToken;
                continue;
            }

            if (kind is SyntaxKind.IdentifierToken or SyntaxKind.IntegerLiteralToken or SyntaxKind.FloatLiteralToken
                or SyntaxKind.CharLiteralToken or SyntaxKind.StringLiteralToken)
            {
                // An operand right after ")" closing a group at the start: that group was a cast.
                level = operand && i > 0 && lexed.KindAt(i - 1) == SyntaxKind.CloseParenToken ? Math.Min(level, OperatorPrecedence.Cast) : level;
                operand = true;
                continue;
            }

            if (kind is SyntaxKind.PlusPlusToken or SyntaxKind.MinusMinusToken && operand)
            {
                continue; // postfix
            }

            level = Math.Min(level, kind switch
            {
                SyntaxKind.CommaToken => OperatorPrecedence.Top,
                SyntaxKind.QuestionToken or SyntaxKind.ColonToken => OperatorPrecedence.Conditional,
                _ when OperatorPrecedence.IsAssignment(kind) => OperatorPrecedence.Assign,
                _ when operand && OperatorPrecedence.OfBinary(kind) != OperatorPrecedence.Top => OperatorPrecedence.Additive,
                SyntaxKind.DotToken or SyntaxKind.ArrowToken => OperatorPrecedence.Primary,
                _ => OperatorPrecedence.Unary,
            });
            operand = false;
        }

        return level;
    }

    private static bool BeginsType(SyntaxKind kind) => SyntaxFacts.IsTypeKeyword(kind) || SyntaxFacts.IsQualifierKeyword(kind)
        || kind is SyntaxKind.StructKeyword or SyntaxKind.UnionKeyword or SyntaxKind.EnumKeyword;

    /// <summary>The tokens of C code separated by single spaces, as values are compared.</summary>
    internal static string TokenKey(string code)
    {
        var lexed = Lexer.Lex(SourceText.FromString("script", code));
        var sb = new System.Text.StringBuilder(code.Length);
        for (int i = 0; i < lexed.Count; i++)
        {
            if (lexed.KindAt(i) == SyntaxKind.EndOfFileToken)
            {
                continue;
            }

            if (sb.Length > 0)
            {
                sb.Append(' ');
            }

            sb.Append(lexed.TextAt(i));
        }

        return sb.ToString();
    }

    /// <summary>spatch prints a type with its tokens apart: "struct s *", "int [ ]".</summary>
    internal static string SpacedType(string text)
    {
        var sb = new System.Text.StringBuilder(text.Length + 8);
        int i = 0;
        while (i < text.Length)
        {
            char c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }

            int start = i;
            if (char.IsLetterOrDigit(c) || c == '_')
            {
                while (i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] == '_'))
                {
                    i++;
                }
            }
            else
            {
                i++;
            }

            if (sb.Length > 0)
            {
                sb.Append(' ');
            }

            sb.Append(text, start, i - start);
        }

        return sb.ToString();
    }
}
