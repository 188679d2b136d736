using System.CommandLine;
using Sevenspot.C;
using Sevenspot.Smpl;
using Sevenspot.Text;

namespace Sevenspot.Cli;

/// <summary>sevenspot parse-cocci FILE...: reads semantic patches and prints their rules, metavariables and patterns.</summary>
internal static class ParseCocciCommand
{
    public static Command Create()
    {
        var files = new Argument<string[]>("files") { Arity = ArgumentArity.OneOrMore };
        var quiet = new Option<bool>("--quiet", "-q") { Description = "print only errors and a summary" };
        var command = new Command("parse-cocci", "Parse semantic patches and print what was read");
        command.Arguments.Add(files);
        command.Options.Add(quiet);
        command.SetAction(r => Run(r.GetValue(files) ?? [], r.GetValue(quiet)));
        return command;
    }

    private static int Run(string[] files, bool quiet)
    {
        int failed = 0;
        foreach (string path in files)
        {
            if (!File.Exists(path))
            {
                Console.Error.WriteLine($"sevenspot: {path}: no such file");
                failed++;
                continue;
            }

            var result = SmplParser.Parse(SourceText.FromFile(path));
            foreach (var d in result.Diagnostics)
            {
                Console.Error.WriteLine(d.ToStringWithCaret());
            }

            if (!result.Success)
            {
                failed++;
                continue;
            }

            if (quiet)
            {
                continue;
            }

            var file = result.File!;
            Console.WriteLine($"{path}: {file.Rules.Count} rules{(file.IsContextMode ? " (context mode)" : string.Empty)}");
            foreach (var rule in file.Rules)
            {
                switch (rule)
                {
                    case CodeRule code:
                        Console.WriteLine($"rule {code.Name} (line {code.Line}){(code.DependsOn is null ? string.Empty : " depends on " + code.DependsOn)} {code.Quantifier}");
                        foreach (var m in code.Metavariables)
                        {
                            Console.WriteLine($"  {m}{(m.Types.Count > 0 ? " : " + string.Join(" | ", m.Types) : string.Empty)}");
                        }

                        Console.Write(Indent(code.Body.Minus.Dump()));
                        foreach (var ((token, side), chunks) in code.Body.PlusCode)
                        {
                            foreach (var chunk in chunks)
                            {
                                string text = string.Join(" ", Enumerable.Range(chunk.First, chunk.Last - chunk.First + 1).Select(i => code.Body.Plus.GetToken(i).Text));
                                string anchor = token < 0 ? "(nothing)" : code.Body.Minus.GetToken(token).Text;
                                Console.WriteLine($"  + {side} '{anchor}'#{token}{(chunk.IsWholeLines ? " lines" : string.Empty)}: {text}");
                            }
                        }

                        break;
                    case ScriptRule script:
                        Console.WriteLine($"script:{script.Language} {script.Name} {script.ScriptKind} ({script.Bindings.Count} bindings)");
                        break;
                }
            }
        }

        if (quiet)
        {
            Console.WriteLine($"{files.Length - failed} parsed, {failed} failed");
        }

        return failed == 0 ? 0 : 1;
    }

    private static string Indent(string s) => string.Concat(s.Split('\n').Where(l => l.Length > 0).Select(l => "    " + l + "\n"));
}
