using System.Text.Json.Nodes;
using Sevenspot.Engine;
using Sevenspot.Text;

namespace Sevenspot.Scripting.Tests;

/// <summary>Values handed to python and back, as spatch 1.1.1 renders them (observed with spatch).</summary>
public sealed class ScriptValuesTests
{
    [Theory]
    [InlineData("int", "int")]
    [InlineData("struct s*", "struct s *")]
    [InlineData("int[]", "int [ ]")]
    [InlineData("unsigned  long *", "unsigned long *")]
    public void Types_are_printed_with_their_tokens_apart(string type, string rendered) =>
        Assert.Equal(rendered, ScriptValues.SpacedType(type));

    [Theory]
    [InlineData("if (c < 0) return 12;", "if ( c < 0 ) return 12 ;")]
    [InlineData("x->a", "x -> a")]
    [InlineData("  g(a , 2) ", "g ( a , 2 )")]
    public void Code_made_by_a_script_compares_by_its_tokens(string code, string key) =>
        Assert.Equal(key, ScriptValues.TokenKey(code));

    [Theory]
    [InlineData("x", Sevenspot.C.OperatorPrecedence.Primary)]
    [InlineData("f(a + b, c)", Sevenspot.C.OperatorPrecedence.Primary)]
    [InlineData("x->a[i + 1]", Sevenspot.C.OperatorPrecedence.Primary)]
    [InlineData("i++", Sevenspot.C.OperatorPrecedence.Primary)]
    [InlineData("-x", Sevenspot.C.OperatorPrecedence.Unary)]
    [InlineData("sizeof(x)", Sevenspot.C.OperatorPrecedence.Unary)]
    [InlineData("(long)x", Sevenspot.C.OperatorPrecedence.Cast)]
    [InlineData("(int)(x)", Sevenspot.C.OperatorPrecedence.Cast)]
    [InlineData("(int)-x", Sevenspot.C.OperatorPrecedence.Cast)]
    [InlineData("(struct s *)&x", Sevenspot.C.OperatorPrecedence.Cast)]
    [InlineData("(int)-x * 2", Sevenspot.C.OperatorPrecedence.Additive)]
    [InlineData("(a)(x)", Sevenspot.C.OperatorPrecedence.Primary)]
    [InlineData("(x)", Sevenspot.C.OperatorPrecedence.Primary)]
    [InlineData("x * -1", Sevenspot.C.OperatorPrecedence.Additive)]
    [InlineData("a && b", Sevenspot.C.OperatorPrecedence.Additive)]
    [InlineData("a ? b : c", Sevenspot.C.OperatorPrecedence.Conditional)]
    [InlineData("a = b + 1", Sevenspot.C.OperatorPrecedence.Assign)]
    [InlineData("a <?= b", Sevenspot.C.OperatorPrecedence.Assign)]
    [InlineData("a >?= b + 1", Sevenspot.C.OperatorPrecedence.Assign)]
    [InlineData("a, b", Sevenspot.C.OperatorPrecedence.Top)]
    public void A_made_expression_holds_together_as_its_outermost_operator_says(string code, int level) =>
        Assert.Equal(level, ScriptValues.ExpressionPrecedence(code));

    [Fact]
    public void A_made_expression_equals_the_code_it_spells()
    {
        var made = ScriptValues.FromJson(new JsonObject { ["k"] = "expression", ["s"] = "x<0" });
        var tree = Sevenspot.C.Parser.Parse("int f(int x) { return x < 0; }");
        int first = -1, last = -1;
        for (int i = 0; i < tree.TokenCount; i++)
        {
            string text = tree.GetToken(i).Text;
            if (text == "x" && first < 0 && i > 4)
            {
                first = i;
            }

            if (text == "0")
            {
                last = i;
            }
        }

        var code = new CodeValue(tree, first, last);
        Assert.Equal("x < 0", code.Key);
        Assert.True(made.Equals(code));
        Assert.Equal("x<0", made.Text);
    }

    [Fact]
    public void A_position_goes_to_python_as_a_list_of_places()
    {
        var p = new PositionValue("t.c", new LinePosition(7, 2), new LinePosition(7, 7), "f", default) { ElementStart = new LinePosition(5, 0), ElementEnd = new LinePosition(9, 1) };
        var json = ScriptValues.ToJson(new ScriptInput("p", p));
        Assert.Equal("""{"k":"pos","p":[{"file":"t.c","fn":"f","l":7,"c":2,"le":7,"ce":7,"fl":5,"fc":0,"fle":9,"fce":1}]}""", json.ToJsonString());
        var back = (PositionValue)ScriptValues.FromJson(json);
        Assert.Equal(p.Key, back.Key);
    }
}
