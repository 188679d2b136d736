using System.CommandLine;

namespace Sevenspot.Cli;

internal static class Program
{
    public static int Main(string[] args)
    {
        var root = new RootCommand("Sevenspot: a semantic-patch engine for C, compatible with spatch");
        var spatch = new SpatchOptions();
        spatch.AddTo(root);
        root.TreatUnmatchedTokensAsErrors = false;
        root.SetAction(result => new SpatchCommand(spatch, Console.Out, Console.Error).Run(result));
        root.Subcommands.Add(ParseCommand.Create());
        root.Subcommands.Add(ParseCocciCommand.Create());
        root.Subcommands.Add(CheckCommand.Create());
        return root.Parse(args).Invoke();
    }
}
