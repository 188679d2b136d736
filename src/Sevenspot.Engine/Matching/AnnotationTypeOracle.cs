using Sevenspot.C;
using Sevenspot.C.Semantics;

namespace Sevenspot.Engine;

/// <summary>Expression types from the C type annotation, for typed metavariables and isomorphisms.</summary>
public sealed class AnnotationTypeOracle : ITypeOracle
{
    private readonly TypeAnnotation _annotation;

    public AnnotationTypeOracle(TypeAnnotation annotation)
    {
        _annotation = annotation;
    }

    public static ITypeOracle For(SyntaxTree tree, TypeEnvironment? environment = null) =>
        new AnnotationTypeOracle(environment is null ? TypeAnnotator.Annotate(tree) : environment.Annotate(tree));

    /// <summary>The types of a #define body of the annotated file, parsed as a tree of its own (see <see cref="TypeAnnotation.ForMacroBody"/>).</summary>
    public ITypeOracle ForMacroBody(SyntaxTree body, int definePosition) => new AnnotationTypeOracle(_annotation.ForMacroBody(body, definePosition));

    public string? TypeOf(SyntaxNode expression)
    {
        var type = TypeOfNode(expression);
        return type is null || type.IsUnknown ? null : type.ToString();
    }

    // A declared name ("T x = E" matched as the assignment "x = E") has the type its declaration gives it.
    private CType? TypeOfNode(SyntaxNode node) =>
        node.Kind == SyntaxKind.IdentifierDeclarator ? _annotation.GetDeclaredType(node) : _annotation.GetType(node);

    public SymbolKind SymbolKindOf(SyntaxNode identifierName) => _annotation.GetSymbolKind(identifierName);

    public int DeclarationOf(SyntaxNode identifierName) => _annotation.GetDeclarationOf(identifierName);

    public string? ResolvedTypeOf(SyntaxNode expression)
    {
        var type = TypeOfNode(expression);
        return type is null || type.IsUnknown ? null : type.Canonical().ToString();
    }
}
