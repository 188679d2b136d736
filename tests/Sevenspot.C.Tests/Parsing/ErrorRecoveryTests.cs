using Sevenspot.Text;

namespace Sevenspot.C.Tests.Parsing;

/// <summary>Bad code stays in the tree as error nodes, is counted, and does not stop the rest of the file from parsing.</summary>
public sealed class ErrorRecoveryTests
{
    [Fact]
    public void A_bad_statement_becomes_an_error_statement_and_the_function_is_counted_with_errors()
    {
        const string text = "int f(int x)\n{\n\tint y = ;\n\tx++;\n\treturn x;\n}\nint g(void)\n{\n\treturn 0;\n}\n";
        var tree = Parser.Parse(text, "drivers/bad.c");

        var census = FunctionCensus.Take(tree);
        Assert.Equal(2, census.Functions);
        var unparsed = Assert.Single(census.Unparsed);
        Assert.Equal(new UnparsedFunction("f", 3, "cannot parse statement: expected expression before ';'"), unparsed);

        var body = tree.Root.AsCompilationUnit().ItemList.ChildNodes().First().AsFunctionDefinition().Body.AsCompoundStatement();
        Assert.Equal(
            [SyntaxKind.ErrorStatement, SyntaxKind.ExpressionStatement, SyntaxKind.ReturnStatement],
            body.StatementList.ChildNodes().Select(n => n.Kind));

        var d = Assert.Single(tree.Diagnostics);
        Assert.Equal(DiagnosticId.UnparsableStatement, d.Id);
        Assert.Equal("drivers/bad.c:3:9: cannot parse statement: expected expression before ';'", d.ToString());
    }

    [Fact]
    public void An_unparsable_function_becomes_an_error_node_counted_with_its_line()
    {
        const string text = "int first(void) { return 1; }\n\nint bad(int a,, int b)\n{\n\treturn a;\n}\n\nint last(void) { return 3; }\n";
        var tree = Parser.Parse(text, "lib/bad.c");

        Assert.Equal(
            [SyntaxKind.FunctionDefinition, SyntaxKind.ErrorNode, SyntaxKind.FunctionDefinition],
            tree.Root.AsCompilationUnit().ItemList.ChildNodes().Select(n => n.Kind));

        var census = FunctionCensus.Take(tree);
        Assert.Equal(3, census.Functions);
        Assert.Equal(1, census.FunctionsWithErrors);
        var unparsed = census.Unparsed[0];
        Assert.Equal(3, unparsed.Line);
        Assert.Equal("cannot parse function bad: expected parameter declaration before ','", unparsed.Reason);

        var d = Assert.Single(tree.Diagnostics);
        Assert.Equal(DiagnosticId.UnparsableFunction, d.Id);
        Assert.StartsWith("lib/bad.c:3:14: cannot parse function bad: ", d.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Errors_are_flagged_up_the_tree_and_clean_items_stay_clean()
    {
        var tree = Parser.Parse("int a;\nvoid f(void) { if (x) { y = ); } }\nint b;\n");

        var items = tree.Root.AsCompilationUnit().ItemList.ChildNodes().ToList();
        Assert.True(tree.Root.ContainsErrors);
        Assert.False(items[0].ContainsErrors);
        Assert.True(items[1].ContainsErrors);
        Assert.False(items[2].ContainsErrors);
    }

    [Fact]
    public void A_stray_closing_brace_at_file_scope_is_an_error_node()
    {
        var tree = Parser.Parse("int a;\n}\nint b;\n");

        Assert.Equal(
            [SyntaxKind.Declaration, SyntaxKind.ErrorNode, SyntaxKind.Declaration],
            tree.Root.AsCompilationUnit().ItemList.ChildNodes().Select(n => n.Kind));
        Assert.Equal(DiagnosticId.UnparsableDeclaration, Assert.Single(tree.Diagnostics).Id);
    }

    [Fact]
    public void A_function_given_up_for_an_octal_constant_with_a_digit_9_is_counted_with_errors()
    {
        const string text = "int first(void) { return 1; }\nint bad(void)\n{\n\treturn 09;\n}\nint last(void) { return 09u; }\n";
        var tree = Parser.Parse(text, "lib/octal.c");

        var census = FunctionCensus.Take(tree);
        Assert.Equal(3, census.Functions);
        var unparsed = Assert.Single(census.Unparsed);
        Assert.Equal(4, unparsed.Line); // the constant's line
        Assert.StartsWith("cannot parse function bad: ", unparsed.Reason);
    }

    [Fact]
    public void A_function_whose_bad_octal_constant_is_in_the_arguments_of_a_call_is_read()
    {
        // spatch reads the callee as a macro and skips its arguments; "if (x == 08)", "x = (08)" and
        // "f(x)[08]" have no call around the constant, and their functions are given up.
        const string text = "void g(int x) {\n\tfoo(08);\n\tbar(x);\n}\nvoid k(int x) {\n\tint y = foo(1, baz((09)) + 1);\n\tbar(x);\n}\n"
            + "void a(int x) {\n\tif (x == 08)\n\t\tbar(x);\n}\nvoid b(int x) {\n\tx = (08);\n}\nvoid c(int x) {\n\tf(x)[08] = 1;\n}\n";
        var tree = Parser.Parse(text, "lib/octal.c");

        var census = FunctionCensus.Take(tree);
        Assert.Equal(5, census.Functions);
        Assert.Equal([10, 14, 17], census.Unparsed.Select(u => u.Line));
    }

    [Fact]
    public void A_missing_closing_brace_at_the_end_of_the_file_keeps_the_function()
    {
        var tree = Parser.Parse("void f(void)\n{\n\tx = 1;\n");

        var function = Assert.Single(tree.Root.AsCompilationUnit().ItemList.ChildNodes());
        Assert.Equal(SyntaxKind.FunctionDefinition, function.Kind);
        Assert.True(function.ContainsErrors);
        Assert.Equal(DiagnosticId.ExpectedToken, Assert.Single(tree.Diagnostics).Id);
        Assert.Equal(1, FunctionCensus.Take(tree).FunctionsWithErrors);
    }

    [Fact]
    public void Only_the_first_branch_of_an_unbalanced_if_is_used_when_the_others_break_the_function()
    {
        const string text = "int f(int x)\n{\n#ifdef A\n\tif (x) {\n#else\n\tif (!x) {\n#endif\n\t\tx++;\n\t}\n\treturn x;\n}\n";
        var tree = Parser.Parse(text);

        Assert.False(tree.Root.ContainsErrors);
        Assert.Equal(text, tree.ToString());
        Assert.Equal(0, FunctionCensus.Take(tree).FunctionsWithErrors);
    }

    [Fact]
    public void Names_of_unparsed_functions_come_from_their_declarator()
    {
        var tree = Parser.Parse("static int *lookup(int k)\n{\n\treturn k +;\n}\n");

        Assert.Equal("lookup", Assert.Single(FunctionCensus.Take(tree).Unparsed).Name);
    }
}
