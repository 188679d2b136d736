using Sevenspot.Smpl;

namespace Sevenspot.Scripting.Tests;

/// <summary>
/// Which OCaml per-file scripts can run without a child per file under --jobs: the state they can
/// change is read from their text, and anything the reading cannot tell keeps the child.
/// </summary>
public sealed class OCamlFileStateTests
{
    private static string? PutBack(string initialize, string script)
    {
        var patch = SmplParser.Parse($$"""
            @initialize:ocaml@
            @@
            {{initialize}}

            @r@
            identifier f;
            @@
            f(...);

            @script:ocaml@
            f << r.f;
            @@
            {{script}}

            """).File!;
        var ids = new Dictionary<Rule, int>();
        foreach (var rule in patch.Rules)
        {
            if (rule is ScriptRule { Language: "ocaml" })
            {
                ids[rule] = ids.Count;
            }
        }

        var program = new ScriptProgram { Patch = patch, RuleIds = ids, Expressions = [], Interpreter = "ocaml" };
        var kept = OCamlFileState.PutBack(program);
        return kept is null ? null : string.Join(" ", kept.Select(k => (k.Table ? "table " : "ref ") + k.Name));
    }

    [Fact]
    public void Badzero_puts_its_table_back()
    {
        // scripts/coccinelle/null/badzero.cocci's initialize and first script rule.
        Assert.Equal("table negtable", PutBack(
            "let negtable = Hashtbl.create 101",
            "try let _ = Hashtbl.find negtable f in ()\nwith Not_found -> Hashtbl.add negtable f ()"));
    }

    [Theory]
    [InlineData("let count = ref 0\nlet seen = Hashtbl.create 7", "incr count;\nHashtbl.replace seen f ();\nPrintf.printf \"%s %d\\n\" f !count", "ref count table seen")]
    [InlineData("let count = ref 0;;\nlet last = ref \"\"", "if !count > 1 then count := !count - 1; last := f", "ref count ref last")]
    [InlineData("let re = 1", "Coccilib.include_match (String.length f > 3)", "")]
    // Its content changed in place: read from the text, the worker checks at load what it holds (an array: a child per file).
    [InlineData("let zero = [| 0 |]\nlet cells = ref zero", "(!cells).(0) <- 1", "ref cells")]
    [InlineData("(* let state = ref 0 *)\nlet seen = Hashtbl.create 7", "(* seen := 1 *) print_endline (\"seen := \" ^ f)", "")]
    public void What_the_scripts_change_in_place_is_put_back(string initialize, string script, string expected)
    {
        Assert.Equal(expected, PutBack(initialize, script));
    }

    [Theory]
    // A function of the initialize code could change anything.
    [InlineData("let seen = Hashtbl.create 7\nlet remember e = Hashtbl.replace seen e ()", "remember f")]
    // The table handed on, or changed through a name of its own.
    [InlineData("let seen = Hashtbl.create 7", "let t = seen in Hashtbl.add t f ()")]
    [InlineData("let seen = Hashtbl.create 7", "List.iter (fun x -> Hashtbl.add x f ()) [seen]")]
    // A reference made of more than one token, a reference's field, a value of another kind.
    [InlineData("let cells = ref [| 0 |]", "(!cells).(0) <- 1")]
    [InlineData("let count = ref 0", "count.contents <- 1")]
    [InlineData("let names = [| \"a\" |]", "names.(0) <- f")]
    // Not at the top level, bound twice, or by a pattern.
    [InlineData("let seen =\n  let t = Hashtbl.create 7 in t", "Hashtbl.add seen f ()")]
    [InlineData("let seen = Hashtbl.create 7\nlet seen = Hashtbl.create 9", "Hashtbl.add seen f ()")]
    [InlineData("let (a, b) = (ref 0, ref 1)", "incr a")]
    [InlineData("let seen = Hashtbl.create 7 |> fun t -> t", "Hashtbl.add seen f ()")]
    // Modules, objects and global state.
    [InlineData("module S = Set.Make (String)\nlet seen = ref S.empty", "seen := S.add f !seen")]
    [InlineData("let count = ref 0", "Random.self_init (); incr count")]
    [InlineData("let count = ref 0", "Coccilib.the_files := [f]")]
    [InlineData("let count = ref 0", "Stdlib.Hashtbl.randomize ()")]
    [InlineData("let count = ref 0", "Hashtbl.(add count f ())")]
    [InlineData("let count = ref 0", "at_exit (fun () -> incr count)")]
    [InlineData("let ref x = [ x ]\nlet count = ref 0", "print_endline f")]
    public void What_the_reading_cannot_tell_keeps_a_child_per_file(string initialize, string script)
    {
        Assert.Null(PutBack(initialize, script));
    }
}
