using Sevenspot.C;
using Sevenspot.Smpl;

namespace Sevenspot.Engine;

/// <summary>
/// Attribute, declarer and iterator names declared in a semantic patch are also known to the C
/// parser, as spatch does: "attribute name aarg;" lets "aarg(1,2) int f()" parse, "declarer name
/// D;" lets "D(x);" stand at top level. Every runner of a patch parses with them, whoever built it.
/// </summary>
public static class DeclaredMacroNames
{
    /// <summary>The names the patch's code rules declare, with the kind of macro each is to the parser.</summary>
    public static List<KeyValuePair<string, MacroKind>> Of(SmplFile patch)
    {
        var names = new List<KeyValuePair<string, MacroKind>>();
        foreach (var rule in patch.CodeRules)
        {
            foreach (var m in rule.Metavariables)
            {
                var kind = m.Kind switch
                {
                    MetavariableKind.AttributeName => MacroKind.AttributeWithArguments,
                    MetavariableKind.DeclarerName => MacroKind.Declarer,
                    MetavariableKind.IteratorName => MacroKind.Iterator,
                    _ => MacroKind.None,
                };
                if (kind != MacroKind.None)
                {
                    names.Add(new(m.Name, kind));
                }
            }
        }

        return names;
    }

    /// <summary>
    /// The options with the patch's names added to the parser's macro table; the same options when
    /// it declares none (or the table has them already), so patches that add nothing share one parse.
    /// </summary>
    public static RunOptions AddTo(RunOptions options, SmplFile patch)
    {
        var names = Of(patch);
        if (names.Count == 0)
        {
            return options;
        }

        var macros = options.ParseOptions.Macros.WithNames(names);
        return ReferenceEquals(macros, options.ParseOptions.Macros) ? options : options with { ParseOptions = options.ParseOptions with { Macros = macros } };
    }
}
