namespace Sevenspot.Cli.Spatch;

/// <summary>
/// --help, --shorthelp and --longhelp: spatch's option names, each with what Sevenspot does with it.
/// </summary>
internal static class SpatchUsage
{
    private const string Header =
        "Usage: sevenspot --sp-file <SP> <infile> [-o <outfile>] [--iso-file <iso>] [options]\n" +
        "       sevenspot --sp-file RULES.cocci [options] FILE.c... | DIR\n" +
        "\n" +
        "Applies the SmPL rules of RULES.cocci to C files and prints the changes as a diff, or the\n" +
        "rules' reports. The options are spatch's, so spatch command lines work unchanged; an option\n" +
        "marked \"ignored\" is accepted with a warning on stderr (none with --very-quiet), one marked\n" +
        "\"not supported\" stops the run, since it would change the results.";

    private static string Commands =>
        "Sevenspot's commands (COMMAND --help for their options):\n" +
        string.Concat(Program.CreateCommands().Subcommands.Select(c => $"  sevenspot {c.Name,-22} {c.Description}\n"));

    public static void WriteShort(TextWriter writer)
    {
        writer.WriteLine(Header);
        writer.WriteLine();
        foreach (var option in SpatchOptionTable.All)
        {
            if (option.Main)
            {
                WriteOption(writer, option);
            }
        }

        writer.WriteLine();
        writer.WriteLine("For instance, to write the changed file elsewhere:");
        writer.WriteLine("  sevenspot --sp-file foo.cocci foo.c -o /tmp/newfoo.c");
        writer.WriteLine("--longhelp lists every option.");
        writer.WriteLine();
        writer.Write(Commands);
    }

    public static void WriteLong(TextWriter writer)
    {
        writer.WriteLine(Header);
        string? section = null;
        foreach (var option in SpatchOptionTable.All)
        {
            if (option.Section != section)
            {
                section = option.Section;
                writer.WriteLine();
                writer.WriteLine(section + ":");
            }

            WriteOption(writer, option);
        }

        writer.WriteLine();
        writer.Write(Commands);
    }

    private static void WriteOption(TextWriter writer, SpatchOption option)
    {
        writer.WriteLine($"  {option.Name,-28} {option.Description}");
    }
}
