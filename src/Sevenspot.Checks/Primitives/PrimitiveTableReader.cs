namespace Sevenspot.Checks.Primitives;

/// <summary>
/// Reads the line format shared by all primitive tables: <c>#</c> starts a comment that runs
/// to the end of the line; blank lines are ignored; a line is words separated by spaces or
/// tabs, the first being the primitive's name. See Primitives/Data/README.md.
/// </summary>
public static class PrimitiveTableReader
{
    public static List<PrimitiveLine> Read(string file, string text)
    {
        var lines = new List<PrimitiveLine>();
        int lineNumber = 0;
        foreach (string raw in text.Split('\n'))
        {
            lineNumber++;
            string line = raw;
            int hash = line.IndexOf('#', StringComparison.Ordinal);
            if (hash >= 0)
            {
                line = line[..hash];
            }

            string[] words = line.Split([' ', '\t', '\r'], StringSplitOptions.RemoveEmptyEntries);
            if (words.Length == 0)
            {
                continue;
            }

            var positional = new List<string>();
            var settings = new Dictionary<string, string>(StringComparer.Ordinal);
            for (int i = 1; i < words.Length; i++)
            {
                string word = words[i];
                int equals = word.IndexOf('=', StringComparison.Ordinal);
                if (equals == 0)
                {
                    throw new PrimitiveTableException($"{file}:{lineNumber}: setting without a name: '{word}'");
                }

                if (equals > 0)
                {
                    if (!settings.TryAdd(word[..equals], word[(equals + 1)..]))
                    {
                        throw new PrimitiveTableException($"{file}:{lineNumber}: '{word[..equals]}' set twice");
                    }
                }
                else
                {
                    positional.Add(word);
                }
            }

            lines.Add(new PrimitiveLine(file, lineNumber, words[0], positional, settings));
        }

        return lines;
    }
}
