using Sevenspot.C;
using Sevenspot.Text;

namespace Sevenspot.Engine;

/// <summary>
/// One file read once for several semantic patches of a run: each distinct parse of it (one per
/// macro table and body filter) and the session built on it (type annotation, control-flow graphs, #define bodies)
/// are made on first use and shared by every patch that reads the file the same way, so that the
/// per-file work that does not depend on a rule is done once per file, not once per patch.
/// Not thread-safe: one file's patches run one after the other on one thread.
/// </summary>
public sealed class SharedFile
{
    private byte[]? _original;
    private readonly List<(MacroTable Macros, Func<SyntaxTree, ITypeOracle?>? Types, FunctionBodyFilter? Bodies, FileSession Session)> _sessions = [];
    private List<PrefilterResult>? _scans;
    private char[]? _latin1;

    public SharedFile(SourceText source)
    {
        Source = source;
    }

    /// <summary>
    /// A file already parsed by another reader (the checks' per-file session): every patch reads
    /// that tree and session, whatever the macro table of its options.
    /// </summary>
    public SharedFile(SourceSession session)
    {
        Source = session.Tree.Text;
        _given = session;
    }

    private readonly SourceSession? _given;

    public SourceText Source { get; }

    /// <summary>The file's bytes as every patch's outcome gives them back: one copy for all the patches.</summary>
    internal byte[] Original => _original ??= Source.Bytes.ToArray();

    /// <summary>
    /// Keeps the words a patch's prefilter found in the file before it was read for the patches (the
    /// test that decides whether to read it at all), so that the patch's run does not scan it again.
    /// </summary>
    public void RememberScan(PrefilterResult scan)
    {
        ArgumentNullException.ThrowIfNull(scan);
        (_scans ??= []).Add(scan);
    }

    /// <summary>
    /// The words of the file for a patch's prefilter: scanned once per prefilter, the file widened
    /// once for all of them. A copy the run may add to (the words of a changed version).
    /// </summary>
    internal PrefilterResult ScanFor(FilePrefilter prefilter)
    {
        if (_scans is not null)
        {
            foreach (var scan in _scans)
            {
                if (ReferenceEquals(scan.Prefilter, prefilter))
                {
                    return scan.Copy();
                }
            }
        }

        if (_latin1 is null)
        {
            var bytes = Source.Bytes;
            _latin1 = GC.AllocateUninitializedArray<char>(bytes.Length);
            System.Text.Encoding.Latin1.GetChars(bytes, _latin1);
        }

        var made = prefilter.ScanLatin1(_latin1);
        (_scans ??= []).Add(made);
        return made.Copy();
    }

    /// <summary>Whether one of the names occurs in the file's bytes as a whole word (in code, comments or strings alike).</summary>
    private bool SpellsAny(IEnumerable<string> names)
    {
        var bytes = Source.Bytes;
        foreach (string name in names)
        {
            var word = System.Text.Encoding.UTF8.GetBytes(name);
            int from = 0;
            while (from < bytes.Length)
            {
                int hit = bytes[from..].IndexOf(word);
                if (hit < 0)
                {
                    break;
                }

                hit += from;
                int end = hit + word.Length;
                if ((hit == 0 || !IsNameByte(bytes[hit - 1])) && (end == bytes.Length || !IsNameByte(bytes[end])))
                {
                    return true;
                }

                from = hit + 1;
            }
        }

        return false;
    }

    // Anything but a letter, a digit or '_' ends a name (a wider set would share fewer parses, never more).
    private static bool IsNameByte(byte b) => char.IsAsciiLetterOrDigit((char)b) || b == (byte)'_';

    /// <summary>The session of the file as a patch with these options parses and types it.</summary>
    internal FileSession SessionFor(RunOptions options)
    {
        var macros = options.ParseOptions.Macros;
        var types = options.TypeOracleFactory;
        if (_given is not null)
        {
            if (_sessions.Count == 0)
            {
                _sessions.Add((macros, types, null, new FileSession(_given, options)));
            }

            return _sessions[0].Session;
        }

        // A table that adds names the file never spells (a patch's declarer and iterator names)
        // parses it as the table it extends: the parser reads the table only for the file's names.
        // Those patches then share the parse, types and graphs of the others.
        var parseOptions = options.ParseOptions;
        if (macros.Extends is { } extended && !SpellsAny(macros.AddedNames))
        {
            macros = extended;
            parseOptions = parseOptions with { Macros = extended };
        }

        // A patch that reads only some function bodies shares the parse of patches that read the same ones.
        var bodies = parseOptions.BodyFilter;
        foreach (var (m, t, b, session) in _sessions)
        {
            if (ReferenceEquals(m, macros) && ReferenceEquals(t, types) && ReferenceEquals(b, bodies))
            {
                return session;
            }
        }

        // Parsed under the first patch's cancellation: a parse that times out is not kept, and the next patch parses again.
        using var clock = SharedWorkClock.Measure();
        var made = new FileSession(Parser.Parse(Source, parseOptions), options);
        _sessions.Add((macros, types, bodies, made));
        return made;
    }
}
