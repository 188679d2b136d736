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
    private readonly Dictionary<(string, object), string> _ofMatch = [];
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

    /// <summary>
    /// The name for a fresh identifier of <paramref name="rule"/> (a script may compute it), in the
    /// application <paramref name="application"/> of the rule, for the match <paramref name="match"/>
    /// when the name was given to that match already (<see cref="OfMatch"/>).
    /// </summary>
    public string Get(CodeRule? rule, Metavariable meta, Env env, object? application = null, object? match = null)
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

        if (counted && match is not null && _ofMatch.TryGetValue((meta.Name, match), out name))
        {
            _counted[(meta.Name, env, application!)] = name;
            return name;
        }

        if (rule is not null && _scripts?.FreshName(rule, meta, env) is { } scripted)
        {
            _given[(meta.Name, env)] = scripted;
            return scripted;
        }

        name = Make(meta, env);
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

    /// <summary>
    /// The name of a fresh identifier in one match of its rule, as later rules and scripts inherit it.
    /// A counted name is the match's own (two matches under the same bindings get two names, as in
    /// the code the rule adds); the code added for that match uses the same name.
    /// </summary>
    public string OfMatch(CodeRule rule, Metavariable meta, Env env, object match)
    {
        if (!IsCounted(meta))
        {
            return Get(rule, meta, env);
        }

        if (!_ofMatch.TryGetValue((meta.Name, match), out var name))
        {
            _ofMatch[(meta.Name, match)] = name = Make(meta, env);
        }

        return name;
    }

    /// <summary>
    /// What tells one application of a rule from another: the witness tree its matches share (a match
    /// over control flow is several matches, one per rule element), else its trace, else its bindings.
    /// </summary>
    internal static object KeyOf(MatchState match) => match.Witness >= 0 ? match.Witness : (object?)match.Trace ?? match.Env;

    /// <summary>The seed with the bound names put in, and the counter when no bound name is in it.</summary>
    private string Make(Metavariable meta, Env env)
    {
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

        return sb.ToString();
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
