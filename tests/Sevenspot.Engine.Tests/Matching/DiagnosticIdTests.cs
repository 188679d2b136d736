using Sevenspot.Smpl;
using Sevenspot.Text;

namespace Sevenspot.Engine.Tests.Matching;

/// <summary>
/// Each refusal of a semantic patch or an isomorphism file comes with the id of its table entry
/// (the other ids are triggered by the tests of their layer: lexer, parser, command line, checks).
/// </summary>
public sealed class DiagnosticIdTests
{
    [Theory]
    [InlineData("@@\nfoo;\n@@\nf();\n", DiagnosticId.SmplUnknownMetavariableType, "unknown metavariable type 'foo'")]
    [InlineData("@@\nbinary x;\n@@\nf(x);\n", DiagnosticId.SmplUnknownMetavariableType, "unknown metavariable type 'binary x'")]
    [InlineData("@@\nidentifier x =~ \"(\";\n@@\nf(x);\n", DiagnosticId.SmplBadConstraint, "bad constraint: invalid regular expression")]
    [InlineData("@r\nexpression E;\n", DiagnosticId.SmplUnterminated, "unterminated rule header: missing closing '@'")]
    [InlineData("@@\nexpression E;\n", DiagnosticId.SmplUnterminated, "unterminated metavariable declarations: missing '@@'")]
    [InlineData("@r@\nidentifier x;\n@@\nf(x);\n\n@@\nidentifier q.y;\n@@\ng(y);\n", DiagnosticId.SmplUnknownRule, "unknown rule q")]
    public void A_refused_rule_carries_the_id_of_its_message(string patch, DiagnosticId id, string message)
    {
        var parsed = SmplParser.Parse(patch);
        Assert.False(parsed.Success);
        var error = Assert.Single(parsed.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.Equal((id, $"SP{(int)id:D4}"), (error.Id, error.Code));
        Assert.StartsWith(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_type_name_a_letter_away_from_a_kind_is_read_as_a_type_with_a_warning()
    {
        var parsed = SmplParser.Parse("@@\nexpresion E;\n@@\nf(E);\n");
        Assert.True(parsed.Success);
        var warning = Assert.Single(parsed.Diagnostics);
        Assert.Equal((DiagnosticId.SmplTypeNameLooksLikeKind, DiagnosticSeverity.Warning), (warning.Id, warning.Severity));
        Assert.EndsWith("did you mean 'expression'?", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_isomorphism_file_is_refused_with_its_id_and_line()
    {
        var (_, diagnostics) = IsoFileParser.Parse(SourceText.FromString("bad.iso", "\n\nnot a kind\n"));
        var error = Assert.Single(diagnostics);
        Assert.Equal(DiagnosticId.IsoSyntaxError, error.Id);
        Assert.Equal(3, error.Position.Line);
        Assert.StartsWith("isomorphism file: expected an isomorphism kind", error.Message, StringComparison.Ordinal);
    }
}
