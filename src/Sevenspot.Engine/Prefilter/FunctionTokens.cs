using Sevenspot.C;

namespace Sevenspot.Engine;

/// <summary>
/// The punctuation and keywords a function must contain for a flow rule whose pattern writes them to
/// match there, besides the names <see cref="RequiredTokens"/> looks for in files. Only tokens no
/// matching leaves out are listed: "?" of a conditional, "->" of a member access, "else", "switch", "sizeof"
/// and the "=" of an assignment or an initializer (every form the isomorphisms give them is followed by
/// <see cref="RequiredTokens"/>, as for names: drop_else's if without else requires only the parts it
/// keeps; mkinit's initializer keeps the "="; "x = E" matches a declarator "T x = E" by its "=", and a
/// compound assignment is a token of its own kind). Parentheses and braces are not
/// (the paren and braces isomorphisms drop them), nor "&amp;&amp;", "||" and "," (a "..." beside
/// them matches nothing), nor loops ("for" matches iterator macros) or types.
/// </summary>
internal static class FunctionTokens
{
    /// <summary>The word that stands for a token of this kind in a requirement, or null when a token of the kind is never required.</summary>
    public static string? WordOf(SyntaxKind kind) => kind switch
    {
        SyntaxKind.QuestionToken => "?",
        SyntaxKind.ArrowToken => "->",
        SyntaxKind.ElseKeyword => "else",
        SyntaxKind.SwitchKeyword => "switch",
        SyntaxKind.SizeofKeyword => "sizeof",
        SyntaxKind.EqualsToken => "=",
        _ => null,
    };

    /// <summary>
    /// The word that stands for a keyword of this kind in a file's requirement, or null. Only "sizeof": it
    /// has no other spelling, every form an isomorphism gives "sizeof(T)" keeps it, and, being spelt as a
    /// name, the file's byte scan finds it whole (punctuation such as "->" it could not tell from its neighbours).
    /// </summary>
    public static string? FileWordOf(SyntaxKind kind) => kind == SyntaxKind.SizeofKeyword ? "sizeof" : null;

    /// <summary>The kind of token a word of <see cref="WordOf"/> stands for; <see cref="SyntaxKind.None"/> for a name.</summary>
    public static SyntaxKind KindOf(string word) => word switch
    {
        "?" => SyntaxKind.QuestionToken,
        "->" => SyntaxKind.ArrowToken,
        "else" => SyntaxKind.ElseKeyword,
        "switch" => SyntaxKind.SwitchKeyword,
        "sizeof" => SyntaxKind.SizeofKeyword,
        "=" => SyntaxKind.EqualsToken,
        _ => SyntaxKind.None,
    };
}
