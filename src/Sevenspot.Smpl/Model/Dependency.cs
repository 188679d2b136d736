namespace Sevenspot.Smpl;

/// <summary>A "depends on" expression.</summary>
public abstract record Dependency
{
    /// <summary>Names of the rules (or virtual rules) this expression mentions.</summary>
    public abstract IEnumerable<string> RuleNames { get; }
}

/// <summary>r: r matched (in this environment); with Ever/Never quantifiers for "ever r" / "never r".</summary>
public sealed record RuleDependency(string Rule, DependencyQuantifier Quantifier = DependencyQuantifier.InEnvironment) : Dependency
{
    public override IEnumerable<string> RuleNames => [Rule];
}

public enum DependencyQuantifier
{
    InEnvironment,
    Ever,
    Never,
}

public sealed record NotDependency(Dependency Operand) : Dependency
{
    public override IEnumerable<string> RuleNames => Operand.RuleNames;
}

public sealed record AndDependency(Dependency Left, Dependency Right) : Dependency
{
    public override IEnumerable<string> RuleNames => Left.RuleNames.Concat(Right.RuleNames);
}

public sealed record OrDependency(Dependency Left, Dependency Right) : Dependency
{
    public override IEnumerable<string> RuleNames => Left.RuleNames.Concat(Right.RuleNames);
}

/// <summary>file in "path".</summary>
public sealed record FileDependency(string Path) : Dependency
{
    public override IEnumerable<string> RuleNames => [];
}

/// <summary>The scope of a dependency: "depends on exists ..." / "depends on forall ...".</summary>
public enum DependencyScope
{
    Exists,
    Forall,
}
