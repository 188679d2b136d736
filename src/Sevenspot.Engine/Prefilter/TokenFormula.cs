using System.Text;

namespace Sevenspot.Engine;

public enum TokenFormulaKind
{
    True,
    False,
    Word,
    And,
    Or,
}

/// <summary>
/// What a file must contain for a rule to be able to match: a formula of AND/OR over words
/// (identifiers). True means "anything may match" (nothing is known), False "nothing can".
/// Formulas are built simplified (flattened, constants absorbed, duplicates dropped) and compare
/// by their canonical text, so equal requirements are one formula.
/// </summary>
public sealed class TokenFormula : IEquatable<TokenFormula>
{
    private TokenFormula(TokenFormulaKind kind, string? word, TokenFormula[] operands)
    {
        Kind = kind;
        Word = word;
        Operands = operands;
        Key = BuildKey(kind, word, operands);
    }

    public static TokenFormula True { get; } = new(TokenFormulaKind.True, null, []);

    public static TokenFormula False { get; } = new(TokenFormulaKind.False, null, []);

    public TokenFormulaKind Kind { get; }

    /// <summary>The word of a <see cref="TokenFormulaKind.Word"/> formula.</summary>
    public string? Word { get; }

    public IReadOnlyList<TokenFormula> Operands { get; }

    /// <summary>Canonical text: "true", "false", a word, "(a & b)", "(a | b)" with operands sorted.</summary>
    public string Key { get; }

    public static TokenFormula Of(string word) => new(TokenFormulaKind.Word, word, []);

    public static TokenFormula And(TokenFormula left, TokenFormula right) => And([left, right]);

    public static TokenFormula Or(TokenFormula left, TokenFormula right) => Or([left, right]);

    public static TokenFormula And(IEnumerable<TokenFormula> operands) => Combine(TokenFormulaKind.And, operands);

    public static TokenFormula Or(IEnumerable<TokenFormula> operands) => Combine(TokenFormulaKind.Or, operands);

    /// <summary>Whether a file in which exactly the words <paramref name="present"/> says are present may match.</summary>
    public bool Evaluate(Func<string, bool> present) => Evaluate(present, static (p, word) => p(word));

    /// <summary>
    /// Whether a text in which exactly the words <paramref name="present"/> says (given <paramref name="state"/>)
    /// are present may match. A static <paramref name="present"/> with its state passed in allocates nothing per call.
    /// </summary>
    public bool Evaluate<TState>(TState state, Func<TState, string, bool> present) => Kind switch
    {
        TokenFormulaKind.True => true,
        TokenFormulaKind.False => false,
        TokenFormulaKind.Word => present(state, Word!),
        TokenFormulaKind.And => EvaluateAll(state, present),
        _ => EvaluateAny(state, present),
    };

    /// <summary>Adds every word the formula mentions to <paramref name="words"/>.</summary>
    public void CollectWords(ISet<string> words)
    {
        if (Kind == TokenFormulaKind.Word)
        {
            words.Add(Word!);
            return;
        }

        foreach (var operand in Operands)
        {
            operand.CollectWords(words);
        }
    }

    public bool Equals(TokenFormula? other) => other is not null && Key == other.Key;

    public override bool Equals(object? obj) => obj is TokenFormula other && Equals(other);

    public override int GetHashCode() => Key.GetHashCode(StringComparison.Ordinal);

    public override string ToString() => Key;

    private bool EvaluateAll<TState>(TState state, Func<TState, string, bool> present)
    {
        foreach (var operand in Operands)
        {
            if (!operand.Evaluate(state, present))
            {
                return false;
            }
        }

        return true;
    }

    private bool EvaluateAny<TState>(TState state, Func<TState, string, bool> present)
    {
        foreach (var operand in Operands)
        {
            if (operand.Evaluate(state, present))
            {
                return true;
            }
        }

        return false;
    }

    private static TokenFormula Combine(TokenFormulaKind kind, IEnumerable<TokenFormula> operands)
    {
        // For AND, True is the neutral element and False absorbs; for OR the other way round.
        var neutral = kind == TokenFormulaKind.And ? TokenFormulaKind.True : TokenFormulaKind.False;
        var absorbing = kind == TokenFormulaKind.And ? TokenFormulaKind.False : TokenFormulaKind.True;
        var flat = new List<TokenFormula>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var operand in operands)
        {
            if (operand.Kind == absorbing)
            {
                return operand;
            }

            if (operand.Kind == neutral)
            {
                continue;
            }

            if (operand.Kind == kind)
            {
                foreach (var inner in operand.Operands)
                {
                    if (seen.Add(inner.Key))
                    {
                        flat.Add(inner);
                    }
                }
            }
            else if (seen.Add(operand.Key))
            {
                flat.Add(operand);
            }
        }

        // Absorption: a & (a | b) is a, a | (a & b) is a.
        var dual = kind == TokenFormulaKind.And ? TokenFormulaKind.Or : TokenFormulaKind.And;
        flat.RemoveAll(f => f.Kind == dual && Overlaps(f.Operands, seen));
        return flat.Count switch
        {
            0 => kind == TokenFormulaKind.And ? True : False,
            1 => flat[0],
            _ => new TokenFormula(kind, null, [.. flat]),
        };
    }

    private static bool Overlaps(IReadOnlyList<TokenFormula> operands, HashSet<string> keys)
    {
        foreach (var operand in operands)
        {
            if (keys.Contains(operand.Key))
            {
                return true;
            }
        }

        return false;
    }

    private static string BuildKey(TokenFormulaKind kind, string? word, TokenFormula[] operands)
    {
        switch (kind)
        {
            case TokenFormulaKind.True:
                return "true";
            case TokenFormulaKind.False:
                return "false";
            case TokenFormulaKind.Word:
                return word!;
        }

        var keys = new string[operands.Length];
        for (int i = 0; i < operands.Length; i++)
        {
            keys[i] = operands[i].Key;
        }

        Array.Sort(keys, StringComparer.Ordinal);
        var sb = new StringBuilder().Append('(');
        for (int i = 0; i < keys.Length; i++)
        {
            sb.Append(i == 0 ? string.Empty : kind == TokenFormulaKind.And ? " & " : " | ").Append(keys[i]);
        }

        return sb.Append(')').ToString();
    }
}
