using System.Text;
using Sevenspot.Smpl;
using Sevenspot.Text;

namespace Sevenspot.Engine;

/// <summary>
/// The script calls of one file, or of a group of files run together: opens the host's file session
/// on the first call, and keeps what the scripts print and report, in the order they ran (the runner
/// runs a script over the environments in spatch's order, see EnvironmentOrder).
/// </summary>
internal sealed class ScriptCalls : IDisposable
{
    private readonly IScriptHost? _host;
    private readonly string _sessionPath;
    private readonly List<string> _printed = [];
    private readonly List<RuleFinding> _findings = [];
    private IScriptFileSession? _session;

    public ScriptCalls(IScriptHost? host, string path)
    {
        _host = host;
        _sessionPath = path;
        Path = path;
    }

    /// <summary>The file being matched, which a failing script constraint names (in a group, the one the matcher is in).</summary>
    public string Path { get; set; }

    public ScriptCallResult Run(ScriptRule rule, List<ScriptInput> inputs)
    {
        var result = Session(rule.Name).RunRule(rule, inputs);
        Keep(rule.Name, result, inputs);
        return result;
    }

    public ScriptCallResult Evaluate(string ruleName, ScriptConstraint script, List<ScriptInput> inputs)
    {
        var result = Session(ruleName).Evaluate(script, inputs);
        Keep(ruleName, result, inputs);
        return result;
    }

    /// <summary>A script that raised while a rule was matched (a constraint, a fresh identifier); the runner stops the file.</summary>
    public string? Failure { get; private set; }

    /// <summary>
    /// Checks a script constraint ("identifier x : script:python (y) { ... }") for a value: the
    /// expression sees the constrained metavariable and the listed ones. Results are kept per file,
    /// since the matcher binds the same value many times.
    /// </summary>
    public bool CheckConstraint(CodeRule rule, Metavariable meta, ScriptConstraint constraint, MetaValue value, Env env)
    {
        var inputs = new List<ScriptInput> { new(meta.Name, value) };
        if (!AddArguments(rule, constraint, env, inputs, meta.Name))
        {
            return true; // an argument is not bound yet: the constraint cannot reject the value
        }

        var result = EvaluateCached(rule, constraint, inputs);
        return result.Error is null && result.BooleanValue == true;
    }

    /// <summary>The name of a fresh identifier computed by a script ("fresh identifier x = script:python (y) { ... }").</summary>
    public string? FreshName(CodeRule rule, Metavariable meta, Env env)
    {
        foreach (var constraint in meta.Constraints)
        {
            if (constraint is ScriptConstraint script)
            {
                var inputs = new List<ScriptInput>();
                AddArguments(rule, script, env, inputs, null);
                var result = EvaluateCached(rule, script, inputs);
                return result.Error is null ? result.Value?.Text ?? string.Empty : meta.Name;
            }
        }

        return null;
    }

    private readonly Dictionary<(ScriptConstraint, string), ScriptCallResult> _evaluated = [];

    private ScriptCallResult EvaluateCached(CodeRule rule, ScriptConstraint constraint, List<ScriptInput> inputs)
    {
        var key = new StringBuilder();
        foreach (var input in inputs)
        {
            key.Append(input.Name).Append('=').Append(input.Value?.GetType().Name).Append(':').Append(input.Value?.Key).Append('\u0001');
        }

        if (!_evaluated.TryGetValue((constraint, key.ToString()), out var result))
        {
            result = Session(rule.Name).Evaluate(constraint, inputs);
            _evaluated[(constraint, key.ToString())] = result;
            Keep(rule.Name, result, inputs);
            if (result.Error is not null)
            {
                Failure ??= $"script in {rule.ErrorName} failed on {Path}:\n{result.Error.TrimEnd('\n')}";
            }
        }

        return result;
    }

    /// <summary>The arguments of a script expression, by their local names; false when one is unbound.</summary>
    private static bool AddArguments(CodeRule rule, ScriptConstraint constraint, Env env, List<ScriptInput> inputs, string? skip)
    {
        bool all = true;
        foreach (string argument in constraint.Arguments)
        {
            string local = argument;
            int dot = argument.IndexOf('.', StringComparison.Ordinal);
            string name = dot >= 0 ? argument[(dot + 1)..] : argument;
            if (dot >= 0)
            {
                string from = argument[..dot];
                local = name;
                foreach (var m in rule.Metavariables)
                {
                    if (m.InheritedFrom == from && m.InheritedName == name)
                    {
                        local = m.Name;
                    }
                }
            }

            if (local == skip)
            {
                continue;
            }

            if (env.TryGet(local, out var value))
            {
                inputs.Add(new ScriptInput(name, value));
            }
            else
            {
                all = false;
            }
        }

        return all;
    }

    /// <summary>Everything printed so far, in call order.</summary>
    public string Printed()
    {
        if (_printed.Count == 0)
        {
            return string.Empty;
        }

        string text = string.Concat(_printed);
        _printed.Clear();
        return text;
    }

    /// <summary>Every finding reported so far, in call order.</summary>
    public List<RuleFinding> Findings()
    {
        var result = new List<RuleFinding>(_findings);
        _findings.Clear();
        return result;
    }

    public void Dispose() => _session?.Dispose();

    private IScriptFileSession Session(string ruleName)
    {
        if (_session is null)
        {
            // Without a host (the command always gives one to a patch with scripts; other callers may
            // not), each script fails on this file as a script that raised would: the run goes on.
            _session = _host is null ? new MissingHostSession() : _host.OpenFile(_sessionPath);
        }

        return _session;
    }

    /// <summary>The session of a run given no script host: every call fails with the reason.</summary>
    private sealed class MissingHostSession : IScriptFileSession
    {
        private static readonly ScriptCallResult s_noHost = new() { Error = "no script host was given to run script rules" };

        public ScriptCallResult RunRule(ScriptRule rule, IReadOnlyList<ScriptInput> inputs) => s_noHost;

        public ScriptCallResult Evaluate(ScriptConstraint script, IReadOnlyList<ScriptInput> inputs) => s_noHost;

        public void Dispose()
        {
        }
    }

    private void Keep(string ruleName, ScriptCallResult result, List<ScriptInput> inputs)
    {
        if (result.Output.Length > 0)
        {
            _printed.Add(result.Output);
        }

        foreach (var finding in result.Findings)
        {
            _findings.Add(new RuleFinding(ruleName, RuleFindingKind.Report, finding.Message, WithInputPlaces(finding.Locations, inputs)));
        }
    }

    /// <summary>
    /// A report's places, then the other places the script was given (its position inputs): a
    /// report on p1 that speaks of p2 ("... freed on line %s" % p2[0].line) keeps both places.
    /// </summary>
    private static List<RuleFindingLocation> WithInputPlaces(IReadOnlyList<RuleFindingLocation> reported, List<ScriptInput> inputs)
    {
        var result = new List<RuleFindingLocation>(reported);
        foreach (var input in inputs)
        {
            switch (input.Value)
            {
                case PositionValue p:
                    AddPlace(result, input.Name, p);
                    break;
                case PositionListValue list:
                    foreach (var p in list.Positions)
                    {
                        AddPlace(result, input.Name, p);
                    }

                    break;
            }
        }

        return result;
    }

    private static void AddPlace(List<RuleFindingLocation> places, string name, PositionValue p)
    {
        foreach (var place in places)
        {
            if (place.File == p.File && place.Start == p.Start && place.End == p.End)
            {
                return;
            }
        }

        places.Add(new RuleFindingLocation(p.File, p.Start, p.End, name));
    }
}
