using Sevenspot.C;
using Sevenspot.Smpl;

namespace Sevenspot.Engine;

/// <summary>
/// Attributes (__attribute__((...)) and attribute words such as __nocast) in types and declarations.
/// The attributes a pattern names are the code's at the same place (in a cast's type: anywhere
/// in the type; in a parameter or declaration: between the type and the name, or after the
/// declarator); where the pattern names none the code may have any (optional_attributes) unless
/// the rule disables that isomorphism. Attributes written before the type of a parameter or declaration are outside
/// what it matches, as in spatch. A type metavariable binds the type without its attributes.
/// </summary>
public sealed partial class Matcher
{
    internal static bool IsAttribute(SyntaxElement e) => e.IsNode && e.Kind is SyntaxKind.AttributeMacro or SyntaxKind.AttributeSpecifier;

    /// <summary>The attributes directly in a list (a specifier list, an attribute list, a qualifier list).</summary>
    private static void CollectAttributes(SyntaxNode list, List<SyntaxElement> into)
    {
        if (list.IsEmpty)
        {
            return;
        }

        foreach (var child in list.Children)
        {
            if (IsAttribute(child))
            {
                into.Add(child);
            }
        }
    }

    /// <summary>The attributes of a specifier list, split into those before the first type specifier and those after it.</summary>
    private static void CollectSpecifierAttributes(SyntaxNode specifiers, List<SyntaxElement>? before, List<SyntaxElement> after)
    {
        bool sawType = false;
        foreach (var child in specifiers.Children)
        {
            if (IsAttribute(child))
            {
                (sawType || before is null ? after : before).Add(child);
                continue;
            }

            var kind = child.Kind;
            bool other = child.IsToken
                ? SyntaxFacts.IsNonTypeSpecifierKeyword(kind)
                : kind == SyntaxKind.AlignasSpecifier;
            sawType |= !other;
        }
    }

    /// <summary>The attributes in the qualifier lists of a declarator's leading stars.</summary>
    private static void CollectPointerAttributes(SyntaxNode declarator, List<SyntaxElement> into)
    {
        while (declarator.Kind == SyntaxKind.PointerDeclarator)
        {
            var pointer = declarator.AsPointerDeclarator();
            CollectAttributes(pointer.QualifierList, into);
            declarator = pointer.Declarator;
        }
    }

    private bool OptionalAttributes => !_ctx.Rule.DisabledIsos.Contains("optional_attributes");

    /// <summary>
    /// The attributes a pattern writes at one place against the code's there: none in the pattern
    /// matches any (optional_attributes; none at all when the rule disables it), otherwise the
    /// same attributes in the same order, as spatch matches them.
    /// </summary>
    private MatchState? MatchAttributeSet(List<SyntaxElement> p, List<SyntaxElement> c, MatchState s)
    {
        if (p.Count == 0)
        {
            return OptionalAttributes || c.Count == 0 ? s : null;
        }

        if (p.Count != c.Count)
        {
            return null;
        }

        for (int i = 0; i < p.Count; i++)
        {
            if (p[i].Kind != c[i].Kind)
            {
                return null;
            }

            bool found = false;
            foreach (var r in Match(p[i], c[i], s))
            {
                s = r;
                found = true;
                break;
            }

            if (!found)
            {
                return null;
            }
        }

        return s;
    }

    /// <summary>The attributes of a cast's (or sizeof's) type: wherever the type writes them.</summary>
    private MatchState? MatchTypeNameAttributes(TypeNameSyntax p, TypeNameSyntax c, MatchState s)
    {
        var pa = new List<SyntaxElement>();
        CollectAttributes(p.SpecifierList, pa);
        CollectPointerAttributes(p.Declarator, pa);
        var ca = new List<SyntaxElement>();
        CollectAttributes(c.SpecifierList, ca);
        CollectPointerAttributes(c.Declarator, ca);
        return MatchAttributeSet(pa, ca, s);
    }

    /// <summary>
    /// The attributes of a parameter or declaration: those between the type and the name, and those
    /// after the declarator. In the code, attributes after a star count as after the declarator
    /// (spatch reads "int *__a y" so); in the rule, they count as between the type and the name.
    /// </summary>
    private MatchState? MatchDeclaratorAttributes(SyntaxNode pSpecifiers, SyntaxNode pDeclarator, SyntaxNode pEnd, SyntaxNode cSpecifiers, SyntaxNode cDeclarator, SyntaxNode cEnd, MatchState s)
    {
        var pMid = new List<SyntaxElement>();
        CollectSpecifierAttributes(pSpecifiers, null, pMid);
        CollectPointerAttributes(pDeclarator, pMid);
        var cMid = new List<SyntaxElement>();
        CollectSpecifierAttributes(cSpecifiers, [], cMid);
        if (MatchAttributeSet(pMid, cMid, s) is not { } s2)
        {
            return null;
        }

        var pEndList = new List<SyntaxElement>();
        CollectAttributes(pEnd, pEndList);
        var cEndList = new List<SyntaxElement>();
        CollectPointerAttributes(cDeclarator, cEndList);
        CollectAttributes(cEnd, cEndList);
        if (MatchAttributeSet(pEndList, cEndList, s2) is not { } s3)
        {
            return null;
        }

        // The rule names no attribute after a name it removes: the code's go with the name.
        if (pEndList.Count == 0 && !cEnd.IsEmpty && cEnd.ChildCount > 0 && !_ctx.CodeIsPattern && NameOf(pDeclarator) is { } name
            && name < _body.MinusMarks.Length && _body.MinusMarks[name] == TokenMark.Minus)
        {
            s3 = s3.RecordPart(name, cEnd.FirstTokenIndex, cEnd.LastTokenIndex, TracePart.Tail);
        }

        return s3;
    }

    /// <summary>The declared name of a declarator written as stars then a name, or null.</summary>
    private static int? NameOf(SyntaxNode declarator)
    {
        while (declarator.Kind == SyntaxKind.PointerDeclarator)
        {
            declarator = declarator.AsPointerDeclarator().Declarator;
        }

        return declarator.Kind == SyntaxKind.IdentifierDeclarator ? declarator.AsIdentifierDeclarator().Identifier.Index : null;
    }

    /// <summary>Whether a pattern's type (its specifiers and the stars of its declarator) names an attribute.</summary>
    private static bool NamesAttributes(SyntaxNode specifiers, SyntaxNode declarator)
    {
        var found = new List<SyntaxElement>();
        CollectAttributes(specifiers, found);
        CollectPointerAttributes(declarator, found);
        return found.Count > 0;
    }

    /// <summary>
    /// Records the code a type metavariable covers: the specifiers (without the attributes around
    /// them) and the stars it absorbed. Attributes written among them stay out of its span, so
    /// removing the type keeps them; the span is then two parts, before and after them.
    /// </summary>
    private static MatchState RecordType(MatchState s, int patternToken, SyntaxNode specifiers, SyntaxNode declarator, int stars, bool patternNamesAttributes, bool skipLeadingAttributes, out int first, out int last)
    {
        if (!patternNamesAttributes)
        {
            // The rule says nothing of attributes: the type covers those among its words, so
            // removing it removes them (spatch: "- T" on "int __a" leaves nothing).
            first = specifiers.FirstTokenIndex;
            if (!specifiers.IsEmpty)
            {
                foreach (var child in specifiers.Children)
                {
                    if (!(skipLeadingAttributes && IsAttribute(child)) && !IsStorage(child))
                    {
                        first = child.IsToken ? child.AsToken().Index : child.AsNode().FirstTokenIndex;
                        break;
                    }
                }
            }

            last = LastAbsorbedToken(specifiers, declarator, stars);
            return s.Record(patternToken, first, last);
        }

        first = specifiers.IsEmpty ? specifiers.FirstTokenIndex : -1;
        int headLast = -1;
        bool gap = false;
        if (!specifiers.IsEmpty)
        {
            foreach (var child in specifiers.Children)
            {
                int childFirst = child.IsToken ? child.AsToken().Index : child.AsNode().FirstTokenIndex;
                int childLast = child.IsToken ? child.AsToken().Index : child.AsNode().LastTokenIndex;
                if (IsAttribute(child))
                {
                    gap |= first >= 0;
                    continue;
                }

                if (first < 0 && IsStorage(child))
                {
                    continue; // static long g(void): the type is "long", static stays when it goes
                }

                if (gap)
                {
                    // Something of the type after an attribute inside the specifiers: keep one span.
                    first = specifiers.FirstTokenIndex;
                    headLast = specifiers.LastTokenIndex;
                    gap = false;
                    break;
                }

                if (first < 0)
                {
                    first = childFirst;
                }

                headLast = childLast;
            }
        }

        if (first < 0)
        {
            first = specifiers.FirstTokenIndex;
            headLast = specifiers.IsEmpty ? first - 1 : specifiers.LastTokenIndex;
        }

        last = LastAbsorbedStar(declarator, stars);
        if (last <= headLast)
        {
            last = headLast;
            return s.Record(patternToken, first, last);
        }

        // The stars absorbed: after the specifiers (and any attributes between).
        int tailFirst = FirstStarToken(declarator);
        if (tailFirst < 0 || tailFirst == headLast + 1)
        {
            return s.Record(patternToken, first, last);
        }

        return s.RecordPart(patternToken, first, headLast, TracePart.Head).RecordPart(patternToken, tailFirst, last, TracePart.Tail);
    }

    /// <summary>A storage class among specifiers ("static", "extern", "inline"): not part of the type they write.</summary>
    private static bool IsStorage(SyntaxElement child) =>
        child.IsToken && (SyntaxFacts.IsStorageKeyword(child.Kind) || child.Kind == SyntaxKind.ExtensionKeyword);

    /// <summary>
    /// "struct s { ... } __attr;" against a rule that names no attribute: the attributes after the
    /// definition go with the ';', so removing the declaration removes them.
    /// </summary>
    private static MatchState WithEndAttributes(DeclarationSyntax p, DeclarationSyntax c, MatchState s)
    {
        if (p.Semicolon is not { } semicolon || c.Semicolon is null)
        {
            return s;
        }

        foreach (var child in p.SpecifierList.Children)
        {
            if (IsAttribute(child))
            {
                return s;
            }
        }

        int first = -1, last = -1;
        bool afterDefinition = false;
        foreach (var child in c.SpecifierList.Children)
        {
            if (child.Kind is SyntaxKind.StructSpecifier or SyntaxKind.EnumSpecifier)
            {
                afterDefinition = true;
                continue;
            }

            if (afterDefinition && IsAttribute(child))
            {
                var node = child.AsNode();
                first = first < 0 ? node.FirstTokenIndex : first;
                last = node.LastTokenIndex;
            }
        }

        return first < 0 ? s : s.Record(semicolon.Index, first, last);
    }

    private static int CountAttributes(List<SyntaxElement> elements)
    {
        int n = 0;
        foreach (var e in elements)
        {
            n += IsAttribute(e) ? 1 : 0;
        }

        return n;
    }

    /// <summary>An init-declarator: the declarator, the attributes after it (as a set), then '=' and the initializer.</summary>
    private IEnumerable<MatchState> MatchInitDeclarator(SyntaxNode p, SyntaxNode c, MatchState s) => MatchInitDeclarator(p, c, withInitializer: true, s);

    /// <summary>An init-declarator, with <paramref name="withInitializer"/> false up to its '=' (an isomorphism's initializer follows).</summary>
    private IEnumerable<MatchState> MatchInitDeclarator(SyntaxNode p, SyntaxNode c, bool withInitializer, MatchState s)
    {
        var pv = p.AsInitDeclarator();
        var cv = c.AsInitDeclarator();
        foreach (var s2 in Match(new SyntaxElement(p.Tree, ChildRefOf(pv.Declarator)), new SyntaxElement(c.Tree, ChildRefOf(cv.Declarator)), s))
        {
            var pa = new List<SyntaxElement>();
            CollectAttributes(pv.AttributeList, pa);
            var ca = new List<SyntaxElement>();
            CollectAttributes(cv.AttributeList, ca);
            if (pa.Count != pv.AttributeList.ChildCount || ca.Count != cv.AttributeList.ChildCount)
            {
                // asm labels and the like after the declarator: in order, as written.
                var rest = withInitializer ? MatchSlotsFrom(p, c, 1, s2)
                    : Match(new SyntaxElement(p.Tree, ChildRefOf(pv.AttributeList)), new SyntaxElement(c.Tree, ChildRefOf(cv.AttributeList)), s2);
                foreach (var r in rest)
                {
                    yield return r;
                }

                continue;
            }

            if (MatchAttributeSet(pa, ca, s2) is not { } s3)
            {
                continue;
            }

            foreach (var r in withInitializer ? MatchSlotsFrom(p, c, 2, s3) : [s3])
            {
                yield return r;
            }
        }
    }

    /// <summary>A star: its qualifiers as written; attributes after it are matched by the declaration or type that holds it.</summary>
    private IEnumerable<MatchState> MatchPointerDeclarator(SyntaxNode p, SyntaxNode c, MatchState s)
    {
        var pv = p.AsPointerDeclarator();
        var cv = c.AsPointerDeclarator();
        var pa = new List<SyntaxElement>();
        CollectAttributes(pv.QualifierList, pa);
        var ca = new List<SyntaxElement>();
        CollectAttributes(cv.QualifierList, ca);
        if (pa.Count == 0 && ca.Count == 0)
        {
            return MatchSlots(p, c, s);
        }

        if (!SameQualifiers(pv.QualifierList, cv.QualifierList) || pv.QualifierList.ChildCount - pa.Count != cv.QualifierList.ChildCount - ca.Count)
        {
            return [];
        }

        s = s.Record(pv.Asterisk.Index, cv.Asterisk.Index, cv.Asterisk.Index);
        return Match(new SyntaxElement(p.Tree, ChildRefOf(pv.Declarator)), new SyntaxElement(c.Tree, ChildRefOf(cv.Declarator)), s);
    }

    /// <summary>The last token of the first n stars of a declarator with their qualifiers (attributes after them left out), or -1.</summary>
    private static int LastAbsorbedStar(SyntaxNode declarator, int stars)
    {
        int last = -1;
        for (int i = 0; i < stars && declarator.Kind == SyntaxKind.PointerDeclarator; i++)
        {
            var pointer = declarator.AsPointerDeclarator();
            last = pointer.Asterisk.Index;
            if (!pointer.QualifierList.IsEmpty)
            {
                foreach (var child in pointer.QualifierList.Children)
                {
                    if (child.IsToken)
                    {
                        last = Math.Max(last, child.AsToken().Index);
                    }
                }
            }

            declarator = pointer.Declarator;
        }

        return last;
    }

    private static int FirstStarToken(SyntaxNode declarator) =>
        declarator.Kind == SyntaxKind.PointerDeclarator ? declarator.AsPointerDeclarator().Asterisk.Index : -1;
}
