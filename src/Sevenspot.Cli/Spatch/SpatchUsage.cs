namespace Sevenspot.Cli.Spatch;

/// <summary>--help, --shorthelp and --longhelp: spatch's option list, in spatch's layout.</summary>
internal static class SpatchUsage
{
    private const string Header =
        "Usage: sevenspot --sp-file <SP> <infile> [-o <outfile>] [--iso-file <iso>] [options]\n" +
        "Options are:";

    private static string Commands =>
        "sevenspot commands (instead of the options above; COMMAND --help for theirs):\n" +
        string.Concat(Program.CreateCommands().Subcommands.Select(c => $"  sevenspot {c.Name,-22} {c.Description}\n"));

    public static void WriteShort(TextWriter writer)
    {
        writer.WriteLine(Header);
        foreach (var option in SpatchOptionTable.All)
        {
            if (option.Main)
            {
                WriteOption(writer, option);
            }
        }

        writer.WriteLine();
        writer.WriteLine("Example of use:");
        writer.WriteLine("  sevenspot --sp-file foo.cocci foo.c -o /tmp/newfoo.c");
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
                writer.WriteLine(section);
                writer.WriteLine("-----------------------------------------------------------------------");
            }

            WriteOption(writer, option);
        }

        writer.WriteLine();
        writer.Write(Commands);
    }

    private static void WriteOption(TextWriter writer, SpatchOption option)
    {
        writer.WriteLine(option.Help.Length == 0 ? $"  {option.Name}" : $"  {option.Name,-30} {option.Help}");
    }
}
