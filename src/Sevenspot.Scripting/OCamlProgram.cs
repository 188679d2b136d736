using System.Text;
using Sevenspot.Smpl;

namespace Sevenspot.Scripting;

/// <summary>
/// The program the ocaml toplevel runs for a patch: our worker library (OCaml/sevenspot_worker.ml),
/// then one module holding the patch's OCaml scripts, then the request loop. In the module, the
/// initialize rules' code stands at the top level (its definitions are seen by every later script,
/// and it runs when the module is evaluated, before the first C file), and each script rule, finalize
/// rule and script expression is a function registered under the id the host calls it by. Line
/// directives make the toplevel's errors name the .cocci file's lines.
/// </summary>
internal static class OCamlProgram
{
    public static string Build(ScriptProgram program)
    {
        var patch = program.Patch;
        string file = Quote(patch.Source.Path);
        var sb = new StringBuilder(OCamlModules.WorkerSource.Length + 4096);
        sb.Append(OCamlModules.WorkerSource).Append('\n');
        sb.Append("module Sevenspot_rules = struct\nopen Coccilib\n");
        AppendIteration(sb, patch);
        foreach (var rule in patch.Rules)
        {
            if (rule is not ScriptRule { Language: "ocaml" } script)
            {
                continue;
            }

            if (script.ScriptKind == ScriptKind.Initialize)
            {
                sb.Append(";;\n");
                AppendCode(sb, script.CodeLine, file, script.Code);
                sb.Append(";;\n");
                continue;
            }

            int id = program.RuleIds[script];
            sb.Append("let __rule_").Append(id).Append(" (__args : Sevenspot_json.t list) =\n");
            int index = 0;
            int line = script.Line;
            foreach (var binding in script.Bindings)
            {
                // A name OCaml refuses ("E << r.E") is reported at its line of the header (one binding a
                // line, as usually written): "let" goes before the line directive, the name starts the line.
                sb.Append("  let\n# ").Append(++line).Append(' ').Append(file).Append('\n');
                if (binding.Rule is null)
                {
                    sb.Append(binding.Name).Append(" = ref Coccilib.NoVal in\n");
                }
                else if (binding.Rule == "merge")
                {
                    sb.Append(binding.Name).Append(" = List.map (fun s -> Marshal.from_string s 0) (Sevenspot_worker.merged_values \"")
                        .Append(binding.Name).Append("\") in\n");
                }
                else
                {
                    var kind = KindOf(patch, binding.Rule, binding.RuleVariable!);
                    string arg = $"(List.nth __args {index})";
                    sb.Append(binding.Name).Append(" = ").Append(Getter(kind)).Append(' ').Append(arg).Append(" in\n");
                    if (binding.AstName is { } ast)
                    {
                        string getter = IsList(kind) ? "Sevenspot_worker.arg_list_elements" : Getter(kind);
                        sb.Append("  let ").Append(ast).Append(" = ").Append(getter).Append(' ').Append(arg).Append(" in\n");
                    }

                    index++;
                }
            }

            sb.Append("  begin\n");
            AppendCode(sb, script.CodeLine, file, script.Code);
            sb.Append("  end;\n  [");
            foreach (var binding in script.Bindings)
            {
                if (binding.Rule is null)
                {
                    sb.Append(" (\"").Append(binding.Name).Append("\", !").Append(binding.Name).Append(");");
                }
            }

            sb.Append(" ]\n");
            sb.Append("let () = Hashtbl.replace Sevenspot_worker.rules ").Append(id).Append(" __rule_").Append(id).Append('\n');
        }

        // What finalize rules collect from every file's state: "x << merge.y" names y.
        var merged = new HashSet<string>(StringComparer.Ordinal);
        foreach (var rule in patch.Rules)
        {
            if (rule is ScriptRule { Language: "ocaml", ScriptKind: ScriptKind.Finalize } finalize)
            {
                foreach (var binding in finalize.Bindings)
                {
                    if (binding.Rule == "merge" && merged.Add(binding.RuleVariable!))
                    {
                        sb.Append("let () = Sevenspot_worker.register_merge \"").Append(binding.RuleVariable).Append("\" (fun () -> Marshal.to_string ")
                            .Append(binding.RuleVariable).Append(" [Marshal.Closures])\n");
                    }
                }
            }
        }

        for (int id = 0; id < program.Expressions.Count; id++)
        {
            var (rule, meta, constraint) = program.Expressions[id];
            bool fresh = meta.Kind == MetavariableKind.FreshIdentifier;
            sb.Append("let __expr_").Append(id).Append(" (__args : Sevenspot_json.t list) =\n");
            int index = 0;
            if (!fresh)
            {
                sb.Append("  let ").Append(meta.Name).Append(" = ").Append(Getter(meta.Kind)).Append(" (List.nth __args 0) in\n");
                index++;
            }

            foreach (string argument in constraint.Arguments)
            {
                var (local, name) = Local(rule, argument);
                if (!fresh && local == meta.Name)
                {
                    continue;
                }

                var kind = MetavariableKind.Identifier;
                foreach (var m in rule.Metavariables)
                {
                    if (m.Name == local)
                    {
                        kind = m.Kind;
                    }
                }

                sb.Append("  let ").Append(name).Append(" = ").Append(Getter(kind)).Append(" (List.nth __args ").Append(index).Append(") in\n");
                index++;
            }

            sb.Append(fresh ? "  (\"value\", Sevenspot_json.Assoc [ (\"k\", Sevenspot_json.String \"identifier\"); (\"s\", Sevenspot_json.String (\n"
                            : "  (\"bool\", Sevenspot_json.Bool (\n");
            AppendCode(sb, constraint.Line, file, constraint.Code);
            sb.Append(fresh ? "  )) ])\n" : "  ))\n");
            sb.Append("let () = Hashtbl.replace Sevenspot_worker.exprs ").Append(id).Append(" __expr_").Append(id).Append('\n');
        }

        // With --jobs: the state the per-file scripts can change, put back at each file's end (no child per file).
        if (OCamlFileState.PutBack(program) is { } putBack)
        {
            sb.Append("let () = Sevenspot_worker.put_back := Some [");
            foreach (var (name, table) in putBack)
            {
                sb.Append(table ? " Sevenspot_worker.keep_table " : " Sevenspot_worker.keep_ref ").Append(name).Append(';');
            }

            sb.Append(" ]\n");
        }

        sb.Append("end\n");
        sb.Append("let () = Sevenspot_worker.initialize_output := Sevenspot_worker.stop_capture ()\n");
        sb.Append("let () = Sevenspot_worker.serve ()\n");
        return sb.ToString();
    }

    /// <summary>
    /// The iteration class scripts use to ask for further runs of the patch. As in spatch, a virtual
    /// rule or virtual identifier is named by a constructor, its name capitalized (After_start for
    /// after_start).
    /// </summary>
    private static void AppendIteration(StringBuilder sb, SmplFile patch)
    {
        var rules = new List<string>();
        foreach (string name in patch.Virtuals)
        {
            AddConstructorName(rules, name);
        }

        var identifiers = new List<string>();
        foreach (var rule in patch.CodeRules)
        {
            foreach (var meta in rule.Metavariables)
            {
                if (meta.InheritedFrom == "virtual" && meta.InheritedName is { } name)
                {
                    AddConstructorName(identifiers, name);
                }
            }
        }

        AppendNamedVariant(sb, "virtual_rule", rules);
        AppendNamedVariant(sb, "virtual_identifier", identifiers);
        sb.Append("""
            class iteration () = object
              val mutable files = (None : string list option)
              val mutable virtual_rules = ([] : string list)
              val mutable virtual_identifiers = ([] : (string * string) list)
              val mutable extend_virtual_ids = false
              method set_files (f : string list) = files <- Some f
              method add_virtual_rule (r : virtual_rule) = virtual_rules <- virtual_rules @ [ __name_of_virtual_rule r ]
              method add_virtual_identifier (i : virtual_identifier) (v : string) =
                virtual_identifiers <- virtual_identifiers @ [ (__name_of_virtual_identifier i, v) ]
              method set_extend_virtual_ids (b : bool) = extend_virtual_ids <- b
              method register () = Sevenspot_worker.add_pending files virtual_rules virtual_identifiers extend_virtual_ids
            end

            """);
    }

    private static void AddConstructorName(List<string> names, string name)
    {
        if (name.Length > 0 && char.IsAsciiLetter(name[0]) && !names.Contains(name))
        {
            names.Add(name);
        }
    }

    /// <summary>"type t = A | B" with a function giving each constructor's original name ("type t = |" when empty).</summary>
    private static void AppendNamedVariant(StringBuilder sb, string type, List<string> names)
    {
        sb.Append("type ").Append(type).Append(" =");
        if (names.Count == 0)
        {
            sb.Append(" |\n");
            sb.Append("let __name_of_").Append(type).Append(" (_ : ").Append(type).Append(") = \"\"\n");
            return;
        }

        foreach (string name in names)
        {
            sb.Append(" | ").Append(char.ToUpperInvariant(name[0])).Append(name.AsSpan(1));
        }

        sb.Append("\nlet __name_of_").Append(type).Append(" = function");
        foreach (string name in names)
        {
            sb.Append(" | ").Append(char.ToUpperInvariant(name[0])).Append(name.AsSpan(1)).Append(" -> ").Append(Quote(name));
        }

        sb.Append('\n');
    }

    /// <summary>The local name and the name a script sees of a script expression's argument ("x" or "r.x").</summary>
    private static (string Local, string Name) Local(CodeRule rule, string argument)
    {
        int dot = argument.IndexOf('.', StringComparison.Ordinal);
        if (dot < 0)
        {
            return (argument, argument);
        }

        string from = argument[..dot];
        string name = argument[(dot + 1)..];
        foreach (var m in rule.Metavariables)
        {
            if (m.InheritedFrom == from && m.InheritedName == name)
            {
                return (m.Name, name);
            }
        }

        return (name, name);
    }

    /// <summary>The kind of r.x: positions are records for OCaml, everything else text.</summary>
    private static MetavariableKind KindOf(SmplFile patch, string ruleName, string variable)
    {
        foreach (var rule in patch.CodeRules)
        {
            if (rule.Name != ruleName)
            {
                continue;
            }

            foreach (var meta in rule.Metavariables)
            {
                if (meta.Name == variable)
                {
                    return meta.Kind;
                }
            }
        }

        return MetavariableKind.Identifier;
    }

    private static string Getter(MetavariableKind kind) =>
        kind == MetavariableKind.Position ? "Sevenspot_worker.arg_positions" : "Sevenspot_worker.arg_string";

    private static bool IsList(MetavariableKind kind) => kind is MetavariableKind.ExpressionList or MetavariableKind.IdentifierList
        or MetavariableKind.StatementList or MetavariableKind.FieldList or MetavariableKind.ParameterList
        or MetavariableKind.InitializerList or MetavariableKind.FormatList;

    /// <summary>The code, after a line directive naming its place in the .cocci file; SmPL comment lines are blanked.</summary>
    private static void AppendCode(StringBuilder sb, int line, string file, string code)
    {
        sb.Append("# ").Append(line).Append(' ').Append(file).Append('\n');
        foreach (string text in code.Split('\n'))
        {
            sb.Append(text.TrimStart().StartsWith("//", StringComparison.Ordinal) ? string.Empty : text.TrimEnd('\r')).Append('\n');
        }
    }

    private static string Quote(string text) => "\"" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
}

/// <summary>The OCaml side of the worker, shipped inside the assembly.</summary>
internal static class OCamlModules
{
    private static readonly Lazy<string> s_worker = new(static () =>
    {
        using var stream = typeof(OCamlModules).Assembly.GetManifestResourceStream("ocaml/sevenspot_worker.ml")!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    });

    public static string WorkerSource => s_worker.Value;
}
