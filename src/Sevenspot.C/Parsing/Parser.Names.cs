namespace Sevenspot.C;

/// <summary>What the parser has learnt about one interned name of the file.</summary>
internal struct NameInfo
{
    /// <summary>0 until classified; then 1 + <see cref="MacroKind"/>.</summary>
    public byte Macro;

    /// <summary>Declared by a typedef in this file.</summary>
    public bool FileTypedef;

    /// <summary>Written as the type of a declaration, parameter, field or cast somewhere in this file.</summary>
    public bool UsedAsType;

    /// <summary>Seen as sizeof(name) where the name was not yet known to be a type.</summary>
    public bool InSizeof;

    /// <summary>
    /// A type in sizeof(name) everywhere in the file, because the file writes it as a type
    /// somewhere (set for the second reading of the file).
    /// </summary>
    public bool SizeofType;

    /// <summary>Spelling ends in _t (kernel convention for typedefs).</summary>
    public bool EndsWithT;

    /// <summary>Spelling contains for_each/foreach.</summary>
    public bool LooksLikeIterator;

    /// <summary>Spelling is all capitals, digits and underscores.</summary>
    public bool AllCaps;

    /// <summary>In a pattern: 0 until classified, then 1 + <see cref="PatternNameKind"/>.</summary>
    public byte Pattern;
}

public sealed partial class Parser
{
    private ref NameInfo Info(int nameId)
    {
        ref var info = ref _names[nameId];
        if (info.Macro == 0)
        {
            var name = _lexed.Names.GetBytes(nameId);
            info.Macro = (byte)(1 + (byte)_options.Macros.Classify(name));
            if (_annotationNames is { } annotations && annotations.Contains(_lexed.Names.GetString(nameId)))
            {
                info.Macro = 1 + (byte)MacroKind.Attribute;
            }

            info.EndsWithT = name.Length > 2 && name.EndsWith("_t"u8);
            info.LooksLikeIterator = name.IndexOf("for_each"u8) >= 0 || name.IndexOf("foreach"u8) >= 0;
            bool caps = name.Length > 1;
            foreach (byte c in name)
            {
                if (!(char.IsAsciiLetterUpper((char)c) || char.IsAsciiDigit((char)c) || c == (byte)'_'))
                {
                    caps = false;
                    break;
                }
            }

            info.AllCaps = caps;
        }

        return ref info;
    }

    private MacroKind MacroKindOf(int tokenIndex)
    {
        // In a pattern, a name the rule declares with "attribute name" is an attribute word.
        return _pattern is not null && PatternKindOf(tokenIndex) == PatternNameKind.Attribute
            ? MacroKind.AttributeWithArguments
            : (MacroKind)(Info(_tokens[tokenIndex].Name).Macro - 1);
    }

    private bool IsIdentifier(int tokenIndex) => KindAt(tokenIndex) == SyntaxKind.IdentifierToken;

    /// <summary>A name known to be a type: declared by typedef in the file, listed as a type, or ending in _t.</summary>
    private bool IsKnownTypeName(int tokenIndex)
    {
        if (!IsIdentifier(tokenIndex))
        {
            return false;
        }

        ref var info = ref Info(_tokens[tokenIndex].Name);
        if (_pattern is not null)
        {
            // In a pattern only declared types count: an unknown name is a metavariable or a symbol.
            return PatternKindOf(tokenIndex) == PatternNameKind.Type || info.FileTypedef || (MacroKind)(info.Macro - 1) == MacroKind.TypeName;
        }

        return info.FileTypedef || info.EndsWithT || (MacroKind)(info.Macro - 1) == MacroKind.TypeName;
    }

    /// <summary>
    /// In a pattern, a name that is a type only by the macro file's typedef lines ("u8", "bool"):
    /// spatch's rules know size_t, ssize_t and ptrdiff_t and the types they declare, not those.
    /// </summary>
    private bool IsMacroFileOnlyPatternType(int tokenIndex)
    {
        if (_pattern is null || !IsIdentifier(tokenIndex) || PatternKindOf(tokenIndex) == PatternNameKind.Type)
        {
            return false;
        }

        ref var info = ref Info(_tokens[tokenIndex].Name);
        return !info.FileTypedef && (MacroKind)(info.Macro - 1) == MacroKind.TypeName
            && _lexed.Names.GetString(_tokens[tokenIndex].Name) is not ("size_t" or "ssize_t" or "ptrdiff_t");
    }

    private bool IsAttributeName(int tokenIndex) =>
        IsIdentifier(tokenIndex) && MacroKindOf(tokenIndex) is MacroKind.Attribute or MacroKind.AttributeWithArguments or MacroKind.Specifier;

    /// <summary>In a pattern, what the name at tokenIndex stands for.</summary>
    private PatternNameKind PatternKindOf(int tokenIndex)
    {
        if (_pattern is null || !IsIdentifier(tokenIndex))
        {
            return PatternNameKind.None;
        }

        ref var info = ref _names[_tokens[tokenIndex].Name];
        if (info.Pattern == 0)
        {
            info.Pattern = (byte)(1 + (byte)_pattern.Classify(_lexed.Names.GetString(_tokens[tokenIndex].Name)));
        }

        return (PatternNameKind)(info.Pattern - 1);
    }

    private bool IsIteratorName(int tokenIndex)
    {
        if (!IsIdentifier(tokenIndex))
        {
            return false;
        }

        if (_pattern is not null)
        {
            // In a rule, only a name it declares as an iterator (or an iterator metavariable) heads a
            // loop: spatch reads "for_each_x(E) S" with an undeclared name as a call and stops at S.
            return PatternKindOf(tokenIndex) == PatternNameKind.Iterator;
        }

        ref var info = ref Info(_tokens[tokenIndex].Name);
        return info.LooksLikeIterator || (MacroKind)(info.Macro - 1) == MacroKind.Iterator;
    }

    private bool IsAllCaps(int tokenIndex) => IsIdentifier(tokenIndex) && Info(_tokens[tokenIndex].Name).AllCaps;

    private bool IsStringMacro(int tokenIndex) => IsIdentifier(tokenIndex) && MacroKindOf(tokenIndex) == MacroKind.String;

    /// <summary>The name at tokenIndex is read as a type name (TypedefName node) outside a pattern.</summary>
    private void NoteTypeUse(int tokenIndex)
    {
        if (_pattern is null && IsIdentifier(tokenIndex))
        {
            Info(_tokens[tokenIndex].Name).UsedAsType = true;
        }
    }

    /// <summary>
    /// sizeof(name) with a name not (yet) known as a type: spatch reads it as sizeof of that type
    /// when the file uses the name as a type anywhere, even further down (U32 x[4]; (U32)v).
    /// </summary>
    private bool IsSizeofTypeName(int open)
    {
        if (_pattern is not null || KindAt(open + 1) != SyntaxKind.IdentifierToken || KindAt(open + 2) != SyntaxKind.CloseParenToken)
        {
            return false;
        }

        // PERF: a name already written as a type reads as one here, as the second reading would read
        // it: only a sizeof(name) before the name's first use as a type needs that second reading.
        ref var info = ref Info(_tokens[open + 1].Name);
        if (info.SizeofType || info.UsedAsType)
        {
            return true;
        }

        info.InSizeof = true;
        return false;
    }

    /// <summary>
    /// sizeof(name) with a name that is a type only by guess (its spelling ends in _t) and that the
    /// file has not yet written as a type: spatch, which knows no such type but size_t, ssize_t and
    /// ptrdiff_t, reads an expression there (sizeof(my_t) is sizeof of a variable my_t), unless the
    /// file writes the name as a type anywhere, which the second reading of the file then knows
    /// (<see cref="IsSizeofTypeName"/>). A name of the macro table stays a type: the table also
    /// carries the type names a #define's body is read with, taken from the file's code.
    /// </summary>
    private bool IsGuessedSizeofTypeName(int open)
    {
        if (_pattern is not null || KindAt(open + 1) != SyntaxKind.IdentifierToken || KindAt(open + 2) != SyntaxKind.CloseParenToken)
        {
            return false;
        }

        int name = _tokens[open + 1].Name;
        ref var info = ref Info(name);
        if (info.FileTypedef || info.SizeofType || info.UsedAsType || !info.EndsWithT || (MacroKind)(info.Macro - 1) == MacroKind.TypeName
            || IsStandardTypeName(_lexed.Names.GetBytes(name)))
        {
            return false;
        }

        info.InSizeof = true;
        return true;
    }

    private static bool IsStandardTypeName(ReadOnlySpan<byte> name) =>
        name.SequenceEqual("size_t"u8) || name.SequenceEqual("ssize_t"u8) || name.SequenceEqual("ptrdiff_t"u8);

    /// <summary>Names seen in sizeof(name) as an expression that the file also writes as a type; null when none.</summary>
    private List<int>? SizeofTypeNames()
    {
        List<int>? names = null;
        for (int id = 0; id < _names.Length; id++)
        {
            if (_names[id].InSizeof && _names[id].UsedAsType && !_names[id].SizeofType)
            {
                (names ??= []).Add(id);
            }
        }

        return names;
    }

    private void DeclareTypedef(int tokenIndex)
    {
        if (IsIdentifier(tokenIndex))
        {
            Info(_tokens[tokenIndex].Name).FileTypedef = true;
        }
    }

    /// <summary>Keywords that can only begin a declaration specifier sequence.</summary>
    private static bool IsSpecifierKeyword(SyntaxKind kind) =>
        SyntaxFacts.IsStorageKeyword(kind) || SyntaxFacts.IsTypeKeyword(kind) || SyntaxFacts.IsQualifierKeyword(kind)
        || kind is SyntaxKind.StructKeyword or SyntaxKind.UnionKeyword or SyntaxKind.EnumKeyword or SyntaxKind.TypeofKeyword
            or SyntaxKind.AttributeKeyword or SyntaxKind.AlignasKeyword;
}
