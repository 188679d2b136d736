using System.Text;
using Sevenspot.Smpl;

namespace Sevenspot.Engine;

/// <summary>Generates fresh identifiers: seeds concatenated with bound names, or a counter for a lone string.</summary>
public sealed class FreshNames
{
    private readonly Dictionary<(string, Env), string> _given = [];
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

    /// <summary>The name for a fresh identifier of <paramref name="rule"/> (a script may compute it).</summary>
    public string Get(CodeRule? rule, Metavariable meta, Env env)
    {
        if (_given.TryGetValue((meta.Name, env), out var name))
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
        _given[(meta.Name, env)] = name;
        return name;
    }
}
