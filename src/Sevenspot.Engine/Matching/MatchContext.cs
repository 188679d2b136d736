using System.Runtime.CompilerServices;
using Sevenspot.C;
using Sevenspot.Smpl;

namespace Sevenspot.Engine;

/// <summary>Queries about the types of C expressions, used by typed metavariables and some isomorphisms.</summary>
public interface ITypeOracle
{
    /// <summary>The C text of the expression's type ("struct foo *"), or null when unknown.</summary>
    string? TypeOf(SyntaxNode expression);

    /// <summary>The same type with typedefs resolved ("struct foo *" for a foo_t *), or null.</summary>
    string? ResolvedTypeOf(SyntaxNode expression) => null;

    /// <summary>What an identifier expression refers to (a local, a parameter, a global...), when known.</summary>
    Sevenspot.C.Semantics.SymbolKind SymbolKindOf(SyntaxNode identifierName) => Sevenspot.C.Semantics.SymbolKind.Unknown;

    /// <summary>Which declaration an identifier expression refers to (equal numbers: one variable), 0 when unknown.</summary>
    int DeclarationOf(SyntaxNode identifierName) => 0;
}

/// <summary>What the matcher needs to know about the rule being matched and the file it runs on.</summary>
public sealed class MatchContext
{
    // The metavariable table of each rule (rules of the patch and of the isomorphisms), built once: a
    // context is made per rule × file and per isomorphism tried while matching.
    private static readonly ConditionalWeakTable<CodeRule, Dictionary<string, Metavariable>> s_tables = new();

    // The metavariable each token of a rule's pattern names (null: none), by token index, built once per
    // rule: the lookup by name decoded the token's text into a new string at each match.
    private static readonly ConditionalWeakTable<CodeRule, Metavariable?[]> s_tokenTables = new();

    // The ids of each rule's metavariables (MetavariableIds), by declaration, built once per rule.
    private static readonly ConditionalWeakTable<CodeRule, Dictionary<Metavariable, (int Id, int HiddenId)>> s_idTables = new();

    private readonly Dictionary<string, Metavariable> _metavariables;
    private readonly Metavariable?[]? _patternTokens;
    private readonly Dictionary<Metavariable, (int Id, int HiddenId)> _ids;

    public MatchContext(CodeRule rule, SyntaxTree pattern, SyntaxTree code, ITypeOracle? types = null)
    {
        Rule = rule;
        Pattern = pattern;
        Code = code;
        Types = types;
        _metavariables = s_tables.GetValue(rule, BuildTable);
        _patternTokens = ReferenceEquals(pattern, rule.Body.Minus) ? s_tokenTables.GetValue(rule, BuildTokenTable) : null;
        _ids = s_idTables.GetValue(rule, BuildIdTable);
    }

    private static Dictionary<Metavariable, (int Id, int HiddenId)> BuildIdTable(CodeRule rule)
    {
        var ids = new Dictionary<Metavariable, (int, int)>(ReferenceEqualityComparer.Instance);
        foreach (var meta in rule.Metavariables)
        {
            ids[meta] = (MetavariableIds.Of(meta.Name), MetavariableIds.Of(HiddenPrefix + meta.Name));
        }

        return ids;
    }

    private static Metavariable?[] BuildTokenTable(CodeRule rule)
    {
        var pattern = rule.Body.Minus;
        var table = s_tables.GetValue(rule, BuildTable);
        var byToken = new Metavariable?[pattern.TokenCount];
        for (int i = 0; i < byToken.Length; i++)
        {
            var token = pattern.GetToken(i);
            if (token.Kind == SyntaxKind.IdentifierToken)
            {
                byToken[i] = table.TryGetValue(token.Text, out var m) ? m : null;
            }
        }

        return byToken;
    }

    private static Dictionary<string, Metavariable> BuildTable(CodeRule rule) =>
        rule.Metavariables.Where(m => m.Kind is not (MetavariableKind.Symbol or MetavariableKind.Typedef or MetavariableKind.DeclarerName
            or MetavariableKind.IteratorName or MetavariableKind.AttributeName)).ToDictionary(m => m.Name, StringComparer.Ordinal);

    public CodeRule Rule { get; }

    public SyntaxTree Pattern { get; }

    public SyntaxTree Code { get; }

    public ITypeOracle? Types { get; }

    /// <summary>Where the code tree's text comes from, when it is a #define body parsed on its own; null for a file.</summary>
    public SourceOrigin? Origin { get; init; }

    /// <summary>The bindings of every match of each earlier rule, by rule name, for constraints such as "p != r.q".</summary>
    public IReadOnlyDictionary<string, List<Env>>? EarlierMatches { get; init; }

    /// <summary>Evaluates script constraints for the file being matched (none without script rules).</summary>
    internal ScriptCalls? Scripts { get; init; }

    /// <summary>Whether the "code" is itself a pattern (isomorphisms matched against a rule).</summary>
    public bool CodeIsPattern => Code.Root.Kind == SyntaxKind.PatternBody;

    /// <summary>When the code is a rule's pattern (<see cref="CodeIsPattern"/>): that rule, whose metavariables the code names.</summary>
    public CodeRule? CodeRule { get; init; }

    /// <summary>What the names an isomorphism's own metavariables are bound under begin with (kept out of the rule's bindings).</summary>
    internal const string HiddenPrefix = "iso:";

    /// <summary>The id of a metavariable's name in an environment (<see cref="MetavariableIds"/>).</summary>
    internal int IdOf(Metavariable meta) => _ids.TryGetValue(meta, out var ids) ? ids.Id : MetavariableIds.Of(meta.Name);

    /// <summary>The id of the name an isomorphism's own metavariable is bound under ("iso:x").</summary>
    internal int HiddenIdOf(Metavariable meta) => _ids.TryGetValue(meta, out var ids) ? ids.HiddenId : MetavariableIds.Of(HiddenPrefix + meta.Name);

    /// <summary>The metavariable a pattern name stands for, or null for a plain C name.</summary>
    public Metavariable? Meta(string name) => _metavariables.TryGetValue(name, out var m) ? m : null;

    public Metavariable? Meta(SyntaxToken patternToken)
    {
        if (patternToken.Kind != SyntaxKind.IdentifierToken)
        {
            return null;
        }

        return _patternTokens is not null && ReferenceEquals(patternToken.Tree, Pattern) ? _patternTokens[patternToken.Index] : Meta(patternToken.Text);
    }
}
