using Sevenspot.C;
using Sevenspot.Engine.Ctl;
using Sevenspot.Smpl;

namespace Sevenspot.Engine;

/// <summary>How a rule's pattern is matched.</summary>
internal enum PatternShape
{
    /// <summary>The pattern is empty: the rule never matches.</summary>
    Empty,

    /// <summary>An identifier rule ("@ identifier @"): one name, tried against every name the code writes.</summary>
    Identifier,

    /// <summary>One term (an expression, a type, a declaration, a simple statement), tried against every node of its sort.</summary>
    SingleTerm,

    /// <summary>A file-level directive (#include, #define, #pragma ...), matched against the file's directives.</summary>
    Directive,

    /// <summary>Anything else: a CTL formula model-checked over each function's control-flow graph.</summary>
    Flow,
}

/// <summary>
/// A code rule prepared once per run: the top-level elements of its pattern and how they are
/// matched, its isomorphism applications and, for flow patterns, its CTL formula. Nothing here
/// depends on a file, so every file and every inherited environment shares it.
/// </summary>
internal sealed class CompiledRule
{
    private readonly Lazy<Formula<CtlPredicate>> _formula;

    /// <param name="matchingIsRead">Whether anything reads that the rule matched besides its bindings (a rule's "depends on" names it, or the run keeps every binding).</param>
    public CompiledRule(CodeRule rule, IsoIndex isos, IReadOnlySet<string> usedAfter, bool contextMode, bool matchingIsRead = true)
    {
        Rule = rule;
        Isos = isos;
        UsedAfter = usedAfter;
        _matchingIsRead = matchingIsRead;
        Elements = rule.Body.Minus.Root.AsPatternBody().ItemList.ChildNodes().ToList();
        Shape = Elements.Count == 0 && rule.Body.Directive is not null ? PatternShape.Directive
            : Elements.Count == 0 ? PatternShape.Empty
            : rule.Kind == RuleKind.Identifier && Elements.Count == 1 && Elements[0].Kind == SyntaxKind.BareExpression ? PatternShape.Identifier
            : Elements.Count == 1 && RuleMatcher.IsSingleTerm(Elements[0], rule) ? PatternShape.SingleTerm
            : PatternShape.Flow;
        ContextMode = contextMode;
        Exists = rule.Quantifier switch
        {
            Quantifier.Exists => true,
            Quantifier.Forall => false,
            _ => contextMode,
        };

        AddedOnly = AddedOnlyInherited(rule);
        AddsStatement = RuleMatcher.AddsStatement(rule);
        Inherited = InheritedNames(rule);
        Reads = ElementReads.For(rule);

        // Translated on first use (and once, whatever the number of threads); a translation error
        // surfaces on each file as it did when each file translated the rule.
        _formula = new Lazy<Formula<CtlPredicate>>(Translate, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public CodeRule Rule { get; }

    /// <summary>Whether the semantic patch reports with * rather than transforming (spatch's sgrep mode).</summary>
    public bool ContextMode { get; }

    public IsoIndex Isos { get; }

    /// <summary>The metavariables of this rule that later rules read (their witnesses are kept).</summary>
    public IReadOnlySet<string> UsedAfter { get; }

    public List<SyntaxNode> Elements { get; }

    /// <summary>What each element of the formula reads of an inherited environment (null: labels are not shared between environments).</summary>
    public ElementReads? Reads { get; }

    public PatternShape Shape { get; }

    /// <summary>
    /// For a flow rule that is one disjunction: its branches that are one declaration (a declarer, a
    /// declaration of one name), which also match at file scope, as spatch checks a file-scope
    /// declaration against the whole rule ("( - DEFINE_MUTEX(m); | - list_for_each(E1, E2) S )").
    /// </summary>
    public IReadOnlyList<SyntaxNode> FileScopeBranches => _fileScopeBranches ??= FileScopeBranchesOf();

    private IReadOnlyList<SyntaxNode>? _fileScopeBranches;

    private List<SyntaxNode> FileScopeBranchesOf()
    {
        var result = new List<SyntaxNode>();
        if (Shape != PatternShape.Flow || Elements.Count != 1 || Elements[0].Kind != SyntaxKind.Disjunction || Rule.Body.DefineHeader is not null)
        {
            return result;
        }

        foreach (var branch in Matcher.Branches(Elements[0]))
        {
            var item = branch.Kind == SyntaxKind.List && branch.ChildCount == 1 && branch.GetNodeSlot(0) is { } single ? single : branch;
            if (item.Kind is SyntaxKind.MacroDeclaration || (item.Kind == SyntaxKind.Declaration && RuleMatcher.IsSingleTerm(item, Rule)))
            {
                result.Add(item);
            }
        }

        return result;
    }

    /// <summary>Whether the rule holds on some path (exists) rather than on all paths.</summary>
    public bool Exists { get; }

    /// <summary>
    /// Inherited metavariables that only added code names. A match in an environment where one of
    /// them has no value (a script did not set its output) is not applied, as spatch does: there is
    /// nothing to print in its place.
    /// </summary>
    public IReadOnlyList<int> AddedOnly { get; }

    /// <summary>
    /// Whether the rule's added code holds a statement ("- int x; + foo(x);"): a single-term rule is
    /// then tried inside function bodies only, as spatch does.
    /// </summary>
    public bool AddsStatement { get; }

    /// <summary>
    /// The rule's inherited metavariables: the id of the name the rule uses and of the name an
    /// environment of the file holds the value under ("r.x"), made once rather than per environment.
    /// </summary>
    public (int Local, int Global)[] Inherited { get; }

    private static (int Local, int Global)[] InheritedNames(CodeRule rule)
    {
        var result = new List<(int, int)>();
        foreach (var meta in rule.Metavariables)
        {
            if (meta.IsInherited)
            {
                result.Add((MetavariableIds.Of(meta.Name), MetavariableIds.Of(meta.InheritedFrom + "." + meta.InheritedName)));
            }
        }

        return [.. result];
    }

    private static int[] AddedOnlyInherited(CodeRule rule)
    {
        var result = new List<int>();
        foreach (var meta in rule.Metavariables)
        {
            if (meta.IsInherited && meta.Kind != MetavariableKind.Position && Names(rule.Body.Plus, meta.Name) && !Names(rule.Body.Minus, meta.Name))
            {
                result.Add(MetavariableIds.Of(meta.Name));
            }
        }

        return [.. result];
    }

    private static bool Names(SyntaxTree tree, string name)
    {
        for (int i = 0; i < tree.TokenCount; i++)
        {
            var token = tree.GetToken(i);
            if (token.Kind == SyntaxKind.IdentifierToken && token.Text == name)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The rule's CTL formula (flow patterns only).</summary>
    public Formula<CtlPredicate> Formula => _formula.Value;

    /// <summary>The inherited positions every match binds (flow patterns only): a function that holds none of their places is not checked.</summary>
    public string[] RequiredPositions => _requiredPositions ??= Engine.RequiredPositions.Of(Rule, Formula);

    private string[]? _requiredPositions;

    /// <summary>
    /// The inherited positions every match binds in a function whose graph is <see cref="FlowShape.IsPlain"/>:
    /// those of <see cref="RequiredPositions"/> and those "&lt;+... P ...+&gt;" needs through P.
    /// </summary>
    public string[] RequiredPositionsInLiveCode => _requiredInLiveCode ??= Engine.RequiredPositions.Of(Rule, Formula, throughNests: true);

    private string[]? _requiredInLiveCode;

    /// <summary>
    /// For a single-term pattern, the inherited term metavariables every match compares with code inside
    /// the term it matches: a term without a name of their value is not tried.
    /// </summary>
    public string[] RequiredTerms => _requiredTerms ??= Shape == PatternShape.SingleTerm ? Engine.RequiredPositions.TermsOf(Rule, Elements[0]) : [];

    private string[]? _requiredTerms;

    /// <summary>For a single-term pattern, the inherited positions every match binds inside the term it matches: a term away from their places is not tried.</summary>
    public string[] RequiredTermPositions => _requiredTermPositions ??= Shape == PatternShape.SingleTerm ? Engine.RequiredPositions.InTerm(Rule, Elements[0]) : [];

    private string[]? _requiredTermPositions;

    /// <summary>
    /// Whether the rule may match in a #define body that is one integer constant (<see cref="MacroBody.IsLoneConstant"/>):
    /// a flow pattern never does (such a body is an initializer, with no control flow); a single term
    /// as <see cref="BodyPatterns.MayMatchLoneConstant"/> says; a #define pattern always may.
    /// </summary>
    public bool MayMatchLoneConstant => _mayMatchLoneConstant ??= Rule.Body.DefineHeader is not null
        || (Shape == PatternShape.SingleTerm && BodyPatterns.MayMatchLoneConstant(Elements[0], Isos));

    private bool? _mayMatchLoneConstant;

    /// <summary>
    /// For a flow pattern, the words a function must spell for the rule to match in it in the given
    /// inherited environment (those of the file prefilter for the rule's body: through disjunctions and
    /// isomorphisms, and where the body names an inherited metavariable, the names its value spells
    /// there; the punctuation and keywords of <see cref="FunctionTokens"/>; the body of one of its nests
    /// when a match without one is seen by nothing), or null when nothing is required. A function
    /// without them is neither graphed nor checked. Null for a rule whose matching calls scripts: their
    /// calls are part of the output. For a single-term pattern, the same words of the term: each match's
    /// code spells them (what a #define body that lacks them is not tried for).
    /// </summary>
    /// <remarks>
    /// An inherited metavariable matches only code equal to its value (<see cref="MetaValue.Equals(MetaValue?)"/>
    /// compares the tokens' texts), so the code it matches spells the names of the value. A rule that
    /// inherits the function of each match of an earlier rule skips, per value, the functions that
    /// never name it, rather than graphing every function of the file once per value.
    /// </remarks>
    public TokenFormula? FunctionWordsIn(Env env)
    {
        if (Shape is not (PatternShape.Flow or PatternShape.SingleTerm))
        {
            return null;
        }

        if (!_functionWordsBuilt)
        {
            var (words, nameValues) = BuildWords(forFunction: true);
            _functionWordsNameValues = nameValues;
            _functionWords = words;
            _functionWordsBuilt = true;
        }

        return WordsIn(_functionWords, _functionWordsNameValues, env);
    }

    /// <summary>
    /// The names every function the rule can match in spells, whatever the inherited environment
    /// (what an inherited value would add is left out), or null when nothing is required: for a flow
    /// rule, the names of <see cref="FunctionWordsIn"/> (not its punctuation and keywords, nor a nest's
    /// body); for a single-term rule, those its term spells (a term inside a function is made of the
    /// function's tokens).
    /// </summary>
    public TokenFormula? FunctionWordsOfAnyEnvironment
    {
        get
        {
            if (!_bodyWordsBuilt)
            {
                var (words, nameValues) = BuildWords(forFunction: false);
                _bodyWordsNameValues = nameValues;
                _bodyWords = words;
                _bodyWordsBuilt = true;
            }

            return WordsIn(_bodyWords, _bodyWordsNameValues, Env.Empty);
        }
    }

    private static TokenFormula? WordsIn(TokenFormula? formula, bool nameValues, Env env)
    {
        if (formula is null || !nameValues)
        {
            return formula;
        }

        var words = WithValues(formula, env);
        return words.Kind == TokenFormulaKind.True ? null : words;
    }

    private TokenFormula? _functionWords;
    private readonly bool _matchingIsRead;
    private bool _functionWordsNameValues;
    private volatile bool _functionWordsBuilt;
    private TokenFormula? _bodyWords;
    private bool _bodyWordsNameValues;
    private volatile bool _bodyWordsBuilt;

    // Stands in the formula for what the value of an inherited metavariable spells: a word no C name can be.
    private const char ValueMark = '\u0001';

    // Made once per rule; two threads that both make it make the same formula. With forFunction, the
    // requirement of a flow rule on one function, or of a single-term rule on the code of one match
    // (RequiredTokens.ForFunction: names, punctuation and keywords); without, the names alone (RequiredTokens.ForBody) of a flow or single-term rule.
    private (TokenFormula? Words, bool NameValues) BuildWords(bool forFunction)
    {
        bool nameValues = false;
        Func<string, string, TokenFormula> inherited = (from, name) =>
        {
            int global = MetavariableIds.Of(from + "." + name);
            foreach (var (local, qualified) in Inherited)
            {
                if (qualified == global)
                {
                    nameValues = true;
                    return TokenFormula.Of(ValueMark + MetavariableIds.NameOf(local));
                }
            }

            return TokenFormula.True;
        };
        TokenFormula words;
        if (SemanticPatchRunner.HasScriptConstraint(Rule))
        {
            words = TokenFormula.True;
        }
        else if (forFunction)
        {
            bool someNest = Shape == PatternShape.Flow && !_matchingIsRead && RequiredTokens.NestlessMatchesUnseen(Rule, UsedAfter);
            words = Shape is not (PatternShape.Flow or PatternShape.SingleTerm) ? TokenFormula.True
                : RequiredTokens.ForFunction(Rule, Isos, someNest: someNest, inherited: inherited);
        }
        else
        {
            words = Shape is not (PatternShape.Flow or PatternShape.SingleTerm) ? TokenFormula.True
                : RequiredTokens.ForBody(Rule, Isos, inherited);
        }

        return (words.Kind == TokenFormulaKind.True ? null : words, nameValues);
    }

    /// <summary>The formula with each inherited metavariable's mark replaced by the names its value spells in the environment.</summary>
    private static TokenFormula WithValues(TokenFormula formula, Env env)
    {
        switch (formula.Kind)
        {
            case TokenFormulaKind.Word:
                return formula.Word![0] == ValueMark ? NamesOf(formula.Word[1..], env) : formula;
            case TokenFormulaKind.And:
            case TokenFormulaKind.Or:
                var operands = new TokenFormula[formula.Operands.Count];
                for (int i = 0; i < operands.Length; i++)
                {
                    operands[i] = WithValues(formula.Operands[i], env);
                }

                return formula.Kind == TokenFormulaKind.And ? TokenFormula.And(operands) : TokenFormula.Or(operands);
            default:
                return formula;
        }
    }

    /// <summary>
    /// The names a metavariable's value spells, all required; true (nothing known) for a value that is
    /// not code or a name (a script's text, a type, a list, a position) or for no value.
    /// </summary>
    private static TokenFormula NamesOf(string local, Env env)
    {
        if (!env.TryGet(local, out var value))
        {
            return TokenFormula.True;
        }

        if (value is NameValue name)
        {
            return Identifiers.IsPlain(name.Name) ? TokenFormula.Of(name.Name) : TokenFormula.True;
        }

        if (value is not CodeValue code)
        {
            return TokenFormula.True;
        }

        List<TokenFormula>? names = null;
        var tree = code.Tree;
        for (int t = code.FirstToken; t <= code.LastToken; t++)
        {
            var token = tree.GetToken(t);
            if (token.Kind == SyntaxKind.IdentifierToken)
            {
                (names ??= []).Add(TokenFormula.Of(token.Text));
            }
        }

        return names is null ? TokenFormula.True : TokenFormula.And(names);
    }

    private Formula<CtlPredicate> Translate()
    {
        // The translator asks the matcher only about the pattern (its free variables, the code added at
        // its tokens, where isomorphisms apply), so a matcher over the pattern itself serves.
        var pattern = Rule.Body.Minus;
        var facts = new Matcher(new MatchContext(Rule, pattern, pattern), Isos);
        return new CtlTranslator(Rule, facts, Exists, UsedAfter).Translate(Elements);
    }
}
