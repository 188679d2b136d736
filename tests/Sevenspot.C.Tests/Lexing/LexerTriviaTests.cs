using Sevenspot.Text;
using static Sevenspot.C.Tests.Lexing.LexHelper;

namespace Sevenspot.C.Tests.Lexing;

/// <summary>Whitespace, comments, line continuations and directives are trivia: the gaps between tokens.</summary>
public sealed class LexerTriviaTests
{
    private static string[] Texts(string text) => Tokens(text).Select(t => t.Text).ToArray();

    [Fact]
    public void Tokens_and_the_gaps_between_them_give_back_the_text()
    {
        const string text = "  int /* c */ x = 1; // done\n#define Y \\\n 2\n\tY;\r\n";
        var lexed = Lex(text);

        int previous = 0;
        var rebuilt = new System.Text.StringBuilder();
        for (int i = 0; i < lexed.Count; i++)
        {
            var span = lexed.SpanAt(i);
            Assert.True(span.Start >= previous);
            rebuilt.Append(text, previous, span.End - previous);
            previous = span.End;
        }

        Assert.Equal(text.Length, lexed.SpanAt(lexed.Count - 1).End);
        Assert.Equal(text, rebuilt.ToString());
    }

    [Fact]
    public void Whitespace_of_every_sort()
    {
        Assert.Equal(["a", "b", "c", "d"], Texts("a \t b\f\vc\r\n\n d"));
    }

    [Fact]
    public void A_line_continuation_joins_lines_and_does_not_start_a_line()
    {
        var lexed = Lex("a \\\n b");

        Assert.Equal(["a", "b"], Tokens(lexed).Select(t => t.Text));
        Assert.False(lexed.FlagsAt(1).HasFlag(TokenFlags.AtLineStart));
        Assert.True(lexed.FlagsAt(1).HasFlag(TokenFlags.HasLeadingTrivia));
    }

    [Theory]
    [InlineData("a\\\r\nb")]
    [InlineData("a\\  \nb")] // spaces between the backslash and the newline, as gcc allows
    [InlineData("a\\\t\r\nb")]
    public void Line_continuation_variants(string text)
    {
        Assert.Equal(["a", "b"], Texts(text));
    }

    [Fact]
    public void A_backslash_not_before_a_newline_is_a_stray_character()
    {
        var lexed = Lex("a \\ b");

        Assert.Equal(SyntaxKind.BadToken, lexed.KindAt(1));
        Assert.Equal(DiagnosticId.UnexpectedCharacter, Assert.Single(lexed.Diagnostics).Id);
    }

    [Fact]
    public void A_backslash_newline_inside_an_identifier_is_not_spliced()
    {
        // Sevenspot keeps the text as written; a name split by a continuation stays two names.
        Assert.Equal(["fo", "o"], Texts("fo\\\no"));
    }

    [Fact]
    public void Block_comments()
    {
        Assert.Equal(["a", "b", "c"], Texts("a /* one */ b /* multi\n * line\n */ c"));
        Assert.Equal(["a", "b"], Texts("a/**/b"));
        Assert.Equal(["a", "b"], Texts("a /* // inside */ b"));
        Assert.Equal(["a", "/", "b"], Texts("a /* x */ / b"));
    }

    [Fact]
    public void Block_comments_do_not_nest()
    {
        Assert.Equal(["a", "*", "/", "b"], Texts("a /* /* x */ */ b"));
    }

    [Fact]
    public void Line_comments_end_at_the_newline_unless_continued()
    {
        var lexed = Lex("a // one\nb // two \\\n still two\nc");

        Assert.Equal(["a", "b", "c"], Tokens(lexed).Select(t => t.Text));
        Assert.True(lexed.FlagsAt(1).HasFlag(TokenFlags.AtLineStart));
        Assert.True(lexed.FlagsAt(2).HasFlag(TokenFlags.AtLineStart));
    }

    [Fact]
    public void A_line_comment_at_the_end_of_the_file()
    {
        Assert.Equal(["a"], Texts("a // no newline"));
    }

    [Fact]
    public void An_unterminated_block_comment_runs_to_the_end_of_the_file()
    {
        var lexed = Lex("int x; /* never closed\nint y;\n");

        Assert.Equal(["int", "x", ";"], Tokens(lexed).Select(t => t.Text));
        var d = Assert.Single(lexed.Diagnostics);
        Assert.Equal(DiagnosticId.UnterminatedComment, d.Id);
        Assert.Equal(7, d.Span.Start);
    }

    [Fact]
    public void A_directive_is_trivia_recorded_with_its_kind_and_span()
    {
        const string text = "#include <linux/module.h>\nint x;";
        var lexed = Lex(text);

        Assert.Equal(["int", "x", ";"], Tokens(lexed).Select(t => t.Text));
        var directive = Assert.Single(lexed.Directives);
        Assert.Equal(DirectiveKind.Include, directive.Kind);
        Assert.Equal("#include <linux/module.h>", text[directive.Start..directive.End]);
        Assert.Equal(0, directive.TokenIndex);
        Assert.Equal(TokenFlags.AtLineStart | TokenFlags.HasLeadingTrivia | TokenFlags.AfterDirective, lexed.FlagsAt(0));
    }

    [Theory]
    [InlineData("#if X", DirectiveKind.If)]
    [InlineData("#ifdef X", DirectiveKind.Ifdef)]
    [InlineData("#ifndef X", DirectiveKind.Ifndef)]
    [InlineData("#elif X", DirectiveKind.Elif)]
    [InlineData("#else", DirectiveKind.Else)]
    [InlineData("#endif", DirectiveKind.Endif)]
    [InlineData("#define X", DirectiveKind.Define)]
    [InlineData("#undef X", DirectiveKind.Undef)]
    [InlineData("#include \"x.h\"", DirectiveKind.Include)]
    [InlineData("#pragma once", DirectiveKind.Other)]
    [InlineData("#error stop", DirectiveKind.Other)]
    [InlineData("#", DirectiveKind.Other)]
    [InlineData("  #  define X", DirectiveKind.Define)]
    [InlineData("\t#ifdef X", DirectiveKind.Ifdef)]
    [InlineData("/* c */ #define X", DirectiveKind.Define)]
    public void Directive_kinds(string line, DirectiveKind kind)
    {
        var lexed = Lex(line + "\n");

        Assert.Contains(lexed.Directives, d => d.Kind == kind);
        Assert.Equal(1, lexed.Count); // nothing but trivia
    }

    [Fact]
    public void A_directive_continues_over_backslash_newlines()
    {
        const string text = "#define MAX(a, b) \\\n\t((a) > (b) ? \\\n\t (a) : (b))\nint y;";
        var lexed = Lex(text);

        var directive = Assert.Single(lexed.Directives);
        Assert.Equal(text.IndexOf("\nint", StringComparison.Ordinal), directive.End);
        Assert.Equal(["int", "y", ";"], Tokens(lexed).Select(t => t.Text));
    }

    [Fact]
    public void A_block_comment_in_a_directive_may_span_lines()
    {
        const string text = "#define X 1 /* spans\n   two lines */\nint y;";
        var lexed = Lex(text);

        Assert.Equal(text.IndexOf("\nint", StringComparison.Ordinal), Assert.Single(lexed.Directives).End);
        Assert.Equal(["int", "y", ";"], Tokens(lexed).Select(t => t.Text));
    }

    [Fact]
    public void A_line_comment_ends_a_directive()
    {
        const string text = "#include <a.h> // the a header \\\n  continued\nint y;";
        var lexed = Lex(text);

        Assert.Equal(text.IndexOf("\nint", StringComparison.Ordinal), Assert.Single(lexed.Directives).End);
        Assert.Equal(["int", "y", ";"], Tokens(lexed).Select(t => t.Text));
    }

    [Fact]
    public void Comment_openers_inside_directive_strings_are_text()
    {
        const string text = "#define S \"/*\"\n#include \"a//b.h\"\nint y;";
        var lexed = Lex(text);

        Assert.Equal(2, lexed.Directives.Count);
        Assert.Equal(["int", "y", ";"], Tokens(lexed).Select(t => t.Text));
    }

    [Fact]
    public void A_lone_apostrophe_in_a_directive_stops_at_the_end_of_the_line()
    {
        const string text = "#error don't do this\nint x;\n#warning it's \"odd\nint y;";
        var lexed = Lex(text);

        Assert.Equal(2, lexed.Directives.Count);
        Assert.Equal(["int", "x", ";", "int", "y", ";"], Tokens(lexed).Select(t => t.Text));
        Assert.Empty(lexed.Diagnostics);
    }

    [Fact]
    public void A_hash_after_a_token_is_punctuation()
    {
        var lexed = Lex("x # y ## z");

        Assert.Empty(lexed.Directives);
        Assert.Equal([SyntaxKind.IdentifierToken, SyntaxKind.HashToken, SyntaxKind.IdentifierToken, SyntaxKind.HashHashToken, SyntaxKind.IdentifierToken], Tokens(lexed).Select(t => t.Kind));
    }

    [Fact]
    public void A_directive_at_the_end_of_the_file_without_a_newline()
    {
        var lexed = Lex("int x;\n#endif");

        Assert.Equal(["int", "x", ";"], Tokens(lexed).Select(t => t.Text));
        Assert.Equal(DirectiveKind.Endif, Assert.Single(lexed.Directives).Kind);
        Assert.Equal(DiagnosticId.UnmatchedConditional, Assert.Single(lexed.Diagnostics).Id);
    }

    [Fact]
    public void Flags_say_where_a_token_stands()
    {
        var lexed = Lex("int x;\n  y = 1; /* c */ z\n#define A\nw");

        Assert.Equal(TokenFlags.AtLineStart, lexed.FlagsAt(0)); // "int": first on its line, nothing before it
        Assert.Equal(TokenFlags.HasLeadingTrivia, lexed.FlagsAt(1)); // "x"
        Assert.Equal(TokenFlags.None, lexed.FlagsAt(2)); // ";"
        Assert.Equal(TokenFlags.AtLineStart | TokenFlags.HasLeadingTrivia, lexed.FlagsAt(3)); // "y"
        Assert.Equal(TokenFlags.HasLeadingTrivia, lexed.FlagsAt(7)); // "z" after a comment
        Assert.Equal(TokenFlags.AtLineStart | TokenFlags.HasLeadingTrivia | TokenFlags.AfterDirective, lexed.FlagsAt(8)); // "w"
        Assert.Equal("w", lexed.TextAt(8));
    }

    [Fact]
    public void The_end_of_file_token_carries_the_trailing_trivia()
    {
        var lexed = Lex("x; /* end */\n");

        int eof = lexed.Count - 1;
        Assert.Equal(SyntaxKind.EndOfFileToken, lexed.KindAt(eof));
        Assert.Equal(new TextSpan(13, 0), lexed.SpanAt(eof));
        Assert.True(lexed.FlagsAt(eof).HasFlag(TokenFlags.AtLineStart | TokenFlags.HasLeadingTrivia));
    }
}
