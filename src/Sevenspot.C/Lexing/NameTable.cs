using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;

namespace Sevenspot.C;

/// <summary>
/// Interns identifier spellings of one file: each distinct spelling gets a small integer id,
/// so the parser and analyses compare names by id. Keywords are interned first, so that the
/// id of a keyword spelling maps straight to its <see cref="SyntaxKind"/>.
/// </summary>
public sealed class NameTable
{
    // PERF: every file starts from a copy of this table of keywords rather than interning them again.
    private static readonly NameTable s_keywordTable = CreateKeywordTable();

    // PERF: what a lookup compares sits in one entry, so a hit touches the bucket, the entry and the bytes.
    private struct Entry
    {
        public int Hash;
        public int Offset;     // into _bytes
        public int Length;
        public SyntaxKind Kind; // keyword kind or IdentifierToken
    }

    private int[] _buckets;          // 0 = empty, otherwise id + 1
    private Entry[] _entries;         // by id
    private string?[] _strings;       // by id, built lazily
    private byte[] _bytes;
    private int _byteCount;
    private int _count;

    public NameTable()
        : this(s_keywordTable)
    {
    }

    private NameTable(int buckets, int names, int bytes)
    {
        _buckets = new int[buckets];
        _entries = new Entry[names];
        _strings = new string?[names];
        _bytes = new byte[bytes];
    }

    private NameTable(NameTable template)
    {
        _buckets = (int[])template._buckets.Clone();
        _entries = (Entry[])template._entries.Clone();
        _strings = new string?[template._strings.Length];
        _bytes = (byte[])template._bytes.Clone();
        _byteCount = template._byteCount;
        _count = template._count;
    }

    private static NameTable CreateKeywordTable()
    {
        var table = new NameTable(1024, 256, 4096);
        table.Add(""u8, 0, SyntaxKind.None); // id 0 is reserved: "no name"
        foreach (var (text, kind) in SyntaxFacts.KeywordSpellings)
        {
            var bytes = Encoding.ASCII.GetBytes(text);
            table.Add(bytes, Hash(bytes), kind);
        }

        return table;
    }

    /// <summary>Number of names, the reserved id 0 included.</summary>
    public int Count => _count;

    /// <summary>The keyword kind of a name, or IdentifierToken.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public SyntaxKind GetKind(int id) => _entries[id].Kind;

    public ReadOnlySpan<byte> GetBytes(int id) => _bytes.AsSpan(_entries[id].Offset, _entries[id].Length);

    public string GetString(int id) => _strings[id] ??= Encoding.UTF8.GetString(GetBytes(id));

    /// <summary>The id of a spelling, adding it if new.</summary>
    public int Intern(ReadOnlySpan<byte> name) => Intern(name, Hash(name));

    public int Intern(string name) => Intern(Encoding.UTF8.GetBytes(name));

    /// <summary>The id of a spelling if present, or -1.</summary>
    public int Find(string name)
    {
        var bytes = Encoding.UTF8.GetBytes(name);
        return Lookup(bytes, Hash(bytes), out _);
    }

    /// <summary>The id of a spelling if present, or -1.</summary>
    internal int Find(ReadOnlySpan<byte> name) => Lookup(name, Hash(name), out _);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal int Intern(ReadOnlySpan<byte> name, int hash)
    {
        int id = Lookup(name, hash, out int bucket);
        return id >= 0 ? id : Add(name, hash, SyntaxKind.IdentifierToken, bucket);
    }

    /// <summary>The id of a spelling, or -1 and the empty bucket where it would go.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int Lookup(ReadOnlySpan<byte> name, int hash, out int bucket)
    {
        var buckets = _buckets;
        var entries = _entries;
        int mask = buckets.Length - 1;
        for (int b = hash & mask; ; b = (b + 1) & mask)
        {
            int id = buckets[b] - 1;
            if (id < 0)
            {
                bucket = b;
                return -1;
            }

            ref var entry = ref entries[id];
            if (entry.Hash == hash && entry.Length == name.Length && _bytes.AsSpan(entry.Offset, name.Length).SequenceEqual(name))
            {
                bucket = b;
                return id;
            }
        }
    }

    /// <summary>
    /// Hash of a spelling: the first and last eight bytes (or four, or three single bytes for short
    /// names) mixed with the length. Names that differ only in the middle collide and are told apart
    /// by the byte comparison in <see cref="Intern(ReadOnlySpan{byte}, int)"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static int Hash(ReadOnlySpan<byte> name)
    {
        // PERF: a few wide reads instead of a multiply per byte; the lexer hashes every identifier.
        int length = name.Length;
        ulong a, b;
        if (length >= 8)
        {
            a = MemoryMarshal.Read<ulong>(name);
            b = MemoryMarshal.Read<ulong>(name[(length - 8)..]);
        }
        else if (length >= 4)
        {
            a = MemoryMarshal.Read<uint>(name);
            b = MemoryMarshal.Read<uint>(name[(length - 4)..]);
        }
        else if (length > 0)
        {
            a = ((ulong)name[0] << 16) | ((ulong)name[length >> 1] << 8) | name[length - 1];
            b = 0;
        }
        else
        {
            a = b = 0;
        }

        // Two multiplies in a row; the high half of the last product is well mixed.
        ulong h = (a + (b * 0xC2B2AE3D27D4EB4FUL) + (ulong)length) * 0x9E3779B97F4A7C15UL;
        return (int)(h >> 32);
    }

    private int Add(ReadOnlySpan<byte> name, int hash, SyntaxKind kind, int bucket = -1)
    {
        int id = _count++;
        if (id == _entries.Length)
        {
            Array.Resize(ref _entries, id * 2);
            Array.Resize(ref _strings, id * 2);
        }

        if (_byteCount + name.Length > _bytes.Length)
        {
            Array.Resize(ref _bytes, Math.Max(_bytes.Length * 2, _byteCount + name.Length));
        }

        name.CopyTo(_bytes.AsSpan(_byteCount));
        _entries[id] = new Entry { Hash = hash, Offset = _byteCount, Length = name.Length, Kind = kind };
        _byteCount += name.Length;
        if (id > 0)
        {
            if (_count * 2 > _buckets.Length)
            {
                Rehash();
            }
            else if (bucket >= 0)
            {
                _buckets[bucket] = id + 1;
            }
            else
            {
                Place(id);
            }
        }

        return id;
    }

    private void Place(int id)
    {
        int mask = _buckets.Length - 1;
        int b = _entries[id].Hash & mask;
        while (_buckets[b] != 0)
        {
            b = (b + 1) & mask;
        }

        _buckets[b] = id + 1;
    }

    private void Rehash()
    {
        _buckets = new int[_buckets.Length * 2];
        for (int id = 1; id < _count; id++)
        {
            Place(id);
        }
    }
}
