using Sevenspot.C;
using Sevenspot.Text;

namespace Sevenspot.Smpl;

/// <summary>
/// spatch's hint on a rule's matched code (context, - and * lines): a plain name where a variable
/// is read or declared ("x = no_llseek", "int ret = 0;", "goto out;", a parameter's name, a
/// "when != flag") may be a metavariable the rule forgot to declare, and spatch says
/// "should NAME be a metavariable?". Names it does not question: a called function's name, a
/// field, a structure, enum or macro name, a case label, a type, a name of two or more capitals
/// (taken as a configuration constant such as NULL or GFP_KERNEL), a metavariable or symbol of
/// the rule, and a name an earlier rule declared as a metavariable: of that one, wherever it stands
/// as an identifier in the matched code (a called function and a field too), spatch warns that it
/// is used as an identifier here, not as the earlier rule's metavariable. Added code is not checked.
/// </summary>
public static class UndeclaredNames
{
    /// <summary>
    /// The hints on the code rules named in <paramref name="checkedRules"/> (spatch gives none on a
    /// rule that cannot run with the virtual rules given, such as one that depends on report in
    /// patch mode), in rule and then text order.
    /// </summary>
    public static List<Diagnostic> Check(SmplFile patch, IReadOnlySet<string> checkedRules)
    {
        var warnings = new List<Diagnostic>();
        var earlier = new HashSet<string>(StringComparer.Ordinal);
        var earlierMetavariables = new HashSet<string>(StringComparer.Ordinal);
        foreach (var rule in patch.Rules)
        {
            if (rule is not CodeRule code)
            {
                continue;
            }

            if (checkedRules.Contains(code.Name))
            {
                Check(code, patch.SourceOf(code), earlier, earlierMetavariables, warnings);
            }

            foreach (var m in code.Metavariables)
            {
                earlier.Add(m.Name);
                if (m.Kind is not (MetavariableKind.Symbol or MetavariableKind.Typedef or MetavariableKind.DeclarerName
                    or MetavariableKind.IteratorName or MetavariableKind.AttributeName))
                {
                    earlierMetavariables.Add(m.Name);
                }
            }
        }

        return warnings;
    }

    private static void Check(CodeRule rule, SourceText file, HashSet<string> earlierNames, HashSet<string> earlierMetavariables, List<Diagnostic> warnings)
    {
        var minus = rule.Body.Minus;
        HashSet<string>? declared = null;
        for (int i = 0; i < minus.TokenCount; i++)
        {
            var token = minus.GetToken(i);
            if (token.Kind != SyntaxKind.IdentifierToken)
            {
                continue;
            }

            string name = token.Text;
            bool earlier = earlierMetavariables.Contains(name) && IsIdentifierPlace(token);
            if (!earlier && (!IsVariablePlace(token) || LooksLikeConstant(name) || earlierNames.Contains(name)))
            {
                continue;
            }

            if (declared is null)
            {
                declared = new HashSet<string>(StringComparer.Ordinal);
                foreach (var m in rule.Metavariables)
                {
                    declared.Add(m.Name);
                }
            }

            if (!declared.Contains(name))
            {
                warnings.Add(new Diagnostic(earlier ? DiagnosticId.SmplEarlierMetavariableAsIdentifier : DiagnosticId.SmplNameShouldBeMetavariable, file, token.Span, name));
            }
        }
    }

    /// <summary>Whether the name stands as an identifier (a variable, a function, a field, a label), not as a type or a tag.</summary>
    private static bool IsIdentifierPlace(SyntaxToken token) =>
        token.Parent is { } node && node.Kind is not (SyntaxKind.TypedefName or SyntaxKind.StructSpecifier or SyntaxKind.EnumSpecifier
            or SyntaxKind.TypeMacro or SyntaxKind.AttributeMacro or SyntaxKind.AttributeSpecifier or SyntaxKind.MacroDeclaration);

    // Longer than two characters and without lower-case letters: spatch's test for a constant.
    private static bool LooksLikeConstant(string name)
    {
        if (name.Length <= 2)
        {
            return false;
        }

        foreach (char c in name)
        {
            if (char.IsAsciiLetterLower(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether the name is where a variable is read, assigned, declared, or a label.</summary>
    private static bool IsVariablePlace(SyntaxToken token)
    {
        var parent = token.Parent;
        if (parent is not { } node)
        {
            return false;
        }

        switch (node.Kind)
        {
            case SyntaxKind.IdentifierName:
                {
                    // The names of a disjunction are in the disjunction's place (a disjunction of called functions).
                    var term = node;
                    var user = node.Parent;
                    while (user is { } u && (u.Kind is SyntaxKind.Disjunction or SyntaxKind.Conjunction
                        || u.Kind is SyntaxKind.List or SyntaxKind.SeparatedList && u.Parent is { Kind: SyntaxKind.Disjunction or SyntaxKind.Conjunction }))
                    {
                        term = u;
                        user = u.Parent;
                    }

                    // A called function's name, a case label, a structure or enum name and a field ("p->\(a\|b\)") are not variables.
                    return user is not { } place
                        || !(place.Kind == SyntaxKind.CallExpression && place.GetNodeSlot(0) is { } callee && callee.Span == term.Span)
                        && !(place.Kind == SyntaxKind.MemberAccess && term.Kind == SyntaxKind.Disjunction)
                        && place.Kind is not (SyntaxKind.CaseStatement or SyntaxKind.StructSpecifier or SyntaxKind.EnumSpecifier);
                }
            case SyntaxKind.LabeledStatement:
                return true;
            case SyntaxKind.IdentifierDeclarator:
                return IsVariableDeclarator(node);
            default:
                return false;
        }
    }

    // A declarator names a variable or a parameter, not a function nor a structure's field.
    private static bool IsVariableDeclarator(SyntaxNode declarator)
    {
        var outer = declarator.Parent;
        while (outer is { } o && o.Kind is SyntaxKind.PointerDeclarator or SyntaxKind.ArrayDeclarator or SyntaxKind.ParenthesizedDeclarator
            or SyntaxKind.FunctionDeclarator)
        {
            if (o.Kind == SyntaxKind.FunctionDeclarator)
            {
                // The function's own name (its parameters have declarations of their own).
                return false;
            }

            outer = o.Parent;
        }

        if (outer is not { } owner)
        {
            return false;
        }

        if (owner.Kind == SyntaxKind.ParameterDeclaration)
        {
            return true;
        }

        // A declaration in a structure's body declares fields.
        return owner.Kind == SyntaxKind.InitDeclarator
            && owner.Parent?.Parent is { Kind: SyntaxKind.Declaration } declaration
            && declaration.Parent?.Parent is not { Kind: SyntaxKind.StructSpecifier };
    }
}
