namespace Sevenspot.C.Tests.Parsing;

/// <summary>
/// A small #if group inside a construct keeps only its first branch, the others being read as
/// comments, as spatch reads them; a group around whole statements keeps every branch (each
/// expectation agrees with what spatch matches in the same code).
/// </summary>
public sealed class ConditionalMidTests
{
    private static string Words(SyntaxTree tree) => string.Join(" ", tree.Root.DescendantTokens().Select(t => t.Text)).TrimEnd();

    [Fact]
    public void The_other_branches_of_a_group_inside_an_initializer_are_comments()
    {
        const string text = "struct s x = {\n\t.a = 1,\n#ifdef A\n\t.b = 2,\n#else\n\t.b = 3,\n#endif\n};\n";
        var tree = Parser.Parse(text);

        Assert.False(tree.Root.ContainsErrors);
        Assert.Equal(text, tree.ToString());
        Assert.Equal("struct s x = { . a = 1 , . b = 2 , } ;", Words(tree));
    }

    [Fact]
    public void A_group_whose_first_branch_leaves_a_parenthesis_open_keeps_its_first_branch()
    {
        const string text = "int f(int x)\n{\n#ifdef A\n\tif (g(x,\n#else\n\tif (h(x,\n#endif\n\t\t1))\n\t\treturn 1;\n\treturn 0;\n}\n";
        var tree = Parser.Parse(text);

        Assert.False(tree.Root.ContainsErrors);
        Assert.Equal("int f ( int x ) { if ( g ( x , 1 ) ) return 1 ; return 0 ; }", Words(tree));
    }

    [Fact]
    public void Groups_around_whole_statements_or_larger_than_six_lines_keep_every_branch()
    {
        const string statements = "int f(int x)\n{\n#ifdef A\n\tg(1);\n#else\n\tg(2);\n#endif\n\treturn x;\n}\n";
        Assert.Equal("int f ( int x ) { g ( 1 ) ; g ( 2 ) ; return x ; }", Words(Parser.Parse(statements)));

        const string large = "struct s x = {\n#ifdef A\n\t.a = 1,\n\t.b = 1,\n\t.c = 1,\n\t.d = 1,\n\t.e = 1,\n\t.f = 1,\n\t.g = 1,\n#else\n\t.a = 2,\n#endif\n};\n";
        Assert.Contains(". a = 2", Words(Parser.Parse(large)), StringComparison.Ordinal);
    }

    [Fact]
    public void A_group_holding_another_group_keeps_every_branch()
    {
        const string text = "struct s x = {\n#ifdef A\n#ifdef B\n\t.a = 1,\n#endif\n#else\n\t.a = 2,\n#endif\n};\n";
        var words = Words(Parser.Parse(text));

        Assert.Contains(". a = 1", words, StringComparison.Ordinal);
        Assert.Contains(". a = 2", words, StringComparison.Ordinal);
    }
}
