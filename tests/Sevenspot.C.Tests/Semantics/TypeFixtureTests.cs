using System.Runtime.CompilerServices;
using System.Text;
using System.Text.RegularExpressions;
using Sevenspot.C.Semantics;
using Sevenspot.Text;

namespace Sevenspot.C.Tests.Semantics;

/// <summary>
/// Each file in Fixtures/ is C code with lines of the form <c>check(EXPR);	// TYPE</c>: TYPE is
/// the expected type of EXPR as printed by <see cref="CType.ToString"/>, or <c>?</c> when unknown.
/// A comment "inference: extended" in the file selects <see cref="TypeInference.Extended"/>.
/// Set SEVENSPOT_REGENERATE=1 to rewrite the expectations from the actual results.
/// </summary>
public sealed partial class TypeFixtureTests
{
    public static TheoryData<string> Fixtures()
    {
        var data = new TheoryData<string>();
        foreach (string path in Directory.EnumerateFiles(FixtureDirectory(), "*.c").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(path));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Fixture(string name)
    {
        string path = Path.Combine(FixtureDirectory(), name);
        string text = File.ReadAllText(path);
        var options = text.Contains("inference: extended", StringComparison.Ordinal)
            ? new TypeAnnotationOptions { Inference = TypeInference.Extended }
            : TypeAnnotationOptions.Default;
        var tree = Parser.Parse(SourceText.FromString(name, text));
        var annotation = TypeAnnotator.Annotate(tree, options: options);

        var actual = new Dictionary<int, string>();
        foreach (var node in tree.Root.DescendantNodesAndSelf())
        {
            if (node.Kind == SyntaxKind.CallExpression && node.GetNodeSlot(0)?.ToString() == "check" && node.GetNodeSlot(2) is { } arguments)
            {
                foreach (var argument in arguments.ChildNodes())
                {
                    actual[argument.Position.Line] = annotation.GetType(argument)?.ToString() ?? "?";
                    break;
                }
            }
        }

        var lines = text.Split('\n');
        var failures = new List<string>();
        var regenerated = new StringBuilder();
        int checks = 0;
        for (int i = 0; i < lines.Length; i++)
        {
            string line = lines[i];
            var match = ExpectationPattern().Match(line);
            if (match.Success && !line.TrimStart().StartsWith("//", StringComparison.Ordinal))
            {
                checks++;
                string expected = match.Groups["type"].Value.Trim();
                string got = actual.TryGetValue(i + 1, out var t) ? t : "(no check found)";
                if (got != expected)
                {
                    failures.Add($"{name}:{i + 1}: {match.Groups["expr"].Value.Trim()}: expected {expected}, got {got}");
                }

                line = line[..match.Groups["type"].Index] + got;
            }

            regenerated.Append(line);
            if (i < lines.Length - 1)
            {
                regenerated.Append('\n');
            }
        }

        if (failures.Count > 0 && Environment.GetEnvironmentVariable("SEVENSPOT_REGENERATE") == "1")
        {
            File.WriteAllText(path, regenerated.ToString());
            return;
        }

        Assert.True(checks > 0, $"{name} has no check(...) lines");
        Assert.True(failures.Count == 0, string.Join('\n', failures) + "\n\nActual (paste after review, or set SEVENSPOT_REGENERATE=1):\n" + regenerated);
    }

    [GeneratedRegex(@"(?<expr>check\(.*\);)\s*//\s*(?<type>.*)$")]
    private static partial Regex ExpectationPattern();

    private static string FixtureDirectory([CallerFilePath] string source = "") => Path.Combine(Path.GetDirectoryName(source)!, "Fixtures");
}
