using System.Text;
using CsCheck;
using Sevenspot.Text;

namespace Sevenspot.C.Tests.Properties;

/// <summary>
/// Properties of the C parser over generated inputs (the fuzz target "c" checks the same on
/// AFL++'s inputs): parsing never throws, and printing the tree gives back the input.
/// </summary>
public sealed class ParserProperties
{
    /// <summary>Pieces of C, kernel C and preprocessor text that, put together at random, reach the parser's odd corners.</summary>
    private static readonly string[] s_pieces =
    [
        "int", "x", "y", "f", "(", ")", "{", "}", ";", ",", "=", "+", "*", "&", "->", ".", "[", "]", "?", ":",
        "if", "else", "while", "for", "do", "switch", "case", "default", "return", "goto", "break", "struct", "union",
        "enum", "typedef", "static", "const", "unsigned", "sizeof", "typeof", "asm", "__attribute__((unused))",
        "list_for_each_entry(p, &h, node)", "DEFINE_MUTEX(m);", "__init", "...", "&&", "||", "<<=", "0x1fUL", "1.5e-3f",
        "'a'", "'\\''", "\"s\\\"\"", "L\"w\"", "\"unterminated", "/* c */", "/* open", "// line\n", "\n", " ", "\t", "\\\n",
        "#define M(a) a##b #a\n", "#if 0\n", "#ifdef X\n", "#else\n", "#endif\n", "#include <linux/x.h>\n", "#", "##", "@", "$", "`", "\r\n", "\u00e9",
    ];

    private static readonly Gen<string> s_text =
        Gen.Int[0, s_pieces.Length - 1].Array[0, 80].Select(indexes =>
        {
            var text = new StringBuilder();
            foreach (int i in indexes)
            {
                text.Append(s_pieces[i]).Append(' ');
            }

            return text.ToString();
        });

    private static void ParsesAndRoundTrips(byte[] bytes)
    {
        var tree = Parser.Parse(new SourceText("gen.c", bytes), ParseOptions.Default);
        Assert.Equal(bytes, tree.Print());
    }

    [Fact]
    public void Any_bytes_parse_and_print_back() =>
        Gen.Byte.Array[0, 400].Sample(ParsesAndRoundTrips, iter: 3000);

    [Fact]
    public void Any_mix_of_c_pieces_parses_and_prints_back() =>
        s_text.Sample(text => ParsesAndRoundTrips(Encoding.UTF8.GetBytes(text)), iter: 3000);

    [Fact]
    public void Every_diagnostic_points_into_the_file() =>
        s_text.Sample(
            text =>
            {
                byte[] bytes = Encoding.UTF8.GetBytes(text);
                foreach (var d in Parser.Parse(new SourceText("gen.c", bytes), ParseOptions.Default).Diagnostics)
                {
                    Assert.InRange(d.Span.Start, 0, bytes.Length);
                    Assert.InRange(d.Span.End, d.Span.Start, bytes.Length);
                }
            },
            iter: 1000);
}
