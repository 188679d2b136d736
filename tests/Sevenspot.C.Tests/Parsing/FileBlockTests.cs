namespace Sevenspot.C.Tests.Parsing;

/// <summary>extern "C" { ... } and namespace n { ... }: the items inside are items of the file.</summary>
public sealed class FileBlockTests
{
    private static SyntaxKind[] ItemKinds(SyntaxTree tree) =>
        [.. tree.Root.AsCompilationUnit().ItemList.ChildNodes().Select(n => n.Kind)];

    [Fact]
    public void A_linkage_block_opens_and_closes_around_file_level_items()
    {
        const string text = "extern \"C\" {\nint counter = 0;\nint get(void) { return counter; }\n}\nint after;\n";
        var tree = Parser.Parse(text);

        Assert.Empty(tree.Diagnostics);
        Assert.Equal(
            [SyntaxKind.FileBlockOpen, SyntaxKind.Declaration, SyntaxKind.FunctionDefinition, SyntaxKind.FileBlockClose, SyntaxKind.Declaration],
            ItemKinds(tree));
        Assert.Equal(text, tree.Root.ToFullString());
    }

    [Fact]
    public void Nested_and_anonymous_namespaces_are_file_blocks()
    {
        const string text = "namespace outer {\nnamespace inner {\nint f(void) { return 0; }\n}\n}\nnamespace {\nint g;\n}\n";
        var tree = Parser.Parse(text);

        Assert.Empty(tree.Diagnostics);
        Assert.Equal(
            [SyntaxKind.FileBlockOpen, SyntaxKind.FileBlockOpen, SyntaxKind.FunctionDefinition, SyntaxKind.FileBlockClose, SyntaxKind.FileBlockClose,
                SyntaxKind.FileBlockOpen, SyntaxKind.Declaration, SyntaxKind.FileBlockClose],
            ItemKinds(tree));
        Assert.Equal(text, tree.Root.ToFullString());
    }

    [Fact]
    public void Namespace_is_an_ordinary_name_elsewhere()
    {
        var tree = Parser.Parse("typedef int namespace;\nnamespace n;\n");

        Assert.Empty(tree.Diagnostics);
        Assert.Equal([SyntaxKind.Declaration, SyntaxKind.Declaration], ItemKinds(tree));
    }

    [Fact]
    public void A_closing_brace_with_no_open_block_is_still_an_error()
    {
        var tree = Parser.Parse("int a;\n}\nint b;\n");

        Assert.NotEmpty(tree.Diagnostics);
        Assert.DoesNotContain(SyntaxKind.FileBlockClose, ItemKinds(tree));
    }
}
