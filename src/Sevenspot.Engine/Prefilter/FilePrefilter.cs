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
            if (rule is CodeRule { Body: var body } && (body.Transforms || body.HasStar) || rule is ScriptRule { ScriptKind: ScriptKind.Script } script && !IsEmpty(script))
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

    /// <summary>
    /// Whether a script rule's code is nothing but blank lines and comments: running it prints nothing
    /// and sets nothing (misc/add_namespace's "@script:python depends on report@" with no code, there to
    /// give report mode a rule), so a file where only it could run need not be read.
    /// </summary>
    internal static bool IsEmpty(ScriptRule script)
    {
        foreach (var line in script.Code.AsSpan().EnumerateLines())
        {
            var text = line.Trim();
            // An OCaml line is a comment when the comment it opens closes at its end only ("(* a *) f x (* b *)" is code).
            bool comment = script.Language == "python" ? text.StartsWith('#')
                : text.StartsWith("(*") && text.IndexOf("*)", StringComparison.Ordinal) == text.Length - 2;
            if (!text.IsEmpty && !comment)
            {
                return false;
            }
        }

        return true;
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

    /// <summary>
    /// Finds which words occur in a file's bytes widened one char per byte (Latin-1): a file tested
    /// by several patches is widened once for all of them.
    /// </summary>
    public PrefilterResult ScanLatin1(ReadOnlySpan<char> text)
    {
        var result = new PrefilterResult(this, new bool[_words.Length]);
        if (_search is not null)
        {
            ScanChars(text, result.Found);
        }

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
