using System.Buffers;
using System.Text;
using Sevenspot.Smpl;

namespace Sevenspot.Engine;

/// <summary>
/// Decides from a file's bytes, before it is lexed, which rules of a semantic patch can match in
/// it: one vectorised pass finds which of the patch's required words (see <see cref="RequiredTokens"/>)
/// occur as whole words, then each rule's formula is evaluated. A file where no rule that can
/// produce output (one that changes code, marks it with *, or a script) can run need not be parsed.
/// Words in comments or strings count too: the test only ever lets more files through.
/// </summary>
public sealed class FilePrefilter
{
    private readonly Dictionary<Rule, TokenFormula> _formulas;
    private readonly List<TokenFormula> _outputFormulas = [];
    private readonly string[] _words;
    private readonly Dictionary<string, int> _ids = new(StringComparer.Ordinal);
    private readonly SearchValues<string>? _search;

    // The words by their first character (words are ASCII names), to tell which word a hit is.
    private readonly int[][] _byFirst = new int[128][];

    public FilePrefilter(SmplFile patch, IReadOnlyDictionary<CodeRule, IsoIndex> isos, RunOptions options)
    {
        _formulas = RequiredTokens.ForPatch(patch, isos, options.DefinedVirtuals, options.VirtualValues);
        var words = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var rule in patch.Rules)
        {
            var formula = _formulas[rule];
            formula.CollectWords(words);
            if (rule is CodeRule { Body: var body } && (body.Transforms || body.HasStar) || rule is ScriptRule { ScriptKind: ScriptKind.Script })
            {
                _outputFormulas.Add(formula);
            }
        }

        _words = [.. words];
        var first = new List<int>[128];
        for (int i = 0; i < _words.Length; i++)
        {
            _ids[_words[i]] = i;
            (first[_words[i][0]] ??= []).Add(i);
        }

        for (int c = 0; c < first.Length; c++)
        {
            _byFirst[c] = first[c] is { } list ? [.. list] : [];
        }

        _search = _words.Length == 0 ? null : SearchValues.Create(_words, StringComparison.Ordinal);
    }

    /// <summary>The words looked for, in order.</summary>
    public IReadOnlyList<string> Words => _words;

    /// <summary>What a rule requires (True for a rule the prefilter knows nothing about).</summary>
    public TokenFormula FormulaOf(Rule rule) => _formulas.TryGetValue(rule, out var f) ? f : TokenFormula.True;

    /// <summary>Finds which words occur in <paramref name="bytes"/>.</summary>
    public PrefilterResult Scan(ReadOnlySpan<byte> bytes)
    {
        var result = new PrefilterResult(this, new bool[_words.Length]);
        ScanInto(bytes, result.Found);
        return result;
    }

    /// <summary>Marks the words that occur in <paramref name="bytes"/> (and leaves the others as they are).</summary>
    internal void ScanInto(ReadOnlySpan<byte> bytes, bool[] found)
    {
        if (_search is null || bytes.IsEmpty)
        {
            return;
        }

        // PERF: names are ASCII, so widening each byte to a char (Latin-1, vectorised) keeps every
        // occurrence and lets SearchValues<string> look for all the words at once.
        char[] rented = ArrayPool<char>.Shared.Rent(bytes.Length);
        try
        {
            int length = Encoding.Latin1.GetChars(bytes, rented);
            ScanChars(rented.AsSpan(0, length), found);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(rented);
        }
    }

    private void ScanChars(ReadOnlySpan<char> text, bool[] found)
    {
        int missing = 0;
        foreach (bool f in found)
        {
            missing += f ? 0 : 1;
        }

        if (missing == 0)
        {
            return;
        }

        int position = 0;
        while (position < text.Length)
        {
            int hit = text[position..].IndexOfAny(_search!);
            if (hit < 0)
            {
                return;
            }

            hit += position;
            position = hit + 1;
            if (hit > 0 && IsNameChar(text[hit - 1]))
            {
                continue;
            }

            foreach (int id in _byFirst[text[hit]])
            {
                string word = _words[id];
                int end = hit + word.Length;
                if (!found[id] && text[hit..].StartsWith(word, StringComparison.Ordinal) && (end == text.Length || !IsNameChar(text[end])))
                {
                    found[id] = true;
                    if (--missing == 0)
                    {
                        return;
                    }
                }
            }
        }
    }

    // Only what the lexer surely reads as part of a name: any other character ends one (a wider set would let fewer files through).
    private static bool IsNameChar(char c) => char.IsAsciiLetterOrDigit(c) || c == '_';

    internal bool IsPresent(bool[] found, string word) => _ids.TryGetValue(word, out int id) && found[id];

    internal bool AnyOutputRuleCanRun(PrefilterResult result)
    {
        foreach (var formula in _outputFormulas)
        {
            if (result.Holds(formula))
            {
                return true;
            }
        }

        return false;
    }
}

/// <summary>Which of a patch's words a file contains, and so which rules may match in it.</summary>
public sealed class PrefilterResult
{
    private readonly FilePrefilter _prefilter;
    private readonly bool[] _found;
    private readonly Func<string, bool> _present;

    internal PrefilterResult(FilePrefilter prefilter, bool[] found)
    {
        _prefilter = prefilter;
        _found = found;
        _present = word => _prefilter.IsPresent(_found, word);
    }

    internal bool[] Found => _found;

    /// <summary>
    /// Adds the words of a new version of the file (after a rule changed it). A later rule is tested
    /// against every version: what it matches is in the current one, and the rules it depends on
    /// matched in earlier ones.
    /// </summary>
    public void Add(ReadOnlySpan<byte> bytes) => _prefilter.ScanInto(bytes, _found);

    /// <summary>Whether the file contains this word (one of the patch's words).</summary>
    public bool Contains(string word) => _prefilter.IsPresent(_found, word);

    /// <summary>Whether the rule may match in the file; when false, running it would find nothing.</summary>
    public bool CanRun(Rule rule) => Holds(_prefilter.FormulaOf(rule));

    /// <summary>Whether some rule that produces output (a change, a * line, a script) may run: otherwise the file need not be parsed.</summary>
    public bool AnyOutputRuleCanRun => _prefilter.AnyOutputRuleCanRun(this);

    internal bool Holds(TokenFormula formula) => formula.Evaluate(_present);
}
