namespace Sevenspot.C.Tests.Parsing;

/// <summary>sizeof(name): a type when the file writes the name as a type anywhere, as spatch reads it.</summary>
public sealed class SizeofTypeTests
{
    private static List<SyntaxKind> SizeofKinds(string text)
    {
        var kinds = new List<SyntaxKind>();
        foreach (var node in Parser.Parse(text).Root.DescendantNodesAndSelf())
        {
            if (node.Kind is SyntaxKind.SizeofType or SyntaxKind.SizeofExpression)
            {
                kinds.Add(node.Kind);
            }
        }

        return kinds;
    }

    [Theory]
    [InlineData("int f(void) { return sizeof(U32); }\nU32 c[4];\n")]
    [InlineData("int f(void) { return sizeof(U32); }\nint h(U32 x) { return x; }\n")]
    [InlineData("int f(void) { return sizeof(U32); }\nint h(int x) { return (U32)x; }\n")]
    [InlineData("int f(void) { return sizeof(U32); }\nstruct s { U32 y; };\n")]
    [InlineData("int f(void) { U32 c[4]; return sizeof(U32); }\n")]
    public void A_name_written_as_a_type_elsewhere_is_a_type_in_sizeof(string text)
    {
        Assert.Equal([SyntaxKind.SizeofType], SizeofKinds(text));
    }

    [Theory]
    [InlineData("int f(int y) { return sizeof(y) + sizeof(x) + sizeof(ABC); }\n")]
    [InlineData("int f(void) { int U32 = 1; return sizeof(U32); }\n")]
    public void Other_names_in_sizeof_are_expressions(string text)
    {
        Assert.All(SizeofKinds(text), k => Assert.Equal(SyntaxKind.SizeofExpression, k));
    }
}
