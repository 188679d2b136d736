using System.CommandLine;
using Sevenspot.Cli.Spatch;

namespace Sevenspot.Cli;

internal static class Program
{
    public static int Main(string[] args)
    {
        // sevenspot's own commands; anything else is a spatch command line.
        var root = CreateCommands();
        if (args.Length > 0 && root.Subcommands.Any(c => c.Name == args[0]))
        {
            return root.Parse(args).Invoke();
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
