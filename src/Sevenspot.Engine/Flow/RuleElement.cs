using Sevenspot.C;

namespace Sevenspot.Engine;

/// <summary>What part of a pattern a rule element is: the piece matched against one CFG node.</summary>
public enum RuleElementKind
{
    /// <summary>A statement that is one node: expression statement, declaration, return, break, goto, label...</summary>
    Atom,

    /// <summary>An expression that may occur anywhere in a node (a bare expression in the rule).</summary>
    Expression,

    /// <summary>A type that may occur anywhere in a node.</summary>
    Type,
    IfHeader,
    ElseKeyword,
    WhileHeader,
    ForHeader,
    IteratorHeader,
    SwitchHeader,
    DoHeader,
    DoWhileTail,

    /// <summary>The opening brace of a compound statement.</summary>
    SeqStart,

    /// <summary>The closing brace of a compound statement.</summary>
    SeqEnd,

    /// <summary>The header of a function definition (everything but the body).</summary>
    FunctionHeader,

    /// <summary>A statement metavariable: matches the node where a whole statement starts.</summary>
    MetaStatement,

    /// <summary>
    /// A statement list metavariable that is the whole body of a block ("{ SL }"): matched at the opening
    /// brace, it binds every item of the code's block, declarations included (none for "{ }").
    /// </summary>
    StatementList,
    Case,
    Default,

    /// <summary>Removed "...": every node on the path goes.</summary>
    MinusDots,

    /// <summary>An if header whose condition is the pattern (for "when != true E").</summary>
    IfTest,

    /// <summary>A while or for header whose condition is the pattern.</summary>
    LoopTest,

    /// <summary>"return;" standing for the closing brace of a function that ends without one: its changes go before the brace.</summary>
    ImplicitReturn,

    /// <summary>Any closing brace.</summary>
    AnyCloseBrace,
}

/// <summary>
/// A rule element: a part of the rule's pattern that corresponds to one node of the control-flow graph.
/// Without transformation (<see cref="Stripped"/>) it only checks that the node matches.
/// </summary>
public sealed record RuleElement(RuleElementKind Kind, SyntaxNode Pattern, bool Stripped = false)
{
    /// <summary>
    /// The compound statement of the pattern whose braces an isomorphism dropped ("{ S }" matching
    /// S alone): the braces stand at the ends of the statement the element matches.
    /// </summary>
    public SyntaxNode? DroppedBraces { get; init; }

    /// <summary>For an if header: the condition matches the negation of the code's (the neg_if isomorphism).</summary>
    public bool NegatedTest { get; init; }

    /// <summary>
    /// For an expression: a hidden variable bound to the term the pattern matched (a <see cref="TermValue"/>),
    /// so that the branches of a disjunction of expressions exclude each other term by term.
    /// </summary>
    public string? TermVariable { get; init; }

    /// <summary>
    /// For a statement holding a disjunction of expressions: the disjunction and the one branch of it this
    /// element matches. The statement is then a disjunction of such elements, as spatch lifts it, so a later
    /// branch is excluded only where an earlier one matches with the same values of the variables bound
    /// around the statement.
    /// </summary>
    public SyntaxNode? ChosenDisjunction { get; init; }

    public int ChosenBranch { get; init; }

    /// <summary>
    /// For a declaration of several names in the rule ("int *q, b;"): the one declarator this element
    /// matches, the declaration standing for one declaration per name, as spatch reads it ("int *q; int *b;").
    /// </summary>
    public int? SplitDeclarator { get; init; }

    public override string ToString() => $"{Kind}({(Pattern.Tree is null ? "?" : Abbreviate(Pattern.ToString()))}){(Stripped ? "'" : string.Empty)}";

    private static string Abbreviate(string s)
    {
        s = string.Join(' ', s.Split((char[])['\n', '\t', '\r', ' '], StringSplitOptions.RemoveEmptyEntries));
        return s.Length > 40 ? s[..40] + "..." : s;
    }

    public bool Equals(RuleElement? other) => other is not null && Kind == other.Kind && Pattern == other.Pattern && Stripped == other.Stripped && DroppedBraces == other.DroppedBraces && NegatedTest == other.NegatedTest && TermVariable == other.TermVariable
        && ChosenDisjunction == other.ChosenDisjunction && ChosenBranch == other.ChosenBranch && SplitDeclarator == other.SplitDeclarator;

    public override int GetHashCode() => HashCode.Combine(HashCode.Combine(Kind, Pattern, Stripped, DroppedBraces, NegatedTest, TermVariable, ChosenDisjunction, ChosenBranch), SplitDeclarator);
}

/// <summary>The atomic predicates of the formulas: control predicates on CFG nodes, labels, and matches of rule elements.</summary>
public enum CtlPredicateKind
{
    Match,
    Paren,
    Label,
    PrefixLabel,
    BreakContinueLabel,
    InLoop,
    TrueBranch,
    EscapingTrueBranch,
    FalseBranch,
    After,
    GotoAfter,
    FallThrough,
    LoopFallThrough,
    FunctionHeader,
    Top,
    Exit,
    ErrorExit,
    Goto,
    Return,
    Break,
    Continue,
    UnsafeBrace,
    FakeBrace,
    BindGood,
    BindBad,
}

public sealed record CtlPredicate(CtlPredicateKind Kind, string? Variable = null, RuleElement? Element = null)
{
    public override string ToString() => Kind switch
    {
        CtlPredicateKind.Match => Element!.ToString(),
        _ when Variable is not null => $"{Kind}({Variable})",
        _ => Kind.ToString(),
    };
}

/// <summary>A statement path of a CFG node (spatch's labels), exact or as a prefix.</summary>
public sealed class LabelValue : MetaValue
{
    public LabelValue(int[] labels, bool prefix)
    {
        Labels = labels;
        IsPrefix = prefix;
    }

    public int[] Labels { get; }

    public bool IsPrefix { get; }

    protected override string ComputeKey() => (IsPrefix ? "prefix:" : "label:") + string.Join(",", Labels);

    // PERF: labels are hashed and compared whenever the model checker interns a binding; the key is not built for it.
    protected override int ComputeHash()
    {
        uint hash = FoldKey(KeyHash.Start, IsPrefix ? "prefix:" : "label:");
        for (int i = 0; i < Labels.Length; i++)
        {
            if (i > 0)
            {
                hash = KeyHash.Add(hash, ',');
            }

            hash = FoldKey(hash, Labels[i]);
        }

        return (int)hash;
    }

    protected override bool SameKeyAs(MetaValue other) =>
        other is LabelValue label && label.IsPrefix == IsPrefix && label.Labels.AsSpan().SequenceEqual(Labels);

    public override string Text => Key;
}

/// <summary>The brace level shared by a "{n" and its "}n".</summary>
/// <summary>
/// The code term a rule element's expression matched (its first and last tokens): two terms are compatible
/// when one contains the other, as spatch's hidden positions of disjunction branches are.
/// </summary>
public sealed class TermValue : MetaValue
{
    public TermValue(int first, int last)
    {
        First = first;
        Last = last;
    }

    public int First { get; }

    public int Last { get; }

    public bool Nests(TermValue other) => (First <= other.First && Last >= other.Last) || (other.First <= First && other.Last >= Last);

    protected override string ComputeKey() => "term:" + First + "-" + Last;

    protected override int ComputeHash() => (int)FoldKey(KeyHash.Add(FoldKey(FoldKey(KeyHash.Start, "term:"), First), '-'), Last);

    protected override bool SameKeyAs(MetaValue other) => other is TermValue term && term.First == First && term.Last == Last;

    public override string Text => Key;
}

public sealed class ParenValue : MetaValue
{
    public ParenValue(int level)
    {
        Level = level;
    }

    public int Level { get; }

    protected override string ComputeKey() => "paren:" + Level;

    protected override int ComputeHash() => (int)FoldKey(FoldKey(KeyHash.Start, "paren:"), Level);

    protected override bool SameKeyAs(MetaValue other) => other is ParenValue paren && paren.Level == Level;

    public override string Text => Key;
}

/// <summary>Good/bad markers of &lt;+... nests (at least one occurrence).</summary>
public sealed class MarkerValue : MetaValue
{
    public static readonly MarkerValue Good = new("good");
    public static readonly MarkerValue Bad = new("bad");

    private readonly string _name;

    private MarkerValue(string name)
    {
        _name = name;
    }

    protected override string ComputeKey() => _name;

    public override string Text => _name;
}
