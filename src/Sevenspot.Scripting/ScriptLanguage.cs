using System.Diagnostics;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Sevenspot.Engine;
using Sevenspot.Smpl;
using Sevenspot.Text;

namespace Sevenspot.Scripting;

/// <summary>
/// What differs between the script languages a semantic patch may use: how the worker process is
/// started and loaded, how values are handed to it, and how its load failures read. The host
/// (<see cref="ScriptHost"/>) is the same for all.
/// </summary>
internal abstract class ScriptLanguage
{
    /// <summary>The name in rule headers: "python", "ocaml".</summary>
    public abstract string Name { get; }

    /// <summary>Whether the initialize rules ran when the worker loaded (else the host runs each).</summary>
    public abstract bool InitializesAtLoad { get; }

    /// <summary>How to start a worker for the patch, and the message when that fails.</summary>
    public abstract ProcessStartInfo StartInfo(ScriptProgram program, out string cannotRun);

    /// <summary>The first request a new worker gets.</summary>
    public abstract JsonObject LoadRequest(ScriptProgram program, bool fork);

    /// <summary>The arguments of a call, as the worker reads them.</summary>
    public abstract JsonNode Arguments(IReadOnlyList<ScriptInput> inputs);

    /// <summary>A located error for a worker that stopped while loading (null when its output does not say where).</summary>
    public abstract string? LoadFailure(ScriptProgram program, string stderr);

    /// <summary>A worker of the program answered its load request with <paramref name="reply"/>.</summary>
    public virtual void Loaded(ScriptProgram program, JsonObject reply)
    {
    }

    /// <summary>The run is done with the program's workers: files written for them go.</summary>
    public virtual void Release(ScriptProgram program)
    {
    }
}

/// <summary>The scripts of one language in a patch, with the ids the worker knows them by.</summary>
internal sealed class ScriptProgram
{
    public required SmplFile Patch { get; init; }

    public required Dictionary<Rule, int> RuleIds { get; init; }

    public required List<(CodeRule Rule, Metavariable Meta, ScriptConstraint Constraint)> Expressions { get; init; }

    public required string Interpreter { get; init; }

    /// <summary>The rule holding a line of the .cocci file (for errors a compiler gives by line).</summary>
    public Rule? RuleAt(int line)
    {
        Rule? found = null;
        foreach (var rule in Patch.Rules)
        {
            if (rule.Line <= line)
            {
                found = rule;
            }
        }

        return found;
    }
}

internal sealed class PythonLanguage : ScriptLanguage
{
    public static readonly PythonLanguage Instance = new();

    public override string Name => "python";

    public override bool InitializesAtLoad => false;

    public override ProcessStartInfo StartInfo(ScriptProgram program, out string cannotRun)
    {
        cannotRun = $"cannot run the python interpreter '{program.Interpreter}' (the semantic patch has python scripts; --python names the interpreter)";
        var info = new ProcessStartInfo(_executables.TryGetValue(program.Interpreter, out string? direct) ? direct : program.Interpreter);
        info.ArgumentList.Add("-u");
        info.ArgumentList.Add("-B");
        // No site set-up at start (the worker runs it at the first import that needs it, see _SiteOnDemand).
        info.ArgumentList.Add("-S");
        info.ArgumentList.Add(PythonModules.WorkerScript);
        info.Environment["PYTHONIOENCODING"] = "utf-8";
        info.Environment["PYTHONDONTWRITEBYTECODE"] = "1";
        return info;
    }

    /// <summary>
    /// The interpreter each --python name started, as the first worker that loaded said
    /// (sys.executable). Later workers of the run start it directly: where "python3" on the PATH is
    /// a version manager's shim (pyenv's runs about 25 shell processes to find the interpreter), a
    /// run with many python workers (one per patch and concurrent file) pays for that once.
    /// </summary>
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> _executables = new(StringComparer.Ordinal);

    public override void Loaded(ScriptProgram program, JsonObject reply)
    {
        if (reply["executable"] is JsonValue value && value.TryGetValue(out string? path)
            && Path.IsPathFullyQualified(path) && File.Exists(path))
        {
            _executables.TryAdd(program.Interpreter, path);
        }
    }

    public override JsonObject LoadRequest(ScriptProgram program, bool fork)
    {
        var patch = program.Patch;
        var rules = new JsonArray();
        foreach (var (rule, id) in program.RuleIds)
        {
            var script = (ScriptRule)rule;
            rules.Add((JsonNode)new JsonObject
            {
                ["id"] = id, ["file"] = patch.Source.Path, ["line"] = script.CodeLine, ["code"] = script.Code,
                ["perFile"] = script.ScriptKind == ScriptKind.Script,
            });
        }

        var expressions = new JsonArray();
        for (int id = 0; id < program.Expressions.Count; id++)
        {
            var (_, _, constraint) = program.Expressions[id];
            expressions.Add((JsonNode)new JsonObject { ["id"] = id, ["file"] = patch.Source.Path, ["line"] = constraint.Line, ["code"] = constraint.Code });
        }

        var names = new JsonArray();
        foreach (string name in patch.Virtuals)
        {
            names.Add((JsonNode?)name);
        }

        foreach (var rule in patch.CodeRules)
        {
            foreach (var meta in rule.Metavariables)
            {
                if (meta.InheritedFrom == "virtual")
                {
                    names.Add((JsonNode?)meta.InheritedName);
                }
            }
        }

        return new JsonObject { ["op"] = "load", ["fork"] = fork, ["rules"] = rules, ["exprs"] = expressions, ["names"] = names };
    }

    public override JsonNode Arguments(IReadOnlyList<ScriptInput> inputs)
    {
        var args = new JsonObject();
        foreach (var input in inputs)
        {
            args[input.Name] = ScriptValues.ToJson(input);
        }

        return args;
    }

    public override string? LoadFailure(ScriptProgram program, string stderr) => null;
}

/// <summary>
/// OCaml scripts run on the ocaml toplevel (<see cref="ScriptOptions.OCaml"/>), loaded with
/// one program: our library (Coccilib) and the patch's scripts (<see cref="OCamlProgram"/>).
/// </summary>
internal sealed partial class OCamlLanguage : ScriptLanguage
{
    public static readonly OCamlLanguage Instance = new();

    /// <summary>The program of each patch, once per run: a temporary .ml file for the toplevel, or the cached compiled worker.</summary>
    private readonly Dictionary<SmplFile, string> _programs = new(ReferenceEqualityComparer.Instance);

    public override string Name => "ocaml";

    public override bool InitializesAtLoad => true;

    public override ProcessStartInfo StartInfo(ScriptProgram program, out string cannotRun)
    {
        cannotRun = $"cannot run the ocaml toplevel '{program.Interpreter}' (the semantic patch has ocaml scripts; install ocaml, or name the toplevel with SEVENSPOT_OCAML)";
        string path;
        lock (_programs)
        {
            if (!_programs.TryGetValue(program.Patch, out path!))
            {
                string text = OCamlProgram.Build(program);
                string? executable = OCamlCompiledWorker.Executable(program.Interpreter, text);
                if (executable is null)
                {
                    path = Path.Join(Path.GetTempPath(), $"sevenspot-ocaml-{Environment.ProcessId}-{Guid.NewGuid():N}.ml");
                    File.WriteAllText(path, text);
                }

                _programs[program.Patch] = path = executable ?? path;
            }
        }

        // A compiled worker (cached, see OCamlCompiledWorker) runs by itself; the program file runs on the toplevel.
        if (!path.EndsWith(".ml", StringComparison.Ordinal))
        {
            return new ProcessStartInfo(path);
        }

        var info = new ProcessStartInfo(program.Interpreter);
        // Warnings and alerts are spatch's business only when they stop the script; the toplevel's
        // own notes would mix with the run's output.
        info.ArgumentList.Add("-w");
        info.ArgumentList.Add("-a");
        info.ArgumentList.Add("-alert");
        info.ArgumentList.Add("-all");
        info.ArgumentList.Add("unix.cma");
        info.ArgumentList.Add("str.cma");
        info.ArgumentList.Add(path);
        return info;
    }

    public override JsonObject LoadRequest(ScriptProgram program, bool fork) => new() { ["op"] = "load", ["fork"] = fork };

    public override void Release(ScriptProgram program)
    {
        lock (_programs)
        {
            // A compiled worker stays in the cache for the next run.
            if (_programs.Remove(program.Patch, out string? path) && path.EndsWith(".ml", StringComparison.Ordinal))
            {
                try
                {
                    File.Delete(path);
                }
                catch (IOException)
                {
                    // Left in the temporary folder.
                }
            }
        }
    }

    public override JsonNode Arguments(IReadOnlyList<ScriptInput> inputs)
    {
        // By position: OCaml's "(_, x) << r.x" may give several inputs the same name.
        var args = new JsonArray();
        foreach (var input in inputs)
        {
            args.Add((JsonNode)ScriptValues.ToJson(input));
        }

        return args;
    }

    public override string? LoadFailure(ScriptProgram program, string stderr)
    {
        var source = program.Patch.Source;
        var match = LocationPattern().Match(stderr);
        if (!match.Success || match.Groups[1].Value != source.Path)
        {
            return null;
        }

        int line = Math.Clamp(int.Parse(match.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture), 1, Math.Max(1, source.LineCount));
        int column = int.Parse(match.Groups[3].Value, System.Globalization.CultureInfo.InvariantCulture);
        int start = source.GetLineStart(line);
        int offset = Math.Min(start + column, source.Length);
        string what = program.RuleAt(line) is { } rule ? (rule is ScriptRule { ScriptKind: ScriptKind.Initialize or ScriptKind.Finalize } ? $"{((ScriptRule)rule).ScriptKind.ToString().ToLowerInvariant()} rule" : $"script rule {rule.Name}") : "script";
        string message = stderr[(match.Index + match.Length)..].Trim('\n', ' ');
        // The toplevel quotes the line before its message; the caret shows it already.
        int error = message.IndexOf("Error:", StringComparison.Ordinal);
        if (error > 0)
        {
            message = message[error..];
        }

        return new Diagnostic(DiagnosticId.ScriptCompileError, source, new TextSpan(offset, 0), what, message).ToStringWithCaret();
    }

    [GeneratedRegex("File \"([^\"]*)\", line ([0-9]+), characters ([0-9]+)-[0-9]+:")]
    private static partial Regex LocationPattern();
}
