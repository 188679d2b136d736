using System.Text;
using Sevenspot.Smpl;
using Sevenspot.Text;

namespace Sevenspot.Engine.Tests.Transform;

/// <summary>Rules applied to small files: what the transformed code looks like, as spatch prints it.</summary>
public sealed class TransformTests
{
    private static string Apply(string rule, string code)
    {
        var parsed = SmplParser.Parse(SourceText.FromString("t.cocci", rule));
        Assert.True(parsed.Success, string.Join("\n", parsed.Diagnostics.Select(d => d.ToString())));
        var runner = new SemanticPatchRunner(parsed.File!, new RunOptions());
        var outcome = runner.Run(SourceText.FromString("t.c", code));
        Assert.Null(outcome.Failure);
        return outcome.Modified is { } bytes ? Encoding.UTF8.GetString(bytes) : code;
    }

    [Fact]
    public void A_statement_metavariable_in_added_code_prints_the_statement_once()
    {
        const string rule = "@@\nexpression e;\nstatement S;\n@@\n- if (e) S\n+ if (g(e)) S\n";
        const string code = "int f() {\n  a();\n  if (y)\n    return 1;\n  b();\n}\n";
        Assert.Equal("int f() {\n  a();\n  if (g(y))\n    return 1;\n  b();\n}\n", Apply(rule, code));
    }

    [Fact]
    public void Code_added_among_removed_statements_comes_once()
    {
        const string rule = "@@\n@@\nif (...)\n- {\n- one();\n- two();\n+ three();\n- }\n";
        const string code = "int f() {\n  if (x) {\n    one();\n    two();\n  }\n}\n";
        Assert.Equal("int f() {\n  if (x) three();\n}\n", Apply(rule, code));
    }
}
