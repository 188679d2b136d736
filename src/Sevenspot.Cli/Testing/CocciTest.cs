using System.Text.RegularExpressions;

namespace Sevenspot.Cli.Testing;

/// <summary>
/// One rule test in the layout of Coccinelle's test suite: BASE.cocci applied to NAME.c (or
/// NAME.cpp) must give NAME.res, where NAME is BASE or BASE_verN (several inputs for one rule);
/// BASE.stdout, when present, is what the run must print.
/// </summary>
internal sealed partial record CocciTest(string Name, string Base, string InputFile, bool CPlusPlus, string? StdoutFile)
{
    public string CocciFile => Base + ".cocci";

    public string ResultFile => Name + ".res";

    public static CocciTest For(string directory, string name)
    {
        var version = VersionSuffix().Match(name);
        string baseName = version.Success ? version.Groups[1].Value : name;
        bool cplusplus = !File.Exists(Path.Join(directory, name + ".c")) && File.Exists(Path.Join(directory, name + ".cpp"));
        string stdout = baseName + ".stdout";
        return new CocciTest(name, baseName, name + (cplusplus ? ".cpp" : ".c"), cplusplus, File.Exists(Path.Join(directory, stdout)) ? stdout : null);
    }

    /// <summary>The tests of a folder: those its INDEX lists, in its order, or else one per NAME.res, by name.</summary>
    public static IReadOnlyList<CocciTest> InFolder(string directory)
    {
        var names = new List<string>();
        string index = Path.Join(directory, "INDEX");
        if (File.Exists(index))
        {
            foreach (string line in File.ReadAllLines(index))
            {
                string name = line.Trim();
                if (name.Length > 0 && !name.StartsWith('#'))
                {
                    names.Add(name);
                }
            }
        }
        else
        {
            foreach (string res in Directory.EnumerateFiles(directory, "*.res"))
            {
                names.Add(Path.GetFileNameWithoutExtension(res));
            }

            names.Sort(StringComparer.Ordinal);
        }

        var tests = new List<CocciTest>(names.Count);
        foreach (string name in names)
        {
            tests.Add(For(directory, name));
        }

        return tests;
    }

    [GeneratedRegex(@"^(.*)_ver[0-9]+$")]
    private static partial Regex VersionSuffix();
}
