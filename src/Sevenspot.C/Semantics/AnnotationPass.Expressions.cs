namespace Sevenspot.C.Semantics;

/// <summary>
/// The typing rules, applied bottom-up. They follow spatch's type_annoter_c and Type_c.lub as
/// spatch 1.1 applies them, quirks included, since typed metavariables must match the same code:
/// unary minus and plus keep their operand's type, an assignment has the type of its left side, a
/// conditional the type of its else branch, sizeof is size_t, a string literal is char [], and an
/// arithmetic operator with one operand of unknown type takes the type of the other.
/// </summary>
internal sealed partial class AnnotationPass
{
    private static readonly CType s_charArray = CType.Array(CType.Char);

    private Dictionary<CTag, int>? _foreignTagKeys;

    private void TypeExpression(int node, SyntaxKind kind)
    {
        CType? type;
        bool counted = true;
        switch (kind)
        {
            case SyntaxKind.IdentifierName:
                if (Parent(node) is int p && p >= 0 && KindOf(p) == SyntaxKind.GotoStatement)
                {
                    return; // a label
                }

                type = TypeIdentifier(node);
                break;
            case SyntaxKind.LiteralExpression:
                type = TypeLiteral(TokenSlot(node, 0));
                break;
            case SyntaxKind.ConcatenatedString:
                type = s_charArray;
                break;
            case SyntaxKind.ParenthesizedExpression:
                type = TypeOf(NodeSlot(node, 1));
                break;
            case SyntaxKind.CallExpression:
                type = TypeCall(node);
                break;
            case SyntaxKind.ElementAccess:
                type = Dereference(TypeOf(NodeSlot(node, 0)));
                break;
            case SyntaxKind.MemberAccess:
                type = TypeMember(node);
                break;
            case SyntaxKind.PostfixUnary:
                type = TypeOf(NodeSlot(node, 0));
                break;
            case SyntaxKind.PrefixUnary:
                type = TypePrefix(node);
                break;
            case SyntaxKind.CastExpression or SyntaxKind.CompoundLiteral:
                type = TypeOf(NodeSlot(node, 1));
                break;
            case SyntaxKind.SizeofExpression or SyntaxKind.SizeofType:
                // spatch reads _Alignof(T) and __alignof__(e) as calls of unknown functions.
                type = _extended || IsSizeof(TokenSlot(node, 0)) ? CType.SizeT : null;
                break;
            case SyntaxKind.BinaryExpression:
                type = TypeBinary(node);
                break;
            case SyntaxKind.AssignmentExpression:
                type = TypeOf(NodeSlot(node, 0)) ?? TypeOf(NodeSlot(node, 2));
                break;
            case SyntaxKind.ConditionalExpression:
                type = TypeOf(NodeSlot(node, 4));
                if (_extended)
                {
                    type ??= TypeOf(NodeSlot(node, 2));
                }

                break;
            case SyntaxKind.CommaExpression:
                type = TypeOf(NodeSlot(node, 2));
                break;
            case SyntaxKind.StatementExpression:
                type = _extended ? TypeOfLastStatement(NodeSlot(node, 1)) : null;
                break;
            default:
                // Initializer lists, designators, macro arguments, _Generic: no type.
                type = null;
                counted = false;
                break;
        }

        if (type is { Kind: CTypeKind.Unknown })
        {
            type = null;
        }

        SetType(node, type);
        if (counted && _uncounted == 0 && IsMainTree)
        {
            ExpressionCount++;
            if (type is not null)
            {
                TypedExpressionCount++;
            }
        }
    }

    private bool IsSizeof(int keyword) => keyword < 0 || _tokens[keyword].Kind == SyntaxKind.SizeofKeyword;

    private CType? TypeIdentifier(int node)
    {
        int token = TokenSlot(node, 0);
        if (token < 0)
        {
            return null;
        }

        int key = Key(token);
        int binding = LookupVisible(NameSpace.Ordinary, key);
        if (binding >= 0)
        {
            ref var b = ref _symbols[binding];
            SetKind(node, b.Kind);
            SetDeclaration(node, b.Position == int.MinValue ? int.MinValue : b.Position + 1);
            return b.Type;
        }

        if (TryEnvironmentOrdinary(key, out var fromHeaders))
        {
            SetKind(node, fromHeaders.Kind);
            SetDeclaration(node, int.MinValue);
            return fromHeaders.Type;
        }

        var type = MacroType(key, functionLike: false, token);
        if (type is not null)
        {
            SetKind(node, SymbolKind.Macro);
        }

        return type;
    }

    /// <summary>Where the declaration an identifier expression refers to is: its offset + 1, int.MinValue outside the file; 0 (unset) when none is known.</summary>
    private void SetDeclaration(int node, int declaration)
    {
        if (_mainDeclarations is not null && ReferenceEquals(_kinds, _mainKinds))
        {
            _mainDeclarations[node] = declaration;
        }
    }

    private void SetKind(int node, SymbolKind kind)
    {
        if (_kinds is not null)
        {
            _kinds[node] = kind;
        }
    }

    private CType? TypeLiteral(int token)
    {
        if (token < 0)
        {
            return null;
        }

        switch (_tokens[token].Kind)
        {
            case SyntaxKind.IntegerLiteralToken:
                return IntegerLiteralType(token);
            case SyntaxKind.FloatLiteralToken:
                {
                    var bytes = _tree.Text.Bytes;
                    int end = _tokens[token].End;
                    byte last = end > _tokens[token].Start ? bytes[end - 1] : (byte)'0';
                    return last switch
                    {
                        (byte)'f' or (byte)'F' => CType.FromKind(CTypeKind.Float),
                        (byte)'l' or (byte)'L' => CType.FromKind(CTypeKind.LongDouble),
                        _ => CType.Double,
                    };
                }

            case SyntaxKind.CharLiteralToken:
                return CType.Char; // spatch: char, not int
            case SyntaxKind.StringLiteralToken:
                return s_charArray;
            default:
                return null;
        }
    }

    /// <summary>The type of an integer constant from its suffix alone, as spatch's lexer does.</summary>
    private CType IntegerLiteralType(int token)
    {
        var bytes = _tree.Text.Bytes;
        int start = _tokens[token].Start;
        int i = _tokens[token].End - 1;
        int longs = 0;
        bool unsigned = false;
        while (i > start)
        {
            byte c = bytes[i];
            if (c is (byte)'u' or (byte)'U')
            {
                unsigned = true;
            }
            else if (c is (byte)'l' or (byte)'L')
            {
                longs++;
            }
            else
            {
                break;
            }

            i--;
        }

        return IntegerType(longs, unsigned);
    }

    private static CType IntegerType(int longs, bool unsigned) => CType.FromKind(longs switch
    {
        0 => unsigned ? CTypeKind.UnsignedInt : CTypeKind.Int,
        1 => unsigned ? CTypeKind.UnsignedLong : CTypeKind.Long,
        _ => unsigned ? CTypeKind.UnsignedLongLong : CTypeKind.LongLong,
    });

    private CType? TypeCall(int node)
    {
        int callee = NodeSlot(node, 0);
        var calleeType = TypeOf(callee);
        if (calleeType is not null)
        {
            return ReturnType(calleeType);
        }

        // A call of a function-like macro: the type of its body.
        if (callee >= 0 && KindOf(callee) == SyntaxKind.IdentifierName && TokenSlot(callee, 0) is int name && name >= 0
            && MacroType(Key(name), functionLike: true, name) is { } result)
        {
            GiveMacroFunctionType(callee, result, NodeSlot(node, 2));
            return result;
        }

        return null;
    }

    /// <summary>
    /// Like spatch, gives the name of a function-like macro a function type made from the result
    /// and the types of the arguments, when every argument has one.
    /// </summary>
    private void GiveMacroFunctionType(int callee, CType result, int arguments)
    {
        var types = new List<CType>();
        if (arguments >= 0)
        {
            ref var d = ref _nodes[arguments];
            for (int i = 0; i < d.ChildCount; i++)
            {
                int r = _children[d.ChildStart + i];
                if (ChildRef.IsNode(r))
                {
                    if (TypeOf(ChildRef.NodeIndex(r)) is not { } t)
                    {
                        return;
                    }

                    types.Add(t);
                }
            }
        }

        SetType(callee, CType.Function(result, types));
        SetKind(callee, SymbolKind.Macro);
        if (_uncounted == 0 && IsMainTree)
        {
            TypedExpressionCount++; // counted as untyped when it was visited
        }
    }

    /// <summary>What calling a value of this type returns: through functions and pointers to functions.</summary>
    private static CType? ReturnType(CType type)
    {
        var t = type.Resolve();
        if (t.Kind == CTypeKind.Pointer)
        {
            t = t.ElementType!.Resolve();
        }

        return t.Kind == CTypeKind.Function ? t.ElementType : null;
    }

    /// <summary>The element of a pointer or array (for *e and e[i]).</summary>
    private static CType? Dereference(CType? type)
    {
        if (type is null)
        {
            return null;
        }

        var t = type.Resolve();
        return t.Kind is CTypeKind.Pointer or CTypeKind.Array ? t.ElementType : null;
    }

    private CType? TypeMember(int node)
    {
        var baseType = TypeOf(NodeSlot(node, 0));
        int op = TokenSlot(node, 1);
        int field = TokenSlot(node, 2);
        if (baseType is null || op < 0 || field < 0)
        {
            return null;
        }

        var aggregate = baseType;
        if (_tokens[op].Kind == SyntaxKind.ArrowToken)
        {
            var pointer = baseType.Resolve();
            if (pointer.Kind != CTypeKind.Pointer)
            {
                return null; // spatch does not let arrays decay here
            }

            aggregate = pointer.ElementType!;
        }

        var resolved = aggregate.Resolve();
        if (resolved.Kind is not (CTypeKind.Struct or CTypeKind.Union))
        {
            return null;
        }

        var tag = resolved.Tag;
        if (tag is { IsComplete: false })
        {
            tag = CompletedTag(tag);
        }

        return tag?.FindField(NameOf(field), ReferenceEquals(tag.KeySpace, _keys) ? Key(field) : -1, 0);
    }

    /// <summary>
    /// A tag that was incomplete where a type was written (struct foo *p; before the definition,
    /// or a forward declaration in a header): its definition if one is visible here.
    /// </summary>
    private CTag CompletedTag(CTag tag)
    {
        int key = tag.Key;
        if (!ReferenceEquals(tag.KeySpace, _keys) && tag.Name is { } name)
        {
            // From the environment: find the name in this file's keys (once per tag).
            _foreignTagKeys ??= new(ReferenceEqualityComparer.Instance);
            if (!_foreignTagKeys.TryGetValue(tag, out key))
            {
                key = _keys.Find(name);
                _foreignTagKeys.Add(tag, key);
            }
        }

        if (key < 0)
        {
            return tag;
        }

        int binding = LookupVisible(NameSpace.Tag, key);
        if (binding >= 0)
        {
            return _symbols[binding].Tag is { IsComplete: true } visible && visible.Kind == tag.Kind ? visible : tag;
        }

        return EnvironmentTag(key, tag.Kind) is { IsComplete: true } fromHeaders ? fromHeaders : tag;
    }

    private CType? TypePrefix(int node)
    {
        int op = TokenSlot(node, 0);
        int operand = NodeSlot(node, 1);
        if (op < 0)
        {
            return null;
        }

        switch (_tokens[op].Kind)
        {
            case SyntaxKind.AmpersandToken:
                return TypeOf(operand) is { } t ? CType.Pointer(t) : null;
            case SyntaxKind.AsteriskToken:
                return Dereference(TypeOf(operand));
            case SyntaxKind.ExclamationToken:
                return CType.Int;
            case SyntaxKind.AmpersandAmpersandToken:
                return _extended ? CType.Pointer(CType.Void) : null; // &&label
            default:
                return TypeOf(operand); // ++, --, +, -, ~, __extension__ (spatch 1.1 keeps the operand's type for + and -)
        }
    }

    private CType? TypeBinary(int node)
    {
        int op = TokenSlot(node, 1);
        if (op < 0)
        {
            return null;
        }

        var kind = _tokens[op].Kind;
        switch (kind)
        {
            case SyntaxKind.EqualsEqualsToken or SyntaxKind.ExclamationEqualsToken or SyntaxKind.LessThanToken or SyntaxKind.GreaterThanToken
                or SyntaxKind.LessThanEqualsToken or SyntaxKind.GreaterThanEqualsToken or SyntaxKind.AmpersandAmpersandToken or SyntaxKind.BarBarToken:
                return CType.Int;
            default:
                return Lub(kind, TypeOf(NodeSlot(node, 0)), TypeOf(NodeSlot(node, 2)));
        }
    }

    /// <summary>
    /// spatch's Type_c.lub: the usual arithmetic conversions on base types (typedefs are not
    /// looked through), pointer arithmetic, and otherwise the left operand's type.
    /// </summary>
    internal static CType? Lub(SyntaxKind op, CType? left, CType? right)
    {
        if (left is null)
        {
            return right;
        }

        if (right is null)
        {
            return left;
        }

        var a = left.Kind;
        var b = right.Kind;
        if (CType.IsBaseKind(a) && CType.IsBaseKind(b))
        {
            if (a == CTypeKind.Void)
            {
                return right;
            }

            if (b == CTypeKind.Void)
            {
                return left;
            }

            int ra = ConversionRank(a);
            int rb = ConversionRank(b);
            if (ra == 0 && rb == 0)
            {
                return CType.Int;
            }

            return ra >= rb ? left : right;
        }

        bool intA = IsPlainInteger(a);
        bool intB = IsPlainInteger(b);
        if (op == SyntaxKind.PlusToken || op == SyntaxKind.MinusToken)
        {
            if (a == CTypeKind.Pointer && intB)
            {
                return left;
            }

            if (intA && b == CTypeKind.Pointer)
            {
                return right;
            }

            if (op == SyntaxKind.MinusToken && a is CTypeKind.Pointer or CTypeKind.Array && b is CTypeKind.Pointer or CTypeKind.Array)
            {
                return CType.PtrDiffT;
            }
        }

        return left;
    }

    /// <summary>spatch's order of precedence among base types; 0 for those that promote to int.</summary>
    private static int ConversionRank(CTypeKind kind) => kind switch
    {
        CTypeKind.LongDouble => 17,
        CTypeKind.Double => 16,
        CTypeKind.Float => 15,
        CTypeKind.LongDoubleComplex => 14,
        CTypeKind.DoubleComplex => 13,
        CTypeKind.FloatComplex => 12,
        CTypeKind.PtrDiffT => 11,
        CTypeKind.SSizeT => 10,
        CTypeKind.SizeT => 9,
        CTypeKind.UnsignedInt128 => 8,
        CTypeKind.Int128 => 7,
        CTypeKind.UnsignedLongLong => 6,
        CTypeKind.LongLong => 5,
        CTypeKind.UnsignedLong => 4,
        CTypeKind.Long => 3,
        CTypeKind.UnsignedInt => 2,
        _ => 0,
    };

    /// <summary>spatch's IntType: the C integer types, not size_t and friends, not enums.</summary>
    private static bool IsPlainInteger(CTypeKind kind) => kind is >= CTypeKind.Bool and <= CTypeKind.UnsignedInt128;

    /// <summary>The type of a statement expression: that of its last statement when it is an expression.</summary>
    private CType? TypeOfLastStatement(int block)
    {
        int list = block < 0 ? -1 : NodeSlot(block, 1);
        if (list < 0)
        {
            return null;
        }

        ref var d = ref _nodes[list];
        for (int i = d.ChildCount - 1; i >= 0; i--)
        {
            int r = _children[d.ChildStart + i];
            if (ChildRef.IsNode(r))
            {
                int last = ChildRef.NodeIndex(r);
                return KindOf(last) == SyntaxKind.ExpressionStatement ? TypeOf(NodeSlot(last, 0)) : null;
            }
        }

        return null;
    }
}
