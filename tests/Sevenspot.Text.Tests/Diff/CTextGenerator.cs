using System.Text;

namespace Sevenspot.Text.Tests.Diff;

/// <summary>
/// Seeded generator of C-looking text and of random edits to it, for comparing our diffs with
/// GNU diff's. Lines repeat a lot ("}", blank lines, "return 0;") so that many edits have
/// several equally short scripts and the choice between them is tested.
/// </summary>
internal sealed class CTextGenerator(int seed)
{
    private static readonly string[] s_types = ["int", "void", "static int", "static void", "unsigned long", "struct device *", "static inline bool", "const char *"];
    private static readonly string[] s_names = ["probe", "remove", "init", "exit", "alloc_buffer", "free_buffer", "read_register", "write_register", "handle_irq", "reset"];
    private static readonly string[] s_common =
    [
        "", "", "", "}", "\t}", "{", "\treturn 0;", "\treturn ret;", "\t\tbreak;", "\telse", "\t\treturn -ENOMEM;",
        "\tint ret;", "\tint i;", "out:", "\tkfree(buf);", "\t\tgoto out;", "#endif", " */", " *",
    ];

    private readonly Random _random = new(seed);

    public Random Random => _random;

    public List<byte[]> File(int functions)
    {
        var lines = new List<byte[]>();
        if (Chance(0.5))
        {
            Add(lines, "/* SPDX-License-Identifier: GPL-2.0 */");
            Add(lines, "#include <linux/module.h>");
            Add(lines, "#include <linux/slab.h>");
            Add(lines, "");
        }

        for (int f = 0; f < functions; f++)
        {
            Function(lines);
            Add(lines, "");
        }

        return lines;
    }

    /// <summary>A copy of <paramref name="lines"/> with a few random insertions, deletions, replacements and moves.</summary>
    public List<byte[]> Edit(List<byte[]> lines, int edits)
    {
        var result = new List<byte[]>(lines);
        for (int e = 0; e < edits; e++)
        {
            int at = _random.Next(result.Count + 1);
            int length = _random.Next(1, 6);
            switch (_random.Next(7))
            {
                case 0:
                    Delete(result, at, length);
                    break;
                case 1:
                    result.InsertRange(at, Statements(length));
                    break;
                case 2:
                    Delete(result, at, length);
                    result.InsertRange(Math.Min(at, result.Count), Statements(_random.Next(1, 6)));
                    break;
                case 3:
                    // Insert copies of nearby lines: the source of most ambiguity.
                    int from = Math.Max(0, at - _random.Next(1, 8));
                    result.InsertRange(at, result.GetRange(from, Math.Min(length, result.Count - from)));
                    break;
                case 4:
                    if (at < result.Count)
                    {
                        result[at] = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(result[at]).Replace("ret", "err", StringComparison.Ordinal) + (Chance(0.5) ? " " : ""));
                    }

                    break;
                case 5:
                    // Move a block.
                    if (at < result.Count)
                    {
                        var block = result.GetRange(at, Math.Min(length, result.Count - at));
                        result.RemoveRange(at, block.Count);
                        result.InsertRange(_random.Next(result.Count + 1), block);
                    }

                    break;
                default:
                    result.Insert(at, Encoding.UTF8.GetBytes(Pick(s_common)));
                    break;
            }
        }

        return result;
    }

    /// <summary>Joins lines with '\n' (or "\r\n"), with or without a final line terminator.</summary>
    public static byte[] Join(List<byte[]> lines, bool finalNewline = true, bool crlf = false)
    {
        var output = new List<byte>();
        for (int i = 0; i < lines.Count; i++)
        {
            output.AddRange(lines[i]);
            if (i < lines.Count - 1 || finalNewline)
            {
                if (crlf)
                {
                    output.Add((byte)'\r');
                }

                output.Add((byte)'\n');
            }
        }

        return [.. output];
    }

    public bool Chance(double probability) => _random.NextDouble() < probability;

    private void Function(List<byte[]> lines)
    {
        string name = Pick(s_names) + "_" + _random.Next(100);
        if (Chance(0.3))
        {
            Add(lines, "/*");
            Add(lines, " * " + name + " - " + (Chance(0.2) ? "réinitialise le périphérique" : "does the work"));
            Add(lines, " */");
        }

        string parameters = Chance(0.5) ? "struct platform_device *pdev, unsigned long flags" : "void";
        Add(lines, Pick(s_types) + " " + name + "(" + parameters + ")");
        Add(lines, "{");
        int statements = _random.Next(2, 14);
        foreach (byte[] line in Statements(statements))
        {
            lines.Add(line);
        }

        Add(lines, "\treturn 0;");
        Add(lines, "}");
    }

    private List<byte[]> Statements(int count)
    {
        var lines = new List<byte[]>();
        for (int i = 0; i < count; i++)
        {
            switch (_random.Next(9))
            {
                case 0:
                    Add(lines, "\tif (!buf)");
                    Add(lines, "\t\treturn -ENOMEM;");
                    break;
                case 1:
                    Add(lines, "\tfor (i = 0; i < n; i++) {");
                    Add(lines, "\t\tx[i] = " + _random.Next(10) + ";");
                    Add(lines, "\t}");
                    break;
                case 2:
                    Add(lines, "\tret = " + Pick(s_names) + "(dev, " + _random.Next(4) + ");");
                    break;
                case 3:
                    // A label starts with a letter, so diff -p takes it for a function line.
                    Add(lines, "err_" + _random.Next(3) + ":");
                    break;
                case 4:
                    lines.Add([.. "\t/* "u8, 0xFF, 0xFE, .. " raw bytes */"u8]);
                    break;
                default:
                    Add(lines, Pick(s_common));
                    break;
            }
        }

        return lines;
    }

    private static void Delete(List<byte[]> lines, int at, int length)
    {
        if (at < lines.Count)
        {
            lines.RemoveRange(at, Math.Min(length, lines.Count - at));
        }
    }

    private static void Add(List<byte[]> lines, string line) => lines.Add(Encoding.UTF8.GetBytes(line));

    private string Pick(string[] items) => items[_random.Next(items.Length)];
}
