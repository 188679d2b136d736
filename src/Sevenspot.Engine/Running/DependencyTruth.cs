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

    /// <summary>
    /// What a dependency is read into (its truth, or more, such as what it requires of a file's
    /// words): the value of each kind of leaf, how not, and, or combine values, and each value's
    /// truth (a false left side of "and", a true one of "or", decides it alone).
    /// </summary>
    internal interface IValues<T>
    {
        /// <summary>Whether <paramref name="rule"/>, a rule of the patch, matched (see <see cref="IMatching.Matched"/>).</summary>
        T Matched(string rule, bool ever);

        /// <summary>Whether the file is the one "file in" names.</summary>
        T InFile(FileDependency file);

        /// <summary>A virtual rule: whether -D set it.</summary>
        T Virtual(bool defined);

        /// <summary>What nothing is known of.</summary>
        T Unknown { get; }

        T Not(T value);

        T And(T left, T right);

        T Or(T left, T right);

        DependencyTruth Truth(T value);
    }

    public static DependencyTruth Evaluate<TMatching>(Dependency dependency, IReadOnlySet<string> ruleNames, IReadOnlySet<string> definedVirtuals, in TMatching matching)
        where TMatching : struct, IMatching =>
        Evaluate<DependencyTruth, Truths<TMatching>>(dependency, ruleNames, definedVirtuals, new Truths<TMatching>(matching));

    public static T Evaluate<T, TValues>(Dependency dependency, IReadOnlySet<string> ruleNames, IReadOnlySet<string> definedVirtuals, in TValues values)
        where TValues : struct, IValues<T>
    {
        switch (dependency)
        {
            case RuleDependency r:
                var value = ruleNames.Contains(r.Rule)
                    ? values.Matched(r.Rule, ever: r.Quantifier != DependencyQuantifier.InEnvironment)
                    : values.Virtual(definedVirtuals.Contains(r.Rule));
                return r.Quantifier == DependencyQuantifier.Never ? values.Not(value) : value;
            case NotDependency n:
                return values.Not(Evaluate<T, TValues>(n.Operand, ruleNames, definedVirtuals, values));
            case AndDependency a:
                var left = Evaluate<T, TValues>(a.Left, ruleNames, definedVirtuals, values);
                return values.Truth(left) == DependencyTruth.False ? left : values.And(left, Evaluate<T, TValues>(a.Right, ruleNames, definedVirtuals, values));
            case OrDependency o:
                var first = Evaluate<T, TValues>(o.Left, ruleNames, definedVirtuals, values);
                return values.Truth(first) == DependencyTruth.True ? first : values.Or(first, Evaluate<T, TValues>(o.Right, ruleNames, definedVirtuals, values));
            case FileDependency f:
                return values.InFile(f);
            default:
                return values.Unknown;
        }
    }

    public static DependencyTruth Of(bool value) => value ? DependencyTruth.True : DependencyTruth.False;

    public static DependencyTruth Not(DependencyTruth a) => a switch
    {
        DependencyTruth.True => DependencyTruth.False,
        DependencyTruth.False => DependencyTruth.True,
        _ => DependencyTruth.Unknown,
    };

    public static DependencyTruth And(DependencyTruth a, DependencyTruth b) =>
        a == DependencyTruth.False || b == DependencyTruth.False ? DependencyTruth.False
        : a == DependencyTruth.True && b == DependencyTruth.True ? DependencyTruth.True : DependencyTruth.Unknown;

    public static DependencyTruth Or(DependencyTruth a, DependencyTruth b) =>
        a == DependencyTruth.True || b == DependencyTruth.True ? DependencyTruth.True
        : a == DependencyTruth.False && b == DependencyTruth.False ? DependencyTruth.False : DependencyTruth.Unknown;

    /// <summary>A dependency read for its truth alone, with what <typeparamref name="TMatching"/> knows of the rules' matching.</summary>
    private readonly struct Truths<TMatching>(TMatching matching) : IValues<DependencyTruth>
        where TMatching : struct, IMatching
    {
        public DependencyTruth Matched(string rule, bool ever) => matching.Matched(rule, ever);

        public DependencyTruth InFile(FileDependency file) => matching.InFile(file);

        public DependencyTruth Virtual(bool defined) => Of(defined);

        public DependencyTruth Unknown => DependencyTruth.Unknown;

        public DependencyTruth Not(DependencyTruth value) => Dependencies.Not(value);

        public DependencyTruth And(DependencyTruth left, DependencyTruth right) => Dependencies.And(left, right);

        public DependencyTruth Or(DependencyTruth left, DependencyTruth right) => Dependencies.Or(left, right);

        public DependencyTruth Truth(DependencyTruth value) => value;
    }
}
