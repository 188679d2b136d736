using Sevenspot.C;
using Sevenspot.Text;

namespace Sevenspot.Engine;

/// <summary>Settings of a run of a semantic patch.</summary>
public sealed record RunOptions
{
    /// <summary>Virtual rules set with -D.</summary>
    public IReadOnlySet<string> DefinedVirtuals { get; init; } = new HashSet<string>();

    /// <summary>Virtual identifiers given with -D name=value.</summary>
    public IReadOnlyDictionary<string, string> VirtualValues { get; init; } = new Dictionary<string, string>();

    public ParseOptions ParseOptions { get; init; } = ParseOptions.Default;

    /// <summary>
    /// Match also in the functions spatch does not read (a function without a return type whose
    /// arguments are not all types, see <see cref="DiagnosticId.FunctionNotReadBySpatch"/>); off,
    /// as spatch, rules do not match there. The checks that run rules turn it on: they analyse every function.
    /// </summary>
    public bool ReadFunctionsSpatchSkips { get; init; }

    /// <summary>Allow a transformation on a node that some paths reach without the context (spatch's --allow-inconsistent-paths).</summary>
    public bool AllowInconsistentPaths { get; init; }

    public CancellationToken CancellationToken { get; init; }

    /// <summary>
    /// Look for the words each rule needs in a file's bytes first, and skip the rules (or the whole
    /// file) that cannot match (spatch's "worth trying" test; off with --disable-worth-trying-opt);
    /// likewise, a flow rule's functions that lack its words are neither graphed nor checked.
    /// </summary>
    public bool UsePrefilter { get; init; } = true;

    /// <summary>
    /// With the prefilter, parse only the function bodies some rule of the patch could match in (see
    /// <see cref="FunctionWordsFilter"/>); the others are kept unread. Off, every body is parsed, so
    /// that the parse errors and the function counts of the outcome cover the whole file, and one
    /// parse of a file serves patches of different words.
    /// </summary>
    public bool ParseNeededBodiesOnly { get; init; } = true;

    /// <summary>Isomorphisms in force (the built-in set unless --iso-file gives another).</summary>
    public IsoSet Isomorphisms { get; init; } = IsoSet.Default;

    /// <summary>Runs script rules (python); null when the semantic patch has none.</summary>
    public IScriptHost? Scripts { get; init; }

    /// <summary>
    /// Record which lines of the original each transforming rule changed (<see cref="FileOutcome.Changes"/>),
    /// so that machine-readable outputs can name the rule of each hunk; it costs a line diff per change.
    /// </summary>
    public bool RecordChanges { get; init; }

    /// <summary>
    /// Find the matches of every rule and keep their bindings (<see cref="FileOutcome.Bindings"/>)
    /// without changing the file: each rule reads the file as it was, as a check reading the
    /// matches of a rule needs (positions of the original). Rules whose matches feed later rules
    /// through a transformation see the untransformed code.
    /// </summary>
    public bool MatchOnly { get; init; }

    /// <summary>
    /// Metavariables (by name, in any rule that declares them) whose values each match keeps, as if
    /// a later rule used them: a run that reads <see cref="FileOutcome.Bindings"/> needs them.
    /// </summary>
    public IReadOnlySet<string>? KeepBindings { get; init; }

    /// <summary>The default type oracle: the C layer's annotation of the file alone (a file session shares it with the checks).</summary>
    public static readonly Func<SyntaxTree, ITypeOracle?> AnnotationTypes = tree => AnnotationTypeOracle.For(tree);

    /// <summary>Builds the type oracle for a parsed file (typed metavariables need it); none means types are unknown.</summary>
    public Func<SyntaxTree, ITypeOracle?>? TypeOracleFactory { get; init; } = AnnotationTypes;
}
