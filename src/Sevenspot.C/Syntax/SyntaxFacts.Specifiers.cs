namespace Sevenspot.C;

public static partial class SyntaxFacts
{
    /// <summary>
    /// Whether a keyword among a declaration's specifiers writes no part of its base type: a storage
    /// class ("static", "extern", "inline", "typedef", ...), a qualifier ("const", "volatile", ...) or
    /// "__extension__". The parser reads them before or after the type; a removed declaration takes
    /// them along; the matcher sets them apart from the type words.
    /// </summary>
    public static bool IsNonTypeSpecifierKeyword(SyntaxKind kind) =>
        IsStorageKeyword(kind) || IsQualifierKeyword(kind) || kind == SyntaxKind.ExtensionKeyword;
}
