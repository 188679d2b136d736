using Sevenspot.C;

namespace Sevenspot.Engine;

/// <summary>
/// Removing some declarators of a declaration that declares several. A rule that removes a whole
/// declaration ("- T x;") matches each declarator of "int a, x;" alone, and removes the type and
/// the semicolon with it; when other declarators stay, the type and the semicolon stay for them,
/// and the removed declarators take a comma each along, as spatch does ("int a, x;" becomes "int a;").
/// </summary>
public sealed partial class Transformer
{
    /// <summary>
    /// A declaration whose type and declarators a rule removes goes whole: "- int x;" on
    /// "static int x;" removes the storage class, qualifiers and attributes the pattern did not name,
    /// as spatch does; so does a declarer's ("- DEFINE_MUTEX(m);" on "static __maybe_unused DEFINE_MUTEX(a);",
    /// its attributes after the arguments too). When code replaces it ("- int x; + long x;"), they stay for that code.
    /// </summary>
    private void RemoveLeftoverSpecifiers()
    {
        foreach (var node in _code.Root.DescendantNodesAndSelf())
        {
            SyntaxNode specifiers;
            SyntaxNode? trailingAttributes = null;
            SyntaxToken? end;
            if (node.Kind == SyntaxKind.Declaration)
            {
                var declaration = node.AsDeclaration();
                (specifiers, end) = (declaration.SpecifierList, declaration.Semicolon);
            }
            else if (node.Kind == SyntaxKind.MacroDeclaration)
            {
                var declarer = node.AsMacroDeclaration();
                (specifiers, trailingAttributes, end) = (declarer.SpecifierList, declarer.AttributeList, declarer.Semicolon);
            }
            else
            {
                continue;
            }

            if (end is not { } semicolon || !_deleted[semicolon.Index])
            {
                continue;
            }

            bool leftover = false, whole = true;
            for (int t = node.FirstTokenIndex; t <= node.LastTokenIndex && whole; t++)
            {
                if (_inPlace.ContainsKey(t))
                {
                    whole = false;
                }
                else if (!_deleted[t])
                {
                    leftover = true;
                    whole = IsLeftoverSpecifier(specifiers, t) || IsWithin(trailingAttributes, t);
                }
            }

            if (!leftover || !whole)
            {
                continue;
            }

            for (int t = node.FirstTokenIndex; t <= node.LastTokenIndex; t++)
            {
                Delete(t, semicolon.Index);
            }
        }
    }

    private static bool IsWithin(SyntaxNode? node, int token) => node is { ChildCount: > 0 } n && token >= n.FirstTokenIndex && token <= n.LastTokenIndex;

    /// <summary>Whether a token is a storage class, qualifier or attribute among the declaration's specifiers.</summary>
    private bool IsLeftoverSpecifier(SyntaxNode specifiers, int token)
    {
        if (token < specifiers.FirstTokenIndex || token > specifiers.LastTokenIndex)
        {
            return false;
        }

        foreach (var child in specifiers.Children)
        {
            if (child.IsToken)
            {
                var kind = child.AsToken().Kind;
                if (child.AsToken().Index == token)
                {
                    return SyntaxFacts.IsNonTypeSpecifierKeyword(kind);
                }
            }
            else if (token >= child.AsNode().FirstTokenIndex && token <= child.AsNode().LastTokenIndex)
            {
                return child.Kind is SyntaxKind.AttributeMacro or SyntaxKind.AttributeSpecifier;
            }
        }

        return false;
    }

    private void SplitDeclarations()
    {
        foreach (var node in _code.Root.DescendantNodesAndSelf())
        {
            if (node.Kind != SyntaxKind.Declaration)
            {
                continue;
            }

            var declaration = node.AsDeclaration();
            if (declaration.Semicolon is not { } semicolon || !_deleted[semicolon.Index])
            {
                continue;
            }

            var declarators = new List<SyntaxNode>();
            var commas = new List<SyntaxToken>();
            foreach (var child in declaration.DeclaratorList.Children)
            {
                if (child.IsToken)
                {
                    commas.Add(child.AsToken());
                }
                else
                {
                    declarators.Add(child.AsNode());
                }
            }

            if (declarators.Count < 2 || commas.Count != declarators.Count - 1)
            {
                continue;
            }

            var removed = new bool[declarators.Count];
            bool anyKept = false;
            for (int i = 0; i < declarators.Count; i++)
            {
                removed[i] = Declarators.DeclaredIdentifier(declarators[i]) is { } name && _deleted[name.Index];
                anyKept |= !removed[i];
            }

            if (!anyKept)
            {
                foreach (var comma in commas)
                {
                    Delete(comma.Index, semicolon.Index);
                }

                SeparateLines(node.FirstTokenIndex, node.LastTokenIndex);
                continue;
            }

            // The type and the semicolon stay for the declarators that stay. Code added in place of the
            // removed declaration goes on lines of its own around what stays: before the declaration
            // when it replaced the type, after it when it replaced the semicolon.
            for (int t = node.FirstTokenIndex; t <= node.LastTokenIndex; t++)
            {
                if (t < declaration.DeclaratorList.FirstTokenIndex || t == semicolon.Index)
                {
                    _deleted[t] = false;
                    if (_inPlace.Remove(t, out var replaced))
                    {
                        MoveToOwnLines(replaced, t == semicolon.Index ? _after : _before, t == semicolon.Index ? t : node.FirstTokenIndex, before: t != semicolon.Index);
                    }
                }
            }

            // Each kept declarator but the first keeps the comma just before it; the other commas go.
            bool seenKept = false;
            for (int i = 0; i < declarators.Count; i++)
            {
                if (removed[i])
                {
                    for (int t = declarators[i].FirstTokenIndex; t <= declarators[i].LastTokenIndex; t++)
                    {
                        Delete(t, semicolon.Index);
                    }
                }

                if (i > 0 && (removed[i] || !seenKept))
                {
                    Delete(commas[i - 1].Index, semicolon.Index);
                }

                seenKept |= !removed[i];
            }
        }
    }

    /// <summary>
    /// Code added in place of each declarator of a removed declaration ("int a, b;" against
    /// "- int x; ++ char x;") comes out one addition a line, as spatch prints it.
    /// </summary>
    private void SeparateLines(int first, int last)
    {
        for (int t = first; t <= last; t++)
        {
            if (!_inPlace.TryGetValue(t, out var list) || list.Count < 2)
            {
                continue;
            }

            for (int i = 1; i < list.Count; i++)
            {
                var pieces = new List<Piece>(list[i].Pieces.Count + 1) { Piece.AddedNewline() };
                pieces.AddRange(list[i].Pieces);
                list[i] = list[i] with { Pieces = pieces };
            }
        }
    }

    private static void MoveToOwnLines(List<Addition> additions, Dictionary<int, List<Addition>> table, int token, bool before)
    {
        if (!table.TryGetValue(token, out var list))
        {
            table[token] = list = [];
        }

        foreach (var a in additions)
        {
            var pieces = new List<Piece>(a.Pieces.Count + 1);
            if (!before)
            {
                pieces.Add(Piece.AddedNewline());
            }

            pieces.AddRange(a.Pieces);
            if (before)
            {
                pieces.Add(Piece.AddedNewline());
            }

            list.Add(a with { Pieces = pieces });
        }
    }

    private void Delete(int token, int like)
    {
        if (!_deleted[token])
        {
            _deleted[token] = true;
            _deletedBy[token] = _deletedBy[like];
            _deletedAdjacency[token] = _deletedAdjacency[like];
        }
    }
}
