using System.Text;
using Sevenspot.Text;

namespace Sevenspot.C.Tests.Corpus;

/// <summary>Every .c input and .res expected output of Coccinelle's test corpus prints back byte for byte.</summary>
public sealed class CocciCorpusRoundTripTests
{
    public static TheoryData<string> Files()
    {
        var data = new TheoryData<string>();
        string folder = RepositoryPaths.CocciTests;
        if (Directory.Exists(folder))
        {
            foreach (string path in Directory.EnumerateFiles(folder).Order(StringComparer.Ordinal))
            {
                if (path.EndsWith(".c", StringComparison.Ordinal) || path.EndsWith(".res", StringComparison.Ordinal))
                {
                    data.Add(Path.GetFileName(path));
                }
            }
        }

        return data;
    }

    [CorpusTheory]
    [MemberData(nameof(Files))]
    public void Round_trip(string file)
    {
        string path = Path.Combine(RepositoryPaths.CocciTests, file);
        byte[] bytes = File.ReadAllBytes(path);

        var tree = Parser.Parse(new SourceText(path, bytes));
        byte[] printed = tree.Print();

        if (!printed.AsSpan().SequenceEqual(bytes))
        {
            int at = printed.AsSpan().CommonPrefixLength(bytes);
            var position = tree.Text.GetLinePosition(Math.Min(at, bytes.Length));
            Assert.Fail($"{file}: printing the tree differs from the file at {position} (byte {at}):\n{Encoding.UTF8.GetString(printed)}");
        }
    }

    /// <summary>
    /// With a body filter that rules out every body it may, each file still prints back, and every
    /// file-level item outside the bodies reads as in a full parse.
    /// </summary>
    [CorpusTheory]
    [MemberData(nameof(Files))]
    public void Round_trip_with_bodies_left_unread(string file)
    {
        string path = Path.Combine(RepositoryPaths.CocciTests, file);
        byte[] bytes = File.ReadAllBytes(path);

        var full = Parser.Parse(new SourceText(path, bytes));
        var lazy = Parser.Parse(new SourceText(path, bytes), new ParseOptions { BodyFilter = new NoBodies() });

        Assert.True(lazy.Print().AsSpan().SequenceEqual(bytes), $"{file}: printing the tree with bodies left unread differs from the file");
        Assert.Equal(Parsing.BodyFilterTests.Shape(full, skipBodies: true), Parsing.BodyFilterTests.Shape(lazy, skipBodies: true));
    }

    /// <summary>Lexing with the small #if groups skipped gives what dropping their tokens from the first lexing gives.</summary>
    [CorpusTheory]
    [MemberData(nameof(Files))]
    public void Skipping_small_conditional_groups_after_lexing_agrees_with_lexing_again(string file)
    {
        string path = Path.Combine(RepositoryPaths.CocciTests, file);
        var text = new SourceText(path, File.ReadAllBytes(path));
        var lexed = Lexer.Lex(text);
        if (ConditionalMid.DisabledRanges(lexed) is not { } mid)
        {
            return;
        }

        var again = Lexer.Lex(text, mid);
        var dropped = lexed.Without(mid);
        Assert.Equal(again.Count, dropped.Count);
        for (int i = 0; i < again.Count; i++)
        {
            Assert.Equal((again.Tokens[i].Kind, again.Tokens[i].Flags, again.Tokens[i].Start, again.Tokens[i].End, again.TextAt(i)),
                (dropped.Tokens[i].Kind, dropped.Tokens[i].Flags, dropped.Tokens[i].Start, dropped.Tokens[i].End, dropped.TextAt(i)));
        }

        Assert.Equal(again.Directives, dropped.Directives);
        Assert.Equal(again.Diagnostics.Select(d => d.ToString()), dropped.Diagnostics.Select(d => d.ToString()));
    }

    private sealed class NoBodies : FunctionBodyFilter
    {
        public override FunctionBodyTest? For(LexedText text) => new Never();

        private sealed class Never : FunctionBodyTest
        {
            public override bool Needs(int firstToken, int lastToken) => false;
        }
    }
}
