namespace Sevenspot.Engine.Ctl;

/// <summary>What an atomic predicate contributes to the transformation.</summary>
public enum AnnotationKind
{
    /// <summary>The predicate only constrains matching; it binds nothing.</summary>
    Control,

    /// <summary>
    /// Where the predicate holds, the annotation variable is bound to the matched predicate,
    /// and a witness for that binding marks the state for transformation.
    /// </summary>
    Modif,

    /// <summary>Like <see cref="Modif"/>, but the state is only recorded, not transformed.</summary>
    UnModif,
}

/// <summary>
/// The annotation on an atomic predicate: <c>Control</c>, <c>Modif v</c> or <c>UnModif v</c>.
/// A <c>Modif v</c> predicate that holds at a state binds <c>v</c> to the matched predicate; wrapped in
/// <c>Ex v</c> with keep = true, that binding becomes a leaf of the witness tree, which is how the checker
/// tells its caller which states to transform and with which environment.
/// </summary>
public readonly record struct Annotation
{
    private Annotation(AnnotationKind kind, string? variable)
    {
        Kind = kind;
        Variable = variable;
    }

    public AnnotationKind Kind { get; }

    /// <summary>The variable bound to the predicate; null for <see cref="AnnotationKind.Control"/>.</summary>
    public string? Variable { get; }

    public static Annotation Control => default;

    public static Annotation Modif(string variable)
    {
        ArgumentException.ThrowIfNullOrEmpty(variable);
        return new Annotation(AnnotationKind.Modif, variable);
    }

    public static Annotation UnModif(string variable)
    {
        ArgumentException.ThrowIfNullOrEmpty(variable);
        return new Annotation(AnnotationKind.UnModif, variable);
    }

    public override string ToString() => Kind switch
    {
        AnnotationKind.Modif => $"Modif({Variable})",
        AnnotationKind.UnModif => $"UnModif({Variable})",
        _ => "Control",
    };
}
