using System.Text;
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

public sealed partial class SmplParser
{
    /// <summary>
    /// A rule's "depends on" as it is evaluated. A name there is an earlier rule or a virtual rule; as
    /// in spatch 1.1.1, the patch's own rules see every virtual rule, those of the files it includes
    /// too, but a rule of an included file sees only the virtual rules its own file declares: one
    /// declared elsewhere (by the including file, by a file it includes itself, by a file read
    /// before it) holds nowhere in it, whatever -D defines. A name that is neither is an error.
    /// Null (with the error reported) when the dependency names something unknown.
    /// </summary>
    private Dependency? ScopedDependency(Dependency dependency, TextSpan header)
    {
        switch (dependency)
        {
            case RuleDependency r when NamedBefore(r.Rule):
                return r;
            case RuleDependency r:
                int at = _virtuals.IndexOf(r.Rule);
                if (at < 0)
                {
                    return UnknownDependency(r.Rule, header);
                }

                if (_virtuals.FindIndex(_ownVirtualsStart, Math.Min(_ownVirtualsEnd, _virtuals.Count) - _ownVirtualsStart, v => v == r.Rule) >= 0)
                {
                    return r;
                }

                // "v && !v": false under every evaluation of dependencies, with v still a known virtual.
                var never = new AndDependency(new RuleDependency(r.Rule), new NotDependency(new RuleDependency(r.Rule)));
                return r.Quantifier == DependencyQuantifier.Never ? new NotDependency(never) : never;
            case NotDependency n:
                return ScopedDependency(n.Operand, header) is { } operand ? n with { Operand = operand } : null;
            case AndDependency a:
                return ScopedDependency(a.Left, header) is { } l && ScopedDependency(a.Right, header) is { } rr ? new AndDependency(l, rr) : null;
            case OrDependency o:
                return ScopedDependency(o.Left, header) is { } l2 && ScopedDependency(o.Right, header) is { } r2 ? new OrDependency(l2, r2) : null;
            default:
                return dependency;
        }
    }

    private Dependency? UnknownDependency(string name, TextSpan header)
    {
        string text = Encoding.UTF8.GetString(_bytes, header.Start, header.Length);
        int depends = Math.Max(0, text.IndexOf("depends", StringComparison.Ordinal));
        int at = depends;
        for (int i = text.IndexOf(name, depends, StringComparison.Ordinal); i >= 0; i = text.IndexOf(name, i + 1, StringComparison.Ordinal))
        {
            bool wordStart = i == 0 || !(char.IsAsciiLetterOrDigit(text[i - 1]) || text[i - 1] == '_');
            int end = i + name.Length;
            bool wordEnd = end == text.Length || !(char.IsAsciiLetterOrDigit(text[end]) || text[end] == '_');
            if (wordStart && wordEnd)
            {
                at = i;
                break;
            }
        }

        Error(DiagnosticId.SmplSyntaxError, header.Start + Encoding.UTF8.GetByteCount(text.AsSpan(0, at)), Encoding.UTF8.GetByteCount(name),
            $"'{name}' in 'depends on' is neither an earlier rule nor a virtual rule (declare it with 'virtual {name}')");
        return null;
    }
}
