using System.Text;
using Sevenspot.Smpl;

namespace Sevenspot.Engine;

/// <summary>Generates fresh identifiers: seeds concatenated with bound names, or a counter for a lone string.</summary>
public sealed class FreshNames
{
    private readonly Dictionary<(string, Env), string> _given = [];
    private int _counter;

    public string Get(Metavariable meta, Env env)
    {
        if (_given.TryGetValue((meta.Name, env), out var name))
        {
            return name;
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
