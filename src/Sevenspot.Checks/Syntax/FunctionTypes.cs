using Sevenspot.C;
using Sevenspot.C.Semantics;

namespace Sevenspot.Checks;

/// <summary>The struct a name's declared type refers to (struct dev * → "dev"), and whether it is a pointer.</summary>
public readonly record struct StructType(string Tag, bool IsPointer);

/// <summary>
/// The struct types of a function's expressions, read from the file's type annotation (the C
/// layer's, the one the rule engine uses): typedefs resolved, members of the structs the file
/// defines, casts, calls of declared functions, array elements. A type the file cannot tell
/// (a struct only a header defines, a macro's result) is unknown. Which names are the
/// function's own parameters and locals is kept by name, for lock keys that are only text.
/// </summary>
public sealed class FunctionTypes
{
    private static readonly StructType s_current = new("task_struct", true);

    private readonly TypeAnnotation _annotation;
    private readonly HashSet<string> _locals = new(StringComparer.Ordinal);

    private FunctionTypes(TypeAnnotation annotation)
    {
        _annotation = annotation;
    }

    /// <summary>The types seen in a function definition of the file.</summary>
    public static FunctionTypes ForFunction(FileContext file, SyntaxNode function)
    {
        var types = new FunctionTypes(file.Types);
        var definition = function.AsFunctionDefinition();
        foreach (var node in definition.Declarator.DescendantNodesAndSelf())
        {
            if (node.Kind == SyntaxKind.ParameterDeclaration)
            {
                types.AddLocal(node.AsParameterDeclaration().Declarator);
            }
        }

        foreach (var node in definition.Body.DescendantNodesAndSelf())
        {
            if (node.Kind == SyntaxKind.Declaration)
            {
                foreach (var declarator in node.AsDeclaration().DeclaratorList.ChildNodes())
                {
                    if (declarator.Kind == SyntaxKind.InitDeclarator)
                    {
                        types.AddLocal(declarator.AsInitDeclarator().Declarator);
                    }
                }
            }
        }

        return types;
    }

    /// <summary>Whether the name is declared as a parameter or a local somewhere in the function (not a global).</summary>
    public bool IsLocal(string name) => _locals.Contains(name);

    /// <summary>
    /// The struct type of an expression (<c>struct d</c> or <c>struct d *</c>, typedefs resolved),
    /// or null when the annotation does not know it or it is not a struct, a union or a pointer to one.
    /// The kernel's <c>current</c>, a macro defined in headers, is a <c>struct task_struct *</c>.
    /// </summary>
    public StructType? TypeOf(SyntaxNode expression)
    {
        expression = SyntaxHelpers.StripParentheses(expression);
        var type = _annotation.GetType(expression);
        if ((type is null || type.IsUnknown) && expression.Kind == SyntaxKind.IdentifierName)
        {
            string name = expression.AsIdentifierName().Identifier.Text;
            if (name == "current")
            {
                return s_current;
            }

            // A global the file defines after this use (struct x *g; after the functions that use it)
            // is declared here in the real program, by the header's extern: the file's definition says its type.
            if (_annotation.GetSymbolKind(expression) == SymbolKind.Unknown && !IsLocal(name))
            {
                type = _annotation.GetGlobal(name);
            }
        }

        if (type is null || type.IsUnknown)
        {
            return null;
        }

        var t = type.Resolve();
        bool pointer = false;
        if (t.Kind == CTypeKind.Pointer && t.ElementType is { } pointee)
        {
            t = pointee.Resolve();
            pointer = true;
        }

        return t.Kind is CTypeKind.Struct or CTypeKind.Union && t.Name is { } tag ? new StructType(tag, pointer) : null;
    }

    private void AddLocal(SyntaxNode declarator)
    {
        if (Declarators.DeclaredName(declarator, throughFunctions: false) is { } name)
        {
            _locals.Add(name);
        }
    }
}
