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

    [Fact]
    public void Large_files_taken_first_are_still_printed_in_file_order()
    {
        // Above the size that two workers take first; the sizes come with the directory's listing.
        string filler = string.Concat(Enumerable.Repeat("\t/* filler line of a large file */\n", 2500));
        _h.With("d/sub1/f07.c", $"int big(void)\n{{\n{filler}\tfoo(large);\n\treturn 0;\n}}\n");
        var one = _h.Run("--sp-file", "p/1-rename.cocci", "--very-quiet", "--dir", "d", "--jobs", "1");
        var two = _h.Run("--sp-file", "p/1-rename.cocci", "--very-quiet", "--dir", "d", "--jobs", "2", "--chunksize", "1");
        Assert.Equal(0, two.ExitCode);
        Assert.Contains("+\tbar(large);", two.Stdout, StringComparison.Ordinal);
        Assert.Equal(one.Stdout, two.Stdout);
        Assert.Equal(one.Stderr, two.Stderr);
    }

    [Fact]
    public void Profile_of_one_patch_names_the_start_up_phases()
    {
        var result = _h.Run("--sp-file", "p/1-rename.cocci", "--very-quiet", "--profile", "--dir", "d", "--jobs", "2");
        Assert.Equal(0, result.ExitCode);
        Assert.Matches(@"\nstart-up CPU, to the first file +: +[0-9.]+ sec +1 count\n", result.Stderr);
        Assert.Matches(@"\nstart-up: semantic patch read +: +[0-9.]+ sec +1 count\n", result.Stderr);
        Assert.Matches(@"\nstart-up: files listed +: +[0-9.]+ sec +1 count\n", result.Stderr);
        Assert.Matches(@"\nstart-up: macros and isos waited for +: +[0-9.]+ sec +1 count\n", result.Stderr);
        Assert.Matches(@"\nstart-up: rules compiled +: +[0-9.]+ sec +1 count\n", result.Stderr);
        Assert.Matches(@"\nfiles, wall +: +[0-9.]+ sec +24 count\n", result.Stderr);
    }
}
