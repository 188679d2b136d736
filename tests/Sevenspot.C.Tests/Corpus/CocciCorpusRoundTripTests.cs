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
}
