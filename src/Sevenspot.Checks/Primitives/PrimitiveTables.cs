using System.Reflection;

namespace Sevenspot.Checks.Primitives;

/// <summary>The text of one table file: which table it feeds, a label for messages, and its lines.</summary>
public sealed record PrimitiveSource(string Table, string Label, string Text);

/// <summary>
/// The kernel primitives the checks know, read from the tables in Primitives/Data (built in as
/// resources) and any extra table files. Lookups are by C name. Immutable once loaded, so one
/// instance is shared by all workers.
/// </summary>
public sealed partial class PrimitiveTables
{
    /// <summary>The table names, one file each: "locks" is locks.txt.</summary>
    public static readonly string[] TableNames =
    [
        "sleeping", "gfp", "allocators", "frees", "locks", "lists", "refcounts", "task-iterators", "guarded-fields", "bitops",
    ];

    private static readonly Lazy<PrimitiveTables> s_builtin = new(() => Load(BuiltinSources()));

    private readonly Dictionary<string, SleepingFunction> _sleeping = new(StringComparer.Ordinal);
    private readonly Dictionary<string, GfpClass> _gfp = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Allocator> _allocators = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<LockPrimitive>> _acquires = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<LockPrimitive>> _releases = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ListOperation> _lists = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<RefcountPair>> _gets = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<RefcountPair>> _puts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TaskIterator> _taskIterators = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TaskIterator> _taskIteratorEnds = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<GuardedField>> _guardedFields = new(StringComparer.Ordinal);
    private readonly Dictionary<string, BitOperation> _bitOperations = new(StringComparer.Ordinal);
    private readonly Dictionary<string, FreeFunction> _frees = new(StringComparer.Ordinal);
    private readonly Dictionary<string, LockPrimitive> _guards = new(StringComparer.Ordinal);

    private PrimitiveTables()
    {
    }

    /// <summary>The tables built into Sevenspot.</summary>
    public static PrimitiveTables Builtin => s_builtin.Value;

    public int SleepingCount => _sleeping.Count;

    public int GfpCount => _gfp.Count;

    public int AllocatorCount => _allocators.Count;

    public int LockCount => _acquires.Values.Sum(l => l.Count);

    public int ListOperationCount => _lists.Count;

    public int RefcountCount => _gets.Values.Sum(l => l.Count);

    public IEnumerable<LockPrimitive> Locks => _acquires.Values.SelectMany(l => l);

    public IEnumerable<RefcountPair> Refcounts => _gets.Values.SelectMany(l => l);

    public IEnumerable<Allocator> Allocators => _allocators.Values;

    public IEnumerable<TaskIterator> TaskIterators => _taskIterators.Values;

    /// <summary>Reads tables. Later sources extend earlier ones; a name given twice in one table is an error.</summary>
    public static PrimitiveTables Load(IEnumerable<PrimitiveSource> sources)
    {
        var tables = new PrimitiveTables();
        foreach (var source in sources)
        {
            var lines = PrimitiveTableReader.Read(source.Label, source.Text);
            foreach (var line in lines)
            {
                tables.Add(source.Table, line);
            }
        }

        tables.Validate();
        return tables;
    }

    /// <summary>The built-in tables and, for each table, a file of the same name in <paramref name="directory"/> if there is one.</summary>
    public static PrimitiveTables WithDirectory(string directory)
    {
        var sources = new List<PrimitiveSource>(BuiltinSources());
        foreach (string table in TableNames)
        {
            string path = Path.Combine(directory, table + ".txt");
            if (File.Exists(path))
            {
                sources.Add(new PrimitiveSource(table, path, File.ReadAllText(path)));
            }
        }

        return Load(sources);
    }

    public static IEnumerable<PrimitiveSource> BuiltinSources()
    {
        var assembly = typeof(PrimitiveTables).Assembly;
        foreach (string table in TableNames)
        {
            string resource = "Sevenspot.Checks.Primitives." + table + ".txt";
            using var stream = assembly.GetManifestResourceStream(resource)
                ?? throw new InvalidOperationException($"Missing built-in table {resource}.");
            using var reader = new StreamReader(stream);
            yield return new PrimitiveSource(table, table + ".txt", reader.ReadToEnd());
        }
    }

    public SleepingFunction? FindSleeping(string name) => _sleeping.GetValueOrDefault(name);

    /// <summary>
    /// Whether any table knows the function. What a primitive does is what its table says:
    /// interprocedural checks do not summarise its definition (kfree's debugging paths, the
    /// page allocator's slow path) when the tree happens to contain it.
    /// </summary>
    public bool IsPrimitive(string name) =>
        _sleeping.ContainsKey(name) || _allocators.ContainsKey(name) || _frees.ContainsKey(name) || _acquires.ContainsKey(name)
        || _releases.ContainsKey(name) || _lists.ContainsKey(name) || _gets.ContainsKey(name) || _puts.ContainsKey(name)
        || _bitOperations.ContainsKey(name) || _taskIterators.ContainsKey(name);

    /// <summary>The class of one GFP flag name; Unknown when the table does not list it.</summary>
    public GfpClass ClassifyGfpFlag(string name) => _gfp.GetValueOrDefault(name, GfpClass.Unknown);

    public Allocator? FindAllocator(string name) => _allocators.GetValueOrDefault(name);

    public IReadOnlyList<LockPrimitive> FindAcquire(string name) => _acquires.TryGetValue(name, out var list) ? list : [];

    /// <summary>
    /// The acquire behind a scope-based guard class (linux/cleanup.h): <c>guard(mutex)(&amp;m)</c>
    /// takes what mutex_lock(&amp;m) takes and releases it at the end of the enclosing scope.
    /// </summary>
    public LockPrimitive? FindGuard(string guardClass) => _guards.GetValueOrDefault(guardClass);

    public IReadOnlyList<LockPrimitive> FindRelease(string name) => _releases.TryGetValue(name, out var list) ? list : [];

    public ListOperation? FindListOperation(string name) => _lists.GetValueOrDefault(name);

    public IReadOnlyList<RefcountPair> FindGet(string name) => _gets.TryGetValue(name, out var list) ? list : [];

    public IReadOnlyList<RefcountPair> FindPut(string name) => _puts.TryGetValue(name, out var list) ? list : [];

    public TaskIterator? FindTaskIterator(string name) => _taskIterators.GetValueOrDefault(name);

    /// <summary>The iterator that a closing macro (while_each_thread) ends.</summary>
    public TaskIterator? FindTaskIteratorEnd(string name) => _taskIteratorEnds.GetValueOrDefault(name);

    public IReadOnlyList<GuardedField> FindGuardedField(string field) => _guardedFields.TryGetValue(field, out var list) ? list : [];

    public BitOperation? FindBitOperation(string name) => _bitOperations.GetValueOrDefault(name);

    public FreeFunction? FindFree(string name) => _frees.GetValueOrDefault(name);
}
