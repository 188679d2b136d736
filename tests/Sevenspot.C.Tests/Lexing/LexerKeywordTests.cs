using static Sevenspot.C.Tests.Lexing.LexHelper;

namespace Sevenspot.C.Tests.Lexing;

public sealed class LexerKeywordTests
{
    public static TheoryData<string, SyntaxKind> Spellings()
    {
        var data = new TheoryData<string, SyntaxKind>();
        foreach (var (text, kind) in SyntaxFacts.KeywordSpellings)
        {
            data.Add(text, kind);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Spellings))]
    public void Every_keyword_spelling_lexes_to_its_kind(string text, SyntaxKind kind)
    {
        Assert.Equal((kind, text), Single(text));
    }

    [Theory]
    [InlineData("__inline__", SyntaxKind.InlineKeyword)]
    [InlineData("__inline", SyntaxKind.InlineKeyword)]
    [InlineData("__const", SyntaxKind.ConstKeyword)]
    [InlineData("__const__", SyntaxKind.ConstKeyword)]
    [InlineData("__volatile__", SyntaxKind.VolatileKeyword)]
    [InlineData("__signed__", SyntaxKind.SignedKeyword)]
    [InlineData("__restrict", SyntaxKind.RestrictKeyword)]
    [InlineData("__attribute", SyntaxKind.AttributeKeyword)]
    [InlineData("__attribute__", SyntaxKind.AttributeKeyword)]
    [InlineData("__typeof__", SyntaxKind.TypeofKeyword)]
    [InlineData("__typeof", SyntaxKind.TypeofKeyword)]
    [InlineData("__asm__", SyntaxKind.AsmKeyword)]
    [InlineData("__asm", SyntaxKind.AsmKeyword)]
    [InlineData("__alignof__", SyntaxKind.AlignofKeyword)]
    [InlineData("static_assert", SyntaxKind.StaticAssertKeyword)]
    [InlineData("__thread", SyntaxKind.ThreadLocalKeyword)]
    [InlineData("__extension__", SyntaxKind.ExtensionKeyword)]
    [InlineData("__label__", SyntaxKind.LabelKeyword)]
    [InlineData("__auto_type", SyntaxKind.AutoTypeKeyword)]
    [InlineData("__int128", SyntaxKind.Int128Keyword)]
    public void Gnu_aliases(string text, SyntaxKind kind)
    {
        Assert.Equal((kind, text), Single(text));
    }

    [Theory]
    [InlineData("__init")]
    [InlineData("__user")]
    [InlineData("Int")]
    [InlineData("ifx")]
    [InlineData("_if")]
    [InlineData("_bool")]
    [InlineData("$name")]
    [InlineData("x1_y2")]
    [InlineData("été")]
    public void Other_words_are_identifiers(string text)
    {
        Assert.Equal((SyntaxKind.IdentifierToken, text), Single(text));
    }

    [Fact]
    public void Identifiers_are_interned_once_per_spelling()
    {
        var lexed = Lex("foo bar foo int");
        var names = lexed.Names;
        int foo = names.Find("foo");

        Assert.NotEqual(-1, foo);
        Assert.Equal("foo", names.GetString(foo));
        Assert.Equal(SyntaxKind.IdentifierToken, names.GetKind(foo));
        Assert.Equal(SyntaxKind.IntKeyword, names.GetKind(names.Find("int")));
        Assert.Equal(-1, names.Find("baz"));
        Assert.Equal(foo, names.Intern("foo"));
    }

    [Fact]
    public void The_name_table_grows_past_its_first_sizes()
    {
        var text = string.Join(' ', Enumerable.Range(0, 5000).Select(i => $"name{i}"));
        var lexed = Lex(text);

        Assert.Equal(5001, lexed.Count);
        Assert.Equal("name4321", lexed.Names.GetString(lexed.Names.Find("name4321")));
        Assert.Equal(lexed.Names.Find("name17"), lexed.Names.Intern("name17"));
    }
}
