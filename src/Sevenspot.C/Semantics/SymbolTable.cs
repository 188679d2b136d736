using System.Runtime.CompilerServices;

namespace Sevenspot.C.Semantics;

/// <summary>The three name spaces the annotator keeps apart.</summary>
internal enum NameSpace : byte
{
    /// <summary>Variables, functions, enumeration constants.</summary>
    Ordinary,
    Typedef,
    Tag,
}

/// <summary>
/// Nested scopes as one array of bindings with, per name space and name key, the index of the
/// innermost binding; each binding links to the one it shadows. Lookup is O(1), and leaving a
/// scope unlinks the bindings it added.
/// </summary>
internal sealed class SymbolTable
{
    private int[][] _heads = [[], [], []];
    private Binding[] _bindings = new Binding[256];
    private int _count;
    private int[] _scopeStarts = new int[16];
    private int _depth;

    public SymbolTable(int keyCount) => EnsureKeys(keyCount);

    /// <summary>0 at file scope.</summary>
    public int Depth => _depth;

    public int Count => _count;

    public ref Binding this[int index] => ref _bindings[index];

    public void PushScope()
    {
        if (_depth + 1 == _scopeStarts.Length)
        {
            Array.Resize(ref _scopeStarts, _scopeStarts.Length * 2);
        }

        _scopeStarts[++_depth] = _count;
    }

    public void PopScope()
    {
        if (_depth == 0)
        {
            return;
        }

        int start = _scopeStarts[_depth--];
        for (int i = _count - 1; i >= start; i--)
        {
            ref var b = ref _bindings[i];
            _heads[(int)b.Space][b.Key] = b.Previous;
            b = default;
        }

        _count = start;
    }

    public void EnsureKeys(int keyCount)
    {
        for (int s = 0; s < _heads.Length; s++)
        {
            int old = _heads[s].Length;
            if (old < keyCount)
            {
                Array.Resize(ref _heads[s], Math.Max(keyCount, old * 2));
                _heads[s].AsSpan(old).Fill(-1);
            }
        }
    }

    /// <summary>Adds a binding in the current scope; <paramref name="position"/> is where the name is declared (byte offset), for <see cref="LookupBefore"/>.</summary>
    public int Add(NameSpace space, int key, CType? type, SymbolKind kind, int position, CTag? tag = null)
    {
        if (key >= _heads[(int)space].Length)
        {
            EnsureKeys(key + 1);
        }

        if (_count == _bindings.Length)
        {
            Array.Resize(ref _bindings, _count * 2);
        }

        int index = _count++;
        ref var heads = ref _heads[(int)space];
        _bindings[index] = new Binding { Key = key, Space = space, Previous = heads[key], Type = type, Kind = kind, Tag = tag, Position = position };
        heads[key] = index;
        return index;
    }

    /// <summary>The innermost binding of the key, or -1.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Lookup(NameSpace space, int key)
    {
        var heads = _heads[(int)space];
        return (uint)key < (uint)heads.Length ? heads[key] : -1;
    }

    /// <summary>The innermost binding of the key declared before a position, or -1: what was visible there, for macro bodies.</summary>
    public int LookupBefore(NameSpace space, int key, int position)
    {
        int index = Lookup(space, key);
        while (index >= 0 && _bindings[index].Position >= position)
        {
            index = _bindings[index].Previous;
        }

        return index;
    }

    /// <summary>The binding of the key made in the current scope, or -1.</summary>
    public int LookupInCurrentScope(NameSpace space, int key)
    {
        int index = Lookup(space, key);
        return index >= _scopeStarts[_depth] ? index : -1;
    }

    /// <summary>The binding of the key made at file scope, or -1 (after the walk, all that is left).</summary>
    public int LookupGlobal(NameSpace space, int key)
    {
        int index = Lookup(space, key);
        while (index >= 0 && _depth > 0 && index >= _scopeStarts[1])
        {
            index = _bindings[index].Previous;
        }

        return index;
    }

    internal struct Binding
    {
        public int Key;
        public int Previous;

        /// <summary>Byte offset of the declared name in the annotated tree; int.MinValue for headers and built-ins.</summary>
        public int Position;
        public NameSpace Space;
        public SymbolKind Kind;
        public CType? Type;
        public CTag? Tag;
    }
}
