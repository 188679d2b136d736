using BenchmarkDotNet.Attributes;
using Sevenspot.C;
using Sevenspot.Text;

namespace Sevenspot.Benchmarks;

/// <summary>
/// The C front end over every .c file of subset A, loaded into memory first. One operation
/// handles all files on one thread; the MB/s column divides their total size by the mean time.
/// </summary>
[MemoryDiagnoser]
public class FrontEndBenchmarks
{
    private SourceText[] _texts = [];
    private byte[][] _bytes = [];

    [GlobalSetup]
    public void LoadFiles()
    {
        var files = SubsetA.Files;
        _texts = new SourceText[files.Count];
        _bytes = new byte[files.Count][];
        for (int i = 0; i < files.Count; i++)
        {
            _bytes[i] = File.ReadAllBytes(files[i]);
            _texts[i] = new SourceText(files[i], _bytes[i]);
        }
    }

    /// <summary>The floor: one vectorised pass over every byte, building the line map.</summary>
    [Benchmark(Baseline = true)]
    public int LineMap()
    {
        int lines = 0;
        foreach (byte[] bytes in _bytes)
        {
            lines += new SourceText(string.Empty, bytes).LineCount;
        }

        return lines;
    }

    [Benchmark]
    public int Lexer()
    {
        int tokens = 0;
        foreach (var text in _texts)
        {
            tokens += C.Lexer.Lex(text).Count;
        }

        return tokens;
    }

    [Benchmark]
    public int LexerAndParser()
    {
        int nodes = 0;
        foreach (var text in _texts)
        {
            nodes += Parser.Parse(text).NodeCount;
        }

        return nodes;
    }
}
