using Sevenspot.Text;

namespace Sevenspot.C.Tests.Parsing;

/// <summary>
/// A body filter leaves the bodies it rules out unread: such a function reads as "{ }", the tree
/// still prints the file byte for byte, and the rest of the tree is as a full parse reads it.
/// </summary>
public sealed class BodyFilterTests
{
    /// <summary>Rules out every function that does not spell one word.</summary>
    private sealed class NeedsWord(string word) : FunctionBodyFilter
    {
        public override FunctionBodyTest? For(LexedText text) => new Test(text, text.Names.Find(word));

        private sealed class Test(LexedText text, int id) : FunctionBodyTest
        {
            public override bool Needs(int firstToken, int lastToken)
            {
                for (int t = firstToken; t <= lastToken; t++)
                {
                    if (text.Tokens[t].Name == id)
                    {
                        return true;
                    }
                }

                return false;
            }
        }
    }

    private static SyntaxTree Parse(string text, string word = "wanted") =>
        Parser.Parse(SourceText.FromString("input.c", text), new ParseOptions { BodyFilter = new NeedsWord(word) });

    private static string Body(SyntaxTree tree, int function) =>
        string.Join(" ", tree.Root.AsCompilationUnit().ItemList.ChildNodes().Where(n => n.Kind == SyntaxKind.FunctionDefinition)
            .ElementAt(function).AsFunctionDefinition().Body.DescendantTokens().Select(t => t.Text));

    [Fact]
    public void A_body_without_the_words_reads_as_empty_and_prints_back()
    {
        const string text = "static int f(int x)\n{\n\treturn g(x) + 1;\n}\n\nint h(void)\n{\n\treturn wanted(2);\n}\n";
        var tree = Parse(text);

        Assert.False(tree.Root.ContainsErrors);
        Assert.Equal(text, tree.ToString());
        Assert.Equal(text, System.Text.Encoding.UTF8.GetString(tree.Print()));
        Assert.Equal("{ }", Body(tree, 0));
        Assert.Equal("{ return wanted ( 2 ) ; }", Body(tree, 1));
    }

    [Fact]
    public void The_words_of_the_header_count()
    {
        var tree = Parse("int wanted(int x)\n{\n\treturn x;\n}\n");
        Assert.Equal("{ return x ; }", Body(tree, 0));
    }

    [Theory]
    [InlineData("int f(void)\n{\n\ttypedef int T;\n\treturn 0;\n}\n")]
    [InlineData("int f(void)\n{\n\tU32 x;\n\treturn 0;\n}\nint g(void)\n{\n\treturn sizeof(U32);\n}\n")]
    [InlineData("#define M(a) ((T)(a))\nint f(void)\n{\n\tT *p = 0;\n\treturn 0;\n}\n")]
    [InlineData("int f(void)\n{\n#ifdef A\n\treturn 1;\n#endif\n\treturn 0;\n}\n")]
    public void A_body_the_rest_of_the_file_may_depend_on_is_read(string text)
    {
        var tree = Parse(text);
        Assert.NotEqual("{ }", Body(tree, 0));
        Assert.Equal(text, tree.ToString());
    }

    [Fact]
    public void A_nested_function_body_is_read()
    {
        var tree = Parse("int wanted(void)\n{\n\tint inner(void) { return 1; }\n\treturn inner();\n}\n");
        Assert.Contains("return 1", Body(tree, 0), StringComparison.Ordinal);
    }

    [Fact]
    public void The_items_outside_the_bodies_read_as_without_a_filter()
    {
        const string text = "struct s { int a; };\nstatic int f(struct s *p)\n{\n\treturn p->a;\n}\nstatic const struct ops o = {\n\t.f = f,\n};\nint g(void)\n{\n\treturn wanted();\n}\n";
        var full = Parser.Parse(text);
        var lazy = Parse(text);
        Assert.Equal(Shape(full, skipBodies: true), Shape(lazy, skipBodies: true));
        Assert.Equal("{ }", Body(lazy, 0));
    }

    /// <summary>Each file-level item: its kind, token range and, outside skipped bodies, its nodes.</summary>
    internal static string Shape(SyntaxTree tree, bool skipBodies)
    {
        var parts = new List<string>();
        foreach (var item in tree.Root.AsCompilationUnit().ItemList.ChildNodes())
        {
            parts.Add($"{item.Kind} {item.FirstTokenIndex}-{item.LastTokenIndex}");
            var walk = item.Kind == SyntaxKind.FunctionDefinition && skipBodies ? item.AsFunctionDefinition().Declarator : item;
            foreach (var node in walk.DescendantNodesAndSelf())
            {
                parts.Add($" {node.Kind} {node.FirstTokenIndex}-{node.LastTokenIndex}");
            }
        }

        return string.Join("\n", parts);
    }
}
