namespace Sevenspot.C.Tests.Parsing;

/// <summary>Macro files in the format of Coccinelle's standard.h.</summary>
public sealed class MacroTableTests
{
    private const string MacroFile = """
        /* comments are ignored */
        #define my_for_each(pos, head) YACFE_ITERATOR
        #define MY_DECLARE(name) YACFE_DECLARATOR
        #define __my_attr
        #define __my_attr_args(x)
        #define __my_section(s) YACFE_ATTRIBUTE
        #define MY_PREFIX "prefix: "
        #define MY_STRING YACFE_STRING
        #define MY_STMT(x) YACFE_STATEMENT
        #define MY_TYPE(x) YACFE_TYPE
        #define MY_STATIC static inline
        #define my_loop(i, n) for (i = 0; i < (n); i++)
        #define MY_PACKED __attribute__((packed))
        #define my_int unsigned int
        #define MULTI(a, \
                      b) YACFE_ITERATOR
        #define MY_VALUE 42 // not a macro the parser needs to know
        typedef struct handle my_handle_t;
        typedef unsigned long my_word;
        """;

    [Theory]
    [InlineData("my_for_each", MacroKind.Iterator)]
    [InlineData("MY_DECLARE", MacroKind.Declarer)]
    [InlineData("__my_attr", MacroKind.Attribute)]
    [InlineData("__my_attr_args", MacroKind.AttributeWithArguments)]
    [InlineData("__my_section", MacroKind.AttributeWithArguments)]
    [InlineData("MY_PREFIX", MacroKind.String)]
    [InlineData("MY_STRING", MacroKind.String)]
    [InlineData("MY_STMT", MacroKind.Statement)]
    [InlineData("MY_TYPE", MacroKind.TypeBuilder)]
    [InlineData("MY_STATIC", MacroKind.Specifier)]
    [InlineData("my_loop", MacroKind.Iterator)]
    [InlineData("MY_PACKED", MacroKind.Attribute)]
    [InlineData("my_int", MacroKind.TypeName)]
    [InlineData("MULTI", MacroKind.Iterator)]
    [InlineData("MY_VALUE", MacroKind.None)]
    [InlineData("my_handle_t", MacroKind.TypeName)]
    [InlineData("my_word", MacroKind.TypeName)]
    [InlineData("not_in_the_file", MacroKind.None)]
    public void Classifies_each_definition(string name, MacroKind kind)
    {
        var table = MacroTable.FromText("macros.h", MacroFile, includeBuiltin: false);

        Assert.Equal(kind, table.Classify(name));
    }

    [Fact]
    public void The_builtin_table_knows_common_kernel_macros()
    {
        var table = MacroTable.Builtin;

        Assert.True(table.Count > 100);
        Assert.Equal(MacroKind.Attribute, table.Classify("__init"));
        Assert.Equal(MacroKind.Attribute, table.Classify("__user"));
        Assert.Equal(MacroKind.AttributeWithArguments, table.Classify("__acquires"));
        Assert.Equal(MacroKind.String, table.Classify("KERN_INFO"));
        Assert.Equal(MacroKind.Iterator, table.Classify("while_each_thread"));
    }

    [Fact]
    public void A_file_adds_to_and_overrides_the_builtin_table()
    {
        var table = MacroTable.FromText("macros.h", "#define __init YACFE_DECLARATOR\n#define brand_new YACFE_ITERATOR\n");

        Assert.Equal(MacroKind.Declarer, table.Classify("__init"));
        Assert.Equal(MacroKind.Iterator, table.Classify("brand_new"));
        Assert.Equal(MacroKind.Attribute, table.Classify("__user"));
    }

    [Fact]
    public void Names_added_to_a_table_override_it_and_leave_it_unchanged()
    {
        var table = MacroTable.FromText("macros.h", "#define brand_new YACFE_ITERATOR\n");
        var added = table.WithNames([new("brand_new", MacroKind.TypeName), new("Signature", MacroKind.TypeName)]);
        var again = added.WithNames([new("other", MacroKind.Declarer)]);

        Assert.Equal(MacroKind.TypeName, added.Classify("brand_new"));
        Assert.Equal(MacroKind.TypeName, added.Classify("Signature"u8));
        Assert.Equal(MacroKind.Attribute, added.Classify("__user"u8));
        Assert.Equal(table.Count + 1, added.Count);
        Assert.Equal(MacroKind.Iterator, table.Classify("brand_new"));
        Assert.Equal(MacroKind.None, table.Classify("Signature"));
        Assert.Equal(MacroKind.TypeName, again.Classify("Signature"));
        Assert.Equal(MacroKind.Declarer, again.Classify("other"u8));
        Assert.Equal(MacroKind.None, added.Classify("other"));

        // Nothing new: the same table.
        Assert.Same(added, added.WithNames([new("Signature", MacroKind.TypeName), new("__user", MacroKind.Attribute)]));
    }

    [Fact]
    public void The_table_changes_how_code_parses()
    {
        const string code = "void f(void)\n{\n\tvisit(n) *p = 0;\n}\n";
        var plain = Parser.Parse(code);
        var taught = Parser.Parse(code, options: new ParseOptions { Macros = MacroTable.FromText("macros.h", "#define visit(n) YACFE_ITERATOR\n") });

        Assert.Equal(SyntaxKind.ExpressionStatement, FirstStatement(plain).Kind);
        Assert.Equal(SyntaxKind.IteratorStatement, FirstStatement(taught).Kind);
    }

    private static SyntaxNode FirstStatement(SyntaxTree tree) =>
        tree.Root.AsCompilationUnit().ItemList.ChildNodes().First().AsFunctionDefinition().Body.AsCompoundStatement().StatementList.ChildNodes().First();
}
