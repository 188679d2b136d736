using System.Collections;
using System.Text;

namespace Sevenspot.Engine.Ctl;

/// <summary>A metavariable and the value it is bound to.</summary>
public readonly record struct MetavariableBinding<TValue>(string Name, TValue Value)
{
    public override string ToString() => $"{Name} = {Value}";
}

/// <summary>What a variable of a substitution can be bound to.</summary>
public enum BindingValueKind
{
    /// <summary>A value produced by the model's labelling function (a matched expression, identifier, ...).</summary>
    Value,

    /// <summary>The predicate matched at a state whose <see cref="AnnotationKind.Modif"/> annotation named the variable.</summary>
    Modif,

    /// <summary>The predicate matched at a state whose <see cref="AnnotationKind.UnModif"/> annotation named the variable.</summary>
    UnModif,
}

/// <summary>
/// The value side of a binding: either a model value or an annotated predicate
/// (Coccinelle's <c>ClassicVal</c> and <c>PredVal</c>).
/// </summary>
public readonly struct BindingValue<TPred, TValue> : IEquatable<BindingValue<TPred, TValue>>
{
    private BindingValue(BindingValueKind kind, TValue value, TPred predicate)
    {
        Kind = kind;
        Value = value;
        Predicate = predicate;
    }

    public BindingValueKind Kind { get; }

    /// <summary>The model value; default unless <see cref="Kind"/> is <see cref="BindingValueKind.Value"/>.</summary>
    public TValue Value { get; }

    /// <summary>The matched predicate; default when <see cref="Kind"/> is <see cref="BindingValueKind.Value"/>.</summary>
    public TPred Predicate { get; }

    public static BindingValue<TPred, TValue> FromValue(TValue value) => new(BindingValueKind.Value, value, default!);

    public static BindingValue<TPred, TValue> FromPredicate(BindingValueKind kind, TPred predicate)
    {
        if (kind == BindingValueKind.Value)
            throw new ArgumentException("A predicate binding must be Modif or UnModif.", nameof(kind));
        return new BindingValue<TPred, TValue>(kind, default!, predicate);
    }

    public bool Equals(BindingValue<TPred, TValue> other) =>
        Kind == other.Kind
        && (Kind == BindingValueKind.Value
            ? EqualityComparer<TValue>.Default.Equals(Value, other.Value)
            : EqualityComparer<TPred>.Default.Equals(Predicate, other.Predicate));

    public override bool Equals(object? obj) => obj is BindingValue<TPred, TValue> other && Equals(other);

    public override int GetHashCode() =>
        Kind == BindingValueKind.Value ? HashCode.Combine(Kind, Value) : HashCode.Combine(Kind, Predicate);

    public static bool operator ==(BindingValue<TPred, TValue> left, BindingValue<TPred, TValue> right) => left.Equals(right);

    public static bool operator !=(BindingValue<TPred, TValue> left, BindingValue<TPred, TValue> right) => !left.Equals(right);

    public override string ToString() => Kind switch
    {
        BindingValueKind.Modif => $"Modif({Predicate})",
        BindingValueKind.UnModif => $"UnModif({Predicate})",
        _ => Value?.ToString() ?? "",
    };
}

/// <summary>One element of a substitution: <c>x --&gt; v</c>, or, when negative, <c>x -/-&gt; v</c> (x is anything but v).</summary>
public readonly record struct Binding<TPred, TValue>(string Variable, BindingValue<TPred, TValue> Value, bool IsNegative)
{
    public override string ToString() => $"{Variable} {(IsNegative ? "-/->" : "-->")} {Value}";
}

/// <summary>
/// A substitution: a conjunction of positive and negative bindings, sorted by variable name
/// (positive before negative). A variable has either one positive binding or any number of negative ones.
/// </summary>
public sealed class Substitution<TPred, TValue> : IReadOnlyList<Binding<TPred, TValue>>, IEquatable<Substitution<TPred, TValue>>
{
    private readonly Binding<TPred, TValue>[] _bindings;

    internal Substitution(Binding<TPred, TValue>[] bindings)
    {
        _bindings = bindings;
    }

    public static Substitution<TPred, TValue> Empty { get; } = new([]);

    public int Count => _bindings.Length;

    public Binding<TPred, TValue> this[int index] => _bindings[index];

    public bool IsEmpty => _bindings.Length == 0;

    /// <summary>The positive binding of <paramref name="variable"/>, if any.</summary>
    public bool TryGetValue(string variable, out BindingValue<TPred, TValue> value)
    {
        foreach (var binding in _bindings)
        {
            if (!binding.IsNegative && binding.Variable == variable)
            {
                value = binding.Value;
                return true;
            }
        }
        value = default;
        return false;
    }

    public IEnumerator<Binding<TPred, TValue>> GetEnumerator() => ((IEnumerable<Binding<TPred, TValue>>)_bindings).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => _bindings.GetEnumerator();

    public bool Equals(Substitution<TPred, TValue>? other) =>
        other is not null && _bindings.AsSpan().SequenceEqual(other._bindings);

    public override bool Equals(object? obj) => Equals(obj as Substitution<TPred, TValue>);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var binding in _bindings)
            hash.Add(binding);
        return hash.ToHashCode();
    }

    /// <summary>Coccinelle's notation: <c>[x --&gt; 1; y -/-&gt; 2]</c>.</summary>
    public override string ToString()
    {
        var sb = new StringBuilder("[");
        for (var i = 0; i < _bindings.Length; i++)
        {
            if (i > 0)
                sb.Append("; ");
            sb.Append(_bindings[i]);
        }
        return sb.Append(']').ToString();
    }
}
