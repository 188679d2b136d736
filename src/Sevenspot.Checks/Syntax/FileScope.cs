using Sevenspot.C;

namespace Sevenspot.Checks;

/// <summary>
/// Which names a file declares at file scope and which of them are static (another file's object
/// of the same name is a different one), and which struct tags it defines: what lock classes need
/// to tell one program's objects and types from another's. Types themselves come from the file's
/// type annotation (<see cref="FunctionTypes"/>).
/// </summary>
public sealed class FileScope
{
    private readonly HashSet<string> _globalNames = new(StringComparer.Ordinal);
    private readonly HashSet<string> _staticNames = new(StringComparer.Ordinal);
    private readonly HashSet<string> _definedTags = new(StringComparer.Ordinal);

    public static FileScope Collect(SyntaxTree tree)
    {
        var scope = new FileScope();
        foreach (var node in tree.Root.DescendantNodesAndSelf())
        {
            switch (node.Kind)
            {
                case SyntaxKind.StructSpecifier:
                    var specifier = node.AsStructSpecifier();
                    if (specifier.Name is { } tag && specifier.MemberList is not null)
                    {
                        scope._definedTags.Add(tag.Text);
                    }

                    break;
                case SyntaxKind.Declaration when node.Parent is { Kind: SyntaxKind.List } list && list.Parent is { Kind: SyntaxKind.CompilationUnit }:
                    var declaration = node.AsDeclaration();
                    foreach (var declarator in declaration.DeclaratorList.ChildNodes())
                    {
                        if (declarator.Kind == SyntaxKind.InitDeclarator && Declarators.DeclaredName(declarator.AsInitDeclarator().Declarator, throughFunctions: false) is { } name)
                        {
                            scope.Add(name, declaration.SpecifierList);
                        }
                    }

                    break;
                case SyntaxKind.MacroDeclaration:
                    // DEFINE_SPINLOCK(name), DEFINE_MUTEX(name), LIST_HEAD(name): the first argument is a file-scope object.
                    var macro = node.AsMacroDeclaration();
                    // SyntaxNode is a struct: an empty list gives no first node, not a default handle.
                    if (macro.ArgumentList is { } arguments && arguments.ChildNodes().Take(1).ToList() is [{ Kind: SyntaxKind.IdentifierName } first])
                    {
                        scope.Add(first.AsIdentifierName().Identifier.Text, macro.SpecifierList);
                    }

                    break;
            }
        }

        return scope;
    }

    /// <summary>Whether the file declares the name at file scope (a variable or a DEFINE_* object).</summary>
    public bool IsFileScope(string name) => _globalNames.Contains(name);

    /// <summary>Whether the name is a static file-scope object: another file's object of the same name is a different one.</summary>
    public bool IsFileStatic(string name) => _staticNames.Contains(name);

    /// <summary>Whether the file defines the struct (with its members), not only names it.</summary>
    public bool DefinesStruct(string tag) => _definedTags.Contains(tag);

    private void Add(string name, SyntaxNode specifiers)
    {
        _globalNames.Add(name);
        foreach (var token in specifiers.DescendantTokens())
        {
            if (token.Kind == SyntaxKind.StaticKeyword)
            {
                _staticNames.Add(name);
                return;
            }
        }
    }
}
