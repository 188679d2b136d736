namespace Sevenspot.C;

/// <summary>
/// C's operator precedence, from the weakest (a whole expression) to the strongest (a primary
/// expression). One table for the parser, which decides how binary operators group, and for code
/// printed from rules, which decides where parentheses are needed.
/// </summary>
public static class OperatorPrecedence
{
    public const int Top = 0;
    public const int Assign = 1;
    public const int Conditional = 2;
    public const int LogicalOr = 3;
    public const int LogicalAnd = 4;
    public const int BitwiseOr = 5;
    public const int BitwiseXor = 6;
    public const int BitwiseAnd = 7;
    public const int Equality = 8;
    public const int Relational = 9;
    public const int Shift = 10;
    public const int Additive = 11;
    public const int Multiplicative = 12;
    public const int Cast = 13;
    public const int Unary = 14;
    public const int Postfix = 15;
    public const int Primary = 16;

    /// <summary>The level of a binary operator token, <see cref="Top"/> for any other token.</summary>
    public static int OfBinary(SyntaxKind kind) => kind switch
    {
        SyntaxKind.BarBarToken => LogicalOr,
        SyntaxKind.AmpersandAmpersandToken => LogicalAnd,
        SyntaxKind.BarToken => BitwiseOr,
        SyntaxKind.CaretToken => BitwiseXor,
        SyntaxKind.AmpersandToken => BitwiseAnd,
        SyntaxKind.EqualsEqualsToken or SyntaxKind.ExclamationEqualsToken => Equality,
        SyntaxKind.LessThanToken or SyntaxKind.GreaterThanToken or SyntaxKind.LessThanEqualsToken or SyntaxKind.GreaterThanEqualsToken
            or SyntaxKind.LessThanQuestionToken or SyntaxKind.GreaterThanQuestionToken => Relational,
        SyntaxKind.LessThanLessThanToken or SyntaxKind.GreaterThanGreaterThanToken => Shift,
        SyntaxKind.PlusToken or SyntaxKind.MinusToken => Additive,
        SyntaxKind.AsteriskToken or SyntaxKind.SlashToken or SyntaxKind.PercentToken => Multiplicative,
        _ => Top,
    };

    /// <summary>Whether a token is an assignment operator (=, +=, ..., and GNU's &lt;?= and &gt;?=).</summary>
    public static bool IsAssignment(SyntaxKind kind) => kind is SyntaxKind.EqualsToken or SyntaxKind.PlusEqualsToken
        or SyntaxKind.MinusEqualsToken or SyntaxKind.AsteriskEqualsToken or SyntaxKind.SlashEqualsToken or SyntaxKind.PercentEqualsToken
        or SyntaxKind.LessThanLessThanEqualsToken or SyntaxKind.GreaterThanGreaterThanEqualsToken or SyntaxKind.AmpersandEqualsToken
        or SyntaxKind.CaretEqualsToken or SyntaxKind.BarEqualsToken or SyntaxKind.LessThanQuestionEqualsToken or SyntaxKind.GreaterThanQuestionEqualsToken;

    /// <summary>
    /// The level the right operand of a binary operator needs to stand without parentheses: one
    /// above the operator's, since binary operators group to the left (<c>a - (b - c)</c>).
    /// </summary>
    public static int OfRightOperand(SyntaxKind kind) => OfBinary(kind) is var level && level == Top ? Top : level + 1;
}
