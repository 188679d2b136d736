using Sevenspot.C;

namespace Sevenspot.Checks;

/// <summary>
/// A data item annotated with Clang's context analysis (Linux 7.0): a struct member or a global
/// declared <c>__guarded_by(&amp;lock)</c> may be accessed only with <c>lock</c> held;
/// <c>__pt_guarded_by(&amp;lock)</c> guards what the pointer points to, not the pointer.
/// </summary>
/// <param name="Struct">The struct tag of a member; null for a global.</param>
/// <param name="Name">The member's or global's name.</param>
/// <param name="Lock">The guarding lock's name: a member of the same struct when <paramref name="LockIsMember"/>, else a global.</param>
/// <param name="LockIsMember">Whether the lock is a sibling member, so each object has its own (<c>&amp;c-&gt;lock</c> for <c>c-&gt;value</c>).</param>
/// <param name="PointeeOnly">Whether only the pointed-to data is guarded (<c>__pt_guarded_by</c>).</param>
/// <param name="Annotation">The annotation, for messages and related locations.</param>
public sealed record GuardedItem(string? Struct, string Name, string Lock, bool LockIsMember, bool PointeeOnly, SyntaxNode Annotation)
{
    /// <summary>The annotation as written, <c>__guarded_by(&amp;lock)</c>.</summary>
    public string AnnotationText => SyntaxHelpers.Text(Annotation);
}

/// <summary>
/// The <c>__guarded_by</c> and <c>__pt_guarded_by</c> annotations of one file: struct members
/// of the structs the file defines (by tag and member name) and globals the file defines. An
/// annotation whose lock is not one plain name (<c>&amp;lock</c>, <c>&amp;global_lock</c>) — several
/// locks, a lock reached through another pointer — is not read: its lock cannot be keyed.
/// </summary>
public sealed class GuardedFieldAnnotations
{
    private readonly Dictionary<(string Struct, string Member), GuardedItem> _members = [];
    private readonly Dictionary<string, GuardedItem> _globals = new(StringComparer.Ordinal);
    private readonly HashSet<string> _names = new(StringComparer.Ordinal);

    private GuardedFieldAnnotations()
    {
    }

    public bool IsEmpty => _names.Count == 0;

    /// <summary>Whether some annotated member or global has this name (a quick test before types are asked).</summary>
    public bool MayGuard(string name) => _names.Contains(name);

    public GuardedItem? Member(string structTag, string member) => _members.TryGetValue((structTag, member), out var item) ? item : null;

    public GuardedItem? Global(string name) => _globals.TryGetValue(name, out var item) ? item : null;

    public static GuardedFieldAnnotations Of(FileContext file) => file.GetShared(f => Collect(f.Tree));

    public static GuardedFieldAnnotations Collect(SyntaxTree tree)
    {
        var result = new GuardedFieldAnnotations();
        foreach (var node in tree.Root.DescendantNodesAndSelf())
        {
            if (node.Kind != SyntaxKind.AttributeMacro)
            {
                continue;
            }

            var attribute = node.AsAttributeMacro();
            string word = attribute.Name.Text;
            if (word is not ("__guarded_by" or "__pt_guarded_by") || attribute.TokenList is not { } tokens
                || LockName(tokens) is not { } lockName
                || node.FirstAncestorOrSelf(SyntaxKind.InitDeclarator) is not { } declarator
                || Declarators.DeclaredName(declarator.AsInitDeclarator().Declarator, throughFunctions: false) is not { } name)
            {
                continue;
            }

            bool pointee = word == "__pt_guarded_by";
            var owner = declarator.Parent?.Parent;
            var container = owner?.Parent?.Parent;
            if (owner is { Kind: SyntaxKind.Declaration } && container is { Kind: SyntaxKind.StructSpecifier } structNode)
            {
                var specifier = structNode.AsStructSpecifier();
                if (specifier.Name is not { } tag)
                {
                    continue; // an anonymous struct: its members are reached through a typedef the types do not name by tag
                }

                bool isMember = MemberNames(structNode).Contains(lockName);
                result._members[(tag.Text, name)] = new GuardedItem(tag.Text, name, lockName, isMember, pointee, node);
                result._names.Add(name);
            }
            else if (owner is { Kind: SyntaxKind.Declaration } declaration && declaration.Parent?.Parent is { Kind: SyntaxKind.CompilationUnit })
            {
                result._globals[name] = new GuardedItem(null, name, lockName, false, pointee, node);
                result._names.Add(name);
            }
        }

        return result;
    }

    /// <summary>The lock of <c>(&amp;lock)</c> or <c>(lock)</c>: one name, or null for anything else.</summary>
    private static string? LockName(SyntaxNode tokens)
    {
        string? name = null;
        int count = 0;
        foreach (var token in tokens.DescendantTokens())
        {
            count++;
            if (count == 1 && token.Kind == SyntaxKind.AmpersandToken)
            {
                continue;
            }

            if (name is not null || token.Kind != SyntaxKind.IdentifierToken)
            {
                return null;
            }

            name = token.Text;
        }

        return name;
    }

    private static HashSet<string> MemberNames(SyntaxNode structNode)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        if (structNode.AsStructSpecifier().MemberList is not { } members)
        {
            return names;
        }

        foreach (var member in members.ChildNodes())
        {
            if (member.Kind != SyntaxKind.Declaration)
            {
                continue;
            }

            foreach (var declarator in member.AsDeclaration().DeclaratorList.ChildNodes())
            {
                if (declarator.Kind == SyntaxKind.InitDeclarator && Declarators.DeclaredName(declarator.AsInitDeclarator().Declarator, throughFunctions: false) is { } n)
                {
                    names.Add(n);
                }
            }
        }

        return names;
    }
}
