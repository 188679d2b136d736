using System.Text;
using Sevenspot.C;

namespace Sevenspot.Checks;

/// <summary>
/// The code of a file that the preprocessor removes, as far as the file itself shows it: the
/// branch of <c>#ifndef X</c> (or <c>#if !defined(X)</c>) when the file defines X before it
/// outside any conditional, and the branch of <c>#ifdef X</c> (or <c>#if defined(X)</c>) when X
/// is never defined: not in the file, and (checked over the tree by <see cref="MacroDefinitions"/>)
/// nowhere else. The #else of such a test is removed when the test is surely true. Names the
/// build may define (<c>CONFIG_*</c>, names starting with an underscore, <c>MODULE</c>) are
/// never taken as undefined. (<c>#if 0</c> code is a comment to the lexer already.)
/// </summary>
public sealed class RemovedCode
{
    private static readonly RemovedCode s_none = new([]);

    private readonly List<Region> _regions;

    private RemovedCode(List<Region> regions) => _regions = regions;

    /// <summary>A removed range; <see cref="UnlessDefined"/>: removed only if that macro is defined nowhere in the tree (null: surely removed).</summary>
    public readonly record struct Region(int Start, int End, string? UnlessDefined);

    public static RemovedCode Of(FileContext file) => file.GetShared(Compute);

    /// <summary>Whether the position is surely removed (false), and otherwise the macro whose absence from the tree would remove it (null when none).</summary>
    public bool IsRemoved(int position, out string? unlessDefined)
    {
        unlessDefined = null;
        foreach (var region in _regions)
        {
            if (position >= region.Start && position < region.End)
            {
                if (region.UnlessDefined is null)
                {
                    return true;
                }

                unlessDefined ??= region.UnlessDefined;
            }
        }

        return false;
    }

    /// <summary>Whether the build may define a name without any #define or -D the tree shows.</summary>
    public static bool MayBeDefinedByBuild(string name) =>
        name.StartsWith("CONFIG_", StringComparison.Ordinal) || name.StartsWith('_') || name is "MODULE" or "KBUILD_MODNAME" or "KBUILD_BASENAME";

    private enum Truth
    {
        Unknown,
        SurelyTrue,
        SurelyFalse,
        TrueUnlessDefined,
        FalseUnlessDefined,
    }

    private sealed class Group(Truth first, string? name, int branchStart)
    {
        public Truth First { get; } = first;

        public string? Name { get; } = name;

        public int BranchStart { get; set; } = branchStart;

        public bool InFirst { get; set; } = true;
    }

    private static RemovedCode Compute(FileContext file)
    {
        var directives = file.Tree.Directives;
        bool any = false;
        foreach (var d in directives)
        {
            if (d.Kind is DirectiveKind.If or DirectiveKind.Ifdef or DirectiveKind.Ifndef)
            {
                any = true;
                break;
            }
        }

        if (!any)
        {
            return s_none;
        }

        // Every name the file defines anywhere (a #define under a test may or may not run).
        var definedInFile = new HashSet<string>(StringComparer.Ordinal);
        foreach (var d in directives)
        {
            if (d.Kind == DirectiveKind.Define && Operand(file, d) is { } name)
            {
                definedInFile.Add(name);
            }
        }

        var definedBefore = new HashSet<string>(StringComparer.Ordinal);
        var regions = new List<Region>();
        var open = new Stack<Group>();
        foreach (var d in directives)
        {
            switch (d.Kind)
            {
                case DirectiveKind.Define when open.Count == 0 && Operand(file, d) is { } defined:
                    definedBefore.Add(defined);
                    break;
                case DirectiveKind.Undef when Operand(file, d) is { } undefined:
                    definedBefore.Remove(undefined);
                    break;
                case DirectiveKind.If or DirectiveKind.Ifdef or DirectiveKind.Ifndef:
                    var (truth, tested) = Evaluate(file, d, definedInFile, definedBefore);
                    open.Push(new Group(truth, tested, d.End));
                    break;
                case DirectiveKind.Elif or DirectiveKind.Else or DirectiveKind.Endif when open.Count > 0:
                    {
                        var group = open.Peek();
                        Close(group, d.Start, regions);
                        group.InFirst = false;
                        group.BranchStart = d.End;
                        if (d.Kind == DirectiveKind.Endif)
                        {
                            open.Pop();
                        }

                        break;
                    }
            }
        }

        return regions.Count == 0 ? s_none : new RemovedCode(regions);
    }

    /// <summary>Records the branch that ends here when the group's first test removes it.</summary>
    private static void Close(Group group, int end, List<Region> regions)
    {
        var removed = (group.InFirst, group.First) switch
        {
            (true, Truth.SurelyFalse) or (false, Truth.SurelyTrue) => (true, (string?)null),
            (true, Truth.FalseUnlessDefined) or (false, Truth.TrueUnlessDefined) => (true, group.Name),
            _ => (false, null),
        };
        if (removed.Item1)
        {
            regions.Add(new Region(group.BranchStart, end, removed.Item2));
        }
    }

    private static (Truth, string?) Evaluate(FileContext file, Directive directive, HashSet<string> definedInFile, HashSet<string> definedBefore)
    {
        string? name;
        bool positive;
        if (directive.Kind == DirectiveKind.If)
        {
            if (DefinedTest(Read(file, directive).Words) is not var (tested, isPositive))
            {
                return (Truth.Unknown, null);
            }

            (name, positive) = (tested, isPositive);
        }
        else
        {
            name = Operand(file, directive);
            positive = directive.Kind == DirectiveKind.Ifdef;
        }

        if (name is null)
        {
            return (Truth.Unknown, null);
        }

        if (definedBefore.Contains(name))
        {
            return (positive ? Truth.SurelyTrue : Truth.SurelyFalse, name);
        }

        if (definedInFile.Contains(name) || MayBeDefinedByBuild(name))
        {
            return (Truth.Unknown, null);
        }

        return (positive ? Truth.FalseUnlessDefined : Truth.TrueUnlessDefined, name);
    }

    /// <summary>"defined(X)", "defined X", "!defined(X)" as the whole condition: X, and whether it is not negated.</summary>
    private static (string Name, bool Positive)? DefinedTest(List<DirectiveWord> words)
    {
        int i = 0;
        bool positive = true;
        if (i < words.Count && words[i].Text == "!")
        {
            positive = false;
            i++;
        }

        if (i >= words.Count || words[i].Text != "defined")
        {
            return null;
        }

        bool parenthesised = ++i < words.Count && words[i].Text == "(";
        if (parenthesised)
        {
            i++;
        }

        if (i >= words.Count || !Identifiers.IsPlain(words[i].Text))
        {
            return null;
        }

        string name = words[i++].Text;
        if (parenthesised && (i >= words.Count || words[i++].Text != ")"))
        {
            return null;
        }

        return i == words.Count ? (name, positive) : null;
    }

    /// <summary>The first word after the directive's keyword (the macro of #define, #undef, #ifdef, #ifndef).</summary>
    private static string? Operand(FileContext file, Directive directive) =>
        Read(file, directive).Words is [{ Kind: DirectiveWordKind.Identifier } first, ..] && Identifiers.IsPlain(first.Text) ? first.Text : null;

    private static DirectiveText Read(FileContext file, Directive directive) =>
        DirectiveText.Read(Encoding.UTF8.GetString(file.Text.Slice(Sevenspot.Text.TextSpan.FromBounds(directive.Start, directive.End))));
}
