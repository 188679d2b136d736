using System.Text;
using Sevenspot.Smpl;
using Sevenspot.Text;

namespace Sevenspot.Engine;

/// <summary>
/// The script calls of one file: opens the host's file session on the first call, and keeps what the
/// scripts print so that the file's output is ordered by position (the place the script's inputs
/// come from), not by the order environments happened to be visited.
/// </summary>
internal sealed class ScriptCalls : IDisposable
{
    private readonly IScriptHost? _host;
    private readonly string _path;
    private readonly List<(long Key, int Sequence, string Text)> _printed = [];
    private IScriptFileSession? _session;

    public ScriptCalls(IScriptHost? host, string path)
    {
        _host = host;
        _path = path;
    }

    public ScriptCallResult Run(ScriptRule rule, List<ScriptInput> inputs)
    {
        var result = Session(rule.Name).RunRule(rule, inputs);
        Keep(result, inputs);
        return result;
    }

    public ScriptCallResult Evaluate(string ruleName, ScriptConstraint script, List<ScriptInput> inputs)
    {
        var result = Session(ruleName).Evaluate(script, inputs);
        Keep(result, inputs);
        return result;
    }

    /// <summary>Everything printed so far, by position of the inputs (then in call order).</summary>
    public string Printed()
    {
        if (_printed.Count == 0)
        {
            return string.Empty;
        }

        _printed.Sort(static (a, b) => a.Key != b.Key ? a.Key.CompareTo(b.Key) : a.Sequence.CompareTo(b.Sequence));
        var sb = new StringBuilder();
        foreach (var (_, _, text) in _printed)
        {
            sb.Append(text);
        }

        _printed.Clear();
        return sb.ToString();
    }

    public void Dispose() => _session?.Dispose();

    private IScriptFileSession Session(string ruleName)
    {
        if (_session is null)
        {
            if (_host is null)
            {
                throw new InvalidOperationException($"rule {ruleName} is a script rule, but no script host was given");
            }

            _session = _host.OpenFile(_path);
        }

        return _session;
    }

    private void Keep(ScriptCallResult result, List<ScriptInput> inputs)
    {
        if (result.Output.Length > 0)
        {
            _printed.Add((SortKey(inputs), _printed.Count, result.Output));
        }
    }

    /// <summary>Where the inputs come from: the first position, else the first piece of code; unplaced inputs go last.</summary>
    private static long SortKey(List<ScriptInput> inputs)
    {
        foreach (var input in inputs)
        {
            if (input.Value is PositionValue p)
            {
                return Key(p.Start);
            }
        }

        foreach (var input in inputs)
        {
            var code = input.Value switch
            {
                CodeValue c => c,
                ListValue l => l.Range,
                _ => null,
            };
            if (code is not null)
            {
                return Key(code.Tree.Text.GetLinePosition(code.Span.Start));
            }
        }

        return long.MaxValue;
    }

    private static long Key(LinePosition p) => ((long)p.Line << 24) | (uint)p.Column;
}
