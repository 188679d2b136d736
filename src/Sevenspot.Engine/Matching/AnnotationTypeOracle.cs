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

    public string? TypeOf(SyntaxNode expression)
    {
        var type = _annotation.GetType(expression);
        return type is null || type.IsUnknown ? null : type.ToString();
    }

    public SymbolKind SymbolKindOf(SyntaxNode identifierName) => _annotation.GetSymbolKind(identifierName);

    public string? ResolvedTypeOf(SyntaxNode expression)
    {
        var type = _annotation.GetType(expression);
        return type is null || type.IsUnknown ? null : type.Canonical().ToString();
    }
}
