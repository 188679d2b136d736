namespace Sevenspot.Text;

/// <summary>
/// Every diagnostic Sevenspot reports, with a stable number. A retired number is never reused.
/// Message texts live in <see cref="DiagnosticMessages"/>.
/// Retired: 100 (unexpected token; the parser says what it expected), 302, 306 and 307 (SmPL
/// checks that report through SmplSyntaxError or SmplBadConstraint), 501 (inconsistent paths:
/// such a match is not transformed, as in spatch, without a message).
/// </summary>
public enum DiagnosticId
{
    // C lexer: 1-99
    UnterminatedComment = 1,
    UnterminatedString = 2,
    UnterminatedCharacter = 3,
    UnexpectedCharacter = 4,
    NulCharacter = 5,
    BinaryFile = 6,
    UnterminatedConditional = 7,
    UnmatchedConditional = 8,
    InvalidOctalConstant = 9,

    // C parser: 100-199
    ExpectedToken = 101,
    NestingTooDeep = 102,
    UnparsableFunction = 103,
    UnparsableDeclaration = 104,
    UnparsableStatement = 105,
    FunctionNotReadBySpatch = 106,

    // Files and I/O: 200-299
    FileNotFound = 200,
    FileReadError = 201,
    FileTimeout = 202,
    FileWriteError = 203,

    // SmPL: 300-499
    SmplSyntaxError = 300,
    SmplUnknownMetavariableType = 301,
    SmplUnknownRule = 303,
    SmplBadConstraint = 304,
    SmplUnterminated = 305,
    SmplUnsupported = 308,
    SmplTypeNameLooksLikeKind = 309,
    SmplNameShouldBeMetavariable = 310,
    SmplMetavariableNotMatched = 311,
    SmplInheritedMetavariableNotUsed = 312,
    SmplFreshIdentifierNotAdded = 313,
    SmplEarlierMetavariableAsIdentifier = 314,
    SmplBadInheritedMetavariable = 315,
    SmplInheritedFromLaterRule = 316,
    SmplMetavariableOnlyInPlus = 317,
    SmplFreshIdentifierMatched = 318,
    SmplScriptBindingNotAllowed = 319,
    IsoSyntaxError = 320,
    SmplIncludeNotFound = 321,
    SmplIncludeCycle = 322,
    SmplWholeTermRemoved = 323,

    // Engine: 500-599
    AlreadyTaggedToken = 500,
    NoRulesApply = 502,

    // Scripts: 600-699
    ScriptSyntaxError = 600,
    ScriptLanguageUnsupported = 601,
    ScriptCompileError = 602,

    // Command line: 900-999
    InvalidOption = 900,
}
