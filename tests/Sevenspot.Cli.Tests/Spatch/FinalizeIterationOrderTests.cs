namespace Sevenspot.Cli.Tests.Spatch;

/// <summary>
/// The order of the runs a finalize rule asks for (Iteration().register()), as spatch 1.1.1 takes
/// them (see SpatchDriver.PendingRuns): each run naming files goes after the runs at the front that
/// name the same files, else at the front. The expectation is spatch 1.1.1's output.
/// </summary>
public sealed class FinalizeIterationOrderTests : IDisposable
{
    private readonly SpatchHarness _h = new();

    public void Dispose() => _h.Dispose();

    [Fact]
    public void Runs_asked_for_by_finalize_go_by_groups_of_the_same_files_last_group_first()
    {
        // Asked for: k a.c (line 9), f a.c (7), g b.c (5), g a.c (8), f b.c (6), k b.c (4).
        _h.With("a.c", "f() {\n    f();\n    g();\n    k();\n}\nh() {\n    x = f();\n    y = g();\n    z = k();\n}\n")
          .With("b.c", "m() {\n    g();\n    k();\n    q = k();\n    r = g();\n    s = f();\n}\n")
          .With("it.cocci", "virtual after_start\n\n@initialize:python@\n@@\ndone_ = [False]\n\n@s@\nidentifier f;\n@@\nf(...);\n\n@script:python@\nf << s.f;\n@@\npass\n\n@e depends on after_start exists@\nidentifier virtual.most_used_function;\nexpression x;\nposition p;\n@@\n\nx@p = most_used_function(...)\n\n@script:python@\np << e.p;\n@@\n\nprint(\"{}: {}\".format(p[0].file, p[0].line))\n\n@finalize:python@\n@@\nif not done_[0]:\n    done_[0] = True\n    for (fn, file) in [(\"k\",\"a.c\"), (\"f\",\"a.c\"), (\"g\",\"b.c\"), (\"g\",\"a.c\"), (\"f\",\"b.c\"), (\"k\",\"b.c\")]:\n        it = Iteration()\n        it.set_files([file])\n        it.add_virtual_rule(after_start)\n        it.add_virtual_identifier(most_used_function, fn)\n        it.register()\n");
        var result = _h.Run("--very-quiet", "--no-show-diff", "--sp-file", "it.cocci", "a.c", "b.c");
        Assert.Equal(0, result.ExitCode);
        Assert.Equal("b.c: 6\nb.c: 4\na.c: 8\nb.c: 5\na.c: 9\na.c: 7\n", result.Stdout);
    }
}
