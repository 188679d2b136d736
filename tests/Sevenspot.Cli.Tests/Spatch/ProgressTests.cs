using System.Text;
using Sevenspot.Cli.Spatch;

namespace Sevenspot.Cli.Tests.Spatch;

/// <summary>The progress line on a terminal and the coverage line that ends every run.</summary>
public sealed class ProgressTests : IDisposable
{
    private const string Broken = "int g(void)\n{\n\tfoo(2) +;\n}\n";

    private readonly SpatchHarness _h = new SpatchHarness()
        .With("r.cocci", Samples.RenameRule)
        .With("d/t.c", Samples.RenameInput)
        .With("d/u.c", Samples.TwoFunctions)
        .With("d/v.c", Broken);

    public void Dispose() => _h.Dispose();

    private SpatchResult RunOnTerminal(params string[] args)
    {
        var stdout = new MemoryStream();
        var stderr = new StringWriter();
        var environment = new SpatchEnvironment
        {
            Error = stderr,
            ErrorIsTerminal = true,
            WorkingDirectory = _h.Directory,
            GetVariable = _ => null,
            ProcessId = 4242,
        };
        int exit = SpatchDriver.Run(args, environment, stdout);
        return new SpatchResult(exit, Encoding.UTF8.GetString(stdout.ToArray()), stderr.ToString());
    }

    [Fact]
    public void Every_run_ends_with_a_coverage_line()
    {
        var result = _h.Run("--sp-file", "r.cocci", "d");
        Assert.Equal(0, result.ExitCode);
        string last = result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries)[^1];
        Assert.Equal("coverage: 3 of 4 functions parsed (75%) in 3 file(s); 0 file(s) skipped; sevenspot parse --errors FILES lists the functions that did not parse", last);

        result = _h.Run("--sp-file", "r.cocci", "d/t.c");
        Assert.Equal("coverage: 1 of 1 functions parsed (100%) in 1 file(s); 0 file(s) skipped\n", result.Stderr);
    }

    [Fact]
    public void Functions_spatch_does_not_read_are_counted_and_named()
    {
        // spatch 1.1.1 leaves BPF_CALL_1's body alone (it does not read that function) and changes f's.
        _h.With("b/h.c", "BPF_CALL_1(bpf_one, struct sk_buff *, skb)\n{\n\tfoo(skb);\n\treturn 0;\n}\n" + Samples.RenameInput);
        var result = _h.Run("--sp-file", "r.cocci", "b/h.c");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("-\tfoo(1);\n+\tbar(1);", result.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("skb", result.Stdout, StringComparison.Ordinal);
        Assert.Equal(
            "b/h.c:1:0: BPF_CALL_1 is written without a return type and with arguments that are not all types: spatch does not read it, and rules do not match in it\n"
            + "coverage: 2 of 2 functions parsed (100%) in 1 file(s); 0 file(s) skipped; 1 function(s) not matched, as spatch does not read them (no return type, and arguments that are not all types)\n",
            result.Stderr);
        Assert.Empty(_h.Run("--very-quiet", "--sp-file", "r.cocci", "b/h.c").Stderr);
    }

    [Fact]
    public void Functions_spatch_does_not_read_are_named_on_one_line_per_file()
    {
        _h.With("b/h.c", "BPF_CALL_1(bpf_one, struct sk_buff *, skb)\n{\n\treturn 0;\n}\nBPF_CALL_1(bpf_two, struct sk_buff *, skb)\n{\n\treturn 1;\n}\n" + Samples.RenameInput);
        var result = _h.Run("--sp-file", "r.cocci", "b/h.c");
        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith(
            "b/h.c:1:0: BPF_CALL_1 is written without a return type and with arguments that are not all types: spatch does not read it, and rules do not match in it (1 more in this file)\ncoverage: ",
            result.Stderr, StringComparison.Ordinal);
        Assert.EndsWith("; 2 function(s) not matched, as spatch does not read them (no return type, and arguments that are not all types)\n", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Skipped_files_are_counted_and_named_above()
    {
        _h.With("conflict.cocci", Samples.ConflictRule).With("d/b.c", Samples.ConflictInput);
        var result = _h.Run("--sp-file", "conflict.cocci", "d");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("EXN: Failure(", result.Stderr, StringComparison.Ordinal);
        Assert.EndsWith("in 3 file(s); 1 file(s) skipped (the EXN lines above name them); sevenspot parse --errors FILES lists the functions that did not parse\n", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Redirected_stderr_gets_no_progress_line()
    {
        var result = _h.Run("--sp-file", "r.cocci", "d");
        Assert.DoesNotContain("\r", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("files,", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_terminal_gets_a_progress_line_that_is_cleared_before_other_output()
    {
        var result = RunOnTerminal("--sp-file", "r.cocci", "d");
        Assert.Equal(0, result.ExitCode);
        // The elapsed time is the clock's: a loaded machine may take more than a second.
        Assert.Matches(@"3/3\u001b\[0m files, 1 rule\(s\), 2 match\(es\), \d+:\d\d elapsed", result.Stderr);

        // Whatever follows a drawn progress line starts by erasing it.
        int drawn = result.Stderr.LastIndexOf("files, ", StringComparison.Ordinal);
        Assert.Contains("\r\u001b[2Kcoverage: ", result.Stderr[drawn..], StringComparison.Ordinal);
        Assert.EndsWith("; sevenspot parse --errors FILES lists the functions that did not parse\n", result.Stderr, StringComparison.Ordinal);
        Assert.Equal(_h.Run("--sp-file", "r.cocci", "d").Stdout, result.Stdout);
    }

    [Theory]
    [InlineData("--quiet")]
    [InlineData("--very-quiet")]
    public void Quiet_runs_draw_no_progress_line(string quiet)
    {
        var result = RunOnTerminal(quiet, "--sp-file", "r.cocci", "d");
        Assert.DoesNotContain("files, ", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("\u001b", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Very_quiet_keeps_stderr_empty_but_for_errors()
    {
        var result = RunOnTerminal("--very-quiet", "--sp-file", "r.cocci", "d");
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(string.Empty, result.Stderr);
        Assert.Contains("+\tbar(1);", result.Stdout, StringComparison.Ordinal);
    }
}
