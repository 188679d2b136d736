using Sevenspot.Smpl;
using Sevenspot.Text;

namespace Sevenspot.Engine.Tests.Matching;

/// <summary>
/// Two refusals of spatch 1.1.1 (the places below are those it names): a group in the first column is a
/// disjunction ('|') or a conjunction ('&amp;'), not both, so a separator of the other kind is refused
/// where it stands (a first-column '&amp;' is always a conjunction's: "( A | &amp;x )" is refused at the
/// '&amp;'); and "&lt;... E ...&gt;" inside an expression on a - or * line is refused at the "&lt;...".
/// </summary>
public sealed class BranchSeparatorAndNestRefusalTests
{
    private static Diagnostic Refused(string rule)
    {
        var parsed = SmplParser.Parse(SourceText.FromString("test.cocci", rule));
        Assert.False(parsed.Success, "accepted: " + rule);
        var error = parsed.Diagnostics.First(d => d.Severity == DiagnosticSeverity.Error);
        Assert.Contains("^", error.ToStringWithCaret(), StringComparison.Ordinal);
        return error;
    }

    private static void Accepted(string rule)
    {
        var parsed = SmplParser.Parse(SourceText.FromString("test.cocci", rule));
        Assert.True(parsed.Success, string.Join("\n", parsed.Diagnostics.Select(d => d.ToStringWithCaret())));
    }

    private const string Header = "@@\nidentifier i;\niterator I;\nstatement S;\nexpression e;\n@@\nkfree(i);\n...\n";

    [Theory]
    [InlineData(Header + "(\nI(i,...) S\n|\n&i\n|\ni=e\n)\n", 12)]
    [InlineData(Header + "(\nfoo(i);\n|\n&i\n)\n", 12)]
    [InlineData(Header + "(\nfoo(i);\n|\nbar(i);\n&\nbaz(i);\n)\n", 13)]
    [InlineData(Header + "(\nfoo(i);\n&\nbar(i);\n|\nbaz(i);\n)\n", 13)]
    public void A_separator_of_the_other_kind_is_refused_where_it_stands(string rule, int line)
    {
        var error = Refused(rule);
        Assert.Equal((line, 0), (error.Position.Line, error.Position.Column));
    }

    [Theory]
    [InlineData(Header + "(\nfoo(i);\n&\nbar(i);\n)\n")]
    [InlineData(Header + "(\nI(i,...) S\n|\ni=e\n)\n")]
    [InlineData(Header + "(\nfoo(i)\n|  &i\n)\n")]
    public void A_group_of_one_kind_is_read(string rule) => Accepted(rule);

    private const string NestHeader = "@@\nidentifier x;\nexpression a;\nstatement S;\n@@\n";

    [Theory]
    [InlineData(NestHeader + "* foo(<... x ...>);\n", 6, 6)]
    [InlineData(NestHeader + "- foo(<... x ...>);\n", 6, 6)]
    [InlineData(NestHeader + "-foo(<... x ...>);\n", 6, 5)]
    [InlineData(NestHeader + "* if (<... x ...>) S\n", 6, 6)]
    [InlineData(NestHeader + "* if (a && <... x ...>) S\n", 6, 11)]
    [InlineData(NestHeader + "- foo(1, <... x ...>);\n+ bar(1);\n", 6, 9)]
    public void A_plain_nest_in_a_removed_or_starred_expression_is_refused_at_its_opening(string rule, int line, int column)
    {
        var error = Refused(rule);
        Assert.Equal((line, column), (error.Position.Line, error.Position.Column));
    }

    [Theory]
    [InlineData(NestHeader + " foo(<... x ...>);\n")]
    [InlineData(NestHeader + " foo(<... - x ...>);\n")]
    [InlineData(NestHeader + "* foo(<+... x ...+>);\n")]
    [InlineData(NestHeader + "* if (<+... x ...+>) S\n")]
    [InlineData(NestHeader + "- foo(1);\n<...\n- x;\n...>\n")]
    public void A_nest_spatch_reads_is_read(string rule) => Accepted(rule);
}
