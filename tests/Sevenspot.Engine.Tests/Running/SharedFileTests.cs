using Sevenspot.C;
using Sevenspot.Smpl;
using Sevenspot.Text;

namespace Sevenspot.Engine.Tests.Running;

/// <summary>
/// Several patches on one file read once: the parse and the session (types, control-flow graphs,
/// #define bodies) are shared by the patches that parse the file the same way, and each patch's
/// outcome is what it gives on the file alone.
/// </summary>
public sealed class SharedFileTests
{
    private const string Code = """
        #define SET(x) x = kmalloc(8, GFP_KERNEL)
        struct s { int *buf; };
        void f(struct s *y, int *x)
        {
            x = kmalloc(4, GFP_KERNEL);
            kfree(x);
            kfree(y->buf);
            if (x)
                kfree(x);
        }
        """;

    // A flow rule (control-flow graph, types) and a rule of one term (also tried in #define bodies).
    private const string DoubleFree = "@r@\nexpression E;\n@@\n* kfree(E);\n...\n* kfree(E);\n";
    private const string Alloc = "@r@\nexpression E;\n@@\n* E = kmalloc(...)\n";

    private static SemanticPatchRunner Runner(string patch, RunOptions options)
    {
        var parsed = SmplParser.Parse(SourceText.FromString("p.cocci", patch));
        Assert.True(parsed.Success, string.Join("\n", parsed.Diagnostics));
        return new SemanticPatchRunner(parsed.File!, options);
    }

    [Fact]
    public void A_runner_with_a_cancelled_token_gives_up_and_keeps_the_options_it_came_from()
    {
        var runner = Runner(DoubleFree, new RunOptions { RecordChanges = true, UsePrefilter = false });
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        var timed = runner.WithCancellation(cancelled.Token);
        Assert.Equal(runner.Options with { ParseOptions = timed.Options.ParseOptions, CancellationToken = cancelled.Token }, timed.Options);
        Assert.Equal(cancelled.Token, timed.Options.ParseOptions.CancellationToken);
        Assert.ThrowsAny<OperationCanceledException>(() => timed.Run(SourceText.FromString("t.c", Code)));
        Assert.NotEmpty(runner.Run(SourceText.FromString("t.c", Code)).StarLines);
    }

    [Fact]
    public void Patches_with_the_same_parser_settings_share_one_session_and_keep_their_outcomes()
    {
        // Every body read, as in a run of several patches: a patch's own body filter would part the parse.
        var options = new RunOptions { ParseNeededBodiesOnly = false };
        var first = Runner(DoubleFree, options);
        var second = Runner(Alloc, options);
        var source = SourceText.FromString("t.c", Code);

        var file = new SharedFile(source);
        var together = new[] { first.Run(file), second.Run(file) };
        var alone = new[] { first.Run(SourceText.FromString("t.c", Code)), second.Run(SourceText.FromString("t.c", Code)) };

        Assert.Same(file.SessionFor(first.Options), file.SessionFor(second.Options));
        for (int i = 0; i < 2; i++)
        {
            Assert.NotEmpty(alone[i].StarLines);
            Assert.Equal(alone[i].StarLines.Order(), together[i].StarLines.Order());
            Assert.Equal(alone[i].MatchedRules.Order(), together[i].MatchedRules.Order());
        }

        // Both patches' outcomes give back the one copy of the file's bytes.
        Assert.Same(together[0].Original, together[1].Original);
        Assert.Equal(source.Bytes.ToArray(), together[0].Original);
    }

    [Fact]
    public void Patches_that_read_only_the_bodies_they_need_parse_apart_and_keep_their_outcomes()
    {
        var first = Runner(DoubleFree, new RunOptions());
        var second = Runner(Alloc, new RunOptions());
        Assert.NotNull(first.Options.ParseOptions.BodyFilter);

        var file = new SharedFile(SourceText.FromString("t.c", Code));
        var together = new[] { first.Run(file), second.Run(file) };
        var full = new RunOptions { ParseNeededBodiesOnly = false };
        var alone = new[] { Runner(DoubleFree, full).Run(SourceText.FromString("t.c", Code)), Runner(Alloc, full).Run(SourceText.FromString("t.c", Code)) };

        Assert.NotSame(file.SessionFor(first.Options), file.SessionFor(second.Options));
        for (int i = 0; i < 2; i++)
        {
            Assert.NotEmpty(alone[i].StarLines);
            Assert.Equal(alone[i].StarLines.Order(), together[i].StarLines.Order());
            Assert.Equal(alone[i].MatchedRules.Order(), together[i].MatchedRules.Order());
        }
    }

    [Fact]
    public void A_function_without_the_words_of_any_rule_is_left_unread_and_the_outcome_is_the_same()
    {
        const string code = "int g(int *p)\n{\n\treturn *p + 1;\n}\n\nvoid f(int *x)\n{\n\tkfree(x);\n\tkfree(x);\n}\n";
        var lazy = Runner(DoubleFree, new RunOptions());
        var full = Runner(DoubleFree, new RunOptions { ParseNeededBodiesOnly = false });

        var file = new SharedFile(SourceText.FromString("t.c", code));
        var outcome = lazy.Run(file);

        Assert.NotEmpty(outcome.StarLines);
        Assert.Equal(full.Run(SourceText.FromString("t.c", code)).StarLines.Order(), outcome.StarLines.Order());
        var functions = file.SessionFor(lazy.Options).Functions;
        Assert.Equal(2, functions[0].AsFunctionDefinition().Body.DescendantTokens().Count()); // g: "{ }"
        Assert.True(functions[1].AsFunctionDefinition().Body.DescendantTokens().Count() > 2);
        Assert.Equal(code, file.SessionFor(lazy.Options).Tree.ToString());
    }

    [Fact]
    public void A_prefilter_scans_the_file_once_and_each_run_gets_its_own_copy()
    {
        var runner = Runner(Alloc, new RunOptions());
        var other = Runner(DoubleFree, new RunOptions());
        var file = new SharedFile(SourceText.FromString("t.c", Code));

        var first = file.ScanFor(runner.Prefilter);
        var second = file.ScanFor(runner.Prefilter);
        Assert.NotSame(first, second);
        Assert.True(first.Contains("kmalloc"));
        Assert.Equal(first.Found, second.Found);
        Assert.True(file.ScanFor(other.Prefilter).Contains("kfree"));

        // What one run adds (the words of a changed version) is not seen by the next.
        var plain = new SharedFile(SourceText.FromString("u.c", "void g(void)\n{\n}\n"));
        var scan = plain.ScanFor(other.Prefilter);
        Assert.False(scan.Contains("kfree"));
        scan.Add("kfree(p);"u8);
        Assert.True(scan.Contains("kfree"));
        Assert.False(plain.ScanFor(other.Prefilter).Contains("kfree"));
    }

    [Fact]
    public void A_remembered_scan_is_used_instead_of_scanning_again()
    {
        var runner = Runner(Alloc, new RunOptions());
        var file = new SharedFile(SourceText.FromString("t.c", Code));

        // A scan of other bytes stands for the file's: the run's test reads what was remembered.
        file.RememberScan(runner.Prefilter.Scan("nothing here"u8));
        Assert.False(file.ScanFor(runner.Prefilter).Contains("kmalloc"));
        Assert.True(new SharedFile(SourceText.FromString("t.c", Code)).ScanFor(runner.Prefilter).Contains("kmalloc"));
    }

    [Fact]
    public void A_patch_with_other_macros_gets_its_own_parse()
    {
        var plain = new RunOptions();
        var declared = plain with { ParseOptions = new C.ParseOptions { Macros = C.MacroTable.Builtin.WithNames([new("SET", C.MacroKind.Declarer)]) } };
        var file = new SharedFile(SourceText.FromString("t.c", Code));
        Assert.NotSame(file.SessionFor(plain), file.SessionFor(declared));
        Assert.Same(file.SessionFor(declared), file.SessionFor(declared));
    }
    [Fact]
    public void Macro_names_the_file_never_spells_share_the_parse_of_the_table_they_extend()
    {
        var plain = new RunOptions();
        var absent = plain with { ParseOptions = new C.ParseOptions { Macros = C.MacroTable.Builtin.WithNames([new("DECLARE_NOTHING", C.MacroKind.Declarer)]) } };

        // "SE" and "kmallo" are parts of names of the file, not names of it.
        var partial = plain with { ParseOptions = new C.ParseOptions { Macros = C.MacroTable.Builtin.WithNames([new("SE", C.MacroKind.Declarer), new("kmallo", C.MacroKind.Iterator)]) } };
        var spelt = plain with { ParseOptions = new C.ParseOptions { Macros = C.MacroTable.Builtin.WithNames([new("DECLARE_NOTHING", C.MacroKind.Declarer), new("SET", C.MacroKind.Declarer)]) } };
        var file = new SharedFile(SourceText.FromString("t.c", Code));

        Assert.Same(file.SessionFor(plain), file.SessionFor(absent));
        Assert.Same(file.SessionFor(plain), file.SessionFor(partial));
        Assert.NotSame(file.SessionFor(plain), file.SessionFor(spelt));
    }
}
