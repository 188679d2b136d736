using Sevenspot.Smpl;

namespace Sevenspot.Engine;

/// <summary>What a rule's "depends on" comes to: true, false, or not known yet.</summary>
internal enum DependencyTruth
{
    False,
    True,
    Unknown,
}

/// <summary>
/// The one reading of a rule's "depends on", before any file is read (<see cref="RuleActivity"/>:
/// whether a rule that is left matches is not known yet) and on a file (the runner: each rule's
/// matching is known, and so is the file's path). A name that is no rule of the patch is a virtual
/// rule (the parser accepts no other name), true when -D set it; "never r" is the negation of
/// "ever r"; not, and, or combine the three values.
/// </summary>
internal static class Dependencies
{
    /// <summary>What is known of the rules' matching when a dependency is read.</summary>
    internal interface IMatching
    {
        /// <summary>
        /// Whether <paramref name="rule"/>, a rule of the patch, matched: in the environment, or
        /// (<paramref name="ever"/>) anywhere in the file.
        /// </summary>
        DependencyTruth Matched(string rule, bool ever);

        /// <summary>Whether the file is the one "file in" names.</summary>
        DependencyTruth InFile(FileDependency file);
    }

    public static DependencyTruth Evaluate<TMatching>(Dependency dependency, IReadOnlySet<string> ruleNames, IReadOnlySet<string> definedVirtuals, in TMatching matching)
        where TMatching : struct, IMatching
    {
        switch (dependency)
        {
            case RuleDependency r:
                var truth = ruleNames.Contains(r.Rule)
                    ? matching.Matched(r.Rule, ever: r.Quantifier != DependencyQuantifier.InEnvironment)
                    : Of(definedVirtuals.Contains(r.Rule));
                return r.Quantifier == DependencyQuantifier.Never ? Not(truth) : truth;
            case NotDependency n:
                return Not(Evaluate(n.Operand, ruleNames, definedVirtuals, matching));
            case AndDependency a:
                var left = Evaluate(a.Left, ruleNames, definedVirtuals, matching);
                return left == DependencyTruth.False ? left : And(left, Evaluate(a.Right, ruleNames, definedVirtuals, matching));
            case OrDependency o:
                var first = Evaluate(o.Left, ruleNames, definedVirtuals, matching);
                return first == DependencyTruth.True ? first : Or(first, Evaluate(o.Right, ruleNames, definedVirtuals, matching));
            case FileDependency f:
                return matching.InFile(f);
            default:
                return DependencyTruth.Unknown;
        }
    }

    public static DependencyTruth Of(bool value) => value ? DependencyTruth.True : DependencyTruth.False;

    private static DependencyTruth Not(DependencyTruth a) => a switch
    {
        DependencyTruth.True => DependencyTruth.False,
        DependencyTruth.False => DependencyTruth.True,
        _ => DependencyTruth.Unknown,
    };

    private static DependencyTruth And(DependencyTruth a, DependencyTruth b) =>
        a == DependencyTruth.False || b == DependencyTruth.False ? DependencyTruth.False
        : a == DependencyTruth.True && b == DependencyTruth.True ? DependencyTruth.True : DependencyTruth.Unknown;

    private static DependencyTruth Or(DependencyTruth a, DependencyTruth b) =>
        a == DependencyTruth.True || b == DependencyTruth.True ? DependencyTruth.True
        : a == DependencyTruth.False && b == DependencyTruth.False ? DependencyTruth.False : DependencyTruth.Unknown;
}
