using Sevenspot.Text;
using static Sevenspot.C.Tests.Lexing.LexHelper;

namespace Sevenspot.C.Tests.Lexing;

/// <summary>
/// Like spatch, the lexer reads the body of "#if 0" and the #else branch of "#if 1" as comments;
/// other conditional branches are all lexed.
/// </summary>
public sealed class LexerConditionalTests
{
    private static string Code(string text) => string.Join(' ', Tokens(text).Select(t => t.Text));

    [Fact]
    public void The_body_of_if_0_is_skipped()
    {
        Assert.Equal("int a ; int c ;", Code("int a;\n#if 0\nint b;\n#endif\nint c;\n"));
    }

    [Fact]
    public void The_else_branch_of_if_0_is_lexed()
    {
        Assert.Equal("int b ;", Code("#if 0\nint a;\n#else\nint b;\n#endif\n"));
        Assert.Equal("int b ;", Code("#if 0\nint a;\n#elif X\nint b;\n#endif\n"));
    }

    [Fact]
    public void Nested_groups_inside_if_0_are_skipped_with_it()
    {
        const string text = "#if 0\n#ifdef X\nint a;\n#else\nint b;\n#endif\nint c;\n#else\nint d;\n#endif\n";

        Assert.Equal("int d ;", Code(text));
    }

    [Fact]
    public void If_1_keeps_its_first_branch_and_skips_the_others()
    {
        Assert.Equal("int a ;", Code("#if 1\nint a;\n#else\nint b;\n#endif\n"));
        Assert.Equal("int a ;", Code("#if 1\nint a;\n#elif X\nint b;\n#else\nint c;\n#endif\n"));
    }

    [Fact]
    public void Nested_groups_inside_the_else_of_if_1_are_skipped_with_it()
    {
        Assert.Equal("int a ; int z ;", Code("#if 1\nint a;\n#else\n#if 0\nint b;\n#else\nint c;\n#endif\n#endif\nint z;\n"));
    }

    [Theory]
    [InlineData("#if 0 /* disabled */")]
    [InlineData("#if 0 // disabled")]
    [InlineData("#  if  0")]
    [InlineData("\t#if\t0\r")]
    [InlineData("#if 00")]
    [InlineData("#if 08")]
    [InlineData("#if 0x0")]
    [InlineData("#if 0 && X")]
    public void If_0_may_carry_spaces_and_comments(string line)
    {
        Assert.Equal("int b ;", Code(line + "\nint a;\n#endif\nint b;\n"));
    }

    [Theory]
    [InlineData("#if X")]
    [InlineData("#if 2")]
    [InlineData("#if (0)")]
    [InlineData("#ifdef 0")]
    public void Other_conditions_keep_every_branch(string line)
    {
        Assert.Equal("int a ; int b ;", Code(line + "\nint a;\n#else\nint b;\n#endif\n"));
    }

    // spatch's lexer looks at the first character of the condition only: "#if 0" followed by anything
    // is false, "#if 1" followed by anything is true.
    [Theory]
    [InlineData("#if 10")]
    [InlineData("#if 1 || X")]
    public void A_condition_starting_with_1_keeps_its_first_branch_only(string line)
    {
        Assert.Equal("int a ;", Code(line + "\nint a;\n#else\nint b;\n#endif\n"));
    }

    [Fact]
    public void Skipped_text_may_hold_anything()
    {
        const string text = "#if 0\nthis isn't C: \"unterminated /* @ `\n#endif\nint x;\n";
        var lexed = Lex(text);

        Assert.Equal("int x ;", string.Join(' ', Tokens(lexed).Select(t => t.Text)));
        Assert.Empty(lexed.Diagnostics);
    }

    [Fact]
    public void Directives_of_skipped_groups_are_still_recorded_at_their_boundaries()
    {
        var lexed = Lex("#if 0\nint a;\n#else\nint b;\n#endif\n");

        Assert.Equal([DirectiveKind.If, DirectiveKind.Else, DirectiveKind.Endif], lexed.Directives.Select(d => d.Kind));
    }

    [Fact]
    public void An_unterminated_if_is_reported_at_its_start()
    {
        var lexed = Lex("int a;\n#ifdef X\nint b;\n");

        var d = Assert.Single(lexed.Diagnostics);
        Assert.Equal(DiagnosticId.UnterminatedConditional, d.Id);
        Assert.Equal(7, d.Span.Start);
        Assert.Equal("int a ; int b ;", string.Join(' ', Tokens(lexed).Select(t => t.Text)));
    }

    [Fact]
    public void An_unterminated_if_0_skips_to_the_end_and_is_reported()
    {
        var lexed = Lex("int a;\n#if 0\nint b;\n");

        Assert.Equal(DiagnosticId.UnterminatedConditional, Assert.Single(lexed.Diagnostics).Id);
        Assert.Equal("int a ;", string.Join(' ', Tokens(lexed).Select(t => t.Text)));
    }

    [Fact]
    public void An_endif_without_if_is_reported()
    {
        var lexed = Lex("int a;\n#endif\nint b;\n");

        var d = Assert.Single(lexed.Diagnostics);
        Assert.Equal(DiagnosticId.UnmatchedConditional, d.Id);
        Assert.Equal("#endif without #if", d.Message);
    }

    [Fact]
    public void Disabled_ranges_are_read_as_skipped_text()
    {
        const string text = "int a;\n#ifdef X\nint b;\n#else\nint c;\n#endif\nint d;\n";
        int start = text.IndexOf("\nint c", StringComparison.Ordinal);
        int end = text.IndexOf("\n#endif", StringComparison.Ordinal);

        var lexed = Lexer.Lex(SourceText.FromString("test.c", text), [TextSpan.FromBounds(start, end)]);

        Assert.Equal("int a ; int b ; int d ;", string.Join(' ', Tokens(lexed).Select(t => t.Text)));
        Assert.Empty(lexed.Diagnostics);
    }

    [Fact]
    public void Several_disabled_ranges()
    {
        const string text = "a; b; c; d; e;";

        var lexed = Lexer.Lex(SourceText.FromString("test.c", text), [new TextSpan(2, 3), new TextSpan(8, 3)]);

        Assert.Equal("a ; c ; e ;", string.Join(' ', Tokens(lexed).Select(t => t.Text)));
    }
}
