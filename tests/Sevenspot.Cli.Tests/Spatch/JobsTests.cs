namespace Sevenspot.Cli.Tests.Spatch;

/// <summary>
/// Rule runs go through the one worker pool that <c>sevenspot check</c> uses too: the output is the
/// same bytes for any --jobs, for one patch and for several patches in one run.
/// </summary>
public sealed class JobsTests : IDisposable
{
    private const string Rename = "@r@\nidentifier x;\n@@\n- foo(x);\n+ bar(x);\n";
    private const string Star = "@s@\nexpression x;\n@@\n* baz(x);\n";

    private readonly SpatchHarness _h = new();

    public JobsTests()
    {
        _h.With("p/1-rename.cocci", Rename).With("p/2-star.cocci", Star);
        for (int i = 0; i < 24; i++)
        {
            // Files of different sizes, so workers finish out of order.
            string body = string.Concat(Enumerable.Repeat($"\tfoo(a{i});\n\tbaz({i});\n", 1 + (i * 5 % 7)));
            _h.With($"d/sub{i % 3}/f{i:D2}.c", $"int f{i}(void)\n{{\n{body}\treturn 0;\n}}\n");
        }
    }

    public void Dispose() => _h.Dispose();

    [Theory]
    [InlineData("--sp-file", "p/1-rename.cocci")]
    [InlineData("--sp-file", "p")]
    [InlineData("--sp-file", "p/1-rename.cocci", "--sp-file", "p/2-star.cocci")]
    public void A_run_prints_the_same_bytes_for_one_and_two_workers(params string[] patches)
    {
        var one = _h.Run([.. patches, "--very-quiet", "--dir", "d", "--jobs", "1"]);
        var two = _h.Run([.. patches, "--very-quiet", "--dir", "d", "--jobs", "2", "--chunksize", "1"]);
        Assert.Equal(0, one.ExitCode);
        Assert.Contains("+\tbar(a23);", one.Stdout, StringComparison.Ordinal);
        Assert.Equal(one.Stdout, two.Stdout);
        Assert.Equal(one.Stderr, two.Stderr);
    }
}
