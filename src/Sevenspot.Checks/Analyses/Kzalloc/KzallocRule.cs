using System.Globalization;
using System.Text;
using Sevenspot.Checks.Primitives;

namespace Sevenspot.Checks;

/// <summary>
/// The kzalloc check's SmPL rule, generated from the allocator table: for each allocator with a
/// zeroing variant and a size argument (allocators.txt), one rule for <c>x = alloc(...);</c>, one
/// for <c>o-&gt;f = alloc(...);</c> and one for <c>T i = alloc(...);</c>, each followed by <c>memset(x, 0, size)</c> of the allocation's
/// size (<c>n * size</c> or <c>size * n</c> for a count-times-size allocator), with only a NULL
/// test of the pointer and code that mentions neither the pointer nor the size between them.
/// Two rules first bind the allocations that are never reported: those of a KUnit test case (a
/// function taking a <c>struct kunit *</c>) and those whose flags hold <c>__GFP_ZERO</c>.
/// The rule for the built-in table is shipped as <c>Rules/kzalloc.cocci</c>, which runs as it is
/// with <c>sevenspot --sp-file</c> or spatch.
/// </summary>
public static class KzallocRule
{
    /// <summary>The prefix of the names of the rules for assignments; the allocator's name follows.</summary>
    public const string AssignmentPrefix = "kz_";

    /// <summary>The prefix of the names of the rules for stores into a member, <c>o-&gt;f = alloc(...);</c>.</summary>
    public const string MemberPrefix = "kzm_";

    /// <summary>The prefix of the names of the rules for initialised declarations.</summary>
    public const string DeclarationPrefix = "kzd_";

    /// <summary>The three shapes of an allocation's target, each a rule per allocator.</summary>
    private enum Target
    {
        /// <summary><c>x = alloc(...)</c> with x a variable.</summary>
        Variable,

        /// <summary><c>o-&gt;f = alloc(...)</c>: a call given the object o (which may reach o-&gt;f) stops the match, a store to another member does not.</summary>
        Member,

        /// <summary><c>T i = alloc(...)</c>.</summary>
        Declaration,
    }

    private const string Header =
        "// kzalloc: memory allocated and then cleared whole by a memset of the same size should be\n" +
        "// allocated zeroed. Generated from allocators.txt (the allocators with zeroing= and size=) by\n" +
        "// KzallocRule.Generate; `sevenspot check` runs it as its kzalloc check, and it runs as it is with\n" +
        "// `sevenspot --sp-file` or spatch. No finding in a KUnit test (a function taking a struct kunit *),\n" +
        "// nor for an allocation whose flags hold __GFP_ZERO.\n";

    /// <summary>The allocators the rule covers, in table order.</summary>
    public static List<Allocator> Covered(PrimitiveTables tables)
    {
        var covered = new List<Allocator>();
        foreach (var allocator in tables.Allocators)
        {
            if (allocator.ZeroingVariant is not null && allocator.SizeArgument >= 0)
            {
                covered.Add(allocator);
            }
        }

        return covered;
    }

    /// <summary>The rule's text for these allocators.</summary>
    public static string Generate(IReadOnlyList<Allocator> allocators)
    {
        var sb = new StringBuilder(Header);
        sb.Append("\n@kunit@\nidentifier fn, t;\nposition q;\n@@\nfn(..., struct kunit *t, ...) {\n<+...\n\\(");
        for (int k = 0; k < allocators.Count; k++)
        {
            sb.Append(k > 0 ? "\\|" : string.Empty).Append(allocators[k].Name).Append("@q");
        }

        sb.Append("\\)(...)\n...+>\n}\n\n@gfpzero@\nposition g;\n@@\n(\n");
        for (int k = 0; k < allocators.Count; k++)
        {
            sb.Append(k > 0 ? "|\n" : string.Empty).Append(allocators[k].Name).Append("@g(...,<+... __GFP_ZERO ...+>,...)\n");
        }

        sb.Append(")\n");
        foreach (var allocator in allocators)
        {
            AppendRule(sb, allocator, Target.Variable);
            AppendRule(sb, allocator, Target.Member);
            AppendRule(sb, allocator, Target.Declaration);
        }

        return sb.ToString();
    }

    private static void AppendRule(StringBuilder sb, Allocator allocator, Target shape)
    {
        bool product = allocator.SizeFactorArgument >= 0;
        int count = Math.Max(Math.Max(allocator.SizeArgument, allocator.SizeFactorArgument), allocator.GfpArgument) + 1;
        var arguments = new List<string>();
        var others = new List<string>();
        for (int k = 0; k < count; k++)
        {
            if (k == allocator.SizeArgument)
            {
                arguments.Add("E");
            }
            else if (k == allocator.SizeFactorArgument)
            {
                arguments.Add("E2");
            }
            else
            {
                string name = "A" + k.ToString(CultureInfo.InvariantCulture);
                arguments.Add(name);
                others.Add(name);
            }
        }

        // The NUMA node variants take one more argument after the flags.
        string argumentList = string.Join(", ", arguments) + (allocator.Name.EndsWith("_node", StringComparison.Ordinal) ? ", ..." : string.Empty);
        string target = shape switch { Target.Variable => "x", Target.Member => "o->fld", _ => "i" };
        var expressions = new List<string>();
        if (shape == Target.Member)
        {
            expressions.Add("o");
        }

        expressions.Add("E");
        if (product)
        {
            expressions.Add("E2");
        }

        expressions.AddRange(others);
        expressions.Add("E4");
        string prefix = shape switch { Target.Variable => AssignmentPrefix, Target.Member => MemberPrefix, _ => DeclarationPrefix };
        sb.Append('\n').Append('@').Append(prefix).Append(allocator.Name).Append("@\n");
        if (shape == Target.Variable)
        {
            sb.Append("idexpression x;\n");
        }

        sb.Append("expression ").Append(string.Join(", ", expressions)).Append(";\n");
        switch (shape)
        {
            case Target.Member:
                sb.Append("identifier fld;\nexpression F, E3;\ntype T, T2;\n");
                break;
            case Target.Declaration:
                sb.Append("identifier i;\ntype T, T2, T3;\n");
                break;
            default:
                sb.Append("type T, T2;\n");
                break;
        }

        sb.Append("assignment operator aop;\nposition p != {kunit.q, gfpzero.g}, m;\nstatement S;\n@@\n(\n");
        string[] lefts = shape switch
        {
            Target.Variable => ["x =", "x = (T)"],
            Target.Member => ["o->fld =", "o->fld = (T)"],
            _ => ["T i =", "T i = (T3)"],
        };
        for (int k = 0; k < lefts.Length; k++)
        {
            sb.Append(k > 0 ? "|\n" : string.Empty)
                .Append("  ").Append(lefts[k]).Append('\n')
                .Append("- ").Append(allocator.Name).Append("@p\n")
                .Append("+ ").Append(allocator.ZeroingVariant).Append('\n')
                .Append("  (").Append(argumentList).Append(");\n");
        }

        // A call given the object, or a new object, may read or change the member before the memset.
        // The size may be read (a sibling field set to it: t->len = len), not changed.
        string dots = "  ... when != " + target + "\n"
            + (shape == Target.Member ? "      when != F(..., o, ...)\n      when != o = E3\n" : string.Empty)
            + SizeUnchanged("E") + (product ? SizeUnchanged("E2") : string.Empty);
        sb.Append(")\n").Append(dots)
            .Append("(\n  if (").Append(target).Append(" == NULL) S\n").Append(dots)
            .Append("|\n  if (unlikely(").Append(target).Append(" == NULL)) S\n").Append(dots)
            .Append("|\n)\n(\n");
        string[] sizes = product ? ["E * E2", "E2 * E"] : ["E"];
        bool first = true;
        foreach (string size in sizes)
        {
            foreach (string cleared in new[] { target, "(T2)" + target })
            {
                sb.Append(first ? string.Empty : "|\n").Append("- memset@m(").Append(cleared).Append(", 0, ").Append(size).Append(");\n");
                first = false;
            }
        }

        sb.Append(")\n");
    }

    /// <summary>The when clauses that stop a match where the size expression is written: assigned, stepped or given by address.</summary>
    private static string SizeUnchanged(string size) =>
        "      when != " + size + " aop E4\n"
        + "      when != " + size + "++\n      when != ++" + size + "\n"
        + "      when != " + size + "--\n      when != --" + size + "\n"
        + "      when != &" + size + "\n";
}
