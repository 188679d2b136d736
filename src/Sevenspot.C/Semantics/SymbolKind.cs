namespace Sevenspot.C.Semantics;

/// <summary>What an identifier expression refers to, as far as the annotator could tell.</summary>
public enum SymbolKind : byte
{
    /// <summary>Not declared anywhere the annotator looked.</summary>
    Unknown,

    /// <summary>A variable declared in a block (spatch's LocalVar).</summary>
    Local,

    /// <summary>A parameter of the enclosing function (spatch counts it as local).</summary>
    Parameter,

    /// <summary>A static variable declared in a block.</summary>
    StaticLocal,

    /// <summary>A variable declared at file scope or in a header.</summary>
    Global,

    /// <summary>A function, declared by a prototype or a definition.</summary>
    Function,

    /// <summary>An enumeration constant.</summary>
    EnumConstant,

    /// <summary>An object-like macro defined with #define (its body gives the type).</summary>
    Macro,
}
