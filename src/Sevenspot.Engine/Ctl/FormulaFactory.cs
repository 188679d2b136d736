namespace Sevenspot.Engine.Ctl;

/// <summary>
/// Factory methods for <see cref="Formula{TPred}"/>. Directions default to
/// <see cref="Direction.Forward"/> and strictness to <see cref="Strictness.NonStrict"/>.
/// </summary>
public static class Formula
{
    public static Formula<TPred> True<TPred>() => Formula<TPred>.True.Instance;

    public static Formula<TPred> False<TPred>() => Formula<TPred>.False.Instance;

    /// <summary>A predicate that only constrains matching.</summary>
    public static Formula<TPred> Pred<TPred>(TPred predicate) => new Formula<TPred>.Pred(predicate, Annotation.Control);

    public static Formula<TPred> Pred<TPred>(TPred predicate, Annotation annotation) => new Formula<TPred>.Pred(predicate, annotation);

    /// <summary>A predicate whose states are transformed: binds <paramref name="variable"/> to the matched predicate.</summary>
    public static Formula<TPred> Modif<TPred>(TPred predicate, string variable) =>
        new Formula<TPred>.Pred(predicate, Annotation.Modif(variable));

    public static Formula<TPred> UnModif<TPred>(TPred predicate, string variable) =>
        new Formula<TPred>.Pred(predicate, Annotation.UnModif(variable));

    public static Formula<TPred> Not<TPred>(Formula<TPred> operand) => new Formula<TPred>.Not(operand);

    /// <summary>∃v.φ; with <paramref name="keep"/>, the binding of v is recorded in the witness tree.</summary>
    public static Formula<TPred> Exists<TPred>(string variable, Formula<TPred> operand, bool keep = false) =>
        new Formula<TPred>.Exists(keep, variable, operand);

    public static Formula<TPred> And<TPred>(Formula<TPred> left, Formula<TPred> right, Strictness strictness = Strictness.NonStrict) =>
        new Formula<TPred>.And(strictness, left, right);

    public static Formula<TPred> AndAny<TPred>(Formula<TPred> left, Formula<TPred> right, Direction direction = Direction.Forward, Strictness strictness = Strictness.NonStrict) =>
        new Formula<TPred>.AndAny(direction, strictness, left, right);

    public static Formula<TPred> HackForStmt<TPred>(Formula<TPred> left, Formula<TPred> right, Direction direction = Direction.Forward, Strictness strictness = Strictness.NonStrict) =>
        new Formula<TPred>.HackForStmt(direction, strictness, left, right);

    public static Formula<TPred> Or<TPred>(Formula<TPred> left, Formula<TPred> right) => new Formula<TPred>.Or(left, right);

    public static Formula<TPred> SeqOr<TPred>(Formula<TPred> left, Formula<TPred> right) => new Formula<TPred>.SeqOr(left, right);

    public static Formula<TPred> Implies<TPred>(Formula<TPred> left, Formula<TPred> right) => new Formula<TPred>.Implies(left, right);

    public static Formula<TPred> AF<TPred>(Formula<TPred> operand, Direction direction = Direction.Forward, Strictness strictness = Strictness.NonStrict) =>
        new Formula<TPred>.AF(direction, strictness, operand);

    public static Formula<TPred> AX<TPred>(Formula<TPred> operand, Direction direction = Direction.Forward, Strictness strictness = Strictness.NonStrict) =>
        new Formula<TPred>.AX(direction, strictness, operand);

    public static Formula<TPred> AG<TPred>(Formula<TPred> operand, Direction direction = Direction.Forward, Strictness strictness = Strictness.NonStrict) =>
        new Formula<TPred>.AG(direction, strictness, operand);

    public static Formula<TPred> AW<TPred>(Formula<TPred> left, Formula<TPred> right, Direction direction = Direction.Forward, Strictness strictness = Strictness.NonStrict) =>
        new Formula<TPred>.AW(direction, strictness, left, right);

    public static Formula<TPred> AU<TPred>(Formula<TPred> left, Formula<TPred> right, Direction direction = Direction.Forward, Strictness strictness = Strictness.NonStrict) =>
        new Formula<TPred>.AU(direction, strictness, left, right);

    public static Formula<TPred> EF<TPred>(Formula<TPred> operand, Direction direction = Direction.Forward) =>
        new Formula<TPred>.EF(direction, operand);

    public static Formula<TPred> EX<TPred>(Formula<TPred> operand, Direction direction = Direction.Forward) =>
        new Formula<TPred>.EX(direction, operand);

    public static Formula<TPred> EG<TPred>(Formula<TPred> operand, Direction direction = Direction.Forward) =>
        new Formula<TPred>.EG(direction, operand);

    public static Formula<TPred> EU<TPred>(Formula<TPred> left, Formula<TPred> right, Direction direction = Direction.Forward) =>
        new Formula<TPred>.EU(direction, left, right);

    public static Formula<TPred> Let<TPred>(string name, Formula<TPred> value, Formula<TPred> body) =>
        new Formula<TPred>.Let(name, value, body);

    public static Formula<TPred> LetR<TPred>(string name, Formula<TPred> value, Formula<TPred> body, Direction direction = Direction.Forward) =>
        new Formula<TPred>.LetR(direction, name, value, body);

    public static Formula<TPred> Ref<TPred>(string name) => new Formula<TPred>.Ref(name);

    public static Formula<TPred> Uncheck<TPred>(Formula<TPred> operand) => new Formula<TPred>.Uncheck(operand);

    public static Formula<TPred> InnerAnd<TPred>(Formula<TPred> operand) => new Formula<TPred>.InnerAnd(operand);
}
