using Sevenspot.C;
using Sevenspot.Smpl;

namespace Sevenspot.Engine;

/// <summary>
/// The function bodies a patch needs parsed: those of functions that spell the words of one of its
/// rules. When every rule left by the virtual rules is a flow rule or a single-term rule that
/// requires words (see <see cref="CompiledRule.FunctionWordsOfAnyEnvironment"/>), no rule matches
/// in a function without the words of one of them (a flow rule neither graphs nor checks it; a term
/// inside it spells only its words), so the parser need not read its body either.
/// </summary>
internal sealed class FunctionWordsFilter : FunctionBodyFilter
{
    // Words past this many are not worth a per-function test: the patch reads every body.
    private const int MaxWords = 64;

    private readonly TokenFormula _words;
    private readonly string[] _wordList;
    private readonly Dictionary<string, int> _bitOf;

    private FunctionWordsFilter(TokenFormula words, string[] wordList)
    {
        _words = words;
        _wordList = wordList;
        _bitOf = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < wordList.Length; i++)
        {
            _bitOf.Add(wordList[i], i);
        }
    }

    /// <summary>The filter for a patch's rules, or null when some rule may match in any function.</summary>
    public static FunctionWordsFilter? For(SmplFile patch, IReadOnlyDictionary<CodeRule, CompiledRule> compiled, IReadOnlySet<string> definedVirtuals)
    {
        var kept = RuleActivity.KeptRules(patch, definedVirtuals);
        var formulas = new List<TokenFormula>();
        foreach (var rule in patch.CodeRules)
        {
            if (!kept.Contains(rule.Name))
            {
                continue;
            }

            var c = compiled[rule];
            if (c.Shape == PatternShape.Empty)
            {
                continue;
            }

            if (c.Shape is not (PatternShape.Flow or PatternShape.SingleTerm) || c.FunctionWordsOfAnyEnvironment is not { } required)
            {
                return null;
            }

            formulas.Add(required);
        }

        if (formulas.Count == 0)
        {
            return null;
        }

        var all = TokenFormula.Or(formulas);
        if (all.Kind is not (TokenFormulaKind.Word or TokenFormulaKind.And or TokenFormulaKind.Or))
        {
            return null;
        }

        var words = new SortedSet<string>(StringComparer.Ordinal);
        all.CollectWords(words);
        return words.Count > MaxWords ? null : new FunctionWordsFilter(all, [.. words]);
    }

    public override FunctionBodyTest? For(LexedText text)
    {
        var names = text.Names;
        var bitOf = new byte[names.Count];
        bool any = false;
        for (int i = 0; i < _wordList.Length; i++)
        {
            int id = names.Find(_wordList[i]);
            if (id > 0)
            {
                bitOf[id] = (byte)(i + 1);
                any = true;
            }
        }

        // No word in the text at all: the prefilter skips such a file; read it as it is, all bodies.
        return any ? new Test(this, text, bitOf) : null;
    }

    private sealed class Test(FunctionWordsFilter filter, LexedText text, byte[] bitOf) : FunctionBodyTest
    {
        public override bool Needs(int firstToken, int lastToken)
        {
            // The words a function spells, as FileSession.Spells counts them: every token of its range, by name.
            var tokens = text.Tokens;
            ulong present = 0;
            for (int t = firstToken; t <= lastToken; t++)
            {
                int id = tokens[t].Name;
                if ((uint)id < (uint)bitOf.Length && bitOf[id] != 0)
                {
                    present |= 1UL << (bitOf[id] - 1);
                }
            }

            return filter._words.Evaluate((Filter: filter, Present: present), static (s, word) => (s.Present & (1UL << s.Filter._bitOf[word])) != 0);
        }
    }
}
