namespace Sevenspot.C;

/// <summary>Why the construct being parsed failed, for the recovery code that must tell the causes apart.</summary>
internal enum ParseFailureKind
{
    /// <summary>The tokens do not form the construct; another reading may.</summary>
    Syntax,

    /// <summary>The nesting limit was reached: no other reading of the same tokens can do better.</summary>
    NestingTooDeep,
}
