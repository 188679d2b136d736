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
    internal PrefilterResult ScanFor(FilePrefilter prefilter) => Scanned(prefilter).Copy();

    /// <summary>The words of the file for a patch's prefilter, scanned on first use (<see cref="ScanFor"/>): not to be added to.</summary>
    internal PrefilterResult Scanned(FilePrefilter prefilter)
    {
        if (_scans is not null)
        {
            foreach (var scan in _scans)
            {
                if (ReferenceEquals(scan.Prefilter, prefilter))
                {
                    return scan;
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
        return made;
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
        var types = options.TypeOracleFactory;
        if (_given is not null)
        {
            if (_sessions.Count == 0)
            {
                var given = new FileSession(_given, options);
                _sessions.Add((options.ParseOptions.Macros, types, null, given));
                given.LaterChecks = _readers is null ? null : new LaterChecks(this, given);
            }

            return _sessions[0].Session;
        }

        var macros = MacrosFor(options);
        var bodies = options.ParseOptions.BodyFilter;
        if (Find(macros, types, bodies) is { } shared)
        {
            return shared;
        }

        // Parsed under the first patch's cancellation: a parse that times out is not kept, and the next patch parses again.
        using var clock = SharedWorkClock.Measure();
        var parseOptions = ReferenceEquals(macros, options.ParseOptions.Macros) ? options.ParseOptions : options.ParseOptions with { Macros = macros };
        var made = new FileSession(Parser.Parse(Source, parseOptions), options);
        _sessions.Add((macros, types, bodies, made));
        made.LaterChecks = _readers is null ? null : new LaterChecks(this, made);
        return made;
    }

    /// <summary>
    /// The macro table the file is parsed with for a patch: a table that adds names the file never
    /// spells (a patch's declarer and iterator names) parses it as the table it extends (the parser
    /// reads the table only for the file's names), so those patches share the parse, types and graphs
    /// of the others.
    /// </summary>
    private MacroTable MacrosFor(RunOptions options)
    {
        var macros = options.ParseOptions.Macros;
        return macros.Extends is { } extended && !SpellsAny(macros.AddedNames) ? extended : macros;
    }

    /// <summary>The session made for these parse settings, if any. A patch that reads only some function bodies shares the parse of patches that read the same ones.</summary>
    private FileSession? Find(MacroTable macros, Func<SyntaxTree, ITypeOracle?>? types, FunctionBodyFilter? bodies)
    {
        foreach (var (m, t, b, session) in _sessions)
        {
            if (ReferenceEquals(m, macros) && ReferenceEquals(t, types) && ReferenceEquals(b, bodies))
            {
                return session;
            }
        }

        return null;
    }

    private IReadOnlyList<SemanticPatchRunner>? _readers;

    /// <summary>
    /// Says which patches read the file, one after the other in this order (a run of several patches):
    /// a control-flow graph one of them builds is then kept while a later one that reads the same
    /// session may check the function, rather than let go and built again (see
    /// <see cref="SemanticPatchRunner.MayCheckGraphOf"/>). <see cref="Reading"/> says which one runs.
    /// </summary>
    public void ReadBy(IReadOnlyList<SemanticPatchRunner> readers)
    {
        ArgumentNullException.ThrowIfNull(readers);
        _readers = readers;
        foreach (var (_, _, _, session) in _sessions)
        {
            session.LaterChecks = new LaterChecks(this, session);
        }
    }

    /// <summary>The index in <see cref="ReadBy"/>'s list of the patch that reads the file now; -1 before the first.</summary>
    public int Reading { get; set; } = -1;

    /// <summary>
    /// Per function of one session of the file, the last of the patches reading the file (<see cref="ReadBy"/>)
    /// that may check it: a graph is kept until that patch is done with it.
    /// </summary>
    internal sealed class LaterChecks
    {
        private const int Unknown = int.MinValue;
        private readonly SharedFile _file;
        private readonly FileSession _session;
        // Per function of the session: the last reader that may check it, -1 for none after the reader that asked; Unknown until asked.
        private int[]? _lastReader;
        // Per reader: whether it reads this session and may check some graph of it at all; null until asked.
        private bool[]? _reads;

        public LaterChecks(SharedFile file, FileSession session)
        {
            _file = file;
            _session = session;
        }

        /// <summary>Whether a patch after the one reading now may check the function, so that its graph is kept.</summary>
        public bool Keep(FileSession session, SyntaxNode function)
        {
            int reading = _file.Reading;
            var readers = _file._readers!;
            if (reading < 0 || reading >= readers.Count - 1 || !ReferenceEquals(session, _session))
            {
                return false;
            }

            int f = session.IndexOf(function);
            if (f < 0)
            {
                return false;
            }

            if (_lastReader is null)
            {
                _lastReader = new int[session.Functions.Count];
                Array.Fill(_lastReader, Unknown);
            }

            // The readers only go forward: "none after this one" holds for every later one too.
            if (_lastReader[f] == Unknown)
            {
                _lastReader[f] = LastReaderChecking(function, reading);
            }

            return _lastReader[f] > reading;
        }

        private int LastReaderChecking(SyntaxNode function, int reading)
        {
            var readers = _file._readers!;
            _reads ??= Reads(readers);
            for (int j = readers.Count - 1; j > reading; j--)
            {
                if (_reads[j] && readers[j].MayCheckGraphOf(_session, Worth(readers[j]), function))
                {
                    return j;
                }
            }

            return -1;
        }

        private bool[] Reads(IReadOnlyList<SemanticPatchRunner> readers)
        {
            var reads = new bool[readers.Count];
            (MacroTable Macros, Func<SyntaxTree, ITypeOracle?>? Types, FunctionBodyFilter? Bodies)? key = null;
            foreach (var entry in _file._sessions)
            {
                if (ReferenceEquals(entry.Session, _session))
                {
                    key = (entry.Macros, entry.Types, entry.Bodies);
                }
            }

            for (int j = 0; j < readers.Count; j++)
            {
                var options = readers[j].Options;
                bool same = _file._given is not null
                    || (key is { } k && ReferenceEquals(k.Types, options.TypeOracleFactory) && ReferenceEquals(k.Bodies, options.ParseOptions.BodyFilter)
                        && ReferenceEquals(k.Macros, _file.MacrosFor(options)));
                reads[j] = same && readers[j].ChecksGraphs && Worth(readers[j]) is not { AnyOutputRuleCanRun: false };
            }

            return reads;
        }

        private PrefilterResult? Worth(SemanticPatchRunner reader) => reader.Options.UsePrefilter ? _file.Scanned(reader.Prefilter) : null;
    }
}
