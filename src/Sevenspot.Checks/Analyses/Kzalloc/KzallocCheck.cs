using System.Runtime.CompilerServices;
using Sevenspot.C;
using Sevenspot.Checks.Primitives;
using Sevenspot.Engine;
using Sevenspot.Smpl;
using Sevenspot.Text;

namespace Sevenspot.Checks;

/// <summary>
/// kzalloc: the bundled SmPL rule of <see cref="KzallocRule"/> (Rules/kzalloc.cocci), run by the
/// rule engine on the file's session, the one the other checks read. Each match of an allocator's
/// rule is a finding: the place is its <c>@p</c> position (the allocator's name), the related
/// place the <c>memset</c> of its <c>@m</c> position, and the fix the rule's own change: the
/// allocator renamed to its zeroing variant and the <c>memset</c> statement removed.
/// </summary>
public sealed class KzallocCheck : FileCheck
{
    private const string ResourceName = "Sevenspot.Checks.Rules.kzalloc.cocci";

    // One engine runner per allocator table: the built-in one, or one that --primitives extended.
    private static readonly ConditionalWeakTable<PrimitiveTables, RuleRun> s_runs = [];

    // What a finding is made of: the allocator's and the memset's positions, and the pointer.
    private static readonly HashSet<string> s_kept = new(StringComparer.Ordinal) { "p", "m", "x", "i", "o", "fld" };

    public override CheckDescriptor Descriptor => CheckDescriptors.Kzalloc;

    /// <summary>The rule shipped for the built-in allocator table.</summary>
    public static string BundledRuleText()
    {
        using var stream = typeof(KzallocCheck).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"missing resource {ResourceName}");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    public override void Analyze(FileContext file, FindingSink sink)
    {
        var run = s_runs.GetValue(file.Primitives, tables => new RuleRun(tables));
        var outcome = run.Runner.Run(new SharedFile(file.Session));
        if (outcome.Failure is not null)
        {
            return; // a memset that other paths reach without the allocation: spatch leaves such a file alone
        }

        var reported = new HashSet<int>();
        foreach (var binding in outcome.Bindings)
        {
            if (run.Allocators.TryGetValue(binding.Rule, out var allocator)
                && binding.Env["p"] is PositionValue allocation && binding.Env["m"] is PositionValue memset
                && TargetText(binding.Env) is { } target
                && reported.Add(allocation.Span.Start)
                && MemsetStatement(file.Tree, memset.Span.Start) is { } statement)
            {
                Report(file, sink, allocator, allocation.Span, target, statement);
            }
        }
    }

    /// <summary>The pointer the rule bound, as the message names it: x, i, or o-&gt;fld.</summary>
    private static string? TargetText(Env env)
    {
        if ((env["x"] ?? env["i"]) is { } target)
        {
            return Text(target);
        }

        return env["o"] is { } owner && env["fld"] is { } field ? Text(owner) + "->" + field.Text : null;
    }

    private static string Text(MetaValue value) =>
        value is CodeValue { Node: { } node } ? SyntaxHelpers.Text(node) : value.Text;

    /// <summary>The <c>memset(...);</c> statement whose callee starts at the position.</summary>
    private static SyntaxNode? MemsetStatement(SyntaxTree tree, int start)
    {
        foreach (var node in tree.Root.DescendantNodesAndSelf())
        {
            if (node.Kind == SyntaxKind.ExpressionStatement && node.Span.Start <= start && start < node.Span.End
                && SyntaxHelpers.CalleeToken(SyntaxHelpers.StripParenthesesAndCasts(node.AsExpressionStatement().Expression)) is { } callee
                && callee.Span.Start == start)
            {
                return node;
            }
        }

        return null;
    }

    private void Report(FileContext file, FindingSink sink, Allocator allocator, TextSpan name, string target, SyntaxNode memset)
    {
        string zeroing = allocator.ZeroingVariant!;
        var fix = new Fix(
            $"Allocate with {zeroing} and remove the memset",
            [
                new FixEdit(file.Locate(name), zeroing),
                new FixEdit(file.Locate(StatementLineSpan(file.Text, memset)), string.Empty),
            ]);
        sink.Report(new Finding(
            Descriptor,
            file.Locate(name),
            $"{zeroing} should be used for {target}, instead of {allocator.Name}/memset",
            [new RelatedLocation(file.Locate(memset), $"memset of {target} to zero")],
            fix: fix));
    }

    /// <summary>The statement's whole line(s) when nothing else is on them, else just the statement: what the rule's "- memset(...);" removes.</summary>
    private static TextSpan StatementLineSpan(SourceText text, SyntaxNode statement)
    {
        var span = statement.Span;
        var bytes = text.Bytes;
        int start = span.Start;
        while (start > 0 && bytes[start - 1] is (byte)' ' or (byte)'\t')
        {
            start--;
        }

        int end = span.End;
        while (end < bytes.Length && bytes[end] is (byte)' ' or (byte)'\t' or (byte)'\r')
        {
            end++;
        }

        bool lineStart = start == 0 || bytes[start - 1] == (byte)'\n';
        bool lineEnd = end == bytes.Length || bytes[end] == (byte)'\n';
        if (lineStart && lineEnd)
        {
            return TextSpan.FromBounds(start, Math.Min(end + 1, bytes.Length));
        }

        return span;
    }

    /// <summary>The compiled rule for one allocator table, and the allocator each of its rules is for.</summary>
    private sealed class RuleRun
    {
        public RuleRun(PrimitiveTables tables)
        {
            var covered = KzallocRule.Covered(tables);
            string text = ReferenceEquals(tables, PrimitiveTables.Builtin) ? BundledRuleText() : KzallocRule.Generate(covered);
            var parsed = SmplParser.Parse(text, "kzalloc.cocci");
            if (!parsed.Success)
            {
                throw new InvalidOperationException("the kzalloc rule does not parse: " + string.Join("; ", parsed.Diagnostics));
            }

            Runner = new SemanticPatchRunner(parsed.File!, new RunOptions { MatchOnly = true, KeepBindings = s_kept, ReadFunctionsSpatchSkips = true });
            foreach (var allocator in covered)
            {
                Allocators[KzallocRule.AssignmentPrefix + allocator.Name] = allocator;
                Allocators[KzallocRule.MemberPrefix + allocator.Name] = allocator;
                Allocators[KzallocRule.DeclarationPrefix + allocator.Name] = allocator;
            }
        }

        public SemanticPatchRunner Runner { get; }

        public Dictionary<string, Allocator> Allocators { get; } = new(StringComparer.Ordinal);
    }
}
