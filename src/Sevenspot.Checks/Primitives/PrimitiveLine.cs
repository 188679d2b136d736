using System.Globalization;

namespace Sevenspot.Checks.Primitives;

/// <summary>
/// One line of a primitive table: a name, then words. A word is a setting when it holds "="
/// ("arg=0", "try=zero"), and positional otherwise ("spin_unlock", "spin", "nested"). Each table
/// says which positional words it expects and which it accepts as flags.
/// </summary>
public sealed class PrimitiveLine
{
    private readonly Dictionary<string, string> _settings;

    internal PrimitiveLine(string file, int lineNumber, string name, IReadOnlyList<string> words, Dictionary<string, string> settings)
    {
        File = file;
        LineNumber = lineNumber;
        Name = name;
        Words = words;
        _settings = settings;
    }

    public string File { get; }

    public int LineNumber { get; }

    /// <summary>The first word: the primitive's name.</summary>
    public string Name { get; }

    /// <summary>The words after the name that are not settings, in order.</summary>
    public IReadOnlyList<string> Words { get; }

    public string? Get(string setting) => _settings.TryGetValue(setting, out var value) ? value : null;

    /// <summary>A setting whose value is a non-negative integer (an argument position), or -1 when absent.</summary>
    public int GetIndex(string setting)
    {
        string? value = Get(setting);
        if (value is null)
        {
            return -1;
        }

        if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out int index))
        {
            throw Error($"{setting}= needs an argument position (0, 1, ...), not '{value}'");
        }

        return index;
    }

    public string Word(int i, string what) => i < Words.Count ? Words[i] : throw Error($"missing {what}");

    /// <summary>Whether one of the positional words from <paramref name="start"/> on is the flag.</summary>
    public bool HasFlag(string flag, int start = 0)
    {
        for (int i = start; i < Words.Count; i++)
        {
            if (Words[i] == flag)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Rejects words the table does not know: positional words from <paramref name="flagStart"/>
    /// on must be among <paramref name="flags"/>, settings among <paramref name="settings"/>.
    /// </summary>
    public void Validate(int flagStart, string[] flags, string[] settings)
    {
        if (Words.Count < flagStart)
        {
            throw Error($"expected {flagStart} word(s) after the name, found {Words.Count}");
        }

        for (int i = flagStart; i < Words.Count; i++)
        {
            if (Array.IndexOf(flags, Words[i]) < 0)
            {
                throw Error($"unknown word '{Words[i]}'" + (flags.Length > 0 ? $" (expected one of: {string.Join(", ", flags)})" : string.Empty));
            }
        }

        foreach (string name in _settings.Keys)
        {
            if (Array.IndexOf(settings, name) < 0)
            {
                throw Error($"unknown setting '{name}='" + (settings.Length > 0 ? $" (expected one of: {string.Join(", ", settings)})" : string.Empty));
            }
        }
    }

    public PrimitiveTableException Error(string message) => new($"{File}:{LineNumber}: {message}");

    public override string ToString() => $"{File}:{LineNumber}: {Name}";
}

/// <summary>A table line the loader cannot read. Shipped tables are checked by tests, so this only meets edited tables.</summary>
public sealed class PrimitiveTableException : Exception
{
    public PrimitiveTableException()
    {
    }

    public PrimitiveTableException(string message)
        : base(message)
    {
    }

    public PrimitiveTableException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
