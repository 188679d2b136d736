namespace Sevenspot.Engine.Ctl;

/// <summary>
/// A CTL-VW formula over atomic predicates of type <typeparamref name="TPred"/>: CTL with metavariables
/// (bound by the predicates, quantified by <see cref="Exists"/>) and witnesses (recorded by
/// <see cref="Exists"/> with keep = true). The shapes follow Coccinelle's <c>Ast_ctl.generic_ctl</c>.
/// Formulas are immutable and compare structurally. Build them with the <see cref="Formula"/> factory.
/// </summary>
/// <typeparam name="TPred">The atomic predicates; the checker only compares them and hands them to the model.</typeparam>
public abstract record Formula<TPred>
{
    private protected Formula()
    {
    }

    /// <summary>The formula as Coccinelle's <c>--show-ctl-text</c> prints it, on one line.</summary>
    public sealed override string ToString() => FormulaPrinter.Print(this);

    /// <summary>Holds nowhere.</summary>
    public sealed record False : Formula<TPred>
    {
        public static False Instance { get; } = new();
    }

    /// <summary>Holds at every state, with the empty substitution.</summary>
    public sealed record True : Formula<TPred>
    {
        public static True Instance { get; } = new();
    }

    /// <summary>An atomic predicate, evaluated by the model's labelling function.</summary>
    public sealed record Pred(TPred Predicate, Annotation Annotation) : Formula<TPred>;

    /// <summary>Constructive negation: the complement of the states, substitutions and witnesses of φ.</summary>
    public sealed record Not(Formula<TPred> Operand) : Formula<TPred>;

    /// <summary>
    /// ∃v.φ: removes v from the substitutions of φ. With <paramref name="Keep"/>, each removed binding
    /// becomes a witness whose children are φ's witnesses (printed <c>Ex v</c>; without keep, <c>Ex_ v</c>).
    /// </summary>
    public sealed record Exists(bool Keep, string Variable, Formula<TPred> Operand) : Formula<TPred>;

    public sealed record And(Strictness Strictness, Formula<TPred> Left, Formula<TPred> Right) : Formula<TPred>;

    /// <summary>
    /// φ holds at exactly one state; ψ is evaluated over the states reachable from it (in
    /// <paramref name="Direction"/>) and every result of ψ is conjoined into φ's single triple, so φ
    /// collects the witnesses of every reachable match of ψ (printed <c>&amp;+</c>).
    /// </summary>
    public sealed record AndAny(Direction Direction, Strictness Strictness, Formula<TPred> Left, Formula<TPred> Right) : Formula<TPred>;

    /// <summary>
    /// Like <see cref="AndAny"/>, but φ may hold at several states, and each result of ψ is added to the
    /// triples of φ whose substitution agrees with it, while triples that contradict it pass unchanged
    /// (printed <c>&amp;h+</c>; used for loop headers).
    /// </summary>
    public sealed record HackForStmt(Direction Direction, Strictness Strictness, Formula<TPred> Left, Formula<TPred> Right) : Formula<TPred>;

    public sealed record Or(Formula<TPred> Left, Formula<TPred> Right) : Formula<TPred>;

    /// <summary>Ordered disjunction: φ ∨ (¬φ ∧ ψ), where ¬φ ignores φ's witnesses (printed <c>|</c>).</summary>
    public sealed record SeqOr(Formula<TPred> Left, Formula<TPred> Right) : Formula<TPred>;

    /// <summary>φ ⇒ ψ, evaluated as ¬φ ∨ ψ.</summary>
    public sealed record Implies(Formula<TPred> Left, Formula<TPred> Right) : Formula<TPred>;

    public sealed record AF(Direction Direction, Strictness Strictness, Formula<TPred> Operand) : Formula<TPred>;

    public sealed record AX(Direction Direction, Strictness Strictness, Formula<TPred> Operand) : Formula<TPred>;

    public sealed record AG(Direction Direction, Strictness Strictness, Formula<TPred> Operand) : Formula<TPred>;

    /// <summary>A[φ W ψ]: on every path, φ holds until ψ, or forever.</summary>
    public sealed record AW(Direction Direction, Strictness Strictness, Formula<TPred> Left, Formula<TPred> Right) : Formula<TPred>;

    /// <summary>A[φ U ψ]: on every path, φ holds until ψ (infinite paths are excused in models with loops).</summary>
    public sealed record AU(Direction Direction, Strictness Strictness, Formula<TPred> Left, Formula<TPred> Right) : Formula<TPred>;

    public sealed record EF(Direction Direction, Formula<TPred> Operand) : Formula<TPred>;

    public sealed record EX(Direction Direction, Formula<TPred> Operand) : Formula<TPred>;

    public sealed record EG(Direction Direction, Formula<TPred> Operand) : Formula<TPred>;

    public sealed record EU(Direction Direction, Formula<TPred> Left, Formula<TPred> Right) : Formula<TPred>;

    /// <summary>Evaluates <paramref name="Value"/> once and lets <see cref="Ref"/>s to <paramref name="Name"/> in <paramref name="Body"/> share the result.</summary>
    public sealed record Let(string Name, Formula<TPred> Value, Formula<TPred> Body) : Formula<TPred>;

    /// <summary>Like <see cref="Let"/>, but <paramref name="Value"/> is evaluated over the states reachable from the current ones.</summary>
    public sealed record LetR(Direction Direction, string Name, Formula<TPred> Value, Formula<TPred> Body) : Formula<TPred>;

    /// <summary>The result of the nearest enclosing <see cref="Let"/> or <see cref="LetR"/> of that name.</summary>
    public sealed record Ref(string Name) : Formula<TPred>;

    /// <summary>Evaluates φ without building witnesses (for tests that only decide whether something matches).</summary>
    public sealed record Uncheck(Formula<TPred> Operand) : Formula<TPred>;

    /// <summary>Marks the matches of one node; the checker evaluates it as φ.</summary>
    public sealed record InnerAnd(Formula<TPred> Operand) : Formula<TPred>;

    /// <summary>A placeholder used while building formulas; checking a formula that still contains one is an error.</summary>
    public sealed record XX(Formula<TPred> Operand) : Formula<TPred>;
}
