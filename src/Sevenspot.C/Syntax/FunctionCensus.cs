using Sevenspot.Text;

namespace Sevenspot.C;

/// <summary>A function that did not parse cleanly: where, and the first reason.</summary>
public readonly record struct UnparsedFunction(string Name, int Line, string Reason);

/// <summary>Counts the function definitions of a tree and those that hold error nodes.</summary>
public sealed class FunctionCensus
{
    private FunctionCensus(int functions, List<UnparsedFunction> unparsed, List<UnparsedFunction> notReadBySpatch)
    {
        Functions = functions;
        Unparsed = unparsed;
        NotReadBySpatch = notReadBySpatch;
    }

    /// <summary>Function definitions, those that failed to parse included.</summary>
    public int Functions { get; }

    public IReadOnlyList<UnparsedFunction> Unparsed { get; }

    public int FunctionsWithErrors => Unparsed.Count;

    /// <summary>
    /// Functions that parsed but that spatch does not read (<see cref="DiagnosticId.FunctionNotReadBySpatch"/>):
    /// the checks analyse them, the rule engine does not match in them.
    /// </summary>
    public IReadOnlyList<UnparsedFunction> NotReadBySpatch { get; }

    public static FunctionCensus Take(SyntaxTree tree)
    {
        int functions = 0;
        var unparsed = new List<UnparsedFunction>();
        var diagnostics = tree.Diagnostics;
        foreach (var item in tree.Root.AsCompilationUnit().ItemList.ChildNodes())
        {
            if (item.Kind == SyntaxKind.FunctionDefinition)
            {
                functions++;
                if (item.ContainsErrors)
                {
                    var d = FirstDiagnosticIn(diagnostics, item.FullSpan);
                    unparsed.Add(new UnparsedFunction(NameOf(item), d?.Position.Line ?? item.Position.Line, d?.Message ?? "error in function"));
                }
            }
            else if (item.Kind == SyntaxKind.ErrorNode)
            {
                // Its own diagnostic, not a lexer one listed before it (an "08" in the body given up).
                var d = FirstDiagnosticIn(diagnostics, item.FullSpan, DiagnosticId.UnparsableFunction);
                if (d is not null && d.Span.Start < item.FullSpan.End)
                {
                    functions++;
                    unparsed.Add(new UnparsedFunction("?", d.Position.Line, d.Message));
                }
            }
        }

        var notRead = new List<UnparsedFunction>();
        foreach (var function in NotReadBySpatchIn(tree))
        {
            notRead.Add(new UnparsedFunction(NameOf(function), function.Position.Line, FirstDiagnosticIn(diagnostics, function.FullSpan, DiagnosticId.FunctionNotReadBySpatch)!.Message));
        }

        return new FunctionCensus(functions, unparsed, notRead);
    }

    /// <summary>The file-level function definitions the parser marked as functions spatch does not read, in file order.</summary>
    public static List<SyntaxNode> NotReadBySpatchIn(SyntaxTree tree)
    {
        var found = new List<SyntaxNode>();
        var diagnostics = tree.Diagnostics;
        bool any = false;
        foreach (var d in diagnostics)
        {
            any |= d.Id == DiagnosticId.FunctionNotReadBySpatch;
        }

        if (!any)
        {
            return found;
        }

        foreach (var item in tree.Root.AsCompilationUnit().ItemList.ChildNodes())
        {
            if (item.Kind == SyntaxKind.FunctionDefinition && FirstDiagnosticIn(diagnostics, item.FullSpan, DiagnosticId.FunctionNotReadBySpatch) is not null)
            {
                found.Add(item);
            }
        }

        return found;
    }

    private static Diagnostic? FirstDiagnosticIn(IReadOnlyList<Diagnostic> diagnostics, TextSpan span, DiagnosticId? id = null)
    {
        foreach (var d in diagnostics)
        {
            if (d.Span.Start >= span.Start && d.Span.Start <= span.End && (id is null ? d.Id != DiagnosticId.FunctionNotReadBySpatch : d.Id == id))
            {
                return d;
            }
        }

        return null;
    }

    /// <summary>The declared name of a function definition, or "?" when it has none.</summary>
    public static string NameOf(SyntaxNode function)
    {
        SyntaxNode? d = function.AsFunctionDefinition().Declarator;
        while (d is { } node)
        {
            switch (node.Kind)
            {
                case SyntaxKind.IdentifierDeclarator:
                    return NameText(node.AsIdentifierDeclarator().Identifier);
                case SyntaxKind.MacroDeclarator:
                    return NameText(node.AsMacroDeclarator().Name);
                case SyntaxKind.PointerDeclarator:
                    d = node.AsPointerDeclarator().Declarator;
                    break;
                case SyntaxKind.FunctionDeclarator:
                    d = node.AsFunctionDeclarator().Declarator;
                    break;
                case SyntaxKind.ParenthesizedDeclarator:
                    d = node.AsParenthesizedDeclarator().Declarator;
                    break;
                case SyntaxKind.ArrayDeclarator:
                    d = node.AsArrayDeclarator().Declarator;
                    break;
                default:
                    return "?";
            }
        }

        return "?";
    }

    /// <summary>
    /// The text of a name, as the file's name table keeps it. PERF: every position bound in a function
    /// names the function; the table makes the string once per file, not once per position.
    /// </summary>
    private static string NameText(SyntaxToken name)
    {
        int id = name.NameId;
        var names = name.Tree.Names;

        // A name spelled across a line splice is interned without it: its own text then.
        return id > 0 && names.GetBytes(id).Length == name.Span.Length ? names.GetString(id) : name.Text;
    }
}
