using Sevenspot.Cli.Tests.Conformance;

namespace Sevenspot.Cli.Tests;

/// <summary>sevenspot test DIR: rule tests in Coccinelle's layout, judged as the conformance tests are.</summary>
public sealed class TestCommandTests : IDisposable
{
    private static readonly string s_examples = Path.Join(CocciCorpus.RepositoryRoot, "examples", "rule-tests");

    private readonly string _folder = Directory.CreateTempSubdirectory("sevenspot-rule-tests-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static (int Exit, string Stdout, string Stderr) Test(string folder, bool verbose = false)
    {
        var stdout = new StringWriter { NewLine = "\n" };
        var stderr = new StringWriter { NewLine = "\n" };
        int exit = TestCommand.Run(folder, 2, 30, verbose, stdout, stderr);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    private void CopyExamples()
    {
        foreach (string file in Directory.EnumerateFiles(s_examples))
        {
            File.Copy(file, Path.Join(_folder, Path.GetFileName(file)));
        }
    }

    [Fact]
    public void The_example_folder_passes()
    {
        var (exit, stdout, stderr) = Test(s_examples);
        Assert.Equal("ifnull: PASS\nifnull_ver1: PASS\nkzalloc: PASS\n3 passed, 0 failed\n", stdout);
        Assert.Equal(string.Empty, stderr);
        Assert.Equal(0, exit);
    }

    [Fact]
    public void A_wrong_expectation_fails_and_says_where_with_verbose()
    {
        CopyExamples();
        string res = Path.Join(_folder, "kzalloc.res");
        File.WriteAllText(res, File.ReadAllText(res).Replace("kzalloc(sizeof", "kcalloc(1, sizeof", StringComparison.Ordinal));

        var (exit, stdout, _) = Test(_folder);
        Assert.Equal(1, exit);
        Assert.Equal("ifnull: PASS\nifnull_ver1: PASS\nkzalloc: FAIL\n2 passed, 1 failed\n", stdout);

        (_, stdout, _) = Test(_folder, verbose: true);
        Assert.Contains("kzalloc: FAIL (diff token: kzalloc VS kcalloc (generated line 13, expected line 13)", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void A_rule_that_does_not_parse_is_an_error_with_the_reason()
    {
        File.WriteAllText(Path.Join(_folder, "bad.cocci"), "@@\nexpression E;\n@@\n- f(E\n");
        File.WriteAllText(Path.Join(_folder, "bad.c"), "void g(void)\n{\n\tf(1);\n}\n");
        File.WriteAllText(Path.Join(_folder, "bad.res"), "void g(void)\n{\n}\n");
        var (exit, stdout, _) = Test(_folder);
        Assert.Equal(1, exit);
        Assert.StartsWith("bad: ERROR (exit status 255: tests/bad.cocci:", stdout, StringComparison.Ordinal);
        Assert.EndsWith("0 passed, 1 failed\n", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void An_index_chooses_the_tests_and_a_missing_input_is_an_error()
    {
        CopyExamples();
        File.WriteAllText(Path.Join(_folder, "INDEX"), "# chosen tests\nkzalloc\nabsent\n");
        var (exit, stdout, _) = Test(_folder);
        Assert.Equal(1, exit);
        Assert.Equal("kzalloc: PASS\nabsent: ERROR (missing absent.cocci)\n1 passed, 1 failed\n", stdout);
    }

    [Fact]
    public void A_folder_without_tests_is_a_usage_error()
    {
        var (exit, _, stderr) = Test(_folder);
        Assert.Equal(2, exit);
        Assert.Contains("no tests", stderr, StringComparison.Ordinal);
        Assert.Equal(2, Test(Path.Join(_folder, "absent")).Exit);
    }
}
