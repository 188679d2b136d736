using System.Text;
using Sevenspot.C;

namespace Sevenspot.Checks;

/// <summary>
/// The code of a file that is compiled only when a kernel option is off: the branch of
/// <c>#ifndef CONFIG_X</c>, <c>#if !defined(CONFIG_X)</c> or <c>#if !IS_ENABLED(CONFIG_X)</c>, and the
/// <c>#else</c> of <c>#ifdef CONFIG_X</c>, <c>#if defined(CONFIG_X)</c> or <c>#if IS_ENABLED(CONFIG_X)</c>.
/// In such code, the callers that only a build with <c>CONFIG_X</c> compiles do not exist.
/// </summary>
public sealed class ConfigBranches
{
    private static readonly ConfigBranches s_none = new([]);

    private readonly List<(int Start, int End, string Option)> _regions;

    private ConfigBranches(List<(int Start, int End, string Option)> regions) => _regions = regions;

    public static ConfigBranches Of(FileContext file) => file.GetShared(Compute);

    /// <summary>The option that must be off for the position to be compiled (the innermost such branch), or null.</summary>
    public string? OptionOffAt(int position)
    {
        string? option = null;
        int start = -1;
        foreach (var region in _regions)
        {
            if (position >= region.Start && position < region.End && region.Start > start)
            {
                option = region.Option;
                start = region.Start;
            }
        }

        return option;
    }

    private sealed class Group(string? option, bool positive, int branchStart)
    {
        public string? Option { get; } = option;

        public bool Positive { get; } = positive;

        public int BranchStart { get; set; } = branchStart;

        public bool InFirst { get; set; } = true;

        /// <summary>An #elif makes the #else depend on more than the option.</summary>
        public bool SawElif { get; set; }
    }

    private static ConfigBranches Compute(FileContext file)
    {
        var regions = new List<(int, int, string)>();
        var open = new Stack<Group>();
        foreach (var d in file.Tree.Directives)
        {
            switch (d.Kind)
            {
                case DirectiveKind.If or DirectiveKind.Ifdef or DirectiveKind.Ifndef:
                    var (option, positive) = Tested(file, d);
                    open.Push(new Group(option, positive, d.End));
                    break;
                case DirectiveKind.Elif or DirectiveKind.Else or DirectiveKind.Endif when open.Count > 0:
                    var group = open.Peek();
                    if (group.Option is { } name && !group.SawElif && group.InFirst != group.Positive)
                    {
                        // The first branch of a negative test, or the #else of a positive one.
                        regions.Add((group.BranchStart, d.Start, name));
                    }

                    group.SawElif |= d.Kind == DirectiveKind.Elif;
                    group.InFirst = false;
                    group.BranchStart = d.End;
                    if (d.Kind == DirectiveKind.Endif)
                    {
                        open.Pop();
                    }

                    break;
            }
        }

        return regions.Count == 0 ? s_none : new ConfigBranches(regions);
    }

    /// <summary>The CONFIG_ option a test reads as its whole condition, and whether the test holds when it is on.</summary>
    private static (string? Option, bool Positive) Tested(FileContext file, Directive directive)
    {
        var words = DirectiveText.Read(Encoding.UTF8.GetString(file.Text.Slice(Sevenspot.Text.TextSpan.FromBounds(directive.Start, directive.End)))).Words;
        if (directive.Kind != DirectiveKind.If)
        {
            return words is [{ Kind: DirectiveWordKind.Identifier } only] && IsOption(only.Text)
                ? (only.Text, directive.Kind == DirectiveKind.Ifdef)
                : (null, false);
        }

        int i = 0;
        bool positive = true;
        if (i < words.Count && words[i].Text == "!")
        {
            positive = false;
            i++;
        }

        if (i >= words.Count || words[i].Text is not ("defined" or "IS_ENABLED"))
        {
            return (null, false);
        }

        bool parenthesised = ++i < words.Count && words[i].Text == "(";
        if (parenthesised)
        {
            i++;
        }

        if (i >= words.Count || !IsOption(words[i].Text))
        {
            return (null, false);
        }

        string name = words[i++].Text;
        if (parenthesised && (i >= words.Count || words[i++].Text != ")"))
        {
            return (null, false);
        }

        return i == words.Count ? (name, positive) : (null, false);
    }

    private static bool IsOption(string name) => name.StartsWith("CONFIG_", StringComparison.Ordinal) && Identifiers.IsPlain(name);
}
