using System.Runtime.CompilerServices;
using System.Text;

namespace Sevenspot.C;

/// <summary>
/// Interns identifier spellings of one file: each distinct spelling gets a small integer id,
/// so the parser and analyses compare names by id. Keywords are interned first, so that the
/// id of a keyword spelling maps straight to its <see cref="SyntaxKind"/>.
/// </summary>
public sealed class NameTable
{
    private static readonly (string Text, SyntaxKind Kind)[] s_keywords = SyntaxFacts.KeywordSpellings;

    private int[] _buckets;          // 0 = empty, otherwise id + 1
    private int[] _hashes;            // by id
    private int[] _offsets;           // by id, into _bytes
    private int[] _lengths;           // by id
    private SyntaxKind[] _kinds;      // by id: keyword kind or IdentifierToken
    private string?[] _strings;       // by id, built lazily
    private byte[] _bytes;
    private int _byteCount;
    private int _count;

    public NameTable()
    {
        _buckets = new int[1024];
        _hashes = new int[256];
        _offsets = new int[256];
        _lengths = new int[256];
        _kinds = new SyntaxKind[256];
        _strings = new string?[256];
        _bytes = new byte[4096];
        Add(""u8, 0, SyntaxKind.None); // id 0 is reserved: "no name"
        foreach (var (text, kind) in s_keywords)
        {
            var bytes = Encoding.ASCII.GetBytes(text);
            Add(bytes, Hash(bytes), kind);
        }
    }

    /// <summary>Number of names, the reserved id 0 included.</summary>
    public int Count => _count;

    /// <summary>The keyword kind of a name, or IdentifierToken.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public SyntaxKind GetKind(int id) => _kinds[id];

    public ReadOnlySpan<byte> GetBytes(int id) => _bytes.AsSpan(_offsets[id], _lengths[id]);

    public string GetString(int id) => _strings[id] ??= Encoding.UTF8.GetString(_bytes, _offsets[id], _lengths[id]);

    /// <summary>The id of a spelling, adding it if new.</summary>
    public int Intern(ReadOnlySpan<byte> name) => Intern(name, Hash(name));

    public int Intern(string name) => Intern(Encoding.UTF8.GetBytes(name));

    /// <summary>The id of a spelling if present, or -1.</summary>
    public int Find(string name)
    {
        var bytes = Encoding.UTF8.GetBytes(name);
        int hash = Hash(bytes);
        int mask = _buckets.Length - 1;
        for (int b = hash & mask; ; b = (b + 1) & mask)
        {
            int entry = _buckets[b];
            if (entry == 0)
            {
                return -1;
            }

            int id = entry - 1;
            if (_hashes[id] == hash && GetBytes(id).SequenceEqual(bytes))
            {
                return id;
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal int Intern(ReadOnlySpan<byte> name, int hash)
    {
        int mask = _buckets.Length - 1;
        for (int b = hash & mask; ; b = (b + 1) & mask)
        {
            int entry = _buckets[b];
            if (entry == 0)
            {
                return Add(name, hash, SyntaxKind.IdentifierToken);
            }

            int id = entry - 1;
            if (_hashes[id] == hash && _lengths[id] == name.Length && _bytes.AsSpan(_offsets[id], name.Length).SequenceEqual(name))
            {
                return id;
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static int Hash(ReadOnlySpan<byte> name)
    {
        uint h = 2166136261;
        foreach (byte c in name)
        {
            h = (h ^ c) * 16777619;
        }

        return (int)(h ^ (h >> 15));
    }

    /// <summary>Incremental form of <see cref="Hash"/>: fold one more byte into a running value.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static uint Step(uint h, byte c) => (h ^ c) * 16777619;

    internal const uint Seed = 2166136261;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static int Finish(uint h) => (int)(h ^ (h >> 15));

    private int Add(ReadOnlySpan<byte> name, int hash, SyntaxKind kind)
    {
        int id = _count++;
        if (id == _hashes.Length)
        {
            int size = id * 2;
            Array.Resize(ref _hashes, size);
            Array.Resize(ref _offsets, size);
            Array.Resize(ref _lengths, size);
            Array.Resize(ref _kinds, size);
            Array.Resize(ref _strings, size);
        }

        if (_byteCount + name.Length > _bytes.Length)
        {
            Array.Resize(ref _bytes, Math.Max(_bytes.Length * 2, _byteCount + name.Length));
        }

        name.CopyTo(_bytes.AsSpan(_byteCount));
        _offsets[id] = _byteCount;
        _lengths[id] = name.Length;
        _byteCount += name.Length;
        _hashes[id] = hash;
        _kinds[id] = kind;
        if (id > 0)
        {
            if (_count * 2 > _buckets.Length)
            {
                Rehash();
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
        int b = _hashes[id] & mask;
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
