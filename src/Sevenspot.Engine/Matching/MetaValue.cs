using System.Text;
using Sevenspot.C;
using Sevenspot.Text;

namespace Sevenspot.Engine;

/// <summary>
/// What a metavariable is bound to. Values compare structurally: the token texts of the code,
/// without whitespace or comments ("(a[i])" differs from "a[i]", "foo(g(), g())" binds E twice to
/// equal values), as spatch compares bound values.
/// </summary>
public abstract class MetaValue : IEquatable<MetaValue>
{
    private string? _key;
    private int _hash;

    /// <summary>The canonical form used for equality: token texts joined by single spaces.</summary>
    public string Key => _key ??= ComputeKey();

    protected abstract string ComputeKey();

    /// <summary>The text to print for this value in added code.</summary>
    public abstract string Text { get; }

    public bool Equals(MetaValue? other)
    {
        if (other is null)
        {
            return false;
        }

        if (ReferenceEquals(this, other))
        {
            return true;
        }

        // PERF: an inherited expression is compared with every term of a node; comparing the tokens
        // in place spares building two strings per comparison.
        if (this is CodeValue code && other is CodeValue otherCode)
        {
            return ((_key is null || other._key is null) ? code.SameTokens(otherCode) : Key == other.Key) && code.SameVariables(otherCode);
        }

        if (GetType() == other.GetType())
        {
            return SameKeyAs(other);
        }

        return (this is ScriptTextValue || other is ScriptTextValue) && Key == other.Key;
    }

    /// <summary>
    /// Whether a value of the same type has the same key; overridden where the fields decide it
    /// without building the two keys.
    /// </summary>
    protected virtual bool SameKeyAs(MetaValue other) => Key == other.Key;

    public override bool Equals(object? obj) => obj is MetaValue v && Equals(v);

    /// <summary>
    /// A hash of <see cref="Key"/>, cached. Code values compute it from their tokens without building the
    /// key: a bound statement can span a whole function, and values are hashed whenever an environment or
    /// a model-checker binding is interned.
    /// </summary>
    public override int GetHashCode()
    {
        int hash = _hash;
        if (hash == 0)
        {
            hash = ComputeHash() | 1;
            _hash = hash;
        }

        return hash;
    }

    /// <summary>The hash of the key as <see cref="KeyHash"/> folds it; overridden where the key need not be built.</summary>
    protected virtual int ComputeHash() => (int)FoldKey(KeyHash.Start, Key);

    public override string ToString() => Text;

    /// <summary>Folds text into a key hash (<see cref="ComputeHash"/> without the key).</summary>
    protected static uint FoldKey(uint hash, ReadOnlySpan<char> text)
    {
        foreach (char c in text)
        {
            hash = KeyHash.Add(hash, c);
        }

        return hash;
    }

    /// <summary>Folds a number as the key writes it (invariant decimal).</summary>
    protected static uint FoldKey(uint hash, int value)
    {
        Span<char> digits = stackalloc char[11];
        value.TryFormat(digits, out int written, default, System.Globalization.CultureInfo.InvariantCulture);
        return FoldKey(hash, digits[..written]);
    }

    internal static string JoinTokens(SyntaxTree tree, int first, int last)
    {
        var sb = new StringBuilder();
        for (int i = first; i <= last; i++)
        {
            if (tree.Tokens[i].Kind == SyntaxKind.DisabledToken)
            {
                continue;
            }

            if (sb.Length > 0)
            {
                sb.Append(' ');
            }

            sb.Append(tree.Text.ToString(TextSpan.FromBounds(tree.Tokens[i].Start, tree.Tokens[i].End)));
        }

        return sb.ToString();
    }
}

/// <summary>A piece of C code: a contiguous range of tokens of a tree (an expression, statement, type...).</summary>
public sealed class CodeValue : MetaValue
{
    public CodeValue(SyntaxTree tree, int firstToken, int lastToken, SyntaxNode? node = null)
    {
        Tree = tree;
        FirstToken = firstToken;
        LastToken = lastToken;
        Node = node;
    }

    public CodeValue(SyntaxNode node)
        : this(node.Tree, node.FirstTokenIndex, node.LastTokenIndex, node)
    {
    }

    public SyntaxTree Tree { get; }

    public int FirstToken { get; }

    public int LastToken { get; }

    /// <summary>The node, when the value is exactly one node.</summary>
    public SyntaxNode? Node { get; }

    public bool IsEmpty => LastToken < FirstToken;

    public TextSpan Span => IsEmpty
        ? new TextSpan(Tree.Tokens[FirstToken].Start, 0)
        : TextSpan.FromBounds(Tree.Tokens[FirstToken].Start, Tree.Tokens[LastToken].End);

    protected override string ComputeKey()
    {
        string tokens = JoinTokens(Tree, FirstToken, LastToken);
        if (!HasDirectives)
        {
            return tokens;
        }

        // Preprocessor lines inside the code are part of it: "3 #ifdef A + 5 #endif" is not "3 + 5",
        // nor "3 #ifdef B + 5 #endif" (spatch keeps them in its tree of the code).
        var sb = new StringBuilder(tokens.Length + 32);
        var directives = Tree.Directives;
        var data = Tree.Tokens;
        for (int i = FirstToken, d = FirstDirectiveAfter(directives, FirstToken); i <= LastToken; i++)
        {
            for (; d < directives.Count && directives[d].TokenIndex == i; d++)
            {
                sb.Append(sb.Length > 0 ? " " : string.Empty).Append(Tree.Text.ToString(TextSpan.FromBounds(directives[d].Start, directives[d].End)).Trim());
            }

            if (data[i].Kind != SyntaxKind.DisabledToken)
            {
                sb.Append(sb.Length > 0 ? " " : string.Empty).Append(Tree.Text.ToString(TextSpan.FromBounds(data[i].Start, data[i].End)));
            }
        }

        return sb.ToString();
    }

    /// <summary>Whether preprocessor lines stand between the tokens of the code.</summary>
    private bool HasDirectives
    {
        get
        {
            if (IsEmpty || Tree.Directives.Count == 0)
            {
                return false;
            }

            int d = FirstDirectiveAfter(Tree.Directives, FirstToken);
            return d < Tree.Directives.Count && Tree.Directives[d].TokenIndex <= LastToken;
        }
    }

    /// <summary>The index of the first directive of the list that comes after token <paramref name="tokenIndex"/>.</summary>
    internal static int FirstDirectiveAfter(IReadOnlyList<Directive> directives, int tokenIndex)
    {
        int lo = 0, hi = directives.Count;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (directives[mid].TokenIndex <= tokenIndex)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    /// <summary>The hash of <see cref="MetaValue.Key"/> (the token texts joined by single spaces), read from the tokens.</summary>
    protected override int ComputeHash()
    {
        if (HasDirectives)
        {
            return base.ComputeHash();
        }

        var tokens = Tree.Tokens;
        var hash = KeyHash.Start;
        bool any = false;
        for (int i = FirstToken; i <= LastToken; i++)
        {
            if (tokens[i].Kind == SyntaxKind.DisabledToken)
            {
                continue;
            }

            if (any)
            {
                hash = KeyHash.Add(hash, ' ');
            }

            any = true;
            foreach (byte b in Tree.Text.Slice(TextSpan.FromBounds(tokens[i].Start, tokens[i].End)))
            {
                hash = KeyHash.Add(hash, b);
            }
        }

        return (int)hash;
    }

    /// <summary>
    /// Whether two pieces of code that spell the same tokens name the same variables: in one file,
    /// "a" in a block that declares its own a is another variable than the a outside (spatch binds
    /// code, not text: "f(a); ... g(a);" does not reach the inner g(a)). Names whose declarations
    /// are not known compare by their text.
    /// </summary>
    internal bool SameVariables(CodeValue other)
    {
        if (!ReferenceEquals(Tree, other.Tree) || FirstToken == other.FirstToken || LastToken - FirstToken != other.LastToken - other.FirstToken
            || CodeVariables.TypesOf(Tree) is not { } types)
        {
            return true;
        }

        for (int i = 0; i <= LastToken - FirstToken; i++)
        {
            var a = Tree.GetToken(FirstToken + i);
            if (a.Kind == SyntaxKind.IdentifierToken && a.Parent is { Kind: SyntaxKind.IdentifierName } first
                && Tree.GetToken(other.FirstToken + i).Parent is { Kind: SyntaxKind.IdentifierName } second
                && types.DeclarationOf(first) != types.DeclarationOf(second))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether the two pieces of code spell the same tokens, as their keys compare, without building the keys.</summary>
    internal bool SameTokens(CodeValue other)
    {
        if (HasDirectives || other.HasDirectives)
        {
            return Key == other.Key;
        }

        var tokens = Tree.Tokens;
        var otherTokens = other.Tree.Tokens;
        int i = FirstToken, j = other.FirstToken;
        while (true)
        {
            while (i <= LastToken && tokens[i].Kind == SyntaxKind.DisabledToken)
            {
                i++;
            }

            while (j <= other.LastToken && otherTokens[j].Kind == SyntaxKind.DisabledToken)
            {
                j++;
            }

            if (i > LastToken || j > other.LastToken)
            {
                return i > LastToken && j > other.LastToken;
            }

            var a = Tree.Text.Slice(TextSpan.FromBounds(tokens[i].Start, tokens[i].End));
            var b = other.Tree.Text.Slice(TextSpan.FromBounds(otherTokens[j].Start, otherTokens[j].End));
            if (!a.SequenceEqual(b))
            {
                return false;
            }

            i++;
            j++;
        }
    }

    /// <summary>The original source text of the code (comments and spacing inside kept).</summary>
    public override string Text => Tree.Text.ToString(Span);
}

/// <summary>A list of pieces of code (expression list, parameter list, statement list, field list).</summary>
public sealed class ListValue : MetaValue
{
    public ListValue(IReadOnlyList<CodeValue> items, SyntaxTree tree, int firstToken, int lastToken)
    {
        Items = items;
        Range = new CodeValue(tree, firstToken, lastToken);
    }

    public IReadOnlyList<CodeValue> Items { get; }

    /// <summary>The tokens the list covers, separators included.</summary>
    public CodeValue Range { get; }

    /// <summary>Whether the items are statements (a statement list), which are not separated by commas.</summary>
    public bool Statements { get; init; }

    protected override string ComputeKey() => Statements ? StatementsKey() : string.Join(" , ", Items.Select(i => i.Key));

    public override string Text => Range.Text;

    /// <summary>
    /// The statements' tokens separated by single spaces, as spatch renders a statement list: an empty
    /// word stands before each declaration of a block and after each control statement (if, loop,
    /// switch), so "int y ; if ( x ) f ( ) ;  return y ;" reads " int y ; if ( x ) f ( ) ;  return y ;".
    /// </summary>
    private string StatementsKey()
    {
        var before = new Dictionary<int, int>();
        var after = new Dictionary<int, int>();
        foreach (var item in Items)
        {
            if (item.Node is not { } node)
            {
                continue;
            }

            foreach (var d in node.DescendantNodesAndSelf())
            {
                if (d.Kind is SyntaxKind.Declaration && (d.Index == node.Index || d.Parent?.Parent?.Kind == SyntaxKind.CompoundStatement))
                {
                    before[d.FirstTokenIndex] = before.GetValueOrDefault(d.FirstTokenIndex) + 1;
                }
                else if (d.Kind is SyntaxKind.IfStatement or SyntaxKind.WhileStatement or SyntaxKind.ForStatement or SyntaxKind.DoStatement
                    or SyntaxKind.SwitchStatement or SyntaxKind.IteratorStatement)
                {
                    after[d.LastTokenIndex] = after.GetValueOrDefault(d.LastTokenIndex) + 1;
                }
            }
        }

        var tree = Range.Tree;
        var words = new List<string>();
        for (int i = Range.FirstToken; i <= Range.LastToken; i++)
        {
            if (tree.Tokens[i].Kind == SyntaxKind.DisabledToken)
            {
                continue;
            }

            words.AddRange(Enumerable.Repeat(string.Empty, before.GetValueOrDefault(i)));
            words.Add(tree.Text.ToString(TextSpan.FromBounds(tree.Tokens[i].Start, tree.Tokens[i].End)));
            words.AddRange(Enumerable.Repeat(string.Empty, after.GetValueOrDefault(i)));
        }

        return string.Join(' ', words);
    }
}

/// <summary>A type: the specifiers plus the pointer stars a type metavariable absorbed ("struct foo *").</summary>
public sealed class TypeValue : MetaValue
{
    public TypeValue(string text, CodeValue? specifiers)
    {
        TypeText = text;
        Specifiers = specifiers;
    }

    public string TypeText { get; }

    public CodeValue? Specifiers { get; }

    /// <summary>
    /// For an array type matched in a declaration ("int x[4]"), the brackets as written, which C puts
    /// after the declared name; null otherwise.
    /// </summary>
    public string? ArraySuffix { get; init; }

    /// <summary>The type without <see cref="ArraySuffix"/>: what goes before the declared name.</summary>
    public string? ElementText { get; init; }

    /// <summary>
    /// The type with the typedefs of the file resolved ("struct foo *" for "foo_t *"), when the type
    /// came from an expression whose declaration is known; null otherwise. Not part of the value's
    /// identity: two bindings are one type when their texts or resolved forms agree (see the matcher).
    /// </summary>
    public string? Resolved { get; init; }

    protected override string ComputeKey() => TypeText;

    public override string Text => TypeText;
}

/// <summary>A name or operator: identifiers, fresh identifiers, operators, values given with -D.</summary>
public sealed class NameValue : MetaValue
{
    public NameValue(string name, SyntaxToken? token = null)
    {
        Name = name;
        Token = token;
    }

    public string Name { get; }

    public SyntaxToken? Token { get; }

    protected override string ComputeKey() => Name;

    public override string Text => Name;
}

/// <summary>A position: where a matched token or term is (0-based columns, as spatch reports them).</summary>
public sealed class PositionValue : MetaValue
{
    public PositionValue(string file, LinePosition start, LinePosition end, string function, TextSpan span)
    {
        File = file;
        Start = start;
        End = end;
        Function = function;
        Span = span;
    }

    public string File { get; }

    public LinePosition Start { get; }

    public LinePosition End { get; }

    /// <summary>The enclosing function ("something_else" outside functions, as spatch says).</summary>
    public string Function { get; }

    public TextSpan Span { get; }

    /// <summary>Where the top-level item holding the place (the function, or a declaration outside functions) starts and ends.</summary>
    public LinePosition ElementStart { get; init; }

    public LinePosition ElementEnd { get; init; }

    // By line and column (not offset), so that a position a script made (cocci.make_position) equals the place it names.
    protected override string ComputeKey() => $"{File}:{Start.Line}:{Start.Column}:{End.Line}:{End.Column}";

    // PERF: positions are compared and hashed whenever an environment is interned; the fields decide
    // both without the key's string (the numbers after the file are four, so equal keys are equal fields).
    protected override bool SameKeyAs(MetaValue other) =>
        other is PositionValue o ? Start == o.Start && End == o.End && File == o.File : Key == other.Key;

    protected override int ComputeHash()
    {
        var hash = FoldKey(KeyHash.Start, File);
        hash = FoldKey(KeyHash.Add(hash, ':'), Start.Line);
        hash = FoldKey(KeyHash.Add(hash, ':'), Start.Column);
        hash = FoldKey(KeyHash.Add(hash, ':'), End.Line);
        hash = FoldKey(KeyHash.Add(hash, ':'), End.Column);
        return (int)hash;
    }

    public override string Text => $"{File}:{Start.Line}:{Start.Column}";
}
