using Sevenspot.Engine;
using Sevenspot.Smpl;

namespace Sevenspot.Scripting;

/// <summary>
/// The script side of a run: one <see cref="ScriptHost"/> per language the patch uses. Initialize
/// code runs OCaml first (it is evaluated with the scripts' module, in one step), then python's
/// rules in order; finalize rules run in the patch's order, whatever their language; each script
/// call goes to the host of its language.
/// </summary>
public sealed class ScriptHosts : IScriptHost, IDisposable
{
    private static readonly ScriptLanguage[] s_languages = [OCamlLanguage.Instance, PythonLanguage.Instance];

    private readonly SmplFile _patch;
    private readonly List<ScriptHost> _hosts = [];

    private ScriptHosts(SmplFile patch)
    {
        _patch = patch;
    }

    /// <summary>Whether a semantic patch has scripts in a language Sevenspot runs.</summary>
    public static bool IsNeededBy(SmplFile patch)
    {
        foreach (var language in s_languages)
        {
            if (ScriptHost.IsNeededBy(patch, language.Name))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Starts a host for each language the patch uses; null and the error when one cannot start.</summary>
    public static ScriptHosts? Start(SmplFile patch, ScriptOptions options, out string? error)
    {
        error = null;
        var hosts = new ScriptHosts(patch);
        foreach (var language in s_languages)
        {
            if (!ScriptHost.IsNeededBy(patch, language.Name))
            {
                continue;
            }

            var host = ScriptHost.Start(patch, options, language, out error);
            if (host is null)
            {
                hosts.Dispose();
                return null;
            }

            hosts._hosts.Add(host);
        }

        return hosts;
    }

    /// <summary>What the initialize rules printed (once per run).</summary>
    public string InitializeOutput
    {
        get
        {
            var sb = new System.Text.StringBuilder();
            foreach (var host in _hosts)
            {
                sb.Append(host.InitializeOutput);
            }

            return sb.ToString();
        }
    }

    /// <summary>
    /// Runs the finalize rules in the patch's order; gives what they printed, or the first error, and
    /// adds to <paramref name="findings"/> what they reported through coccilib, named after their rule.
    /// </summary>
    public string RunFinalize(List<RuleFinding> findings, out string? error)
    {
        error = null;
        foreach (var host in _hosts)
        {
            error = host.PrepareFinalize();
            if (error is not null)
            {
                return string.Empty;
            }
        }

        var output = new System.Text.StringBuilder();
        foreach (var rule in _patch.Rules)
        {
            if (rule is ScriptRule { ScriptKind: ScriptKind.Finalize } script && HostOf(script.Language) is { } host)
            {
                var reported = new List<ScriptFinding>();
                output.Append(host.RunFinalize(script, reported, out error));
                foreach (var finding in reported)
                {
                    findings.Add(new RuleFinding(script.Name, RuleFindingKind.Report, finding.Message, finding.Locations));
                }

                if (error is not null)
                {
                    break;
                }
            }
        }

        return output.ToString();
    }

    /// <summary>
    /// Marks the end of one run of the patch over its files (finalize merges one state per run that
    /// got to some file's code: <paramref name="processedAnyFile"/>).
    /// </summary>
    public void EndRun(bool processedAnyFile)
    {
        foreach (var host in _hosts)
        {
            host.EndRun(processedAnyFile);
        }
    }

    /// <summary>The virtual rules the finalize rules' dependencies are read against from now on (those of the last run).</summary>
    public void SetFinalizeVirtuals(IReadOnlySet<string> defined)
    {
        foreach (var host in _hosts)
        {
            host.FinalizeVirtuals = defined;
        }
    }

    /// <summary>The further runs of the patch the initialize rules asked for, in the order asked.</summary>
    public List<PendingInstance> TakeInitializePending()
    {
        var pending = new List<PendingInstance>();
        foreach (var host in _hosts)
        {
            host.TakeInitializePending(pending);
        }

        return pending;
    }

    /// <summary>The further runs of the patch the last finalize asked for, in the order asked.</summary>
    public List<PendingInstance> TakeFinalizePending()
    {
        var pending = new List<PendingInstance>();
        foreach (var host in _hosts)
        {
            host.TakeFinalizePending(pending);
        }

        return pending;
    }

    /// <summary>What the workers wrote on stderr that was not shown yet.</summary>
    public string TakeStderr()
    {
        var sb = new System.Text.StringBuilder();
        foreach (var host in _hosts)
        {
            sb.Append(host.TakeStderr());
        }

        return sb.ToString();
    }

    public IScriptFileSession OpenFile(string path) => new Session(this, path);

    public void Dispose()
    {
        // The list is kept: a worker still in a file (one given up on at the deadline) may be reading it;
        // each host, disposed, fails the files opened afterwards.
        foreach (var host in _hosts)
        {
            host.Dispose();
        }
    }

    private ScriptHost? HostOf(string language)
    {
        foreach (var host in _hosts)
        {
            if (host.Language == language)
            {
                return host;
            }
        }

        return null;
    }

    /// <summary>One C file: a session of each language's host, opened on its first call.</summary>
    private sealed class Session : IScriptFileSession
    {
        private readonly ScriptHosts _hosts;
        private readonly string _path;
        private readonly List<(string Language, IScriptFileSession Session)> _open = [];

        public Session(ScriptHosts hosts, string path)
        {
            _hosts = hosts;
            _path = path;
        }

        public ScriptCallResult RunRule(ScriptRule rule, IReadOnlyList<ScriptInput> inputs) =>
            For(rule.Language) is { } session ? session.RunRule(rule, inputs) : new ScriptCallResult { Error = $"no {rule.Language} worker" };

        public ScriptCallResult Evaluate(ScriptConstraint script, IReadOnlyList<ScriptInput> inputs) =>
            For(script.Language) is { } session ? session.Evaluate(script, inputs) : new ScriptCallResult { Error = $"no {script.Language} worker" };

        public void Dispose()
        {
            foreach (var (_, session) in _open)
            {
                session.Dispose();
            }

            _open.Clear();
        }

        private IScriptFileSession? For(string language)
        {
            foreach (var (name, session) in _open)
            {
                if (name == language)
                {
                    return session;
                }
            }

            if (_hosts.HostOf(language) is not { } host)
            {
                return null;
            }

            var opened = host.OpenFile(_path);
            _open.Add((language, opened));
            return opened;
        }
    }
}
