using System.Runtime.ExceptionServices;
using System.Text;
using Sevenspot.Text;

namespace Sevenspot.C.Tests.Parsing;

/// <summary>
/// Bad input ends in counted errors, never in an exception or a stack overflow. Parses run on a
/// thread with an ordinary 1 MB stack: deep input must be cut off by the parser's depth limit.
/// </summary>
public sealed class BadInputTests
{
    private const int OrdinaryStack = 1024 * 1024;
    private const string After = "\nint after(void)\n{\n\treturn 0;\n}\n";

    private static SyntaxTree ParseOnOrdinaryStack(byte[] bytes, string path = "bad.c")
    {
        SyntaxTree? tree = null;
        Exception? failure = null;
        var thread = new Thread(
            () =>
            {
                try
                {
                    tree = Parser.Parse(new SourceText(path, bytes));
                }
                catch (Exception e)
                {
                    failure = e;
                }
            },
            OrdinaryStack);
        thread.Start();
        thread.Join();
        if (failure is not null)
        {
            ExceptionDispatchInfo.Throw(failure);
        }

        Assert.NotNull(tree);
        Assert.True(tree.Print().AsSpan().SequenceEqual(bytes), "printing the tree does not give back the input");
        return tree;
    }

    private static SyntaxTree ParseOnOrdinaryStack(string text) => ParseOnOrdinaryStack(Encoding.UTF8.GetBytes(text));

    private static void AssertLastItemIsCleanFunction(SyntaxTree tree)
    {
        var last = tree.Root.AsCompilationUnit().ItemList.ChildNodes().Last();
        Assert.Equal(SyntaxKind.FunctionDefinition, last.Kind);
        Assert.False(last.ContainsErrors);
        Assert.Equal("after", FunctionCensus.NameOf(last));
    }

    private static string Repeat(string s, int count) => new StringBuilder(s.Length * count).Insert(0, s, count).ToString();

    public static TheoryData<string> DeepShapes() =>
    [
        "parentheses",
        "blocks",
        "if statements",
        "iterator macros",
        "labels",
        "struct bodies",
        "typeof",
        "initializer braces",
        "casts",
        "unary operators",
        "conditional operators",
        "assignments",
        "calls",
        "subscripts",
        "pointer declarators",
        "parenthesized declarators",
        "function pointer parameters",
        "statement expressions",
        "sizeof",
        "unclosed parentheses",
        "unclosed blocks",
    ];

    private static string Deep(string shape, int n) => shape switch
    {
        "parentheses" => "int f(void)\n{\n\treturn " + new string('(', n) + "1" + new string(')', n) + ";\n}\n",
        "blocks" => "void f(void)\n" + new string('{', n) + new string('}', n) + "\n",
        "if statements" => "void f(int x)\n{\n" + Repeat("if (x) ", n) + "x++;\n}\n",
        "iterator macros" => "void f(void)\n{\n" + Repeat("list_for_each(p, h) ", n) + "x++;\n}\n",
        "labels" => "void f(void)\n{\n" + Repeat("l: ", n) + "x++;\n}\n",
        "struct bodies" => Repeat("struct s { ", n) + "int x;" + Repeat(" } m;", n - 1) + " };\n",
        "typeof" => Repeat("typeof(", n) + "int" + new string(')', n) + " x;\n",
        "initializer braces" => "int x = " + new string('{', n) + "1" + new string('}', n) + ";\n",
        "casts" => "int x = " + Repeat("(int)", n) + "1;\n",
        "unary operators" => "int x = " + Repeat("- ", n) + "1;\n",
        "conditional operators" => "int x = " + Repeat("a ? b : ", n) + "1;\n",
        "assignments" => "void f(void)\n{\n\t" + Repeat("a = ", n) + "1;\n}\n",
        "calls" => "int x = " + Repeat("f(", n) + "1" + new string(')', n) + ";\n",
        "subscripts" => "int x = a" + Repeat("[a", n) + new string(']', n) + ";\n",
        "pointer declarators" => "int " + new string('*', n) + "p;\n",
        "parenthesized declarators" => "int " + new string('(', n) + "x" + new string(')', n) + ";\n",
        "function pointer parameters" => "int f(" + Repeat("int (*g)(", n) + new string(')', n) + ");\n",
        "statement expressions" => "int x = " + Repeat("({ ", n) + "1;" + Repeat(" })", n) + ";\n",
        "sizeof" => "int x = " + Repeat("sizeof(", n) + "1" + new string(')', n) + ";\n",
        "unclosed parentheses" => "int f(void)\n{\n\treturn " + new string('(', n) + "1;\n}\n",
        "unclosed blocks" => "void f(void)\n" + new string('{', n) + "\n",
        _ => throw new ArgumentException(shape, nameof(shape)),
    };

    [Theory]
    [MemberData(nameof(DeepShapes))]
    public void Ten_thousand_levels_of_nesting_are_an_error_not_a_stack_overflow(string shape)
    {
        var tree = ParseOnOrdinaryStack(Deep(shape, 10_000) + After);

        Assert.True(tree.Root.ContainsErrors);
        Assert.NotEmpty(tree.Diagnostics);
        if (!shape.StartsWith("unclosed", StringComparison.Ordinal))
        {
            AssertLastItemIsCleanFunction(tree);
        }
    }

    [Fact]
    public void Ten_thousand_nested_parentheses_are_reported_as_too_deep()
    {
        var tree = ParseOnOrdinaryStack(Deep("parentheses", 10_000) + After);

        var census = FunctionCensus.Take(tree);
        Assert.Equal(2, census.Functions);
        var unparsed = Assert.Single(census.Unparsed);
        Assert.Equal(("f", 3, "cannot parse statement: nesting too deep"), (unparsed.Name, unparsed.Line, unparsed.Reason));
    }

    [Fact]
    public void Ten_thousand_nested_blocks_are_reported_as_too_deep()
    {
        var tree = ParseOnOrdinaryStack(Deep("blocks", 10_000) + After);

        var census = FunctionCensus.Take(tree);
        Assert.Equal(2, census.Functions);
        Assert.Equal("cannot parse statement: nesting too deep", Assert.Single(census.Unparsed).Reason);
    }

    [Fact]
    public void Nesting_within_the_limit_parses()
    {
        var tree = ParseOnOrdinaryStack(Deep("parentheses", 50) + Deep("blocks", 50) + After);

        Assert.False(tree.Root.ContainsErrors);
        Assert.Empty(tree.Diagnostics);
    }

    [Fact]
    public void The_depth_limit_is_an_option()
    {
        string text = Deep("parentheses", 20);

        Assert.False(Parser.Parse(text).Root.ContainsErrors);
        Assert.True(Parser.Parse(text, options: new ParseOptions { MaxDepth = 16 }).Root.ContainsErrors);
    }

    [Fact]
    public void A_ten_megabyte_single_line_file()
    {
        var sb = new StringBuilder(10 * 1024 * 1024 + 100);
        int functions = 0;
        while (sb.Length < 5 * 1024 * 1024)
        {
            sb.Append("static int f").Append(functions).Append("(int x) { return x + ").Append(functions).Append("; } ");
            functions++;
        }

        sb.Append("int broken(void) { x = ; } ");
        functions++;
        while (sb.Length < 10 * 1024 * 1024)
        {
            sb.Append("int v").Append(functions).Append(" = ").Append(functions).Append(", w").Append(functions).Append("[2]; ");
            functions++;
        }

        var bytes = Encoding.ASCII.GetBytes(sb.ToString());
        Assert.DoesNotContain((byte)'\n', bytes);

        var tree = ParseOnOrdinaryStack(bytes);

        var census = FunctionCensus.Take(tree);
        var unparsed = Assert.Single(census.Unparsed);
        Assert.Equal(("broken", 1), (unparsed.Name, unparsed.Line));
        Assert.True(census.Functions > 50_000);
        Assert.Equal(DiagnosticId.UnparsableStatement, Assert.Single(tree.Diagnostics).Id);
    }

    [Fact]
    public void A_ten_megabyte_line_of_garbage()
    {
        var text = Repeat("a ) ] } @ ", 1024 * 1024);

        var tree = ParseOnOrdinaryStack(text);

        Assert.True(tree.Root.ContainsErrors);
        Assert.Contains(tree.Diagnostics, d => d.Id == DiagnosticId.UnexpectedCharacter);
    }

    [Fact]
    public void A_binary_file_is_reported_and_not_parsed()
    {
        // An ELF-like header: many NUL bytes near the start.
        var bytes = new byte[4096];
        "\u007fELF"u8.CopyTo(bytes);
        new Random(7).NextBytes(bytes.AsSpan(512, 512));

        var tree = ParseOnOrdinaryStack(bytes, "a.out");

        var d = Assert.Single(tree.Diagnostics);
        Assert.Equal(DiagnosticId.BinaryFile, d.Id);
        Assert.Equal("a.out:1:0: binary file, not C source", d.ToString());
        Assert.Empty(tree.Root.AsCompilationUnit().ItemList.ChildNodes());
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Random_bytes_are_errors(int seed)
    {
        var bytes = new byte[1024 * 1024];
        new Random(seed).NextBytes(bytes);

        var tree = ParseOnOrdinaryStack(bytes, "random.bin");

        Assert.True(tree.Root.ContainsErrors || tree.Diagnostics.Count > 0);
        Assert.NotEmpty(tree.Diagnostics);
    }

    [Theory]
    [InlineData(11)]
    [InlineData(12)]
    public void Random_c_like_tokens_parse_without_failing(int seed)
    {
        string[] pieces = ["int", "x", "(", ")", "{", "}", "[", "]", ";", ",", "*", "=", "if", "else", "for", "while", "do", "return", "struct", "s", "typedef", "1", "\"s\"", "'c'", "+", "->", ".", "?", ":", "#if 0\n", "\n#endif\n", "/*", "*/", "//", "\n", "\\\n", "__attribute__", "list_for_each_entry", "DEFINE_MUTEX", "sizeof", "typeof", "asm", "case", "default", "goto", "...", "&&"];
        var random = new Random(seed);
        var sb = new StringBuilder();
        for (int i = 0; i < 200_000; i++)
        {
            sb.Append(pieces[random.Next(pieces.Length)]).Append(' ');
        }

        var tree = ParseOnOrdinaryStack(sb.ToString());

        Assert.True(tree.Root.ContainsErrors);
    }

    [Fact]
    public void Nul_bytes_inside_a_function_are_errors_in_that_function_only()
    {
        var sb = new StringBuilder();
        for (int i = 0; i < 200; i++)
        {
            sb.Append("int f").Append(i).Append("(int x)\n{\n\treturn x;\n}\n\n");
        }

        sb.Append("int g(int x)\n{\n\tx = 1;\0\0\n\treturn x;\n}\n").Append(After);

        var tree = ParseOnOrdinaryStack(sb.ToString());

        Assert.Contains(tree.Diagnostics, d => d.Id == DiagnosticId.NulCharacter && d.Message == "null character in input");
        var census = FunctionCensus.Take(tree);
        Assert.Equal(202, census.Functions);
        Assert.Equal("g", Assert.Single(census.Unparsed).Name);
        AssertLastItemIsCleanFunction(tree);
    }

    [Fact]
    public void Invalid_utf8_in_code_is_an_error_and_elsewhere_survives_untouched()
    {
        var bytes = new List<byte>();
        bytes.AddRange("/* caf"u8.ToArray());
        bytes.Add(0xE9); // Latin-1, not UTF-8
        bytes.AddRange(" */\nconst char *s = \"\xff\";\nint g(int x)\n{\n\tint caf"u8.ToArray());
        bytes.Add(0xE9);
        bytes.AddRange(" = x;\n\treturn x;\n}\n"u8.ToArray());
        bytes.AddRange(Encoding.UTF8.GetBytes(After));

        var tree = ParseOnOrdinaryStack([.. bytes], "latin1.c");

        var lexical = Assert.Single(tree.Diagnostics, d => d.Id == DiagnosticId.UnexpectedCharacter);
        Assert.Equal("latin1.c:5:8: stray '\\351' in program", lexical.ToString());
        Assert.Equal("g", Assert.Single(FunctionCensus.Take(tree).Unparsed).Name);
        AssertLastItemIsCleanFunction(tree);
    }

    [Fact]
    public void An_unterminated_comment_is_reported()
    {
        var tree = ParseOnOrdinaryStack("int a;\n/* never closed\nint b;\n");

        var d = Assert.Single(tree.Diagnostics);
        Assert.Equal(DiagnosticId.UnterminatedComment, d.Id);
        Assert.Equal(2, d.Position.Line);
    }

    [Fact]
    public void An_unterminated_string_is_reported_and_the_next_lines_parse()
    {
        var tree = ParseOnOrdinaryStack("void f(void)\n{\n\tputs(\"never closed);\n}\n" + After);

        Assert.Contains(tree.Diagnostics, d => d.Id == DiagnosticId.UnterminatedString && d.Position.Line == 3);
        Assert.Equal("f", Assert.Single(FunctionCensus.Take(tree).Unparsed).Name);
        AssertLastItemIsCleanFunction(tree);
    }

    [Fact]
    public void An_unterminated_character_literal_is_reported()
    {
        var tree = ParseOnOrdinaryStack("char c = 'x;\n" + After);

        Assert.Contains(tree.Diagnostics, d => d.Id == DiagnosticId.UnterminatedCharacter);
        AssertLastItemIsCleanFunction(tree);
    }

    [Fact]
    public void An_unterminated_if_is_reported_and_its_code_parsed()
    {
        var tree = ParseOnOrdinaryStack("#ifdef CONFIG_X\nint a;\n" + After);

        var d = Assert.Single(tree.Diagnostics);
        Assert.Equal(DiagnosticId.UnterminatedConditional, d.Id);
        Assert.Equal("bad.c:1:0: unterminated #if", d.ToString());
        AssertLastItemIsCleanFunction(tree);
    }

    [Fact]
    public void An_unterminated_if_0_is_reported()
    {
        var tree = ParseOnOrdinaryStack("int a;\n#if 0\nint b;\n" + After);

        Assert.Equal(DiagnosticId.UnterminatedConditional, Assert.Single(tree.Diagnostics).Id);
        Assert.Single(tree.Root.AsCompilationUnit().ItemList.ChildNodes());
    }

    [Fact]
    public void An_empty_file_and_a_file_of_trivia()
    {
        Assert.Empty(ParseOnOrdinaryStack(string.Empty).Diagnostics);
        Assert.Empty(ParseOnOrdinaryStack("/* only */\n// comments\n#include <x.h>\n\n").Diagnostics);
    }
}
