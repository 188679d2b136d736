using System.Text;

namespace Sevenspot.Engine.Ctl;

/// <summary>
/// A node of a witness tree. A <see cref="Wit{TPred,TValue}"/> records that an <c>Ex v</c> (keep = true)
/// removed the binding of v at a state; its children are the witnesses of the quantified formula.
/// A <see cref="NegWit{TPred,TValue}"/> comes from negating a witness; extraction ignores it.
/// </summary>
public abstract class Witness<TPred, TValue>
{
    private protected Witness()
    {
    }

    internal abstract void Append(StringBuilder sb);

    /// <summary>Coccinelle's notation: <c>wit 3[x --&gt; 1]{...}</c>, and <c>!wit ...</c> for a negated witness.</summary>
    public override string ToString()
    {
        var sb = new StringBuilder();
        Append(sb);
        return sb.ToString();
    }

    internal static void AppendList(StringBuilder sb, IReadOnlyList<Witness<TPred, TValue>> witnesses)
    {
        sb.Append('{');
        for (var i = 0; i < witnesses.Count; i++)
        {
            if (i > 0)
                sb.Append("; ");
            witnesses[i].Append(sb);
        }
        sb.Append('}');
    }
}

/// <summary>A positive witness: at <see cref="State"/>, the quantified variable had the value in <see cref="Substitution"/>.</summary>
public sealed class Wit<TPred, TValue> : Witness<TPred, TValue>
{
    internal Wit(int state, Substitution<TPred, TValue> substitution, IReadOnlyList<Witness<TPred, TValue>> children)
    {
        State = state;
        Substitution = substitution;
        Children = children;
    }

    public int State { get; }

    /// <summary>The bindings of the quantified variable (one positive binding in practice).</summary>
    public Substitution<TPred, TValue> Substitution { get; }

    public IReadOnlyList<Witness<TPred, TValue>> Children { get; }

    internal override void Append(StringBuilder sb)
    {
        sb.Append("wit ").Append(State).Append(Substitution);
        AppendList(sb, Children);
    }
}

/// <summary>A negated witness.</summary>
public sealed class NegWit<TPred, TValue> : Witness<TPred, TValue>
{
    internal NegWit(Witness<TPred, TValue> inner)
    {
        Inner = inner;
    }

    public Witness<TPred, TValue> Inner { get; }

    internal override void Append(StringBuilder sb)
    {
        sb.Append('!');
        Inner.Append(sb);
    }
}

/// <summary>
/// One element of the checker's answer: the formula holds at <see cref="State"/> under
/// <see cref="Substitution"/>, and <see cref="Witnesses"/> record the bindings of the kept quantified variables.
/// </summary>
public sealed class Triple<TPred, TValue>
{
    internal Triple(int state, Substitution<TPred, TValue> substitution, IReadOnlyList<Witness<TPred, TValue>> witnesses)
    {
        State = state;
        Substitution = substitution;
        Witnesses = witnesses;
    }

    public int State { get; }

    public Substitution<TPred, TValue> Substitution { get; }

    public IReadOnlyList<Witness<TPred, TValue>> Witnesses { get; }

    /// <summary>Coccinelle's notation: <c>3[x --&gt; 1]{wit 5[...]{}}</c>.</summary>
    public override string ToString()
    {
        var sb = new StringBuilder();
        sb.Append(State).Append(Substitution);
        Witness<TPred, TValue>.AppendList(sb, Witnesses);
        return sb.ToString();
    }
}
