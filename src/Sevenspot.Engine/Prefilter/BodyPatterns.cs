using Sevenspot.C;

namespace Sevenspot.Engine;

/// <summary>
/// What a single-term pattern can match in a #define body that is one integer constant
/// ("#define REG__FIELD_MASK 0x0000FFFFL"), decided from the pattern alone so that such a body is
/// not parsed for a rule that cannot match there. The body is read as the initializer
/// "int __sevenspot_macro_body = 0x0000FFFFL;" and a term matches the body's own code only
/// (<see cref="MacroBody"/>), so a match is rooted at the constant's node or at a node of the
/// wrapper (the declaration, its declarator): none of them is an operator of C or an assignment, and the constant is
/// at no test position (the condition of an if, an operand of !, &amp;&amp;, ||).
/// </summary>
internal static class BodyPatterns
{
    /// <summary>
    /// False only when the pattern cannot match any node of such a body: every form of it (disjunction
    /// branches, optional parentheses, the targets of an isomorphism that applies at it) is an operator
    /// expression of a kind that matches only a node of its own kind (<see cref="Matcher.NodeMayMatch"/>),
    /// or a struct or union declaration. True whenever in doubt.
    /// </summary>
    public static bool MayMatchLoneConstant(SyntaxNode pattern, IsoIndex? isos)
    {
        // The targets of an isomorphism that applies at the node are the other forms it matches (as the
        // matcher tries them). A term is read as it is written: the isomorphisms do not apply in it.
        foreach (var application in isos?.At(pattern) ?? [])
        {
            foreach (int target in application.Targets)
            {
                if (MayMatchLoneConstant(IsoIndex.Unwrap(application.Rule.Terms[target].Pattern), null))
                {
                    return true;
                }
            }
        }

        switch (pattern.Kind)
        {
            case SyntaxKind.Disjunction:
                foreach (var branch in Matcher.Branches(pattern))
                {
                    var item = branch.Kind == SyntaxKind.List && branch.ChildCount == 1 && branch.GetNodeSlot(0) is { } single ? single : branch;
                    if (MayMatchLoneConstant(item, isos))
                    {
                        return true;
                    }
                }

                return false;
            case SyntaxKind.BareExpression:
                return MayMatchLoneConstant(pattern.AsBareExpression().Expression, isos);
            case SyntaxKind.ParenthesizedExpression:
                return MayMatchLoneConstant(pattern.AsParenthesizedExpression().Expression, isos);
            case SyntaxKind.BinaryExpression:
                // "A || ..." matches A alone only at a test position; other operators their own kind only.
                return false;
            case SyntaxKind.PrefixUnary or SyntaxKind.PostfixUnary or SyntaxKind.CallExpression or SyntaxKind.ElementAccess
                or SyntaxKind.MemberAccess or SyntaxKind.CastExpression or SyntaxKind.SizeofExpression or SyntaxKind.SizeofType
                or SyntaxKind.ConditionalExpression or SyntaxKind.CommaExpression:
                return Matcher.MayMatchOtherKind(pattern);
            case SyntaxKind.Declaration:
                return !DeclaresStructOrUnion(pattern);
            case SyntaxKind.AssignmentExpression:
                // Only "x = E" matches an initializer ("int x = 1"); "e |= c", "e op c" match assignments alone.
                return Matcher.IsPlainAssignment(pattern);
            default:
                return true;
        }
    }

    /// <summary>Whether a declaration pattern's type is a struct or union written with its members: "int x = 1;" has none.</summary>
    private static bool DeclaresStructOrUnion(SyntaxNode declaration)
    {
        foreach (var specifier in declaration.AsDeclaration().SpecifierList.ChildNodes())
        {
            if (specifier.Kind == SyntaxKind.StructSpecifier && specifier.AsStructSpecifier().MemberList is not null)
            {
                return true;
            }
        }

        return false;
    }
}

/// <summary>
/// The words of all the #define bodies of a file, for the test every term rule makes of each body
/// (<see cref="MacroBody.MaySpell"/>): when the formula fails on the words of all bodies together it
/// fails on each, and the rule passes over every body at once. A name is a whole run of name
/// characters of a body's text, so the runs are the names <see cref="MacroBody.MaySpell"/> can find;
/// the punctuation it looks for by its characters is kept as whether some body holds them.
/// </summary>
internal sealed class BodyWords
{
    private readonly HashSet<string> _names = new(StringComparer.Ordinal);
    private bool _equals;
    private bool _question;
    private bool _arrow;

    private BodyWords()
    {
    }

    public static BodyWords Of(List<MacroBody> bodies)
    {
        var words = new BodyWords();
        foreach (var body in bodies)
        {
            words.Add(body.Text);
        }

        return words;
    }

    /// <summary>False only when no body's text can satisfy the formula (<see cref="MacroBody.MaySpell"/> fails on every body).</summary>
    public bool MaySpell(TokenFormula formula) => formula.Evaluate(this, static (words, word) => words.MayHold(word));

    private void Add(string text)
    {
        _equals |= text.Contains('=', StringComparison.Ordinal);
        _question |= text.Contains('?', StringComparison.Ordinal);
        // A line splice between "-" and ">" is one arrow too (as MacroBody.MaySpell finds it).
        _arrow |= text.Contains("->", StringComparison.Ordinal)
            || (text.Contains('\\', StringComparison.Ordinal) && text.Contains('-', StringComparison.Ordinal) && text.Contains('>', StringComparison.Ordinal));
        var span = text.AsSpan();
        int i = 0;
        while (i < span.Length)
        {
            if (!MacroBody.IsNameChar(span[i]))
            {
                i++;
                continue;
            }

            int start = i;
            while (i < span.Length && MacroBody.IsNameChar(span[i]))
            {
                i++;
            }

            var lookup = _names.GetAlternateLookup<ReadOnlySpan<char>>();
            if (!lookup.Contains(span[start..i]))
            {
                lookup.Add(span[start..i]);
            }
        }
    }

    private bool MayHold(string word)
    {
        switch (FunctionTokens.KindOf(word))
        {
            case SyntaxKind.EqualsToken:
                return _equals;
            case SyntaxKind.QuestionToken:
                return _question;
            case SyntaxKind.ArrowToken:
                return _arrow;
        }

        foreach (char c in word)
        {
            if (!MacroBody.IsNameChar(c))
            {
                return true; // not a whole name: left to the test of each body
            }
        }

        return word.Length == 0 || _names.Contains(word);
    }
}
