using System.Text;
using Sevenspot.Text;

namespace Sevenspot.C.Tests.Parsing;

/// <summary>Invariants every tree keeps, checked on inputs that make the parser backtrack and recover.</summary>
public sealed class SyntaxTreeTests
{
    public static TheoryData<string> Inputs()
    {
        var data = new TheoryData<string>();
        foreach (string folder in Directory.GetDirectories(RepositoryPaths.ParserFixtures).Order(StringComparer.Ordinal))
        {
            data.Add(File.ReadAllText(Path.Combine(folder, "input.c")));
        }

        data.Add("void f(void) { x = (a) b c d; y = f(1, ^, 2); } int g(int a,, b) { } }");
        data.Add("#ifdef A\nint f(void) {\n#else\nint f(int x) {\n#endif\n\treturn 0;\n}\n");
        return data;
    }

    [Theory]
    [MemberData(nameof(Inputs))]
    public void Every_child_names_its_parent_and_spans_nest(string text)
    {
        var tree = Parser.Parse(text);

        Assert.Null(tree.Root.Parent);
        foreach (var node in tree.Root.DescendantNodesAndSelf())
        {
            foreach (var child in node.ChildNodes())
            {
                Assert.Equal(node, child.Parent);
                if (!child.IsEmpty)
                {
                    Assert.True(node.Span.Contains(child.Span), $"{child.Kind} {child.Span} is outside {node.Kind} {node.Span}");
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(Inputs))]
    public void Every_token_has_the_innermost_node_holding_it_as_parent(string text)
    {
        var tree = Parser.Parse(text);

        for (int i = 0; i < tree.TokenCount; i++)
        {
            var token = tree.GetToken(i);
            var parent = token.Parent;
            Assert.NotNull(parent);
            bool held = false;
            foreach (var element in parent.Value.Children)
            {
                held |= element.IsToken && element.AsToken() == token;
            }

            Assert.True(held, $"token {i} is not a child of its parent {parent.Value.Kind}");
        }
    }

    [Fact]
    public void Print_gives_back_crlf_files_and_files_without_a_final_newline()
    {
        const string text = "int f(void)\r\n{\r\n\treturn 0; /* x */\r\n}";
        var tree = Parser.Parse(text);

        Assert.Equal(Encoding.UTF8.GetBytes(text), tree.Print());
        Assert.Equal(text, tree.ToString());
    }

    [Fact]
    public void Positions_and_full_spans()
    {
        var tree = Parser.Parse("int a;\n  /* c */ int b;\n", "p.c");

        var second = tree.Root.AsCompilationUnit().ItemList.ChildNodes().Last();
        Assert.Equal(new LinePosition(2, 10), second.Position);
        Assert.Equal("int b;", second.ToString());
        Assert.Equal("\n  /* c */ int b;", second.ToFullString());
    }
    [Fact]
    public void The_walk_below_a_node_is_its_pre_order()
    {
        var tree = Parser.Parse("int a = 1;\nvoid f(int x)\n{\n\tif (x)\n\t\tg(x, a + 1);\n\treturn;\n}\n");
        var expected = new List<int>();
        PreOrder(tree.Root, expected);

        var walked = new List<int>();
        foreach (var node in tree.Root.DescendantNodesAndSelf())
        {
            walked.Add(node.Index);
        }

        Assert.Equal(tree.NodeCount, walked.Count);
        Assert.Equal(expected, walked);

        // Through the interface (LINQ) and from an inner node, the same order.
        var function = tree.Root.AsCompilationUnit().ItemList.ChildNodes().Last();
        var inner = new List<int>();
        PreOrder(function, inner);
        Assert.Equal(inner, function.DescendantNodesAndSelf().Select(n => n.Index).ToList());

        // A walk left early gives its stack back and a new walk starts afresh.
        foreach (var node in tree.Root.DescendantNodesAndSelf())
        {
            if (node.Kind == SyntaxKind.IfStatement)
            {
                break;
            }
        }

        Assert.Equal(expected, tree.Root.DescendantNodesAndSelf().Select(n => n.Index).ToList());
    }

    [Fact]
    public void Texts_parsed_into_one_table_of_names_share_its_ids_and_print_back()
    {
        var names = new NameTable();
        var first = Parser.Parse(SourceText.FromString("a.c", "int x = y + 1;\n"), null, names);
        var second = Parser.Parse(SourceText.FromString("a.c", "void g(void) { y = z; }\n"), null, names);

        Assert.Same(first.Names, second.Names);
        Assert.Equal("int x = y + 1;\n", first.ToString());
        Assert.Equal("void g(void) { y = z; }\n", second.ToString());
        Assert.Equal(names.Find("y"), first.Root.DescendantNodesAndSelf().First(n => n.Kind == SyntaxKind.IdentifierName && n.ToString() == "y").AsIdentifierName().Identifier.NameId);
        Assert.True(names.Find("z") > 0);
    }

    private static void PreOrder(SyntaxNode node, List<int> order)
    {
        order.Add(node.Index);
        foreach (var child in node.ChildNodes())
        {
            PreOrder(child, order);
        }
    }
}
