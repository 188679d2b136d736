using System.CommandLine;

namespace Sevenspot.Cli;

internal static class Program
{
    public static int Main(string[] args)
    {
        var root = new RootCommand("Sevenspot: a semantic-patch engine for C, compatible with spatch");
        root.Subcommands.Add(ParseCommand.Create());
        root.Subcommands.Add(CheckCommand.Create());
        return root.Parse(args).Invoke();
    }
}
