using System.Text;
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
    private List<Branch> RunScript(ScriptRule script, List<Branch> branches, HashSet<string> ever, string path, ScriptCalls calls, FileOutcome outcome)
    {
        var next = new List<Branch>(branches.Count);
        var results = new Dictionary<string, ScriptCallResult>(StringComparer.Ordinal);
        var key = new StringBuilder();
        foreach (var branch in branches)
        {
            if (!DependenciesHold(script, branch.Matched, ever, path))
            {
                next.Add(branch);
                continue;
            }

            var inputs = ScriptInputs(script, branch.Env, key);
            if (inputs is null)
            {
                next.Add(branch);
                continue;
            }

            if (!results.TryGetValue(key.ToString(), out var result))
            {
                result = calls.Run(script, inputs);
                results[key.ToString()] = result;
                if (result.Error is not null)
                {
                    outcome.ScriptFailure = $"script rule {script.Name} (line {script.Line}) failed on {path}:\n{result.Error.TrimEnd('\n')}";
                    return next;
                }

                if (result.ExitRequested)
                {
                    outcome.ExitRequested = true;
                }

                outcome.PendingInstances.AddRange(result.PendingInstances);
            }

            if (!result.Include)
            {
                continue;
            }

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
            next.Add(new Branch(env, new HashSet<string>(branch.Matched, StringComparer.Ordinal) { script.Name }));
        }

        return next;
    }

    /// <summary>The values a script inherits in an environment (null when one is unbound without a default); key identifies them.</summary>
    private static List<ScriptInput>? ScriptInputs(ScriptRule script, Env env, StringBuilder key)
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
