using System.Diagnostics;
using System.Text;
using Sevenspot.Cli.Testing;

namespace Sevenspot.Cli.Tests.Conformance;

public sealed class TokenComparisonTests
{
    [Theory]
    [InlineData("int x = 1;", "int  x=1 ;\n")]
    [InlineData("f(a, /* note */ b);", "f(a,\n\tb); // done")]
    [InlineData("int a[] = { 1, 2, };", "int a[] = { 1, 2 };")]
    [InlineData("enum e { A, B };", "enum e { A, B, };")]
    [InlineData("#define F(x) \\\n  ((x) + 1)\n", "#define F(x) ((x) + 1)\n")]
    [InlineData("char *s = \"$Id: a.c 1 $\";", "char *s = \"$Id: b.c 2 $\";")]
    [InlineData("#if A && B\n#endif\n", "#if A && B\n#endif\n")]
    public void Equal(string generated, string expected) =>
        Assert.Null(CTokenComparison.Compare(CTokenizer.Tokenize(generated), CTokenizer.Tokenize(expected)));

    [Theory]
    [InlineData("x = 1;", "x = 2;", "diff token: 1 VS 2 (generated line 1, expected line 1)")]
    [InlineData("{ f(); , }", "{ f(); }", "diff token: , VS } (generated line 1, expected line 1)")]
    [InlineData("#define f(x) x\n", "#define f (x) x\n", "diff token: ( VS ( (generated line 1, expected line 1)")]
    [InlineData("#ifdef A\n#endif\n", "#ifdef A \n#endif\n", "diff token: #ifdef A VS #ifdef A  (generated line 1, expected line 1)")]
    [InlineData("#if A\n", "#if  A\n", "diff token: #if A VS #if  A (generated line 1, expected line 1)")]
    [InlineData("a;\nb;", "a;", "not same number of tokens (expected ends at line 1)")]
    public void Different(string generated, string expected, string reason) =>
        Assert.Equal(reason, CTokenComparison.Compare(CTokenizer.Tokenize(generated), CTokenizer.Tokenize(expected))?.Reason);

    [Fact]
    public void Using_is_dropped_in_cplusplus_mode()
    {
        Assert.Null(CTokenComparison.Compare(CTokenizer.Tokenize("using namespace std;", cplusplus: true), CTokenizer.Tokenize("namespace std;", cplusplus: true)));
        Assert.NotNull(CTokenComparison.Compare(CTokenizer.Tokenize("using namespace std;"), CTokenizer.Tokenize("namespace std;")));
    }

    /// <summary>
    /// Every input of the corpus against its expected result (they differ in all kinds of ways)
    /// gives the verdict and the message tools/cocci_conformance.py gives for the same pair.
    /// </summary>
    [CorpusFact]
    public void Verdicts_and_messages_agree_with_the_conformance_script()
    {
        string script = Path.GetFullPath(Path.Join(CocciCorpus.Directory, "..", "..", "tools", "cocci_conformance.py"));
        if (!File.Exists(script))
        {
            Assert.Fail($"{script} not found next to the corpus");
        }

        var tests = CocciCorpus.Tests();
        var program = new StringBuilder();
        program.Append("import sys\nsys.path.insert(0, ").Append(PythonString(Path.GetDirectoryName(script)!)).Append(")\nimport cocci_conformance as c\n");
        foreach (var t in tests)
        {
            string input = Path.Join(CocciCorpus.Directory, t.InputFile);
            string result = Path.Join(CocciCorpus.Directory, t.ResultFile);
            program.Append("print(repr(c.compare_c_files(").Append(PythonString(input)).Append(", ").Append(PythonString(result))
                .Append(", ").Append(t.CPlusPlus ? "True" : "False").Append(")))\n");
        }

        var start = new ProcessStartInfo("python3") { RedirectStandardInput = true, RedirectStandardOutput = true, UseShellExecute = false, StandardOutputEncoding = Encoding.UTF8 };
        using var python = Process.Start(start)!;
        python.StandardInput.Write(program.ToString());
        python.StandardInput.Close();
        string[] lines = python.StandardOutput.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        python.WaitForExit();
        Assert.Equal(tests.Count, lines.Length);

        var disagreements = new List<string>();
        for (int i = 0; i < tests.Count; i++)
        {
            var t = tests[i];
            var generated = CTokenizer.Tokenize(File.ReadAllBytes(Path.Join(CocciCorpus.Directory, t.InputFile)), t.CPlusPlus);
            var expected = CTokenizer.Tokenize(File.ReadAllBytes(Path.Join(CocciCorpus.Directory, t.ResultFile)), t.CPlusPlus);
            string ours = CTokenComparison.Compare(generated, expected) is { } m ? PythonRepr(m.Reason) : "None";
            if (ours != lines[i])
            {
                disagreements.Add($"{t.Name}: script {lines[i]}, ours {ours}");
            }
        }

        Assert.True(disagreements.Count == 0, string.Join('\n', disagreements));
    }

    private static string PythonString(string s) => "'" + s.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal) + "'";

    /// <summary>Python's repr of a str, for the characters the messages hold.</summary>
    private static string PythonRepr(string s)
    {
        var sb = new StringBuilder();
        bool useDouble = s.Contains('\'', StringComparison.Ordinal) && !s.Contains('"', StringComparison.Ordinal);
        char quote = useDouble ? '"' : '\'';
        sb.Append(quote);
        foreach (char c in s)
        {
            sb.Append(c switch
            {
                '\\' => "\\\\",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                _ when c == quote => "\\" + c,
                _ when c < 0x20 || c == 0x7f => $"\\x{(int)c:x2}",
                _ when c is >= '\u0080' and <= '\u00a0' || c == '\u00ad' => $"\\x{(int)c:x2}",
                _ => c.ToString(),
            });
        }

        return sb.Append(quote).ToString();
    }
}
