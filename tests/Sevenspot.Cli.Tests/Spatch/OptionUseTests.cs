using Sevenspot.Cli.Spatch;

namespace Sevenspot.Cli.Tests.Spatch;

/// <summary>
/// What Sevenspot does with each of spatch's options, as --help says: an ignored option gives a
/// warning line and the same results, an option that would change the results and is not
/// implemented stops the run.
/// </summary>
public sealed class OptionUseTests : IDisposable
{
    private readonly SpatchHarness _h = new SpatchHarness()
        .With("r.cocci", Samples.RenameRule)
        .With("t.c", Samples.RenameInput);

    public void Dispose() => _h.Dispose();

    [Fact]
    public void The_own_commands_are_the_names_main_looks_for()
    {
        // Main tells sevenspot's commands from a spatch command line by name, without building them.
        var made = new List<string>();
        foreach (var command in Program.CreateCommands().Subcommands)
        {
            made.Add(command.Name);
        }

        Assert.Equal(made, Program.CommandNames);
    }

    public static TheoryData<string> Ignored() => Names(SpatchOptionUse.Ignored);

    public static TheoryData<string> Refused() => Names(SpatchOptionUse.Refused);

    private static TheoryData<string> Names(SpatchOptionUse use)
    {
        var data = new TheoryData<string>();
        foreach (var option in SpatchOptionTable.All)
        {
            if (option.Use == use)
            {
                data.Add(option.Name);
            }
        }

        return data;
    }

    /// <summary>The option as a command line writes it, with a value when it takes one.</summary>
    private static string[] Written(string name)
    {
        var option = SpatchOptionTable.ByName[name];
        return option.Kind switch
        {
            SpatchOptionKind.Flag => [name],
            SpatchOptionKind.Symbol => [name + option.Symbols[0]],
            SpatchOptionKind.Int => [name, "3"],
            _ => [name, "x"],
        };
    }

    [Theory]
    [MemberData(nameof(Ignored))]
    public void An_ignored_option_warns_once_and_changes_nothing(string name)
    {
        var plain = _h.Run("--sp-file", "r.cocci", "t.c");
        var result = _h.Run([.. Written(name), "--sp-file", "r.cocci", "t.c", .. Written(name)]);
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(plain.Stdout, result.Stdout);
        string expected = $"sevenspot: warning: {name} is ignored: {SpatchOptionTable.ByName[name].Reason}\n";
        Assert.Equal(expected + plain.Stderr, result.Stderr);
    }

    [Theory]
    [MemberData(nameof(Ignored))]
    public void Very_quiet_silences_the_warning(string name)
    {
        var result = _h.Run([.. Written(name), "--very-quiet", "--sp-file", "r.cocci", "t.c"]);
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(string.Empty, result.Stderr);
        Assert.EndsWith(Samples.RenameDiffBody, result.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Refused))]
    public void An_option_that_would_change_the_results_stops_the_run(string name)
    {
        var result = _h.Run([.. Written(name), "--very-quiet", "--sp-file", "r.cocci", "t.c"]);
        Assert.Equal(2, result.ExitCode);
        Assert.Empty(result.Stdout);
        Assert.StartsWith($"sevenspot: {name} is not supported: ", result.Stderr, StringComparison.Ordinal);
        Assert.Single(result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Theory]
    [InlineData("--reverse")]
    [InlineData("--partial-match")]
    public void Reverse_and_partial_match_are_refused(string name)
    {
        Assert.Equal(SpatchOptionUse.Refused, SpatchOptionTable.ByName[name].Use);
        Assert.Equal(2, _h.Run(name, "--sp-file", "r.cocci", "t.c").ExitCode);
    }

    [Fact]
    public void Python_names_the_interpreter_only_patches_with_scripts_need()
    {
        // A patch without script rules never starts the interpreter, so a missing one is no error.
        var plain = _h.Run("--very-quiet", "--python", "/nonexistent/python3", "--sp-file", "r.cocci", "t.c");
        Assert.Equal(0, plain.ExitCode);
        Assert.Equal(string.Empty, plain.Stderr);

        // A patch with a script rule needs it, and says which interpreter could not be started.
        using var scripted = new SpatchHarness()
            .With("s.cocci", "@r@\nidentifier f;\n@@\nf(...);\n\n@script:python@\nf << r.f;\n@@\nprint(f)\n")
            .With("t.c", Samples.RenameInput);
        var missing = scripted.Run("--very-quiet", "--python", "/nonexistent/python3", "--sp-file", "s.cocci", "t.c");
        Assert.NotEqual(0, missing.ExitCode);
        Assert.Contains("/nonexistent/python3", missing.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Max_width_is_accepted_only_at_the_width_the_layout_uses()
    {
        Assert.Equal(0, _h.Run("--max-width", "78", "--sp-file", "r.cocci", "t.c").ExitCode);
        var result = _h.Run("--max-width", "100", "--sp-file", "r.cocci", "t.c");
        Assert.Equal(2, result.ExitCode);
        Assert.Equal("sevenspot: --max-width 100 is not supported: added lines are broken at column 78 only\n", result.Stderr);
    }

    [Fact]
    public void Help_describes_every_option_and_marks_the_ignored_and_refused_ones()
    {
        var result = _h.Run("--help");
        Assert.Equal(0, result.ExitCode);
        var lines = result.Stdout.Split('\n');
        foreach (var option in SpatchOptionTable.All)
        {
            string line = Assert.Single(lines, l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries) is [var first, ..] && first == option.Name && l.StartsWith("  ", StringComparison.Ordinal));
            string description = line[(line.IndexOf(option.Name, StringComparison.Ordinal) + option.Name.Length)..].Trim();
            Assert.False(description.Length == 0, $"{option.Name} has no description");
            switch (option.Use)
            {
                case SpatchOptionUse.Ignored:
                    Assert.Contains("ignored: ", description, StringComparison.Ordinal);
                    break;
                case SpatchOptionUse.Refused:
                    Assert.Contains("not supported", description, StringComparison.Ordinal);
                    break;
                default:
                    Assert.DoesNotContain("ignored: ", description, StringComparison.Ordinal);
                    break;
            }
        }
    }
}
