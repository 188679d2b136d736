using System.Text;
using Sevenspot.C;
using Sevenspot.Smpl;

namespace Sevenspot.Engine;

public sealed partial class SemanticPatchRunner
{
    /// <summary>
    /// Runs a script rule over the environments, as spatch does: once per distinct tuple of the values
    /// it inherits (environments that agree on them share the call), not at all in an environment where
    /// one of them is unbound and has no default. The script's output metavariables are bound, under the
    /// rule's name, in the environments it keeps; cocci.include_match(False) drops them.
    /// </summary>
    private List<Branch> RunScript(ScriptRule script, List<Branch> branches, HashSet<string> ever, MatchedSets matchedSets, string path, ScriptCalls calls, FileOutcome outcome)
    {
        // Environments that differ only in positions bound inside a nest of the same function are one
        // match for spatch: the script runs once and sees those positions as one list.
        var next = new List<Branch>(branches.Count);
        var groups = new Dictionary<string, ScriptGroup>(StringComparer.Ordinal);
        var order = new List<ScriptGroup>();
        var key = new StringBuilder();
        foreach (var branch in branches)
        {
            if (!DependenciesHold(script, branch.Matched, ever, path))
            {
                next.Add(branch);
                continue;
            }

            var inputs = ScriptInputs(script, branch.Env, key, _nestPositions);
            if (inputs is null)
            {
                next.Add(branch);
                continue;
            }

            if (!groups.TryGetValue(key.ToString(), out var group))
            {
                group = new ScriptGroup(inputs);
                groups[key.ToString()] = group;
                order.Add(group);
            }

            group.Add(branch, inputs);
        }

        // spatch runs the script over its environments sorted by value (see EnvironmentOrder): a
        // group's turn is that of its least environment.
        if (order.Count > 1)
        {
            var live = _liveAtScript[script];
            foreach (var group in order)
            {
                var least = group.Branches[0];
                for (int i = 1; i < group.Branches.Count; i++)
                {
                    var other = group.Branches[i];
                    if (EnvironmentOrder.Compare(other.Env, other.Leading, least.Env, least.Leading, live) < 0)
                    {
                        least = other;
                    }
                }

                group.Least = least;
            }

            order.Sort((a, b) => EnvironmentOrder.Compare(a.Least!.Env, a.Least.Leading, b.Least!.Env, b.Least.Leading, live));
        }

        foreach (var group in order)
        {
            var result = calls.Run(script, group.Inputs());
            if (result.Error is not null)
            {
                outcome.ScriptFailure = $"{script.ErrorName} failed on {path}:\n{result.Error.TrimEnd('\n')}";
                return next;
            }

            outcome.ExitRequested |= result.ExitRequested;
            outcome.PendingInstances.AddRange(result.PendingInstances);
            if (!result.Include)
            {
                continue;
            }

            foreach (var branch in group.Branches)
            {
                var env = branch.Env;
                foreach (var binding in script.Bindings)
                {
                    if (binding.Rule is null && result.Outputs.TryGetValue(binding.Name, out var value))
                    {
                        env = env.Bind(script.Name + "." + binding.Name, value);
                    }
                }

                ever.Add(script.Name);
                outcome.MatchedRules.Add(script.Name);
                next.Add(new Branch(env, matchedSets.With(branch.Matched, script.Name))
                {
                    Leading = result.Outputs.Count > 0 ? new LeadingScripts(script, branch.Leading) : branch.Leading,
                });
            }
        }

        // A script that drops every environment (cocci.include_match(False)) leaves the rules after it
        // the empty one, as spatch does: a later rule that inherits nothing still runs.
        if (next.Count == 0 && branches.Count > 0)
        {
            next.Add(new Branch(InitialEnv(), new HashSet<string>(StringComparer.Ordinal)));
        }

        return next;
    }

    /// <summary>The environments that share one run of a script, and the positions they bring to its nest-bound inputs.</summary>
    private sealed class ScriptGroup
    {
        private readonly List<ScriptInput> _first;
        private readonly Dictionary<int, List<PositionValue>> _nested = [];

        public ScriptGroup(List<ScriptInput> first)
        {
            _first = first;
        }

        public List<Branch> Branches { get; } = [];

        /// <summary>The least of the group's environments, in spatch's order.</summary>
        public Branch? Least { get; set; }

        public void Add(Branch branch, List<ScriptInput> inputs)
        {
            Branches.Add(branch);
            for (int i = 0; i < inputs.Count; i++)
            {
                if (inputs[i].Value is PositionListValue { Positions: [var p] })
                {
                    if (!_nested.TryGetValue(i, out var list))
                    {
                        _nested[i] = list = [];
                    }

                    if (!list.Contains(p))
                    {
                        list.Add(p);
                    }
                }
            }
        }

        public List<ScriptInput> Inputs()
        {
            var inputs = new List<ScriptInput>(_first);
            foreach (var (i, list) in _nested)
            {
                list.Sort(static (a, b) => a.Start.Line != b.Start.Line ? a.Start.Line.CompareTo(b.Start.Line) : a.Start.Column.CompareTo(b.Start.Column));
                inputs[i] = inputs[i] with { Value = new PositionListValue(list) };
            }

            return inputs;
        }
    }

    /// <summary>For each script rule, the bindings ("r.x") that it or a later rule inherits.</summary>
    private static Dictionary<ScriptRule, HashSet<string>> ComputeLiveAtScript(SmplFile patch)
    {
        var result = new Dictionary<ScriptRule, HashSet<string>>();
        var used = new HashSet<string>(StringComparer.Ordinal);
        for (int i = patch.Rules.Count - 1; i >= 0; i--)
        {
            switch (patch.Rules[i])
            {
                case CodeRule code:
                    foreach (var meta in code.Metavariables)
                    {
                        if (meta.IsInherited)
                        {
                            used.Add(meta.InheritedFrom + "." + meta.InheritedName);
                        }
                    }

                    break;
                case ScriptRule script:
                    foreach (var binding in script.Bindings)
                    {
                        if (binding.Rule is not null)
                        {
                            used.Add(binding.Rule + "." + binding.RuleVariable);
                        }
                    }

                    result[script] = new HashSet<string>(used, StringComparer.Ordinal);
                    break;
            }
        }

        return result;
    }

    /// <summary>For each rule, its position metavariables that occur inside a nest ("&lt;... ...&gt;") of its pattern.</summary>
    private static Dictionary<string, HashSet<string>> ComputeNestPositions(SmplFile patch)
    {
        var result = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var rule in patch.CodeRules)
        {
            var names = new HashSet<string>(StringComparer.Ordinal);
            foreach (var node in rule.Body.Minus.Root.DescendantNodesAndSelf())
            {
                if (node.Kind != SyntaxKind.Nest)
                {
                    continue;
                }

                foreach (var (token, positions) in rule.Body.Positions)
                {
                    if (token >= node.FirstTokenIndex && token <= node.LastTokenIndex)
                    {
                        names.UnionWith(positions);
                    }
                }
            }

            if (names.Count > 0)
            {
                result[rule.Name] = names;
            }
        }

        return result;
    }

    /// <summary>The values a script inherits in an environment (null when one is unbound without a default); key identifies them.</summary>
    private static List<ScriptInput>? ScriptInputs(ScriptRule script, Env env, StringBuilder key, Dictionary<string, HashSet<string>> nestPositions)
    {
        key.Clear();
        var inputs = new List<ScriptInput>();
        foreach (var binding in script.Bindings)
        {
            if (binding.Rule is null)
            {
                continue;
            }

            if (env.TryGet(binding.Rule + "." + binding.RuleVariable, out var value))
            {
                if (value is PositionValue p && nestPositions.TryGetValue(binding.Rule, out var nested) && nested.Contains(binding.RuleVariable!))
                {
                    // One match of the rule per function: its nest positions are gathered into one list.
                    inputs.Add(new ScriptInput(binding.Name, new PositionListValue([p])));
                    key.Append("nest:").Append(p.File).Append(':').Append(p.Function).Append('\u0001');
                    continue;
                }

                inputs.Add(new ScriptInput(binding.Name, value));
                key.Append(value.GetType().Name).Append(':').Append(value.Key).Append('\u0001');
            }
            else if (binding.DefaultValue is not null || binding.DefaultIsEmptyList)
            {
                inputs.Add(new ScriptInput(binding.Name, null, binding.DefaultValue, binding.DefaultIsEmptyList));
                key.Append("default\u0001");
            }
            else
            {
                return null;
            }
        }

        return inputs;
    }
}
