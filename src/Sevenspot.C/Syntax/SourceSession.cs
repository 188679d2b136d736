using Sevenspot.C.Flow;
using Sevenspot.C.Semantics;

namespace Sevenspot.C;

/// <summary>
/// One parsed version of a file as every reader of it shares it: the tree, its function
/// definitions, one <see cref="ControlFlowView"/> per function and the type annotation, each made
/// on first use and then kept (a view until <see cref="Release"/>). The rule engine's file session
/// and the checks' file context are both built on it, so a function's graph and the file's types
/// are computed once, whoever asks first. A changed file is a new tree and a new session. Not thread-safe: one file, one worker.
/// </summary>
public sealed class SourceSession
{
    private Dictionary<int, ControlFlowView>? _views; // made on first use: most #define bodies' sessions graph nothing
    private List<SyntaxNode>? _functions;
    private TypeAnnotation? _types;

    public SourceSession(SyntaxTree tree)
    {
        ArgumentNullException.ThrowIfNull(tree);
        Tree = tree;
    }

    public SyntaxTree Tree { get; }

    /// <summary>The function definitions at file level, in file order (those with parse errors included).</summary>
    public IReadOnlyList<SyntaxNode> Functions
    {
        get
        {
            if (_functions is null)
            {
                _functions = [];
                foreach (var item in Tree.Root.AsCompilationUnit().ItemList.ChildNodes())
                {
                    if (item.Kind == SyntaxKind.FunctionDefinition)
                    {
                        _functions.Add(item);
                    }
                }
            }

            return _functions;
        }
    }

    /// <summary>
    /// The type annotation of the file (no headers), the one typed metavariables and the checks'
    /// lock classes read. Built on first use; its pass runs on its first query.
    /// </summary>
    public TypeAnnotation Types => _types ??= TypeAnnotator.Annotate(Tree);

    /// <summary>The control-flow view of one of the tree's function definitions, built once.</summary>
    public ControlFlowView FlowView(SyntaxNode function)
    {
        if (!ReferenceEquals(function.Tree, Tree) || function.Kind != SyntaxKind.FunctionDefinition)
        {
            throw new ArgumentException("Not a function definition of this session's tree.", nameof(function));
        }

        _views ??= [];
        if (!_views.TryGetValue(function.Index, out var view))
        {
            view = ControlFlowView.Build(function);
            _views.Add(function.Index, view);
        }

        return view;
    }

    /// <summary>
    /// Forgets the control-flow view of a function once its readers are done with it (the rule engine,
    /// when no rule left checks the function); a later <see cref="FlowView"/> builds it again.
    /// </summary>
    public void Release(SyntaxNode function) => _views?.Remove(function.Index);
}
