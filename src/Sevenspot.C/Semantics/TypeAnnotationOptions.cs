namespace Sevenspot.C.Semantics;

/// <summary>How far type inference goes.</summary>
public enum TypeInference : byte
{
    /// <summary>
    /// Infer what spatch's type annotater infers, and leave unknown what it leaves unknown, so
    /// that typed metavariables match the same expressions: statement expressions, typeof(expression)
    /// and calls to K&amp;R-style functions have no type.
    /// </summary>
    Spatch,

    /// <summary>Also type statement expressions (by their last expression statement), typeof(expression) and K&amp;R functions.</summary>
    Extended,
}

/// <summary>Settings of one annotation.</summary>
public sealed class TypeAnnotationOptions
{
    public static readonly TypeAnnotationOptions Default = new();

    public TypeInference Inference { get; init; } = TypeInference.Spatch;

    /// <summary>Use #define bodies of object-like and function-like macros to type their uses, as spatch does.</summary>
    public bool UseMacroDefinitions { get; init; } = true;
}
