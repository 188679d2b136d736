using System.Text;

namespace Sevenspot.Engine.Ctl;

/// <summary>
/// Prints formulas with the notation of Coccinelle's <c>--show-ctl-text</c> (<c>pretty_print_ctl.ml</c>),
/// on one line: <c>&amp;</c> and, <c>&amp;,</c> strict and, <c>&amp;+</c> AndAny, <c>&amp;h+</c> HackForStmt,
/// <c>v</c> or, <c>|</c> SeqOr, <c>!</c> not, <c>^</c> backward, <c>Ex</c>/<c>Ex_</c> exists with/without witness,
/// <c>A[φ U ψ]</c>, <c>Let x = φ in ψ</c>. Apart from line breaks, the text is what spatch prints, so
/// collapsing whitespace in both makes them comparable.
/// </summary>
public static class FormulaPrinter
{
    /// <summary>Prints <paramref name="formula"/>.</summary>
    /// <param name="printPredicate">How to print a predicate; its <c>ToString()</c> by default. Annotations are not printed, as in spatch.</param>
    /// <param name="partialMatch">Print the strictness of the temporal operators too, as spatch does with <c>--partial-match</c>.</param>
    public static string Print<TPred>(Formula<TPred> formula, Func<TPred, string>? printPredicate = null, bool partialMatch = false)
    {
        var builder = new StringBuilder();
        Append(builder, formula, printPredicate ?? (static p => p?.ToString() ?? ""), partialMatch);
        return builder.ToString();
    }

    private static void Append<TPred>(StringBuilder sb, Formula<TPred> formula, Func<TPred, string> printPredicate, bool partialMatch)
    {
        void Recurse(Formula<TPred> f) => Append(sb, f, printPredicate, partialMatch);

        void Binary(string symbol, Formula<TPred> left, Formula<TPred> right)
        {
            sb.Append('(');
            Recurse(left);
            sb.Append(' ').Append(symbol).Append(' ');
            Recurse(right);
            sb.Append(')');
        }

        void Unary(string op, Direction direction, Strictness? strictness, Formula<TPred> operand)
        {
            sb.Append(op).Append(Dir(direction));
            if (partialMatch && strictness == Strictness.Strict)
                sb.Append(',');
            sb.Append('(');
            Recurse(operand);
            sb.Append(')');
        }

        void Until(char quantifier, Direction direction, Strictness? strictness, string op, Formula<TPred> left, Formula<TPred> right)
        {
            sb.Append(quantifier).Append(Dir(direction));
            if (partialMatch && strictness == Strictness.Strict)
                sb.Append(',');
            sb.Append('[');
            Recurse(left);
            sb.Append(' ').Append(op).Append(' ');
            Recurse(right);
            sb.Append(']');
        }

        switch (formula)
        {
            case Formula<TPred>.False:
                sb.Append("False");
                break;
            case Formula<TPred>.True:
                sb.Append("True");
                break;
            case Formula<TPred>.Pred p:
                sb.Append(printPredicate(p.Predicate));
                break;
            case Formula<TPred>.Not n:
                sb.Append('!');
                Recurse(n.Operand);
                break;
            case Formula<TPred>.Exists e:
                sb.Append(e.Keep ? "(Ex " : "(Ex_ ").Append(e.Variable).Append(" . ");
                Recurse(e.Operand);
                sb.Append(')');
                break;
            case Formula<TPred>.AndAny a:
                Binary("&+" + Dir(a.Direction) + Strict(a.Strictness), a.Left, a.Right);
                break;
            case Formula<TPred>.HackForStmt h:
                Binary("&h+" + Dir(h.Direction) + Strict(h.Strictness), h.Left, h.Right);
                break;
            case Formula<TPred>.And a:
                Binary("&" + Strict(a.Strictness), a.Left, a.Right);
                break;
            case Formula<TPred>.Or o:
                Binary("v", o.Left, o.Right);
                break;
            case Formula<TPred>.SeqOr o:
                Binary("|", o.Left, o.Right);
                break;
            case Formula<TPred>.Implies i:
                Binary("=>", i.Left, i.Right);
                break;
            case Formula<TPred>.AF f:
                Unary("AF", f.Direction, f.Strictness, f.Operand);
                break;
            case Formula<TPred>.AX f:
                Unary("AX", f.Direction, f.Strictness, f.Operand);
                break;
            case Formula<TPred>.AG f:
                Unary("AG", f.Direction, f.Strictness, f.Operand);
                break;
            case Formula<TPred>.EF f:
                Unary("EF", f.Direction, null, f.Operand);
                break;
            case Formula<TPred>.EX f:
                Unary("EX", f.Direction, null, f.Operand);
                break;
            case Formula<TPred>.EG f:
                Unary("EG", f.Direction, null, f.Operand);
                break;
            case Formula<TPred>.AW f:
                Until('A', f.Direction, f.Strictness, "W", f.Left, f.Right);
                break;
            case Formula<TPred>.AU f:
                Until('A', f.Direction, f.Strictness, "U", f.Left, f.Right);
                break;
            case Formula<TPred>.EU f:
                Until('E', f.Direction, null, "U", f.Left, f.Right);
                break;
            case Formula<TPred>.Let l:
                sb.Append("Let ").Append(l.Name).Append(" = ");
                Recurse(l.Value);
                sb.Append(" in ");
                Recurse(l.Body);
                break;
            case Formula<TPred>.LetR l:
                sb.Append("LetR ").Append(l.Name).Append(Dir(l.Direction)).Append(" = ");
                Recurse(l.Value);
                sb.Append(" in ");
                Recurse(l.Body);
                break;
            case Formula<TPred>.Ref r:
                sb.Append(r.Name);
                break;
            case Formula<TPred>.Uncheck u:
                sb.Append("Uncheck(");
                Recurse(u.Operand);
                sb.Append(')');
                break;
            case Formula<TPred>.InnerAnd i:
                sb.Append("InnerAnd(");
                Recurse(i.Operand);
                sb.Append(')');
                break;
            case Formula<TPred>.XX x:
                sb.Append("XX(");
                Recurse(x.Operand);
                sb.Append(')');
                break;
            default:
                throw new InvalidOperationException($"Unknown formula node {formula.GetType().Name}.");
        }
    }

    private static string Dir(Direction direction) => direction == Direction.Backward ? "^" : "";

    private static string Strict(Strictness strictness) => strictness == Strictness.Strict ? "," : "";
}
