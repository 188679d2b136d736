using System.Text;
using Sevenspot.Smpl;

namespace Sevenspot.Engine;

/// <summary>
/// Generates fresh identifiers: seeds concatenated with bound names, or a counter for a lone string.
/// A counted name is new for each application of the rule (spatch's <c>g(v0); g(v1);</c> for two
/// matches under the same bindings) and shared by all the code one application adds.
/// </summary>
public sealed class FreshNames
{
    private readonly Dictionary<(string, Env), string> _given = [];
    private readonly Dictionary<(string, Env, object), string> _counted = [];
    private readonly ScriptCalls? _scripts;
    private int _counter;

    public FreshNames()
    {
    }

    internal FreshNames(ScriptCalls scripts)
    {
        _scripts = scripts;
    }

    public string Get(Metavariable meta, Env env) => Get(null, meta, env);

    /// <summary>The name for a fresh identifier of <paramref name="rule"/> (a script may compute it), in the application <paramref name="application"/> of the rule.</summary>
    public string Get(CodeRule? rule, Metavariable meta, Env env, object? application = null)
    {
        if (_given.TryGetValue((meta.Name, env), out var name))
        {
            return name;
        }

        bool counted = application is not null && IsCounted(meta);
        if (counted && _counted.TryGetValue((meta.Name, env, application!), out name))
        {
            return name;
        }

        if (rule is not null && _scripts?.FreshName(rule, meta, env) is { } scripted)
        {
            _given[(meta.Name, env)] = scripted;
            return scripted;
        }

        var sb = new StringBuilder();
        bool hasMeta = false;
        foreach (var part in meta.Seed)
        {
            if (part.IsMetavariable)
            {
                hasMeta = true;
                sb.Append(env.TryGet(part.Text, out var v) ? v.Text : part.Text);
            }
            else
            {
                sb.Append(part.Text);
            }
        }

        if (meta.Seed.Count == 0)
        {
            sb.Append(meta.Name);
        }

        if (!hasMeta)
        {
            sb.Append(_counter++.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        name = sb.ToString();
        if (counted)
        {
            _counted[(meta.Name, env, application!)] = name;
        }
        else
        {
            _given[(meta.Name, env)] = name;
        }

        return name;
    }

    /// <summary>A name made from the counter: no bound name in its seed, no script computing it.</summary>
    private static bool IsCounted(Metavariable meta)
    {
        foreach (var part in meta.Seed)
        {
            if (part.IsMetavariable)
            {
                return false;
            }
        }

        foreach (var constraint in meta.Constraints)
        {
            if (constraint is ScriptConstraint)
            {
                return false;
            }
        }

        return true;
    }
}
