using System.Text;
using Sevenspot.Smpl;
using Sevenspot.Text;

namespace Sevenspot.Engine;

/// <summary>A set of isomorphisms, read from an .iso file (the built-in one by default).</summary>
public sealed class IsoSet
{
    private static readonly Lazy<IsoSet> s_default = new(LoadDefault);

    public IsoSet(IReadOnlyList<IsoRule> rules)
    {
        Rules = rules;
    }

    public static IsoSet Empty { get; } = new([]);

    /// <summary>Sevenspot's own default isomorphisms.</summary>
    public static IsoSet Default => s_default.Value;

    public IReadOnlyList<IsoRule> Rules { get; }

    public static (IsoSet Set, IReadOnlyList<Diagnostic> Diagnostics) Load(SourceText file)
    {
        var (rules, diagnostics) = IsoFileParser.Parse(file);
        foreach (var rule in rules)
        {
            if (rule.Kind != IsoKind.TopLevel)
            {
                continue;
            }

            // A top-level isomorphism gives a whole rule body other forms; the rule matcher tries
            // them where a body of one term is tried, so each term must be one.
            foreach (var term in rule.Terms)
            {
                if (!RuleMatcher.IsSingleTerm(term.Pattern))
                {
                    diagnostics.Add(new Diagnostic(DiagnosticId.SmplUnsupported, file, rule.Span,
                        $"TopLevel isomorphism {rule.Name}: the term '{term}' is not one declaration, expression or simple statement"));
                    break;
                }
            }
        }

        return (new IsoSet(rules), diagnostics);
    }

    /// <summary>This set without the named isomorphisms (rule headers' "disable", --disable-iso).</summary>
    public IsoSet Without(IEnumerable<string> names)
    {
        var drop = new HashSet<string>(names, StringComparer.Ordinal);
        return drop.Count == 0 ? this : new IsoSet(Rules.Where(r => !drop.Contains(r.Name)).ToList());
    }

    public IsoSet With(IsoSet other) => new(Rules.Concat(other.Rules).ToList());

    // The sets of the rules whose headers name isomorphism files of their own ("@r using "x.iso"@"), by rule name.
    private IReadOnlyDictionary<string, IsoSet>? _byRule;

    /// <summary>This set, with other sets for the rules named (those with "using" in their headers).</summary>
    public IsoSet WithRuleSets(IReadOnlyDictionary<string, IsoSet> byRule) => new(Rules) { _byRule = byRule };

    /// <summary>The isomorphisms in force for a rule: its own set when its header names files, else this one.</summary>
    public IsoSet For(Rule rule) => _byRule is not null && _byRule.TryGetValue(rule.Name, out var own) ? own : this;

    private static IsoSet LoadDefault()
    {
        using var stream = typeof(IsoSet).Assembly.GetManifestResourceStream("default.iso")
            ?? throw new InvalidOperationException("The default isomorphism file is missing from the assembly.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var (set, diagnostics) = Load(SourceText.FromString("default.iso", reader.ReadToEnd()));
        if (diagnostics.Count > 0)
        {
            throw new InvalidOperationException("The default isomorphism file does not parse: " + diagnostics[0]);
        }

        return set;
    }
}
