using System.CommandLine;
using Sevenspot.Cli.Spatch;

namespace Sevenspot.Cli;

internal static class Program
{
    public static int Main(string[] args)
    {
        // sevenspot's own commands; anything else is a spatch command line.
        if (args.Length > 0 && args[0] is "parse" or "parse-cocci")
        {
            var root = new RootCommand("Sevenspot: a semantic-patch engine for C, compatible with spatch");
            root.Subcommands.Add(ParseCommand.Create());
            root.Subcommands.Add(ParseCocciCommand.Create());
            return root.Parse(args).Invoke();
        }

        using var stdout = new BufferedStream(Console.OpenStandardOutput(), 1 << 16);
        var environment = new SpatchEnvironment { Error = Console.Error };
        return SpatchDriver.Run(args, environment, stdout);
    }
}
