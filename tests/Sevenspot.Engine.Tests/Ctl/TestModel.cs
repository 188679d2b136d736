using Sevenspot.Engine.Ctl;

namespace Sevenspot.Engine.Tests.Ctl;

/// <summary>A hand-built model: string predicates that hold at listed states with listed bindings.</summary>
internal sealed class TestModel : IModel<string, string>
{
    private readonly List<int>[] _successors;
    private readonly List<int>[] _predecessors;
    private readonly Dictionary<string, List<LabelResult<string, string>>> _labels = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Func<int, IReadOnlyList<MetavariableBinding<string>>?>> _computed = new(StringComparer.Ordinal);

    public TestModel(int stateCount)
    {
        StateCount = stateCount;
        _successors = new List<int>[stateCount];
        _predecessors = new List<int>[stateCount];
        for (var i = 0; i < stateCount; i++)
        {
            _successors[i] = [];
            _predecessors[i] = [];
        }
    }

    public int StateCount { get; }

    public bool HasLoops { get; set; }

    public HashSet<int> LoopNodes { get; } = [];

    public HashSet<int> AfterNodes { get; } = [];

    public IBindingValueComparer<string> ValueComparer { get; set; } = BindingValueComparer<string>.Default;

    /// <summary>How many times each predicate was labelled.</summary>
    public Dictionary<string, int> LabelCalls { get; } = new(StringComparer.Ordinal);

    /// <summary>A chain of edges: Path(0, 1, 2) adds 0→1 and 1→2.</summary>
    public TestModel Path(params int[] states)
    {
        for (var i = 0; i + 1 < states.Length; i++)
            Edge(states[i], states[i + 1]);
        return this;
    }

    public TestModel Edge(int from, int to)
    {
        _successors[from].Add(to);
        _predecessors[to].Add(from);
        return this;
    }

    /// <summary>The predicate holds at these states, binding nothing.</summary>
    public TestModel At(string predicate, params int[] states)
    {
        foreach (var s in states)
            Add(predicate, new LabelResult<string, string>(s));
        return this;
    }

    /// <summary>The predicate holds at the state with these bindings ("x=1", "y=2").</summary>
    public TestModel Bind(string predicate, int state, params string[] bindings)
    {
        var list = new List<MetavariableBinding<string>>();
        foreach (var b in bindings)
        {
            var eq = b.IndexOf('=', StringComparison.Ordinal);
            list.Add(new MetavariableBinding<string>(b[..eq], b[(eq + 1)..]));
        }
        return Add(predicate, new LabelResult<string, string>(state, list));
    }

    public TestModel Add(string predicate, LabelResult<string, string> result)
    {
        if (!_labels.TryGetValue(predicate, out var list))
            _labels[predicate] = list = [];
        list.Add(result);
        return this;
    }

    /// <summary>The predicate is labelled by a function of the state (null: does not hold).</summary>
    public TestModel Computed(string predicate, Func<int, IReadOnlyList<MetavariableBinding<string>>?> label)
    {
        _computed[predicate] = label;
        return this;
    }

    public TestModel Loops(params int[] loopNodes)
    {
        HasLoops = true;
        LoopNodes.UnionWith(loopNodes);
        return this;
    }

    public ReadOnlySpan<int> Successors(int state) => _successors[state].ToArray();

    public ReadOnlySpan<int> Predecessors(int state) => _predecessors[state].ToArray();

    public bool IsLoopNode(int state) => LoopNodes.Contains(state);

    public bool IsAfterNode(int state) => AfterNodes.Contains(state);

    public IEnumerable<LabelResult<string, string>> Label(string predicate)
    {
        LabelCalls[predicate] = LabelCalls.GetValueOrDefault(predicate) + 1;
        if (_computed.TryGetValue(predicate, out var compute))
        {
            var results = new List<LabelResult<string, string>>();
            for (var s = 0; s < StateCount; s++)
            {
                if (compute(s) is { } bindings)
                    results.Add(new LabelResult<string, string>(s, bindings));
            }
            return results;
        }
        return _labels.TryGetValue(predicate, out var list) ? list : [];
    }
}

internal static class Show
{
    /// <summary>The triples in Coccinelle's notation, separated by spaces.</summary>
    public static string Triples<TPred, TValue>(CheckResult<TPred, TValue> result) => string.Join(" ", result);

    /// <summary>The states of the triples.</summary>
    public static int[] States<TPred, TValue>(CheckResult<TPred, TValue> result) => [.. result.Select(t => t.State)];
}
