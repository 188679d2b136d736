using Sevenspot.C;
using Sevenspot.Text;

namespace Sevenspot.Engine;

/// <summary>
/// One file read once for several semantic patches of a run: each distinct parse of it (one per
/// macro table) and the session built on it (type annotation, control-flow graphs, #define bodies)
/// are made on first use and shared by every patch that reads the file the same way, so that the
/// per-file work that does not depend on a rule is done once per file, not once per patch.
/// Not thread-safe: one file's patches run one after the other on one thread.
/// </summary>
public sealed class SharedFile
{
    private byte[]? _original;
    private readonly List<(MacroTable Macros, Func<SyntaxTree, ITypeOracle?>? Types, FileSession Session)> _sessions = [];

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

    /// <summary>The session of the file as a patch with these options parses and types it.</summary>
    internal FileSession SessionFor(RunOptions options)
    {
        var macros = options.ParseOptions.Macros;
        var types = options.TypeOracleFactory;
        if (_given is not null)
        {
            if (_sessions.Count == 0)
            {
                _sessions.Add((macros, types, new FileSession(_given, options)));
            }

            return _sessions[0].Session;
        }

        foreach (var (m, t, session) in _sessions)
        {
            if (ReferenceEquals(m, macros) && ReferenceEquals(t, types))
            {
                return session;
            }
        }

        // Parsed under the first patch's cancellation: a parse that times out is not kept, and the next patch parses again.
        var made = new FileSession(Parser.Parse(Source, options.ParseOptions), options);
        _sessions.Add((macros, types, made));
        return made;
    }
}
