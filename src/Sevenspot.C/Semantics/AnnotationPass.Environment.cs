namespace Sevenspot.C.Semantics;

/// <summary>
/// Names the annotated file does not declare are looked up in the environment built from headers.
/// Lookups go by spelling, once per name and name space: the answers are kept by name key.
/// </summary>
internal sealed partial class AnnotationPass
{
    private Dictionary<int, TypeEnvironment.OrdinaryEntry?>? _fromHeadersOrdinary;
    private Dictionary<int, CType?>? _fromHeadersTypedefs;
    private Dictionary<(int Key, CTagKind Kind), CTag?>? _fromHeadersTags;

    private bool TryEnvironmentOrdinary(int key, out TypeEnvironment.OrdinaryEntry entry)
    {
        entry = default;
        if (_environment.HeaderCount == 0)
        {
            return false;
        }

        _fromHeadersOrdinary ??= [];
        if (!_fromHeadersOrdinary.TryGetValue(key, out var found))
        {
            found = _environment.TryGetOrdinary(_keys.GetName(key), out var e) ? e : null;
            _fromHeadersOrdinary.Add(key, found);
        }

        if (found is { } f)
        {
            entry = f;
            return true;
        }

        return false;
    }

    private CType? EnvironmentTypedef(int key)
    {
        if (_environment.HeaderCount == 0)
        {
            return null;
        }

        _fromHeadersTypedefs ??= [];
        if (!_fromHeadersTypedefs.TryGetValue(key, out var found))
        {
            found = _environment.GetTypedef(_keys.GetName(key));
            _fromHeadersTypedefs.Add(key, found);
        }

        return found;
    }

    private CTag? EnvironmentTag(int key, CTagKind kind)
    {
        if (_environment.HeaderCount == 0)
        {
            return null;
        }

        _fromHeadersTags ??= [];
        if (!_fromHeadersTags.TryGetValue((key, kind), out var found))
        {
            found = _environment.GetTag(_keys.GetName(key), kind);
            _fromHeadersTags.Add((key, kind), found);
        }

        return found;
    }
}
