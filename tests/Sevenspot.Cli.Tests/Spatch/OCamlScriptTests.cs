using System.Diagnostics;

namespace Sevenspot.Cli.Tests.Spatch;

/// <summary>A fact that needs the ocaml toplevel on the PATH (Debian's ocaml-nox); skipped, with the reason, where it is missing.</summary>
public sealed class OCamlFactAttribute : FactAttribute
{
    private static readonly Lazy<bool> s_available = new(() =>
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo("ocaml", "-version") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false })!;
            process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            return process.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    });

    public OCamlFactAttribute()
    {
        if (!s_available.Value)
        {
            Skip = "skipped: no ocaml toplevel on the PATH (install ocaml-nox) to run OCaml script rules";
        }
    }
}

/// <summary>A theory that needs the ocaml toplevel on the PATH, as <see cref="OCamlFactAttribute"/>.</summary>
public sealed class OCamlTheoryAttribute : TheoryAttribute
{
    public OCamlTheoryAttribute()
    {
        if (new OCamlFactAttribute().Skip is { } skip)
        {
            Skip = skip;
        }
    }
}

/// <summary>
/// OCaml script rules, compared with what spatch 1.1.1 prints for the same rule and files (each
/// expectation below was taken from a run of spatch; spatch is not run by the tests).
/// </summary>
public sealed class OCamlScriptTests : IDisposable
{
    private const string DoubleFreeA = "void f(int *x, struct s *y)\n{\n\tkfree(x);\n\tkfree(x);\n\tkfree(y->buf);\n\tg();\n\t\tkfree(y->buf);\n}\n";

    private const string DoubleFreeB = "int h(char **a)\n{\n\tkfree(a[1]);\n\tif (a)\n\t\tkfree(a[1]);\n\treturn 0;\n}\n";

    private const string Calls = "void g(void)\n{\n\tfoo(1);\n\tlonger(2);\n\tbar();\n\tcleanup(3);\n}\n";

    private const string Report = """
        @initialize:ocaml@
        @@
        let report p msg =
          let p = List.hd p in
          Printf.printf "%s:%d:%d-%d: %s\n" p.file p.line p.col p.col_end msg

        @r@
        expression E;
        position p;
        @@
        kfree@p(E);
        ...
        kfree(E);

        @script:ocaml@
        p << r.p;
        e << r.E;
        @@
        report p (Printf.sprintf "double free of %s in %s (%d-%d)" e (List.hd p).current_element (List.hd p).current_element_line (List.hd p).current_element_line_end)

        """;

    private const string Counting = """
        @initialize:ocaml@
        @@
        let calls = Hashtbl.create 7
        let () = print_endline "start"

        @r@
        identifier f;
        @@
        f(...);

        @script:ocaml@
        f << r.f;
        @@
        Hashtbl.replace calls f (1 + try Hashtbl.find calls f with Not_found -> 0)

        @finalize:ocaml@
        all << merge.calls;
        @@
        let total = Hashtbl.create 7 in
        List.iter (Hashtbl.iter (fun k v -> Hashtbl.replace total k (v + try Hashtbl.find total k with Not_found -> 0))) all;
        List.iter (fun (k, v) -> Printf.printf "%s %d\n" k v) (List.sort compare (Hashtbl.fold (fun k v l -> (k, v) :: l) total []))

        """;

    private readonly SpatchHarness _h = new();

    public void Dispose() => _h.Dispose();

    [OCamlFact]
    public void Positions_are_records_with_the_place_and_its_function()
    {
        _h.With("r.cocci", Report).With("d/a.c", DoubleFreeA).With("d/b.c", DoubleFreeB);
        var result = _h.Run("--very-quiet", "--no-show-diff", "--sp-file", "r.cocci", "--dir", "d");

        // spatch --very-quiet --no-show-diff --sp-file r.cocci --dir d
        Assert.Equal(new SpatchResult(0, "d/a.c:3:1-6: double free of x in f (1-8)\nd/a.c:5:1-6: double free of y -> buf in f (1-8)\n", string.Empty), result);
    }

    [OCamlFact]
    public void Org_functions_print_as_spatch()
    {
        _h.With("o.cocci", """
            virtual org

            @r depends on org@
            expression E;
            position p;
            @@
            kfree@p(E);
            ...
            kfree(E);

            @script:ocaml depends on org@
            p << r.p;
            @@
            Coccilib.print_todo ~msg:"frees [memory] twice" (List.hd p);
            Coccilib.print_safe_todo ~msg:"safe [x]" (List.hd p);
            Coccilib.print_link ~msg:"link" (List.hd p);
            Coccilib.print_main "main" p;
            Coccilib.print_sec "sec" p;
            Coccilib.print_secs "secs" p

            """).With("d/a.c", DoubleFreeA);
        var result = _h.Run("--very-quiet", "-D", "org", "--no-show-diff", "--sp-file", "o.cocci", "--dir", "d");

        // spatch --very-quiet -D org --no-show-diff --sp-file o.cocci --dir d (the first match; the second is the same at line 5)
        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith(
            "* TODO [[view:d/a.c::face=ovl-face1::linb=3::colb=1::cole=6][frees [memory] twice]]\n"
            + "* TODO [[view:d/a.c::face=ovl-face1::linb=3::colb=1::cole=6][safe @(x)]]\n"
            + "[[view:d/a.c::face=ovl-face2::linb=3::colb=1::cole=6][link]]\n"
            + "* TODO [[view:d/a.c::face=ovl-face1::linb=3::colb=1::cole=6][main d/a.c::3]]\n"
            + "[[view:d/a.c::face=ovl-face2::linb=3::colb=1::cole=6][sec]]\n"
            + "[[view:d/a.c::face=ovl-face2::linb=3::colb=1::cole=6][secs]]\n"
            + "* TODO [[view:d/a.c::face=ovl-face1::linb=5::colb=1::cole=6][frees [memory] twice]]\n",
            result.Stdout,
            StringComparison.Ordinal);
    }

    [OCamlFact]
    public void Initialize_and_finalize_count_calls_and_merge_for_any_number_of_jobs()
    {
        _h.With("c.cocci", Counting).With("d/a.c", DoubleFreeA).With("d/b.c", DoubleFreeB).With("d/c.c", Calls);
        var one = _h.Run("--very-quiet", "--sp-file", "c.cocci", "--dir", "d");
        var two = _h.Run("--very-quiet", "--sp-file", "c.cocci", "--dir", "d", "--jobs", "2", "--chunksize", "1");

        // spatch --very-quiet --sp-file c.cocci --dir d (and the same with --jobs 2 --chunksize 1)
        var expected = new SpatchResult(0, "start\nbar 1\ncleanup 1\nfoo 1\ng 1\nkfree 2\nlonger 1\n", string.Empty);
        Assert.Equal(expected, one);
        Assert.Equal(expected, two);
    }

    [OCamlTheory]
    // The state is changed only through top-level references and tables (put back at each file's end).
    [InlineData(
        "let seen = Hashtbl.create 7\nlet count = ref 0\nlet last = ref \"\"",
        "incr count;\nHashtbl.replace seen e ();\nPrintf.printf \"%s after '%s': call %d, %d seen\\n\" e !last !count (Hashtbl.length seen);\nlast := e",
        "1 after '': call 1, 1 seen\n2 after '1': call 2, 2 seen\n3 after '2': call 3, 3 seen\n",
        "1 after '': call 1, 1 seen\n2 after '1': call 2, 2 seen\n3 after '': call 1, 1 seen\n")]
    // Through a function of the initialize code, in a table initialize filled (a child per file).
    [InlineData(
        "let seen = Hashtbl.create 7\nlet () = Hashtbl.replace seen \"0\" ()\nlet count = ref 0\nlet remember e = incr count; Hashtbl.replace seen e ()",
        "remember e;\nPrintf.printf \"%s: call %d, %d seen\\n\" e !count (Hashtbl.length seen)",
        "1: call 1, 2 seen\n2: call 2, 3 seen\n3: call 3, 4 seen\n",
        "1: call 1, 2 seen\n2: call 2, 3 seen\n3: call 1, 2 seen\n")]
    // In the array a reference holds (the worker sees at load that it cannot put it back).
    [InlineData(
        "let zero = [| 0 |]\nlet cells = ref zero",
        "(!cells).(0) <- (!cells).(0) + 1;\nPrintf.printf \"%s: %d\\n\" e (!cells).(0)",
        "1: 1\n2: 2\n3: 3\n",
        "1: 1\n2: 2\n3: 1\n")]
    public void With_jobs_each_file_starts_from_the_initialized_state(string initialize, string script, string serial, string perFile)
    {
        _h.With("r.cocci", $$"""
            @initialize:ocaml@
            @@
            {{initialize}}

            @r@
            expression E;
            @@
            foo(E)

            @script:ocaml@
            e << r.E;
            @@
            {{script}}

            """);
        _h.With("d/f1.c", "void f1(void) {\n\tfoo(1);\n\tfoo(2);\n}\n");
        _h.With("d/f2.c", "void f2(void) {\n\tfoo(3);\n}\n");

        // spatch --very-quiet --sp-file r.cocci --dir d, and with --jobs 2 --chunksize 1 (here --jobs 1
        // too: the output is the same for any --jobs, where spatch's --jobs 1 keeps one state)
        Assert.Equal(new SpatchResult(0, serial, string.Empty), _h.Run("--very-quiet", "--sp-file", "r.cocci", "--dir", "d"));
        foreach (string jobs in new[] { "1", "2" })
        {
            var result = _h.Run("--very-quiet", "--sp-file", "r.cocci", "--dir", "d", "--jobs", jobs, "--chunksize", "1");
            Assert.Equal(new SpatchResult(0, perFile, string.Empty), result);
        }
    }

    [OCamlFact]
    public void Iteration_runs_the_patch_again_with_virtual_rules_and_identifiers_and_finalize_merges_one_state_per_run()
    {
        _h.With("it.cocci", """
            virtual again
            virtual last

            @initialize:ocaml@
            @@
            let asked = ref false
            let runs = ref 0

            @r depends on !again && !last@
            identifier f;
            position p;
            @@
            f@p(...) { ... return -ENOMEM; }

            @script:ocaml@
            f << r.f;
            p << r.p;
            @@
            runs := !runs + 1;
            if not !asked then begin
              asked := true;
              let it = new iteration () in
              it#set_files [(List.hd p).file];
              it#add_virtual_rule Again;
              it#add_virtual_identifier Target f;
              it#register ()
            end

            @c depends on again@
            identifier virtual.target;
            identifier g;
            position p;
            @@
            g@p(...) { <+... target(...) ...+> }

            @script:ocaml@
            g << c.g;
            p << c.p;
            @@
            runs := !runs + 10;
            Printf.printf "%s calls it at %s:%d\n" g (List.hd p).file (List.hd p).line

            @l depends on last@
            identifier g;
            @@
            g(...) { ... }

            @script:ocaml@
            g << l.g;
            @@
            runs := !runs + 100

            @finalize:ocaml@
            all << merge.runs;
            @@
            Printf.printf "finalize: %s\n" (String.concat " " (List.map (fun r -> string_of_int !r) all));
            if List.length all = 2 then begin
              let it = new iteration () in
              it#add_virtual_rule Last;
              it#register ()
            end
            """).With("d/a.c", "int alloc(void)\n{\n\treturn -ENOMEM;\n}\n\nint user(void)\n{\n\treturn alloc();\n}\n")
            .With("d/b.c", "void other(void)\n{\n\tg();\n}\n");
        var result = _h.Run("--very-quiet", "--no-show-diff", "--sp-file", "it.cocci", "--dir", "d");

        // spatch --very-quiet --no-show-diff --sp-file it.cocci --dir d: the first run asks for a second one on
        // d/a.c (rule c, with target = alloc); finalize merges the two runs' states, then asks for a third run
        // on all the files, after which finalize runs again with that run's state only.
        Assert.Equal(new SpatchResult(0, "user calls it at d/a.c:6\nfinalize: 1 11\nfinalize: 311\n", string.Empty), result);
    }

    [OCamlFact]
    public void Make_ident_feeds_a_later_transformation_and_an_unset_output_leaves_the_match_alone()
    {
        _h.With("mk.cocci", """
            @r@
            identifier f;
            expression a, b;
            @@
            f(a, b)

            @script:ocaml s@
            f << r.f;
            n;
            @@
            if f = "add" then n := make_ident (f ^ "_checked")

            @@
            identifier r.f;
            identifier s.n;
            @@
            - f
            + n
              (...)

            """).With("mk.c", "int g(void)\n{\n\treturn add(1, 2) + sub(3, 4);\n}\n");
        var result = _h.Run("--very-quiet", "--sp-file", "mk.cocci", "mk.c");

        // spatch --very-quiet --sp-file mk.cocci mk.c
        Assert.Equal(0, result.ExitCode);
        Assert.EndsWith("@@ -1,4 +1,4 @@\n int g(void)\n {\n-\treturn add(1, 2) + sub(3, 4);\n+\treturn add_checked(1, 2) + sub(3, 4);\n }\n", result.Stdout, StringComparison.Ordinal);
    }

    [OCamlFact]
    public void Include_match_false_drops_the_environment_for_later_rules()
    {
        _h.With("inc.cocci", """
            @r@
            identifier f;
            position p;
            @@
            f@p(...);

            @script:ocaml@
            f << r.f;
            @@
            if String.length f < 4 then include_match false

            @@
            identifier r.f;
            position r.p;
            @@
            - f@p(...);

            """).With("inc.c", Calls);
        var result = _h.Run("--very-quiet", "--sp-file", "inc.cocci", "inc.c");

        // spatch --very-quiet --sp-file inc.cocci inc.c
        Assert.Equal(0, result.ExitCode);
        Assert.EndsWith("@@ -1,7 +1,5 @@\n void g(void)\n {\n \tfoo(1);\n-\tlonger(2);\n \tbar();\n-\tcleanup(3);\n }\n", result.Stdout, StringComparison.Ordinal);
    }

    [OCamlFact]
    public void Script_constraints_and_fresh_identifiers_run_in_ocaml()
    {
        _h.With("fresh.cocci", """
            @r@
            identifier f : script:ocaml () { String.length f > 3 };
            @@
            f(...);

            @@
            identifier r.f;
            fresh identifier g = script:ocaml (f) { f ^ "_new" };
            @@
            - f
            + g
              (...);

            """).With("inc.c", Calls);
        var result = _h.Run("--very-quiet", "--sp-file", "fresh.cocci", "inc.c");

        // spatch --very-quiet --sp-file fresh.cocci inc.c
        Assert.Equal(0, result.ExitCode);
        Assert.EndsWith("@@ -1,7 +1,7 @@\n void g(void)\n {\n \tfoo(1);\n-\tlonger(2);\n+\tlonger_new(2);\n \tbar();\n-\tcleanup(3);\n+\tcleanup_new(3);\n }\n", result.Stdout, StringComparison.Ordinal);
    }

    [OCamlFact]
    public void A_type_error_gives_the_location_and_the_compiler_message()
    {
        // spatch: File "r.cocci", line 9, characters 4-5: Error: Unbound constructor E (OCaml names start lower case).
        _h.With("r.cocci", Report.Replace("e << r.E;", "E << r.E;", StringComparison.Ordinal)).With("a.c", DoubleFreeA);
        var result = _h.Run("--very-quiet", "--sp-file", "r.cocci", "a.c");
        Assert.Equal(255, result.ExitCode);
        Assert.Empty(result.Stdout);
        Assert.StartsWith("r.cocci:17:0: ocaml error in script rule script starting on line 15: Error: Unbound constructor E\nE << r.E;\n^\n", result.Stderr, StringComparison.Ordinal);

        _h.With("t.cocci", Report.Replace("(List.hd p).current_element_line_end)", "(List.hd p).current_element_line_end + \"x\")", StringComparison.Ordinal));
        var typed = _h.Run("--very-quiet", "--sp-file", "t.cocci", "a.c");
        Assert.Equal(255, typed.ExitCode);
        Assert.StartsWith("t.cocci:19:", typed.Stderr, StringComparison.Ordinal);
        Assert.Contains("Error: This expression has type string but an expression was expected of type", typed.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_ocaml_only_patches_with_ocaml_scripts_fail()
    {
        _h.Variables["SEVENSPOT_OCAML"] = "/nonexistent/ocaml";
        _h.With("r.cocci", Report).With("t.c", DoubleFreeA).With("plain.cocci", "@@\n@@\n- g();\n");
        var scripted = _h.Run("--very-quiet", "--sp-file", "r.cocci", "t.c");
        Assert.Equal(255, scripted.ExitCode);
        Assert.StartsWith("cannot run the ocaml toplevel '/nonexistent/ocaml'", scripted.Stderr, StringComparison.Ordinal);

        var plain = _h.Run("--very-quiet", "--sp-file", "plain.cocci", "t.c");
        Assert.Equal(0, plain.ExitCode);
        Assert.Contains("-\tg();", plain.Stdout, StringComparison.Ordinal);
    }
}
