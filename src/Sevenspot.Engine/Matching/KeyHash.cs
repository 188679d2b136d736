namespace Sevenspot.Engine;

/// <summary>
/// The hash of a value's key, folded one character at a time so that code values can fold their UTF-8
/// bytes and other values the key's characters and agree (a script's text equals code with the same key).
/// Only ASCII takes part: UTF-8 decoding maps ASCII bytes to the same characters and everything else to
/// non-ASCII characters, so two equal keys fold the same ASCII sequence.
/// </summary>
internal static class KeyHash
{
    public const uint Start = 2166136261;

    public static uint Add(uint hash, int c) => c < 0x80 ? (hash ^ (uint)c) * 16777619 : hash;
}
