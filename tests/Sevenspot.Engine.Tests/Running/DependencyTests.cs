using Sevenspot.Smpl;
using Sevenspot.Text;

namespace Sevenspot.Engine.Tests.Running;

/// <summary>
/// "depends on" read before any file (which rules are left with the virtual rules given) and on a
/// file (which rules run) gives the same answer wherever the first is known.
/// </summary>
public sealed class DependencyTests
{
    private const string Patch = """
        virtual a
        virtual b

        @r depends on a@
        @@
        * f();

        @s depends on !a && (b || r)@
        @@
        * g();

        @t depends on never r@
        @@
        * h();

        @u depends on file in "lib/"@
        @@
        * k();
        """;

    private const string Code = "void x(void)\n{\n\tf();\n\tg();\n\th();\n\tk();\n}\n";

    private static SmplFile Parse()
    {
        var parsed = SmplParser.Parse(SourceText.FromString("p.cocci", Patch));
        Assert.True(parsed.Success, string.Join("\n", parsed.Diagnostics));
        return parsed.File!;
    }

    [Theory]
    [InlineData("b", "s t u", "s t")]
    [InlineData("a", "r t u", "r")]
    [InlineData("a b", "r t u", "r")]
    [InlineData("", "t u", "t")]
    public void Rules_left_before_the_files_and_rules_that_run_on_a_file(string defined, string kept, string matched)
    {
        var patch = Parse();
        var virtuals = new HashSet<string>(defined.Split(' ', StringSplitOptions.RemoveEmptyEntries), StringComparer.Ordinal);
        Assert.Equal(kept.Split(' '), RuleActivity.KeptRules(patch, virtuals).Order(StringComparer.Ordinal));

        var outcome = new SemanticPatchRunner(patch, new RunOptions { DefinedVirtuals = virtuals }).Run(SourceText.FromString("drivers/x.c", Code));
        Assert.Equal(matched.Split(' '), outcome.MatchedRules.Order(StringComparer.Ordinal));

        // "file in" is known on a file only: the rule is left before the files and runs where the path says.
        var inLib = new SemanticPatchRunner(patch, new RunOptions { DefinedVirtuals = virtuals }).Run(SourceText.FromString("lib/x.c", Code));
        Assert.Equal((matched + " u").Split(' ', StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal), inLib.MatchedRules.Order(StringComparer.Ordinal));
    }
}
