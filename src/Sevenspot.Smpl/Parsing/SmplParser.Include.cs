using Sevenspot.Text;

namespace Sevenspot.Smpl;

/// <summary>
/// Reads the semantic patch an "#include" line names. The name is as written in the patch; spatch
/// takes it from the working directory (not from the including file's directory, and not from -I).
/// Returns null when there is no such file.
/// </summary>
public delegate SourceText? IncludeReader(string path);

/// <summary>
/// "#include "file.cocci"" in a patch's preamble: the file's rules, metavariable declarations,
/// virtual rules, "using" lines and type names take part before the including file's rules.
/// As in spatch 1.1.1, the files a preamble names are read from the last to the first, and their
/// rules run in that order: each file sees the rule and type names of the files read before it.
/// Errors in an included file name that file; a missing file or an include cycle is an error at
/// the #include line.
/// </summary>
public sealed partial class SmplParser
{
    // Past this depth the chain is taken for a cycle spelled through different paths (symbolic links).
    private const int MaxIncludeDepth = 64;

    /// <summary>What the patch and every file it includes share while they are read.</summary>
    private sealed class IncludeState(IncludeReader reader)
    {
        public IncludeReader Reader { get; } = reader;

        /// <summary>Full paths of the files being read, outermost first: a name already here is a cycle.</summary>
        public List<string> Chain { get; } = [];

        /// <summary>Every included file, nested ones too, in the order they were read.</summary>
        public List<string> Read { get; } = [];

        /// <summary>
        /// Lines of the included files read so far. spatch counts lines across the files it reads, and
        /// an anonymous rule's name ("rule starting on line N") carries that count.
        /// </summary>
        public int LinesRead { get; set; }
    }

    /// <summary>Reads the files the preamble (which ends at <paramref name="preambleEnd"/>) includes.</summary>
    private bool ReadIncludes(List<(string Line, int Offset)> includes, int preambleEnd)
    {
        if (preambleEnd >= _bytes.Length)
        {
            return Error(DiagnosticId.SmplSyntaxError, includes[0].Offset, Math.Max(1, includes[0].Line.Length), "unexpected code before the first rule (a file that includes others needs a rule of its own)");
        }

        // spatch has read this file's preamble when it turns to the included files.
        int preambleLines = CountNewlines(_bytes.AsSpan(0, preambleEnd));
        _include.LinesRead += preambleLines;
        bool ok = true;
        for (int i = includes.Count - 1; i >= 0 && ok; i--)
        {
            ok = ReadInclude(includes[i].Line, includes[i].Offset);
        }

        _include.LinesRead -= preambleLines;
        return ok;
    }

    private bool ReadInclude(string line, int offset)
    {
        string rest = line[8..].Trim();
        if (rest.Length < 2 || rest[0] != '"' || rest[^1] != '"')
        {
            return Error(DiagnosticId.SmplSyntaxError, offset, Math.Max(1, line.Length), $"expected a file name in quotes after #include but found '{Abbreviate(rest)}'");
        }

        string name = rest[1..^1];
        string full = Path.GetFullPath(name);
        if (_include.Chain.Contains(full) || _include.Chain.Count >= MaxIncludeDepth)
        {
            return Error(DiagnosticId.SmplIncludeCycle, offset, Math.Max(1, line.Length), name);
        }

        SourceText? included;
        try
        {
            included = _include.Reader(name);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Error(DiagnosticId.FileReadError, offset, Math.Max(1, line.Length), name, e.Message);
        }

        if (included is null)
        {
            return Error(DiagnosticId.SmplIncludeNotFound, offset, Math.Max(1, line.Length), name);
        }

        _include.Read.Add(name);
        _include.Chain.Add(full);
        bool ok = new SmplParser(included, this).Run();
        _include.Chain.RemoveAt(_include.Chain.Count - 1);
        _include.LinesRead += CountNewlines(included.Bytes);
        return ok;
    }

    private static int CountNewlines(ReadOnlySpan<byte> bytes) => bytes.Count((byte)'\n');

    private static SourceText? ReadFromWorkingDirectory(string path) => File.Exists(path) ? SourceText.FromFile(path) : null;
}
