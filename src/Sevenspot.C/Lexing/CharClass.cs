namespace Sevenspot.C;

/// <summary>Byte classes for the lexer, one table lookup per byte.</summary>
internal static class CharClass
{
    public const byte IdentStart = 1;
    public const byte Digit = 2;
    public const byte Space = 4;       // space, tab, \r, \f, \v (not \n)
    public const byte IdentPart = IdentStart | Digit;
    public const byte AsciiIdentPart = 8; // ASCII letters, digits, '_' and '$'

    public static readonly byte[] Table = Build();

    private static byte[] Build()
    {
        var t = new byte[256];
        for (int c = 'a'; c <= 'z'; c++) t[c] = IdentStart;
        for (int c = 'A'; c <= 'Z'; c++) t[c] = IdentStart;
        t['_'] = IdentStart;
        t['$'] = IdentStart;
        // Bytes of multi-byte UTF-8 sequences (and invalid ones) lex as identifier
        // characters: gcc accepts UTF-8 identifiers; a name that is not valid UTF-8 becomes a bad token.
        for (int c = 0x80; c <= 0xFF; c++) t[c] = IdentStart;
        for (int c = '0'; c <= '9'; c++) t[c] = Digit;
        for (int c = 0; c < 0x80; c++)
        {
            if ((t[c] & IdentPart) != 0)
            {
                t[c] |= AsciiIdentPart;
            }
        }

        t[' '] = Space;
        t['\t'] = Space;
        t['\r'] = Space;
        t['\f'] = Space;
        t['\v'] = Space;
        return t;
    }
}
