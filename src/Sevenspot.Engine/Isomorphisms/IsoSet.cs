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
        return (new IsoSet(rules), diagnostics);
    }

    /// <summary>This set without the named isomorphisms (rule headers' "disable", --disable-iso).</summary>
    public IsoSet Without(IEnumerable<string> names)
    {
        var drop = new HashSet<string>(names, StringComparer.Ordinal);
        return drop.Count == 0 ? this : new IsoSet(Rules.Where(r => !drop.Contains(r.Name)).ToList());
    }

    public IsoSet With(IsoSet other) => new(Rules.Concat(other.Rules).ToList());

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
