using Sevenspot.C;
using Sevenspot.Engine;
using Sevenspot.Smpl;
using Sevenspot.Text;

namespace Sevenspot.Checks;

/// <summary>
/// bitand-precedence: the bundled SmPL rule Rules/bitand-precedence.cocci, run by the rule engine
/// on the file's session, finds <c>!x &amp; y</c> (which C reads as <c>(!x) &amp; y</c>), leaves
/// <c>!!x &amp; y</c> alone, and tells chains <c>!x &amp; y &amp; z</c> (its first rule) from the
/// rest (its second, whose change is the fix <c>!(x &amp; y)</c>: two parentheses inserted). What
/// SmPL cannot say stays here: a match is reported only when y looks like a bit mask, a test that
/// recurses through <c>|</c>, <c>&amp;</c>, <c>+</c>, <c>~</c> and casts to any depth.
/// </summary>
public sealed class BitandPrecedenceCheck : FileCheck
{
    private const int MaxQuotedLength = 60;

    private const string ResourceName = "Sevenspot.Checks.Rules.bitand-precedence.cocci";

    /// <summary>The rule's name for chains, which are reported without a fix.</summary>
    private const string ChainRule = "chain";

    private static readonly Lazy<SemanticPatchRunner> s_runner = new(CreateRunner);

    public override CheckDescriptor Descriptor => CheckDescriptors.BitandPrecedence;

    /// <summary>The bundled rule's text.</summary>
    public static string BundledRuleText()
    {
        using var stream = typeof(BitandPrecedenceCheck).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"missing resource {ResourceName}");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    public override void Analyze(FileContext file, FindingSink sink)
    {
        var outcome = s_runner.Value.Run(new SharedFile(file.Session));
        if (outcome.Failure is not null)
        {
            return;
        }

        var reported = new HashSet<int>();
        foreach (var binding in outcome.Bindings)
        {
            bool chain = binding.Rule == ChainRule;
            if ((chain ? binding.Env["c"] : binding.Env["p"]) is not PositionValue || binding.Env["E"] is not CodeValue { Node: { } bound }
                || Negation(bound) is not { } negation || negation.Parent is not { Kind: SyntaxKind.BinaryExpression } node)
            {
                continue;
            }

            var binary = node.AsBinaryExpression();
            var operand = negation.AsPrefixUnary().Operand;
            if (binary.Left.Span != negation.Span || !LooksLikeMask(binary.Right) || !reported.Add(node.Span.Start))
            {
                continue;
            }

            var fix = chain ? null : new Fix(
                "Apply ! to the whole bitwise and",
                [
                    new FixEdit(file.Locate(new TextSpan(operand.Span.Start, 0)), "("),
                    new FixEdit(file.Locate(new TextSpan(binary.Right.Span.End, 0)), ")"),
                ]);
            sink.Report(new Finding(Descriptor, file.Locate(node), Message(operand, binary.Right), fix: fix));
        }
    }

    /// <summary>The <c>!</c> the rule's <c>E</c> is the operand of (through parentheses the match saw through).</summary>
    private static SyntaxNode? Negation(SyntaxNode operand)
    {
        var up = operand.Parent;
        while (up is { Kind: SyntaxKind.ParenthesizedExpression } parenthesized)
        {
            up = parenthesized.Parent;
        }

        return up is { Kind: SyntaxKind.PrefixUnary } negation && negation.AsPrefixUnary().Operator.Kind == SyntaxKind.ExclamationToken ? negation : null;
    }

    private static SemanticPatchRunner CreateRunner()
    {
        var parsed = SmplParser.Parse(BundledRuleText(), "bitand-precedence.cocci");
        if (!parsed.Success)
        {
            throw new InvalidOperationException("the bitand-precedence rule does not parse: " + string.Join("; ", parsed.Diagnostics));
        }

        return new SemanticPatchRunner(parsed.File!, new RunOptions { MatchOnly = true, KeepBindings = new HashSet<string>(StringComparer.Ordinal) { "E", "M", "c", "p" } });
    }

    /// <summary>
    /// Whether y in <c>!x &amp; y</c> is a bit mask rather than a truth value: a number, an upper-case
    /// name or macro call (FLAG, BIT(3)), a shift, ~mask, or masks combined with | and &amp;.
    /// Lower-case names and calls may be booleans, and <c>!a &amp; b</c> of booleans is deliberate.
    /// </summary>
    internal static bool LooksLikeMask(SyntaxNode node)
    {
        node = SyntaxHelpers.StripParentheses(node);
        switch (node.Kind)
        {
            case SyntaxKind.LiteralExpression:
                return node.AsLiteralExpression().Token.Kind == SyntaxKind.IntegerLiteralToken;
            case SyntaxKind.IdentifierName:
                return SyntaxHelpers.IsUpperCaseName(node.AsIdentifierName().Identifier.Text);
            case SyntaxKind.CallExpression:
                return SyntaxHelpers.CalleeName(node) is { } name && SyntaxHelpers.IsUpperCaseName(name);
            case SyntaxKind.PrefixUnary:
                var prefix = node.AsPrefixUnary();
                return prefix.Operator.Kind == SyntaxKind.TildeToken && LooksLikeMask(prefix.Operand);
            case SyntaxKind.CastExpression:
                return LooksLikeMask(node.AsCastExpression().Expression);
            case SyntaxKind.BinaryExpression:
                var binary = node.AsBinaryExpression();
                return binary.Operator.Kind switch
                {
                    SyntaxKind.LessThanLessThanToken => true,
                    SyntaxKind.BarToken or SyntaxKind.AmpersandToken or SyntaxKind.PlusToken => LooksLikeMask(binary.Left) && LooksLikeMask(binary.Right),
                    _ => false,
                };
            default:
                return false;
        }
    }

    private static string Message(SyntaxNode operand, SyntaxNode mask)
    {
        string x = SyntaxHelpers.Text(operand);
        string y = SyntaxHelpers.Text(mask);
        if (x.Length + y.Length > MaxQuotedLength)
        {
            return "! binds tighter than &: this is (!x) & y, probably meant as !(x & y)";
        }

        return $"!{x} & {y} is (!{x}) & {y}, probably meant as !({x} & {y})";
    }
}
