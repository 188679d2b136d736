using System.CommandLine;
using Sevenspot.Cli.Spatch;

namespace Sevenspot.Cli;

internal static class Program
{
    /// <summary>The names of sevenspot's own commands, as <see cref="CreateCommands"/> makes them (a test keeps the two the same).</summary>
    internal static readonly string[] CommandNames = ["parse", "parse-cocci", "check", "test"];

    public static int Main(string[] args)
    {
        // sevenspot's own commands; anything else is a spatch command line, which starts without
        // building the commands' parsers (their options, help and validators).
        if (args.Length > 0 && Array.IndexOf(CommandNames, args[0]) >= 0)
        {
            return CreateCommands().Parse(args).Invoke();
        }

        using var stdout = new BufferedStream(Console.OpenStandardOutput(), 1 << 16);
        var environment = new SpatchEnvironment { Error = Console.Error, ErrorIsTerminal = !Console.IsErrorRedirected };
        return SpatchDriver.Run(args, environment, stdout);
    }

    public static RootCommand CreateCommands()
    {
        var root = new RootCommand("Sevenspot: a semantic-patch engine for C, compatible with spatch");
        root.Subcommands.Add(ParseCommand.Create());
        root.Subcommands.Add(ParseCocciCommand.Create());
        root.Subcommands.Add(CheckCommand.Create());
        root.Subcommands.Add(TestCommand.Create());
        return root;
    }
}
