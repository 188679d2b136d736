using System.Text;
using Sevenspot.C;
using Sevenspot.Smpl;

namespace Sevenspot.Engine;

public sealed partial class Matcher
{
    /// <summary>The canonical text of a type written in code: specifiers (storage and attributes left out) and declarator stars.</summary>
    internal static string CanonicalType(SyntaxNode typeName)
    {
        var sb = new StringBuilder();
        var view = typeName.AsTypeName();
        AppendSpecifiers(sb, view.SpecifierList);
        AppendAbstractDeclarator(sb, view.Declarator);
        return NormalizeType(sb.ToString());
    }

    private static void AppendSpecifiers(StringBuilder sb, SyntaxNode specifiers, bool withoutQualifiers = false)
    {
        foreach (var child in specifiers.Children)
        {
            if (child.IsToken)
            {
                var kind = child.Kind;
                if (SyntaxFacts.IsStorageKeyword(kind) || kind == SyntaxKind.ExtensionKeyword || (withoutQualifiers && SyntaxFacts.IsQualifierKeyword(kind)))
                {
                    continue;
                }

                sb.Append(SyntaxFacts.GetText(kind) ?? child.AsToken().Text).Append(' ');
                continue;
            }

            var node = child.AsNode();
            if (node.Kind is SyntaxKind.AttributeMacro or SyntaxKind.AttributeSpecifier)
            {
                continue;
            }

            sb.Append(MetaValue.JoinTokens(node.Tree, node.FirstTokenIndex, node.LastTokenIndex)).Append(' ');
        }
    }

    /// <summary>
    /// The first token of the type the specifiers write: a leading storage class or attribute ("static" in
    /// static ulong_t n;) is not part of it, so replacing the type keeps it.
    /// </summary>
    private static int FirstTypeToken(SyntaxNode specifiers)
    {
        foreach (var child in specifiers.Children)
        {
            bool skipped = child.IsToken
                ? SyntaxFacts.IsStorageKeyword(child.Kind) || child.Kind == SyntaxKind.ExtensionKeyword
                : child.Kind is SyntaxKind.AttributeMacro or SyntaxKind.AttributeSpecifier;
            if (!skipped)
            {
                return child.IsToken ? child.AsToken().Index : child.AsNode().FirstTokenIndex;
            }
        }

        return specifiers.FirstTokenIndex;
    }

    /// <summary>Each storage class of the pattern's specifiers found in the code's (which may have more), or null.</summary>
    private static MatchState? MatchStorageClasses(SyntaxNode p, SyntaxNode c, MatchState s)
    {
        foreach (var po in p.Children)
        {
            if (!po.IsToken || !SyntaxFacts.IsStorageKeyword(po.Kind))
            {
                continue;
            }

            bool found = false;
            foreach (var co in c.Children)
            {
                if (co.IsToken && co.Kind == po.Kind)
                {
                    s = s.Record(po.AsToken().Index, co.AsToken().Index, co.AsToken().Index);
                    found = true;
                    break;
                }
            }

            if (!found)
            {
                return null;
            }
        }

        return s;
    }

    /// <summary>
    /// A declaration the rule removes whole, adding nothing, goes with the storage class and the
    /// qualifiers the rule does not write (optional_storage, optional_qualifier): "- int x;" removes
    /// "static int x;", "- \\(char *\\|short *\\) x;" removes "const char *g;". A type replaced alone
    /// keeps it ("- T + short x;" gives "static short x;"), as does a declaration replaced whole.
    /// </summary>
    internal MatchState WithStorageOfRemoved(SyntaxNode p, SyntaxNode pSpecifiers, SyntaxNode cSpecifiers, MatchState s)
    {
        if (!ReferenceEquals(p.Tree, _body.Minus) || cSpecifiers.IsEmpty || p.LastTokenIndex >= _body.MinusMarks.Length)
        {
            return s;
        }

        for (int t = p.FirstTokenIndex; t <= p.LastTokenIndex; t++)
        {
            // Code added in its place keeps the storage class: "- int x; + char x;" gives "static char x;".
            if (_body.MinusMarks[t] != TokenMark.Minus || _body.PlusCode.ContainsKey((t, PlusSide.Before)) || _body.PlusCode.ContainsKey((t, PlusSide.After)))
            {
                return s;
            }
        }

        foreach (var co in cSpecifiers.Children)
        {
            if (!IsStorage(co) && !(co.IsToken && SyntaxFacts.IsQualifierKeyword(co.Kind)))
            {
                continue;
            }

            bool written = false;
            foreach (var po in pSpecifiers.Children)
            {
                written |= po.IsToken && po.Kind == co.Kind;
            }

            if (!written)
            {
                s = s.Record(p.FirstTokenIndex, co.AsToken().Index, co.AsToken().Index);
            }
        }

        return s;
    }

    private static void AppendAbstractDeclarator(StringBuilder sb, SyntaxNode declarator)
    {
        if (declarator.IsEmpty || declarator.Kind == SyntaxKind.AbstractDeclarator)
        {
            return;
        }

        sb.Append(MetaValue.JoinTokens(declarator.Tree, declarator.FirstTokenIndex, declarator.LastTokenIndex));
    }

    /// <summary>The type metavariable that a specifier list consists of (possibly with qualifiers), or null.</summary>
    private Metavariable? TypeMetaOf(SyntaxNode patternSpecifiers, out SyntaxToken token)
    {
        token = default;
        Metavariable? found = null;
        foreach (var child in patternSpecifiers.Children)
        {
            if (child.IsNode && child.Kind == SyntaxKind.TypedefName)
            {
                var t = child.AsNode().AsTypedefName().Identifier;
                if (_ctx.Meta(t) is { Kind: MetavariableKind.Type } m)
                {
                    found = m;
                    token = t;
                    continue;
                }
            }

            if (child.IsToken && (SyntaxFacts.IsQualifierKeyword(child.Kind) || SyntaxFacts.IsStorageKeyword(child.Kind)))
            {
                continue;
            }

            if (IsAttribute(child))
            {
                continue; // matched where the attributes of the type are matched
            }

            return null;
        }

        return found;
    }

    /// <summary>A type name: T (a type metavariable) binds to the whole code type; otherwise specifiers and declarator match.</summary>
    private IEnumerable<MatchState> MatchTypeName(SyntaxNode p, SyntaxNode c, MatchState s)
    {
        if (c.Kind != SyntaxKind.TypeName)
        {
            yield break;
        }

        var pv = p.AsTypeName();
        var cv = c.AsTypeName();
        if (TypeMetaOf(pv.SpecifierList, out var token) is { } meta)
        {
            int patternStars = CountStars(pv.Declarator);
            int codeStars = CountStars(cv.Declarator);
            if (patternStars == 0 && IsPointerChain(pv.Declarator) && !IsPointerChain(cv.Declarator))
            {
                // (T)fn against (void (*)(void *))fn: T is the whole type, function pointer or array included.
                var whole = BindChecked(meta, new TypeValue(WholeTypeText(c), new CodeValue(c)), s.Env);
                if (whole is not null && WithPositions(token.Index, c.FirstTokenIndex, c.LastTokenIndex, s.With(whole).Record(token.Index, c.FirstTokenIndex, c.LastTokenIndex)) is { } bound)
                {
                    yield return bound;
                }

                yield break;
            }

            if (codeStars < patternStars || !IsPointerChain(cv.Declarator))
            {
                yield break;
            }

            // "(const T *)E": the qualifiers written beside T are the code's, exactly, and T is the
            // rest of the type ("(const u8 *)p" binds T to u8; "(u8 *)p" and "(const volatile u8 *)p"
            // do not match, as in spatch).
            // When T takes stars, the qualifiers are those of the last star T takes: "(const T *)"
            // binds T to "const char *" in "(const char * const *)p".
            int absorbed = codeStars - patternStars;
            int patternQualifiers = QualifierMask(pv.SpecifierList);
            bool qualified = patternQualifiers != 0;
            if (qualified && patternQualifiers != (absorbed == 0 ? QualifierMask(cv.SpecifierList) : QualifierMask(PointerAt(cv.Declarator, absorbed - 1).QualifierList)))
            {
                yield break;
            }

            string text = BuildTypeText(cv.SpecifierList, cv.Declarator, absorbed, withoutQualifiers: qualified);
            var env = BindChecked(meta, new TypeValue(text, new CodeValue(cv.SpecifierList)), s.Env);
            if (env is null || MatchTypeNameAttributes(pv, cv, s.With(env)) is not { } attributed)
            {
                yield break;
            }

            // T covers the code's specifiers (and the stars it absorbed); the pattern's own stars match the rest.
            var typed = RecordType(attributed, token.Index, cv.SpecifierList, cv.Declarator, codeStars - patternStars, NamesAttributes(pv.SpecifierList, pv.Declarator), skipLeadingAttributes: false, out int first, out int last);
            if (WithPositions(token.Index, first, last, typed) is not { } s2)
            {
                yield break;
            }

            var rest = IsPointerChain(pv.Declarator)
                ? MatchStarTokens(pv.Declarator, cv.Declarator, codeStars - patternStars, s2)
                : MatchStars(pv.Declarator, cv.Declarator, codeStars - patternStars, s2);
            foreach (var r in rest)
            {
                yield return r;
            }

            yield break;
        }

        foreach (var s2 in MatchSpecifiers(pv.SpecifierList, cv.SpecifierList, s))
        {
            foreach (var r in Match(new SyntaxElement(p.Tree, ChildRefOf(pv.Declarator)), new SyntaxElement(c.Tree, ChildRefOf(cv.Declarator)), s2))
            {
                yield return r;
            }
        }
    }

    /// <summary>
    /// Whether a code node is a place where a type is written: a type name (cast, sizeof, macro
    /// argument) or the specifiers of a declaration, field, parameter or function definition.
    /// </summary>
    internal static bool IsTypeOccurrence(SyntaxNode n)
    {
        if (n.Kind == SyntaxKind.TypeName)
        {
            return true;
        }

        return n.Kind == SyntaxKind.List && n.Parent is { } parent
            && parent.Kind is SyntaxKind.Declaration or SyntaxKind.ParameterDeclaration or SyntaxKind.FunctionDefinition
            && parent.GetNodeSlot(0) is { } first && first.Index == n.Index;
    }

    /// <summary>
    /// A type written alone in a rule, against one place where the code writes a type. A type
    /// metavariable stands for whole types; a concrete type also matches the inner part of a type
    /// (Scsi_Cmnd in Scsi_Cmnd **p): the specifiers and as many of the first stars as it has.
    /// </summary>
    internal IEnumerable<MatchState> MatchTypeOccurrence(SyntaxNode p, SyntaxNode c, MatchState s)
    {
        var pe = new SyntaxElement(p.Tree, ChildRefOf(p));
        if (p.Kind != SyntaxKind.TypeName)
        {
            return c.Kind == SyntaxKind.TypeName ? Match(pe, new SyntaxElement(c.Tree, ChildRefOf(c)), s) : [];
        }

        var pv = p.AsTypeName();
        bool meta = TypeMetaOf(pv.SpecifierList, out _) is not null;
        if (c.Kind == SyntaxKind.TypeName && (meta || !IsPointerChain(pv.Declarator)))
        {
            return MatchTypeName(p, c, s);
        }

        if (!IsPointerChain(pv.Declarator))
        {
            return [];
        }

        SyntaxNode specifiers;
        var declarators = new List<SyntaxNode>();
        if (c.Kind == SyntaxKind.TypeName)
        {
            specifiers = c.AsTypeName().SpecifierList;
            declarators.Add(c.AsTypeName().Declarator);
        }
        else
        {
            specifiers = c;
            var owner = c.Parent!.Value;
            switch (owner.Kind)
            {
                case SyntaxKind.Declaration:
                    foreach (var d in owner.AsDeclaration().DeclaratorList.ChildNodes())
                    {
                        if (d.Kind == SyntaxKind.InitDeclarator)
                        {
                            declarators.Add(d.AsInitDeclarator().Declarator);
                        }
                    }

                    break;
                case SyntaxKind.ParameterDeclaration:
                    declarators.Add(owner.AsParameterDeclaration().Declarator);
                    break;
                default:
                    declarators.Add(owner.AsFunctionDefinition().Declarator);
                    break;
            }
        }

        if (meta)
        {
            return MatchWholeTypes(p, specifiers, declarators, s);
        }

        return MatchInnerTypes(p, specifiers, declarators, s);
    }

    /// <summary>A type metavariable (maybe with stars) against the whole type each declarator gives.</summary>
    private IEnumerable<MatchState> MatchWholeTypes(SyntaxNode p, SyntaxNode specifiers, List<SyntaxNode> declarators, MatchState s)
    {
        var pv = p.AsTypeName();
        var meta = TypeMetaOf(pv.SpecifierList, out var token)!;
        int patternStars = CountStars(pv.Declarator);
        foreach (var d in declarators)
        {
            int codeStars = CountStars(d);
            if (codeStars < patternStars || !EndsInName(d))
            {
                continue;
            }

            // Unbound, the metavariable takes the whole type (point_t * in point_t *p). Once bound (by
            // an earlier rule or term), it is that type, which like a concrete type also matches the
            // inner part of a type: T bound to point_t matches point_t in point_t *p.
            int fewest = s.Env.Contains(_ctx.IdOf(meta)) ? 0 : codeStars - patternStars;
            for (int absorbed = codeStars - patternStars; absorbed >= fewest; absorbed--)
            {
                string text = BuildTypeText(specifiers, d, absorbed);
                var env = BindChecked(meta, new TypeValue(text, new CodeValue(specifiers)), s.Env);
                if (env is null)
                {
                    continue;
                }

                int first = FirstTypeToken(specifiers), last = LastAbsorbedToken(specifiers, d, absorbed);
                if (WithPositions(token.Index, first, last, s.With(env).Record(token.Index, first, last)) is not { } s2)
                {
                    continue;
                }

                foreach (var r in MatchStarTokens(pv.Declarator, d, absorbed, s2))
                {
                    yield return r;
                }
            }
        }
    }

    /// <summary>Concrete specifiers and k stars against the specifiers and the first k stars of each declarator.</summary>
    private IEnumerable<MatchState> MatchInnerTypes(SyntaxNode p, SyntaxNode specifiers, List<SyntaxNode> declarators, MatchState s)
    {
        var pv = p.AsTypeName();
        int patternStars = CountStars(pv.Declarator);
        foreach (var s2 in MatchSpecifiers(pv.SpecifierList, specifiers, s))
        {
            if (patternStars == 0)
            {
                yield return s2;
                continue;
            }

            foreach (var d in declarators)
            {
                if (CountStars(d) < patternStars)
                {
                    continue;
                }

                foreach (var r in MatchStarTokens(pv.Declarator, d, 0, s2))
                {
                    yield return r;
                }
            }
        }
    }

    /// <summary>The pattern's stars (with their qualifiers) against the code's, after skipping the first n code stars.</summary>
    private IEnumerable<MatchState> MatchStarTokens(SyntaxNode patternDeclarator, SyntaxNode codeDeclarator, int skip, MatchState s)
    {
        var d = codeDeclarator;
        for (int i = 0; i < skip; i++)
        {
            d = d.AsPointerDeclarator().Declarator;
        }

        var pd = patternDeclarator;
        while (pd.Kind == SyntaxKind.PointerDeclarator)
        {
            var pp = pd.AsPointerDeclarator();
            var cp = d.AsPointerDeclarator();
            if (!SameQualifiers(pp.QualifierList, cp.QualifierList))
            {
                yield break;
            }

            s = s.Record(pp.Asterisk.Index, cp.Asterisk.Index, cp.Asterisk.Index);
            pd = pp.Declarator;
            d = cp.Declarator;
        }

        yield return s;
    }

    /// <summary>The pattern's qualifiers after a star, if it writes any, are the code's (attributes are matched apart).</summary>
    private static bool SameQualifiers(SyntaxNode p, SyntaxNode c)
    {
        var pq = new List<SyntaxKind>();
        var cq = new List<SyntaxKind>();
        foreach (var child in p.Children)
        {
            if (child.IsToken)
            {
                pq.Add(child.Kind);
            }
        }

        if (pq.Count == 0)
        {
            return true;
        }

        foreach (var child in c.Children)
        {
            if (child.IsToken)
            {
                cq.Add(child.Kind);
            }
        }

        return pq.SequenceEqual(cq);
    }

    private static bool SameTokens(SyntaxNode a, SyntaxNode b)
    {
        if (a.IsEmpty || b.IsEmpty)
        {
            return a.IsEmpty == b.IsEmpty;
        }

        return MetaValue.JoinTokens(a.Tree, a.FirstTokenIndex, a.LastTokenIndex) == MetaValue.JoinTokens(b.Tree, b.FirstTokenIndex, b.LastTokenIndex);
    }

    /// <summary>A declarator that is stars then the declared name (or nothing): its type is the specifiers and the stars.</summary>
    private static bool EndsInName(SyntaxNode declarator)
    {
        while (declarator.Kind == SyntaxKind.PointerDeclarator)
        {
            declarator = declarator.AsPointerDeclarator().Declarator;
        }

        return declarator.Kind is SyntaxKind.IdentifierDeclarator or SyntaxKind.AbstractDeclarator || declarator.IsEmpty;
    }

    /// <summary>The name a declarator declares, through function, pointer, array and parenthesized declarators; null when abstract.</summary>
    private static SyntaxNode? DeclaredName(SyntaxNode declarator)
    {
        while (true)
        {
            switch (declarator.Kind)
            {
                case SyntaxKind.IdentifierDeclarator:
                    return declarator;
                case SyntaxKind.FunctionDeclarator:
                    declarator = declarator.AsFunctionDeclarator().Declarator;
                    break;
                case SyntaxKind.PointerDeclarator:
                    declarator = declarator.AsPointerDeclarator().Declarator;
                    break;
                case SyntaxKind.ArrayDeclarator:
                    declarator = declarator.AsArrayDeclarator().Declarator;
                    break;
                case SyntaxKind.ParenthesizedDeclarator:
                    declarator = declarator.AsParenthesizedDeclarator().Declarator;
                    break;
                default:
                    return null;
            }
        }
    }

    private static int CountStars(SyntaxNode declarator)
    {
        int n = 0;
        while (declarator.Kind == SyntaxKind.PointerDeclarator)
        {
            n++;
            declarator = declarator.AsPointerDeclarator().Declarator;
        }

        return n;
    }

    private static bool IsPointerChain(SyntaxNode declarator)
    {
        while (declarator.Kind == SyntaxKind.PointerDeclarator)
        {
            declarator = declarator.AsPointerDeclarator().Declarator;
        }

        return declarator.Kind == SyntaxKind.AbstractDeclarator || declarator.IsEmpty;
    }

    /// <summary>
    /// A type name whose declarator is more than stars (a function pointer, an array) as spatch prints it:
    /// the specifiers, then the declarator with no space before it ("void(*)(void *)", "int(*)(int, char)").
    /// </summary>
    private static string WholeTypeText(SyntaxNode typeName)
    {
        var sb = new StringBuilder();
        var view = typeName.AsTypeName();
        AppendSpecifiers(sb, view.SpecifierList);
        string specifiers = NormalizeType(sb.ToString());
        sb.Clear().Append(specifiers);
        var declarator = view.Declarator;
        var tree = declarator.Tree;
        var previous = SyntaxKind.None;
        bool previousWord = specifiers.Length > 0 && specifiers[^1] != '*';
        for (int i = declarator.FirstTokenIndex; i <= declarator.LastTokenIndex; i++)
        {
            var token = tree.GetToken(i);
            bool word = token.Kind is SyntaxKind.IdentifierToken or SyntaxKind.IntegerLiteralToken || SyntaxFacts.GetText(token.Kind) is { Length: > 0 } text && char.IsLetter(text[0]);
            bool space = i > declarator.FirstTokenIndex
                && ((previousWord && word) || previous == SyntaxKind.CommaToken || (previousWord && token.Kind == SyntaxKind.AsteriskToken));
            if (space)
            {
                sb.Append(' ');
            }

            sb.Append(token.Text);
            previous = token.Kind;
            previousWord = word;
        }

        return sb.ToString();
    }

    /// <summary>
    /// The text of a type: the specifiers, then the declarator's first <paramref name="stars"/> stars
    /// with the qualifiers written after each ("char * const" for "char * const a", as spatch binds it).
    /// <paramref name="withoutQualifiers"/> leaves out the qualifiers a pattern writes beside its type
    /// metavariable: those of the specifiers when no star is taken, else those of the last star taken.
    /// </summary>
    private static string BuildTypeText(SyntaxNode specifiers, SyntaxNode declarator, int stars, bool withoutQualifiers = false)
    {
        var sb = new StringBuilder();
        AppendSpecifiers(sb, specifiers, withoutQualifiers && stars == 0);
        var d = declarator;
        for (int i = 0; i < stars; i++)
        {
            sb.Append('*');
            if (d.Kind != SyntaxKind.PointerDeclarator)
            {
                continue;
            }

            var pointer = d.AsPointerDeclarator();
            foreach (var q in pointer.QualifierList.Children)
            {
                if (q.IsToken && SyntaxFacts.IsQualifierKeyword(q.Kind) && !(withoutQualifiers && i == stars - 1))
                {
                    sb.Append(' ').Append(q.AsToken().Text);
                }
            }

            d = pointer.Declarator;
        }

        return NormalizeType(sb.ToString());
    }

    /// <summary>The pointer declarator of the star at depth <paramref name="index"/> (0: the outermost) of a pointer chain.</summary>
    private static PointerDeclaratorSyntax PointerAt(SyntaxNode declarator, int index)
    {
        var pointer = declarator.AsPointerDeclarator();
        for (int i = 0; i < index; i++)
        {
            pointer = pointer.Declarator.AsPointerDeclarator();
        }

        return pointer;
    }

    private static int QualifierMask(SyntaxNode specifiers)
    {
        int mask = 0;
        foreach (var child in specifiers.Children)
        {
            if (child.IsToken && SyntaxFacts.IsQualifierKeyword(child.Kind))
            {
                mask |= 1 << ((int)child.Kind % 31);
            }
        }

        return mask;
    }

    /// <summary>The last token a type metavariable covers: the specifiers plus the first n stars of the declarator.</summary>
    private static int LastAbsorbedToken(SyntaxNode specifiers, SyntaxNode declarator, int stars)
    {
        int last = specifiers.IsEmpty ? specifiers.FirstTokenIndex - 1 : specifiers.LastTokenIndex;
        var d = declarator;
        for (int i = 0; i < stars && d.Kind == SyntaxKind.PointerDeclarator; i++)
        {
            var pointer = d.AsPointerDeclarator();
            last = pointer.QualifierList.IsEmpty ? pointer.Asterisk.Index : pointer.QualifierList.LastTokenIndex;
            d = pointer.Declarator;
        }

        return last;
    }

    /// <summary>After a type metavariable absorbed n outer stars, the pattern declarator matches the rest.</summary>
    private IEnumerable<MatchState> MatchStars(SyntaxNode patternDeclarator, SyntaxNode codeDeclarator, int absorbed, MatchState s)
    {
        var d = codeDeclarator;
        for (int i = 0; i < absorbed; i++)
        {
            d = d.AsPointerDeclarator().Declarator;
        }

        return Match(new SyntaxElement(patternDeclarator.Tree, ChildRefOf(patternDeclarator)), new SyntaxElement(d.Tree, ChildRefOf(d)), s);
    }

    /// <summary>
    /// Specifier lists: every storage class, qualifier and attribute the pattern names must be in the
    /// code (the code may have more: optional_storage, optional_qualifier, optional_attributes); the
    /// type specifiers must be the same.
    /// </summary>
    private IEnumerable<MatchState> MatchSpecifiers(SyntaxNode p, SyntaxNode c, MatchState s) => MatchSpecifiers(p, c, null, s);

    /// <summary>The specifiers, with the type specifiers of <paramref name="branch"/> (a branch of the pattern's disjunction of types) when given.</summary>
    private IEnumerable<MatchState> MatchSpecifiers(SyntaxNode p, SyntaxNode c, SyntaxNode? branch, MatchState s)
    {
        var pTypes = new List<SyntaxElement>();
        var pOthers = new List<SyntaxElement>();
        Split(p, pTypes, pOthers);
        if (branch is not null)
        {
            pTypes.Clear();
            Split(branch.Value, pTypes, pOthers);
        }

        var cTypes = new List<SyntaxElement>();
        var cOthers = new List<SyntaxElement>();
        Split(c, cTypes, cOthers);

        // Storage, qualifiers and attributes: each pattern one must appear in the code.
        foreach (var po in pOthers)
        {
            bool found = false;
            foreach (var co in cOthers)
            {
                if (po.IsToken && co.IsToken && po.Kind == co.Kind)
                {
                    s = s.Record(po.AsToken().Index, co.AsToken().Index, co.AsToken().Index);
                    found = true;
                    break;
                }

                if (po.IsNode && co.IsNode && po.Kind == co.Kind)
                {
                    var r = Match(po, co, s).FirstOrDefault();
                    if (r.Env is not null)
                    {
                        s = r;
                        found = true;
                        break;
                    }
                }
            }

            if (!found)
            {
                yield break;
            }
        }

        if (!ExtrasAllowed(pOthers, cOthers) || (!OptionalAttributes && CountAttributes(pOthers) != CountAttributes(cOthers)))
        {
            yield break;
        }

        foreach (var r in MatchTypeSpecifiers(pTypes, cTypes, s))
        {
            yield return r;
        }
    }

    /// <summary>The type specifiers of a pattern (keywords, names, structures, a disjunction of types) against the code's.</summary>
    private IEnumerable<MatchState> MatchTypeSpecifiers(List<SyntaxElement> pTypes, List<SyntaxElement> cTypes, MatchState s)
    {
        // \(int\|char\) x: the first branch whose type specifiers match the code's (as any disjunction).
        if (pTypes.Count == 1 && pTypes[0].IsNode && pTypes[0].Kind == SyntaxKind.Disjunction)
        {
            foreach (var branch in Branches(pTypes[0].AsNode()))
            {
                var branchTypes = new List<SyntaxElement>();
                var branchOthers = new List<SyntaxElement>();
                Split(branch.AsTypeName().SpecifierList, branchTypes, branchOthers);
                bool any = false;
                foreach (var r in MatchTypeSpecifiers(branchTypes, cTypes, s))
                {
                    any = true;
                    yield return r;
                }

                if (any)
                {
                    yield break;
                }
            }

            yield break;
        }

        // "unsigned T": the code has the sign keyword, and T is the rest of its type keywords ("long long").
        if (SignedTypeMeta(pTypes) is { } signedMeta && cTypes.All(t => t.IsToken))
        {
            foreach (var r in MatchSignedType(pTypes, signedMeta, cTypes, s))
            {
                yield return r;
            }

            yield break;
        }

        // Type keywords match as a multiset ("unsigned int" = "int unsigned"); other type specifiers in order.
        if (pTypes.All(t => t.IsToken) && cTypes.All(t => t.IsToken))
        {
            if (MatchTypeKeywords(pTypes, cTypes, s) is { } matched)
            {
                yield return matched;
            }

            yield break;
        }

        if (pTypes.Count != cTypes.Count)
        {
            yield break;
        }

        foreach (var r in MatchElements(pTypes, cTypes, 0, s))
        {
            yield return r;
        }
    }

    /// <summary>
    /// Type keywords as a multiset, with C's implicit int: a sign alone is the sign with int ("unsigned" =
    /// "unsigned int"), and a pattern's plain "int" also takes a code "signed int" (not the reverse, as spatch).
    /// Code keywords the pattern leaves implicit are recorded with the pattern keyword next to them.
    /// </summary>
    private static MatchState? MatchTypeKeywords(List<SyntaxElement> pTypes, List<SyntaxElement> cTypes, MatchState s)
    {
        bool patternSignOnly = IsSignOnly(pTypes);
        bool codeSignOnly = IsSignOnly(cTypes);
        bool patternPlainInt = pTypes.Count == 1 && pTypes[0].Kind == SyntaxKind.IntKeyword;
        var remaining = new List<SyntaxElement>(cTypes);
        int lastPattern = -1;
        foreach (var pt in pTypes)
        {
            int k = -1;
            for (int i = 0; i < remaining.Count && k < 0; i++)
            {
                k = remaining[i].Kind == pt.Kind ? i : -1;
            }

            if (k < 0)
            {
                if (pt.Kind == SyntaxKind.IntKeyword && codeSignOnly)
                {
                    lastPattern = pt.AsToken().Index;
                    continue; // "unsigned int" against the code's "unsigned"
                }

                return null;
            }

            var ct = remaining[k];
            remaining.RemoveAt(k);
            lastPattern = pt.AsToken().Index;
            s = s.Record(lastPattern, ct.AsToken().Index, ct.AsToken().Index);
        }

        foreach (var ct in remaining)
        {
            bool implicitInt = ct.Kind == SyntaxKind.IntKeyword && patternSignOnly;
            bool implicitSign = ct.Kind == SyntaxKind.SignedKeyword && patternPlainInt;
            if (!(implicitInt || implicitSign) || lastPattern < 0)
            {
                return null;
            }

            s = s.Record(lastPattern, ct.AsToken().Index, ct.AsToken().Index);
        }

        return s;
    }

    /// <summary>Type keywords that are only "signed" or "unsigned": C reads them with an implicit int.</summary>
    private static bool IsSignOnly(List<SyntaxElement> types) =>
        types.Count == 1 && types[0].Kind is SyntaxKind.SignedKeyword or SyntaxKind.UnsignedKeyword;

    /// <summary>The type metavariable of pattern type specifiers that are "signed" or "unsigned" and one type metavariable, else null.</summary>
    private Metavariable? SignedTypeMeta(List<SyntaxElement> pTypes)
    {
        Metavariable? meta = null;
        bool sign = false;
        foreach (var t in pTypes)
        {
            if (t.IsToken && t.Kind is SyntaxKind.SignedKeyword or SyntaxKind.UnsignedKeyword)
            {
                sign = true;
            }
            else if (t.IsNode && t.Kind == SyntaxKind.TypedefName && meta is null && _ctx.Meta(t.AsNode().AsTypedefName().Identifier) is { Kind: MetavariableKind.Type } m)
            {
                meta = m;
            }
            else
            {
                return null;
            }
        }

        return sign ? meta : null;
    }

    private IEnumerable<MatchState> MatchSignedType(List<SyntaxElement> pTypes, Metavariable meta, List<SyntaxElement> cTypes, MatchState s)
    {
        var remaining = new List<SyntaxElement>(cTypes);
        SyntaxToken metaToken = default;
        foreach (var pt in pTypes)
        {
            if (pt.IsNode)
            {
                metaToken = pt.AsNode().AsTypedefName().Identifier;
                continue;
            }

            int k = remaining.FindIndex(ct => ct.Kind == pt.Kind);
            if (k < 0)
            {
                yield break;
            }

            s = s.Record(pt.AsToken().Index, remaining[k].AsToken().Index, remaining[k].AsToken().Index);
            remaining.RemoveAt(k);
        }

        if (remaining.Count == 0)
        {
            yield break; // "unsigned" alone leaves nothing for T
        }

        var words = new List<string>();
        foreach (var ct in remaining)
        {
            words.Add(ct.AsToken().Text);
        }

        var env = BindChecked(meta, new TypeValue(NormalizeType(string.Join(' ', words)), null), s.Env);
        if (env is null)
        {
            yield break;
        }

        int first = remaining[0].AsToken().Index, last = remaining[^1].AsToken().Index;
        if (WithPositions(metaToken.Index, first, last, s.With(env).Record(metaToken.Index, first, last)) is { } done)
        {
            yield return done;
        }
    }

    /// <summary>With optional_storage (optional_qualifier) disabled, the code has no storage class (qualifier) the pattern lacks.</summary>
    private bool ExtrasAllowed(List<SyntaxElement> pOthers, List<SyntaxElement> cOthers)
    {
        var disabled = _ctx.Rule.DisabledIsos;
        if (disabled.Count == 0)
        {
            return true;
        }

        bool storage = disabled.Contains("optional_storage");
        bool qualifier = disabled.Contains("optional_qualifier");
        foreach (var co in cOthers)
        {
            if (!co.IsToken || !((storage && SyntaxFacts.IsStorageKeyword(co.Kind)) || (qualifier && SyntaxFacts.IsQualifierKeyword(co.Kind))))
            {
                continue;
            }

            bool named = false;
            foreach (var po in pOthers)
            {
                named |= po.IsToken && po.Kind == co.Kind;
            }

            if (!named)
            {
                return false;
            }
        }

        return true;
    }

    private IEnumerable<MatchState> MatchElements(List<SyntaxElement> p, List<SyntaxElement> c, int i, MatchState s)
    {
        if (i == p.Count)
        {
            yield return s;
            yield break;
        }

        foreach (var s2 in Match(p[i], c[i], s))
        {
            foreach (var r in MatchElements(p, c, i + 1, s2))
            {
                yield return r;
            }
        }
    }

    /// <summary>The name a typedef gives to an anonymous structure (typedef struct { ... } name;), or null.</summary>
    private static string? TypedefNameOf(SyntaxNode structSpecifier)
    {
        if (structSpecifier.Parent is not { } specifiers || specifiers.Parent is not { Kind: SyntaxKind.Declaration } declaration || !HasTypedef(specifiers))
        {
            return null;
        }

        foreach (var d in declaration.AsDeclaration().DeclaratorList.ChildNodes())
        {
            if (d.Kind == SyntaxKind.InitDeclarator && d.AsInitDeclarator().Declarator is { Kind: SyntaxKind.IdentifierDeclarator } name)
            {
                return name.AsIdentifierDeclarator().Identifier.Text;
            }
        }

        return null;
    }

    internal static bool HasTypedef(SyntaxNode specifiers)
    {
        foreach (var child in specifiers.Children)
        {
            if (child.Kind == SyntaxKind.TypedefKeyword)
            {
                return true;
            }
        }

        return false;
    }

    private static void Split(SyntaxNode specifiers, List<SyntaxElement> types, List<SyntaxElement> others)
    {
        foreach (var child in specifiers.Children)
        {
            var kind = child.Kind;
            if (child.IsToken ? SyntaxFacts.IsNonTypeSpecifierKeyword(kind)
                : kind is SyntaxKind.AttributeMacro or SyntaxKind.AttributeSpecifier or SyntaxKind.AlignasSpecifier)
            {
                others.Add(child);
            }
            else
            {
                types.Add(child);
            }
        }
    }

    /// <summary>
    /// A declaration: the pattern declares one name; the code may declare several ("int a, b;"), and
    /// the pattern matches each of them. T as the type absorbs the code's specifiers and outer stars.
    /// </summary>
    private IEnumerable<MatchState> MatchDeclaration(SyntaxNode p, SyntaxNode c, MatchState s)
    {
        if (c.Kind != SyntaxKind.Declaration)
        {
            yield break;
        }

        var pv = p.AsDeclaration();
        var cv = c.AsDeclaration();
        var pDeclarators = ItemsOf(pv.DeclaratorList).Elements;
        var cDeclarators = ItemsOf(cv.DeclaratorList).Elements;
        int index = 0;
        if (RootMatcher._split is { } split && split.Declaration == p && split.Index < pDeclarators.Count)
        {
            index = split.Index;
            if (index > 0 && LeadingStars(pDeclarators[0].AsNode().AsInitDeclarator().Declarator) is { Count: > 0 } stars)
            {
                foreach (var r in MatchStarredSplitDeclarator(pv, cv, pDeclarators[index].AsNode().AsInitDeclarator(), stars, cDeclarators, s))
                {
                    yield return WithStorageOfRemoved(p, pv.SpecifierList, cv.SpecifierList, r);
                }

                yield break;
            }
        }
        else if (pDeclarators.Count != 1 || cDeclarators.Count == 0)
        {
            if (pDeclarators.Count == 0 && (cDeclarators.Count == 0 || HasTypedef(cv.SpecifierList)))
            {
                // struct foo { ... }; and the like, also as the type of a typedef (not of variables)
                foreach (var r in MatchSpecifiers(pv.SpecifierList, cv.SpecifierList, s))
                {
                    foreach (var r2 in MatchOptionalToken(pv.Semicolon, cv.Semicolon, r))
                    {
                        yield return WithEndAttributes(pv, cv, r2);
                    }
                }
            }
            else if (pDeclarators.Count == cDeclarators.Count && pDeclarators.Count > 1
                && LeadingStars(pDeclarators[0].AsNode().AsInitDeclarator().Declarator).Count == 0)
            {
                // Name by name against a declaration of as many names; not when the first one has stars,
                // which the later names take (SplitDeclaration), unlike the code's "int *q, b;".
                foreach (var r in MatchSpecifiers(pv.SpecifierList, cv.SpecifierList, s))
                {
                    foreach (var r2 in MatchElements(pDeclarators, cDeclarators, 0, r))
                    {
                        foreach (var r3 in MatchOptionalToken(pv.Semicolon, cv.Semicolon, r2))
                        {
                            yield return r3;
                        }
                    }
                }
            }

            yield break;
        }

        if (cDeclarators.Count == 0)
        {
            yield break;
        }

        var pInit = pDeclarators[index].AsNode().AsInitDeclarator();
        if (cDeclarators.Count > 1 && !SafeForSeveralDeclarators(p, pDeclarators[index].AsNode(), cv.SpecifierList))
        {
            yield break;
        }

        var typeMeta = TypeMetaOf(pv.SpecifierList, out var typeToken);
        var delegated = typeMeta is null ? null : DelegatedDeclaration(typeMeta);

        // The specifiers' matches do not depend on the declarator: with "int a, b, c;" they are found
        // once for the three, not once per declarator.
        List<MatchState>? specified = null;
        foreach (var cElement in cDeclarators)
        {
            var cInit = cElement.AsNode().AsInitDeclarator();
            IEnumerable<MatchState> afterType;
            if (delegated is { } declaration)
            {
                afterType = MatchDelegatedDeclarator(declaration, pInit, cv, cInit, s);
            }
            else if (typeMeta is not null)
            {
                afterType = MatchTypedDeclarator(typeMeta, typeToken, pv.SpecifierList, cv.SpecifierList, pInit, cInit, withInitializer: true, s);
            }
            else if (StarredTypeDisjunction(pv.SpecifierList) is { } disjunction)
            {
                afterType = MatchStarredTypeDisjunction(disjunction, pv.SpecifierList, cv.SpecifierList, pInit, cInit, withInitializer: true, s);
            }
            else
            {
                var specifiers = cDeclarators.Count == 1 ? MatchSpecifiers(pv.SpecifierList, cv.SpecifierList, s)
                    : specified ??= [.. MatchSpecifiers(pv.SpecifierList, cv.SpecifierList, s)];
                afterType = specifiers.SelectMany(st => Match(new SyntaxElement(p.Tree, ChildRefOf(pInit.Node)), new SyntaxElement(c.Tree, ChildRefOf(cInit.Node)), st));
            }

            foreach (var r in afterType)
            {
                foreach (var r2 in MatchOptionalToken(pv.Semicolon, cv.Semicolon, r))
                {
                    yield return WithStorageOfRemoved(p, pv.SpecifierList, cv.SpecifierList, r2);
                }
            }
        }
    }

    /// <summary>
    /// Whether the rule's declaration may match one of the declarators of a declaration that declares
    /// several ("int i, acc = 0;"), as spatch decides: only when the rule changes no more than the declared
    /// name and its initializer, or removes the whole declaration adding nothing (or "++" code, when the
    /// code has no storage class). A change to the type, the storage class or the ";", or code added
    /// around them, would need the declaration split, and spatch does not match it there.
    /// </summary>
    private bool SafeForSeveralDeclarators(SyntaxNode p, SyntaxNode pDeclarator, SyntaxNode cSpecifiers)
    {
        if (!ReferenceEquals(p.Tree, _body.Minus) || p.LastTokenIndex >= _body.MinusMarks.Length)
        {
            return true;
        }

        // Whole statements or declarations added before the declaration go before it, not into it
        // ("+ unsigned x;" then "- int x;"); a word added before its type ("+ unsigned" then "int x;") goes into it.
        bool wholeBefore = true;
        foreach (var chunk in _body.GetPlus(p.FirstTokenIndex, PlusSide.Before))
        {
            wholeBefore &= IsWholeStatements(chunk);
        }

        bool allRemoved = true, anyAdded = false, onlyPlusPlus = true;
        for (int t = p.FirstTokenIndex; t <= p.LastTokenIndex; t++)
        {
            allRemoved &= _body.MinusMarks[t] == TokenMark.Minus;
            foreach (var chunk in _body.GetPlus(t, PlusSide.Before))
            {
                if (t == p.FirstTokenIndex && wholeBefore)
                {
                    continue;
                }

                anyAdded = true;
                onlyPlusPlus &= chunk.PlusPlus;
            }

            foreach (var chunk in _body.GetPlus(t, PlusSide.After))
            {
                anyAdded = true;
                onlyPlusPlus &= chunk.PlusPlus;
            }
        }

        if (allRemoved && (!anyAdded || (onlyPlusPlus && !HasStorageClass(cSpecifiers))))
        {
            return true;
        }

        var init = pDeclarator.AsInitDeclarator();
        int name = Declarators.DeclaredIdentifier(init.Declarator)?.Index ?? -1;
        int initializerFirst = init.EqualsToken is { } equals ? equals.Index : int.MaxValue;
        for (int t = p.FirstTokenIndex; t <= p.LastTokenIndex; t++)
        {
            bool changed = _body.MinusMarks[t] == TokenMark.Minus || (_body.GetPlus(t, PlusSide.Before).Count > 0 && !(t == p.FirstTokenIndex && wholeBefore))
                || _body.GetPlus(t, PlusSide.After).Count > 0;
            if (changed && t != name && (t < initializerFirst || t > pDeclarator.LastTokenIndex))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether added code is a run of whole statements or declarations (or only lines kept as text).</summary>
    private bool IsWholeStatements(PlusChunk chunk)
    {
        var plus = _body.Plus;
        int t = chunk.First;
        while (t <= chunk.Last)
        {
            int end = -1;
            for (var n = plus.GetToken(t).Parent; n is { } node && node.FirstTokenIndex == t; n = node.Parent)
            {
                if (node.LastTokenIndex <= chunk.Last && (SyntaxFacts.IsStatementKind(node.Kind) || node.Kind is SyntaxKind.Declaration or SyntaxKind.MetavariableStatement))
                {
                    end = node.LastTokenIndex;
                }
            }

            if (end < 0)
            {
                return false;
            }

            t = end + 1;
        }

        return true;
    }

    private static bool HasStorageClass(SyntaxNode specifiers)
    {
        foreach (var child in specifiers.Children)
        {
            if (IsStorage(child))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The stars a declarator begins with ("*q", "**q"), none when it has qualifiers after one.</summary>
    private static List<SyntaxToken> LeadingStars(SyntaxNode declarator)
    {
        var stars = new List<SyntaxToken>();
        while (declarator.Kind == SyntaxKind.PointerDeclarator)
        {
            var pointer = declarator.AsPointerDeclarator();
            if (pointer.QualifierList.ChildCount != 0)
            {
                return [];
            }

            stars.Add(pointer.Asterisk);
            declarator = pointer.Declarator;
        }

        return stars;
    }

    /// <summary>
    /// A later declarator of "int *q, b;" read as its own declaration: spatch gives it the first one's
    /// stars ("int *b;"). A code declarator with those stars, no qualifier on them and no initializer matches.
    /// </summary>
    private IEnumerable<MatchState> MatchStarredSplitDeclarator(DeclarationSyntax pv, DeclarationSyntax cv, InitDeclaratorSyntax pInit, List<SyntaxToken> stars, IReadOnlyList<SyntaxElement> cDeclarators, MatchState s)
    {
        if (TypeMetaOf(pv.SpecifierList, out _) is not null || StarredTypeDisjunction(pv.SpecifierList) is not null || pInit.EqualsToken is not null)
        {
            yield break;
        }

        List<MatchState>? specified = null;
        foreach (var cElement in cDeclarators)
        {
            var cInit = cElement.AsNode().AsInitDeclarator();
            if (cInit.EqualsToken is not null)
            {
                continue;
            }

            var cDeclarator = cInit.Declarator;
            var cStars = new List<SyntaxToken>();
            while (cStars.Count < stars.Count && cDeclarator.Kind == SyntaxKind.PointerDeclarator && cDeclarator.AsPointerDeclarator().QualifierList.ChildCount == 0)
            {
                cStars.Add(cDeclarator.AsPointerDeclarator().Asterisk);
                cDeclarator = cDeclarator.AsPointerDeclarator().Declarator;
            }

            if (cStars.Count != stars.Count || cDeclarator.Kind == SyntaxKind.PointerDeclarator)
            {
                continue;
            }

            specified ??= [.. MatchSpecifiers(pv.SpecifierList, cv.SpecifierList, s)];
            foreach (var st in specified)
            {
                var starred = st;
                for (int i = 0; i < stars.Count; i++)
                {
                    starred = starred.Record(stars[i].Index, cStars[i].Index, cStars[i].Index);
                }

                var pDeclarator = pInit.Declarator;
                foreach (var r in Match(new SyntaxElement(pDeclarator.Tree, ChildRefOf(pDeclarator)), new SyntaxElement(cDeclarator.Tree, ChildRefOf(cDeclarator)), starred))
                {
                    foreach (var r2 in MatchOptionalToken(pv.Semicolon, cv.Semicolon, r))
                    {
                        yield return r2;
                    }
                }
            }
        }
    }

    /// <summary>
    /// The rule's declaration that the type metavariable of an isomorphism's declaration stands for
    /// ("ty var;" of decl_init matched "struct foo *x;" or "T *x;"), when it declares one name; else null.
    /// The type it stands for may hold stars of the rule's declarator, so the rule's whole declarator
    /// is matched there, not the type alone.
    /// </summary>
    private SyntaxNode? DelegatedDeclaration(Metavariable typeMeta)
    {
        if (_delegates is null || !_delegates.TryGet(typeMeta.Name, out var value) || value is not TypeValue { Specifiers.Node: { } specifiers }
            || !ReferenceEquals(specifiers.Tree, _parent!._ctx.Pattern) || specifiers.Parent is not { Kind: SyntaxKind.Declaration } declaration
            || ItemsOf(declaration.AsDeclaration().DeclaratorList).Elements.Count != 1)
        {
            return null;
        }

        return declaration;
    }

    /// <summary>
    /// An isomorphism's declaration whose type stands for the rule's declaration ("ty var = ...;" for
    /// "struct foo *x;"): the rule's type and declarator match the code's, binding the rule's own
    /// metavariables; then the isomorphism's initializer matches the code's.
    /// </summary>
    private IEnumerable<MatchState> MatchDelegatedDeclarator(SyntaxNode declaration, InitDeclaratorSyntax pInit, DeclarationSyntax cv, InitDeclaratorSyntax cInit, MatchState s)
    {
        var parent = _parent!;
        foreach (var head in parent.MatchDeclarationHead(declaration, cv, cInit, s.WithMuted(parent._parent is not null)))
        {
            foreach (var r in MatchSlotsFrom(pInit.Node, cInit.Node, 2, head.WithMuted(true)))
            {
                yield return r;
            }
        }
    }

    /// <summary>A declaration of the rule that declares one name against one declarator of the code, without the initializer and the ';'.</summary>
    private IEnumerable<MatchState> MatchDeclarationHead(SyntaxNode p, DeclarationSyntax cv, InitDeclaratorSyntax cInit, MatchState s)
    {
        var pv = p.AsDeclaration();
        var pInit = ItemsOf(pv.DeclaratorList).Elements[0].AsNode().AsInitDeclarator();
        IEnumerable<MatchState> head;
        if (TypeMetaOf(pv.SpecifierList, out var typeToken) is { } typeMeta)
        {
            head = MatchTypedDeclarator(typeMeta, typeToken, pv.SpecifierList, cv.SpecifierList, pInit, cInit, withInitializer: false, s);
        }
        else if (StarredTypeDisjunction(pv.SpecifierList) is { } disjunction)
        {
            head = MatchStarredTypeDisjunction(disjunction, pv.SpecifierList, cv.SpecifierList, pInit, cInit, withInitializer: false, s);
        }
        else
        {
            head = MatchSpecifiers(pv.SpecifierList, cv.SpecifierList, s).SelectMany(st => MatchInitDeclarator(pInit.Node, cInit.Node, withInitializer: false, st));
        }

        foreach (var r in head)
        {
            yield return WithStorageOfRemoved(p, pv.SpecifierList, cv.SpecifierList, r);
        }
    }

    /// <summary>The pattern's disjunction of types when a branch has stars ("\\(char *\\|short *\\) x;"), else null.</summary>
    private static SyntaxNode? StarredTypeDisjunction(SyntaxNode specifiers)
    {
        foreach (var child in specifiers.Children)
        {
            if (child.IsNode && child.Kind == SyntaxKind.Disjunction)
            {
                foreach (var branch in Branches(child.AsNode()))
                {
                    if (branch.Kind == SyntaxKind.TypeName && !branch.AsTypeName().Declarator.IsEmpty && CountStars(branch.AsTypeName().Declarator) > 0)
                    {
                        return child.AsNode();
                    }
                }
            }
        }

        return null;
    }

    /// <summary>
    /// A disjunction of types whose branches have stars: a branch is its specifiers and the code's
    /// first stars, as many as it writes; the pattern's declarator matches the rest. The first
    /// branch that matches is taken, as for any disjunction.
    /// </summary>
    private IEnumerable<MatchState> MatchStarredTypeDisjunction(SyntaxNode disjunction, SyntaxNode patternSpecifiers, SyntaxNode codeSpecifiers, InitDeclaratorSyntax pInit, InitDeclaratorSyntax cInit, bool withInitializer, MatchState s)
    {
        int codeStars = CountStars(cInit.Declarator);
        foreach (var branch in Branches(disjunction))
        {
            var type = branch.AsTypeName();
            int stars = CountStars(type.Declarator);
            if (!IsPointerChain(type.Declarator) || codeStars < stars)
            {
                continue;
            }

            bool any = false;
            foreach (var s2 in MatchSpecifiers(patternSpecifiers, codeSpecifiers, type.SpecifierList, s))
            {
                foreach (var s3 in MatchStarTokens(type.Declarator, cInit.Declarator, 0, s2))
                {
                    foreach (var s4 in MatchStars(pInit.Declarator, cInit.Declarator, stars, s3))
                    {
                        // The rest of the init-declarator after its attributes: '=', initializer.
                        foreach (var r in withInitializer ? MatchSlotsFrom(pInit.Node, cInit.Node, 2, s4) : [s4])
                        {
                            any = true;
                            yield return r;
                        }
                    }
                }
            }

            if (any)
            {
                yield break;
            }
        }
    }

    private IEnumerable<MatchState> MatchTypedDeclarator(Metavariable typeMeta, SyntaxToken typeToken, SyntaxNode patternSpecifiers, SyntaxNode codeSpecifiers, InitDeclaratorSyntax pInit, InitDeclaratorSyntax cInit, bool withInitializer, MatchState s)
    {
        // "typedef T1 T2;" declares a type name: it does not match a variable declaration.
        if (HasTypedef(patternSpecifiers) && !HasTypedef(codeSpecifiers))
        {
            yield break;
        }

        int patternStars = CountStars(pInit.Declarator);
        int codeStars = CountStars(cInit.Declarator);
        if (codeStars < patternStars)
        {
            yield break;
        }

        int absorbed = codeStars - patternStars;
        string text = BuildTypeText(codeSpecifiers, cInit.Declarator, absorbed);

        // T x against "int x[12]": T is the array type, whose brackets follow the name.
        var array = cInit.Declarator;
        for (int i = 0; i < codeStars; i++)
        {
            array = array.AsPointerDeclarator().Declarator;
        }

        SyntaxNode? arrayName = null;
        SyntaxNode? functionName = null;
        TypeValue value;
        if (patternStars == 0 && pInit.Declarator.Kind == SyntaxKind.IdentifierDeclarator && array.Kind == SyntaxKind.FunctionDeclarator)
        {
            // T x against a prototype "int f(int a);" or a function pointer "int (*fp)(int);": as spatch,
            // T is the function's type, "int ( int a )", "int ( * ) ( int )", around the name.
            if (DeclaredName(array) is not { } inner)
            {
                yield break;
            }

            functionName = inner;
            string head = inner.FirstTokenIndex > array.FirstTokenIndex ? new CodeValue(array.Tree, array.FirstTokenIndex, inner.FirstTokenIndex - 1).Key + " " : string.Empty;
            string tail = new CodeValue(array.Tree, inner.LastTokenIndex + 1, array.LastTokenIndex).Key;
            value = new TypeValue(NormalizeType(text + " " + head + tail), new CodeValue(codeSpecifiers));
        }
        else if (patternStars == 0 && pInit.Declarator.Kind == SyntaxKind.IdentifierDeclarator && array.Kind == SyntaxKind.ArrayDeclarator)
        {
            var inner = array;
            while (inner.Kind == SyntaxKind.ArrayDeclarator)
            {
                inner = inner.AsArrayDeclarator().Declarator;
            }

            if (inner.Kind != SyntaxKind.IdentifierDeclarator)
            {
                yield break;
            }

            arrayName = inner;
            var brackets = new CodeValue(array.Tree, inner.LastTokenIndex + 1, array.LastTokenIndex);
            value = new TypeValue(NormalizeType(text + " " + brackets.Key), new CodeValue(codeSpecifiers)) { ArraySuffix = brackets.Text, ElementText = text };
        }
        else
        {
            value = new TypeValue(text, new CodeValue(codeSpecifiers));
        }

        var env = BindChecked(typeMeta, value, s.Env);
        if (env is null
            || MatchDeclaratorAttributes(patternSpecifiers, pInit.Declarator, pInit.AttributeList, codeSpecifiers, cInit.Declarator, cInit.AttributeList, s.With(env)) is not { } attributed)
        {
            yield break;
        }

        // The type's span leaves the storage class out: the pattern's own ("- typedef T1 T2;") is the code's.
        if (MatchStorageClasses(patternSpecifiers, codeSpecifiers, attributed) is not { } stored)
        {
            yield break;
        }

        attributed = stored;
        int first, last;
        MatchState typed;
        if (functionName is { } function)
        {
            first = FirstTypeToken(codeSpecifiers);
            last = function.FirstTokenIndex - 1;
            typed = attributed.RecordPart(typeToken.Index, first, last, TracePart.Head).RecordPart(typeToken.Index, function.LastTokenIndex + 1, array.LastTokenIndex, TracePart.Tail);
        }
        else if (arrayName is { } arrayed)
        {
            first = FirstTypeToken(codeSpecifiers);
            last = LastAbsorbedToken(codeSpecifiers, cInit.Declarator, absorbed);
            typed = attributed.RecordPart(typeToken.Index, first, last, TracePart.Head).RecordPart(typeToken.Index, arrayed.LastTokenIndex + 1, array.LastTokenIndex, TracePart.Tail);
        }
        else
        {
            typed = RecordType(attributed, typeToken.Index, codeSpecifiers, cInit.Declarator, absorbed, NamesAttributes(patternSpecifiers, pInit.Declarator), skipLeadingAttributes: true, out first, out last);
        }

        if (WithPositions(typeToken.Index, first, last, typed) is not { } s2)
        {
            yield break;
        }

        // The brackets, or the function's parameters, belong to the type: the name is matched alone.
        var declared = (arrayName ?? functionName) is { } name
            ? Match(new SyntaxElement(pInit.Declarator.Tree, ChildRefOf(pInit.Declarator)), new SyntaxElement(name.Tree, ChildRefOf(name)), s2)
            : MatchStars(pInit.Declarator, cInit.Declarator, absorbed, s2);
        foreach (var s3 in declared)
        {
            // The rest of the init-declarator after its attributes: '=', initializer.
            foreach (var r in withInitializer ? MatchSlotsFrom(pInit.Node, cInit.Node, 2, s3) : [s3])
            {
                yield return r;
            }
        }
    }

    private static IEnumerable<MatchState> MatchOptionalToken(SyntaxToken? p, SyntaxToken? c, MatchState s)
    {
        if (p is { } pt && c is { } ct)
        {
            return [s.Record(pt.Index, ct.Index, ct.Index)];
        }

        return p is null ? [s] : [];
    }

    private IEnumerable<MatchState> MatchParameter(SyntaxNode p, SyntaxNode c, MatchState s)
    {
        var pv = p.AsParameterDeclaration();
        var cv = c.AsParameterDeclaration();

        // "parameter p;" written alone
        if (pv.SpecifierList.ChildCount == 0 && pv.Declarator.Kind == SyntaxKind.IdentifierDeclarator
            && _ctx.Meta(pv.Declarator.AsIdentifierDeclarator().Identifier) is { Kind: MetavariableKind.Parameter } meta)
        {
            var env = BindChecked(meta, new CodeValue(c), s.Env);
            if (env is not null)
            {
                if (RecordNode(pv.Declarator.AsIdentifierDeclarator().Identifier, c, s.With(env)) is { } positioned)
                {
                    yield return positioned;
                }
            }

            yield break;
        }

        if (TypeMetaOf(pv.SpecifierList, out var typeToken) is { } typeMeta)
        {
            int patternStars = CountStars(pv.Declarator);
            int codeStars = CountStars(cv.Declarator);
            if (codeStars < patternStars)
            {
                yield break;
            }

            int absorbed = codeStars - patternStars;
            var env = BindChecked(typeMeta, new TypeValue(BuildTypeText(cv.SpecifierList, cv.Declarator, absorbed), new CodeValue(cv.SpecifierList)), s.Env);
            if (env is null
                || MatchDeclaratorAttributes(pv.SpecifierList, pv.Declarator, pv.AttributeList, cv.SpecifierList, cv.Declarator, cv.AttributeList, s.With(env)) is not { } attributed)
            {
                yield break;
            }

            if (MatchStorageClasses(pv.SpecifierList, cv.SpecifierList, attributed) is not { } stored)
            {
                yield break;
            }

            var s2 = RecordType(stored, typeToken.Index, cv.SpecifierList, cv.Declarator, absorbed, NamesAttributes(pv.SpecifierList, pv.Declarator), skipLeadingAttributes: true, out _, out _);
            foreach (var r in MatchStars(pv.Declarator, cv.Declarator, absorbed, s2))
            {
                yield return r;
            }

            yield break;
        }

        foreach (var s2 in MatchSpecifiers(pv.SpecifierList, cv.SpecifierList, s))
        {
            var pEnd = new List<SyntaxElement>();
            CollectAttributes(pv.AttributeList, pEnd);
            var cEnd = new List<SyntaxElement>();
            CollectAttributes(cv.AttributeList, cEnd);
            if (MatchAttributeSet(pEnd, cEnd, s2) is not { } s3)
            {
                continue;
            }

            foreach (var r in Match(new SyntaxElement(p.Tree, ChildRefOf(pv.Declarator)), new SyntaxElement(c.Tree, ChildRefOf(cv.Declarator)), s3))
            {
                yield return r;
            }
        }
    }

    /// <summary>struct/union specifiers; a definition's members match as a list with "...".</summary>
    private IEnumerable<MatchState> MatchStruct(SyntaxNode p, SyntaxNode c, MatchState s)
    {
        var pv = p.AsStructSpecifier();
        var cv = c.AsStructSpecifier();

        // T { ... }: the structure's type is the type metavariable T.
        if (_ctx.Meta(pv.Keyword) is { Kind: MetavariableKind.Type } typeMeta)
        {
            if (cv.MemberList is null)
            {
                yield break;
            }

            string text = cv.Name is { } name ? $"{cv.Keyword.Text} {name.Text}" : TypedefNameOf(c) ?? cv.Keyword.Text;
            var env = BindChecked(typeMeta, new TypeValue(text, null), s.Env);
            if (env is null)
            {
                yield break;
            }

            int last = cv.Name is { } n2 ? n2.Index : cv.Keyword.Index;
            var s2 = s.With(env).Record(pv.Keyword.Index, cv.Keyword.Index, last);
            foreach (var r in MatchBody(pv, cv, s2))
            {
                yield return r;
            }

            yield break;
        }

        if (pv.Keyword.Kind != cv.Keyword.Kind)
        {
            yield break;
        }

        var s1 = s.Record(pv.Keyword.Index, cv.Keyword.Index, cv.Keyword.Index);
        IEnumerable<MatchState> named;
        if (pv.Node.GetSlot(2) is { } pName)
        {
            if (cv.Node.GetSlot(2) is not { } cName)
            {
                yield break;
            }

            named = Match(pName, cName, s1);
        }
        else
        {
            named = cv.Name is null ? [s1] : [];
        }

        foreach (var s2 in named)
        {
            foreach (var r in MatchBody(pv, cv, s2))
            {
                yield return r;
            }
        }
    }

    private IEnumerable<MatchState> MatchBody(StructSpecifierSyntax pv, StructSpecifierSyntax cv, MatchState s)
    {
        if (pv.MemberList is null)
        {
            if (cv.MemberList is null)
            {
                yield return s;
            }

            yield break;
        }

        if (cv.MemberList is null || pv.OpenBrace is not { } po || cv.OpenBrace is not { } co)
        {
            yield break;
        }

        if (pv.CloseBrace is not { } pc || cv.CloseBrace is not { } cc)
        {
            yield break;
        }

        var s1 = s.Record(po.Index, co.Index, co.Index);
        foreach (var s2 in MatchMembers(pv.MemberList.Value, cv.MemberList.Value, cc.Index, s1))
        {
            yield return s2.Record(pc.Index, cc.Index, cc.Index);
        }
    }

    /// <summary>
    /// A code initializer list with a designator matches as an unordered set: each pattern element finds its own
    /// code element, and the others need not be named (so "{ }" matches it). As in spatch, the code decides.
    /// </summary>
    private IEnumerable<MatchState> MatchInitializerList(SyntaxNode p, SyntaxNode c, MatchState s)
    {
        var pv = p.AsInitializerList();
        var cv = c.AsInitializerList();
        var pItems = ItemsOf(pv.ElementList);
        var cItems = ItemsOf(cv.ElementList);
        bool unordered = false;
        foreach (var e in cItems.Elements)
        {
            unordered |= e.Kind == SyntaxKind.DesignatedInitializer;
        }

        var s1 = s.Record(pv.OpenBrace.Index, cv.OpenBrace.Index, cv.OpenBrace.Index);
        IEnumerable<MatchState> inner = unordered
            ? MatchUnordered(pItems, cItems, 0, new bool[cItems.Elements.Count], new int[pItems.Elements.Count], s1)
            : MatchSequence(pv.ElementList, cv.ElementList, s1);
        foreach (var s2 in inner)
        {
            yield return s2.Record(pv.CloseBrace.Index, cv.CloseBrace.Index, cv.CloseBrace.Index);
        }
    }

    private IEnumerable<MatchState> MatchUnordered(ListItems p, ListItems c, int i, bool[] used, int[] matchOf, MatchState s)
    {
        if (i == p.Elements.Count)
        {
            if (RecordUnorderedDots(p, c, used, matchOf, s) is { } done)
            {
                yield return done;
            }

            yield break;
        }

        var pe = p.Elements[i];
        if (pe.Kind == SyntaxKind.Dots)
        {
            foreach (var r in MatchUnordered(p, c, i + 1, used, matchOf, s))
            {
                yield return r;
            }

            yield break;
        }

        for (int j = 0; j < c.Elements.Count; j++)
        {
            if (used[j])
            {
                continue;
            }

            foreach (var s2 in Match(pe, c.Elements[j], s))
            {
                used[j] = true;
                matchOf[i] = j;
                var s3 = MapSeparator(p, i, c, j, s2, true, placeAfterLast: true);
                foreach (var r in MatchUnordered(p, c, i + 1, used, matchOf, s3))
                {
                    yield return r;
                }

                used[j] = false;
            }
        }
    }

    /// <summary>
    /// The "..." of a designated initializer pattern stand for all the code elements no other pattern
    /// element matched, wherever they are: removed with their commas under "-". As in spatch, code
    /// added after a "...," goes before the code element that the next pattern element matched, or at
    /// the end of the list when no element follows. Dots with different annotations match nothing.
    /// </summary>
    private MatchState? RecordUnorderedDots(ListItems p, ListItems c, bool[] used, int[] matchOf, MatchState s)
    {
        var marks = _body.MinusMarks;
        int dotsCount = 0, minusDots = 0;
        for (int i = 0; i < p.Elements.Count; i++)
        {
            if (p.Elements[i].Kind == SyntaxKind.Dots)
            {
                dotsCount++;
                int t = FirstTokenOf(p.Elements[i]);
                if (t < marks.Length && marks[t] == TokenMark.Minus)
                {
                    minusDots++;
                }
            }
        }

        if (dotsCount == 0)
        {
            return s;
        }

        if (minusDots != 0 && minusDots != dotsCount)
        {
            return null;
        }

        for (int i = 0; i < p.Elements.Count; i++)
        {
            if (p.Elements[i].Kind != SyntaxKind.Dots)
            {
                continue;
            }

            int dots = FirstTokenOf(p.Elements[i]);
            if (minusDots > 0)
            {
                for (int j = 0; j < c.Elements.Count; j++)
                {
                    if (!used[j])
                    {
                        int last = c.Separators[j] is { } sep ? sep.Index : LastTokenOf(c.Elements[j]);
                        s = s.Record(dots, FirstTokenOf(c.Elements[j]), last);
                    }
                }

                continue;
            }

            if (p.Separators[i] is not { } comma)
            {
                continue;
            }

            // The next element the pattern names decides where code added after the comma goes.
            int next = -1;
            for (int k = i + 1; k < p.Elements.Count && next < 0; k++)
            {
                if (p.Elements[k].Kind != SyntaxKind.Dots)
                {
                    next = matchOf[k];
                }
            }

            if (next > 0)
            {
                if (c.Separators[next - 1] is { } before)
                {
                    s = s.Record(comma.Index, before.Index, before.Index);
                }
            }
            else if (next == 0)
            {
                int open = FirstTokenOf(c.Elements[0]) - 1;
                s = s.Record(comma.Index, open, open);
            }
            else if (c.Elements.Count > 0)
            {
                int lastElement = c.Elements.Count - 1;
                if (c.Separators[lastElement] is { } trailing)
                {
                    s = s.Record(comma.Index, trailing.Index, trailing.Index);
                }
                else
                {
                    int after = LastTokenOf(c.Elements[lastElement]) + 1;
                    s = s.Record(comma.Index, after, after - 1);
                }
            }
        }

        return s;
    }
}
