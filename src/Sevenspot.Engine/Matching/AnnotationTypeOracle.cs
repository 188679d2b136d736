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

    // PERF: typed metavariables ask for the text of the same few types at every term tried; a type is
    // printed once (and resolved once) per file. Types are immutable and the annotation hands out the
    // same instance for a node; the lock is for sessions read by more than one thread.
    private readonly Dictionary<CType, string> _texts = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<CType, string> _resolvedTexts = new(ReferenceEqualityComparer.Instance);

    public string? TypeOf(SyntaxNode expression)
    {
        var type = TypeOfNode(expression);
        return type is null || type.IsUnknown ? null : TextOf(type, resolved: false);
    }

    private string TextOf(CType type, bool resolved)
    {
        var texts = resolved ? _resolvedTexts : _texts;
        lock (texts)
        {
            if (texts.TryGetValue(type, out var known))
            {
                return known;
            }
        }

        string text = resolved ? type.Canonical().ToString() : type.ToString();
        lock (texts)
        {
            texts[type] = text;
        }

        return text;
    }

    // A declared name ("T x = E" matched as the assignment "x = E") has the type its declaration gives it.
    private CType? TypeOfNode(SyntaxNode node) =>
        node.Kind == SyntaxKind.IdentifierDeclarator ? _annotation.GetDeclaredType(node) : _annotation.GetType(node);

    public SymbolKind SymbolKindOf(SyntaxNode identifierName) => _annotation.GetSymbolKind(identifierName);

    public int DeclarationOf(SyntaxNode identifierName) => _annotation.GetDeclarationOf(identifierName);

    public string? ResolvedTypeOf(SyntaxNode expression)
    {
        var type = TypeOfNode(expression);
        return type is null || type.IsUnknown ? null : TextOf(type, resolved: true);
    }
}
