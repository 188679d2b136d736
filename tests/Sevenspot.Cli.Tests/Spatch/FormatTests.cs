using System.Text;
using System.Text.Json;
using NJsonSchema;
using Sevenspot.Cli.Tests.Conformance;
using Sevenspot.Cli.Spatch.Findings;

namespace Sevenspot.Cli.Tests.Spatch;

/// <summary>
/// --format sarif|json|jsonl|github on real rules: a report rule with a python script, an org-mode
/// script with secondary places, a context rule and a patch rule. Places are those spatch 1.1.1
/// reports for the same rules and files (its report line "two.c:5:1-6" is line 5, code-point
/// columns 2 to 7 exclusive here); the hunks are the ones spatch prints.
/// </summary>
public sealed class FormatTests : IDisposable
{
    private const string DoubleFreeReport = """
        @r@
        expression E;
        position p1, p2;
        @@
        kfree@p1(E);
        ... when != E = NULL
        kfree@p2(E);

        @script:python@
        p1 << r.p1;
        p2 << r.p2;
        @@
        coccilib.report.print_report(p2[0], "ERROR: double free, first freed on line %s" % p1[0].line)

        """;

    private const string DoubleFreeOrg = """
        @r@
        expression E;
        position p1, p2;
        @@
        kfree@p1(E);
        ... when != E = NULL
        kfree@p2(E);

        @script:python@
        p1 << r.p1;
        p2 << r.p2;
        @@
        cocci.print_main("double free", p2)
        cocci.print_secs("first free", p1)

        """;

    private const string StarFree = """
        @star@
        expression E;
        @@
        * kfree(E);

        """;

    private const string TwoPatches = """
        @first@
        expression E;
        @@
        - kfree(E);
        + kvfree(E);

        @second@
        @@
        - g();

        """;

    private const string TwoFunctions = "void f(char *p)\n{\n\tkfree(p);\n\tg();\n\tkfree(p);\n}\n\nvoid h(char *q)\n{\n\tkfree(q);\n\tkfree(q);\n}\n";

    private const string Separate = "void f(char *p)\n{\n\tkfree(p);\n}\n\nint x;\nint y;\nint z;\nint w;\n\nvoid h(void)\n{\n\tg();\n}\n";

    private static string SchemaPath => Path.GetFullPath(Path.Combine(CocciCorpus.RepositoryRoot, "..", "shared", "schemas", "sarif-schema-2.1.0.json"));

    private readonly SpatchHarness _h = new();

    public void Dispose() => _h.Dispose();

    [Fact]
    public void AReportKeepsItsMessageAndEveryPositionTheScriptWasGiven()
    {
        _h.With("r.cocci", DoubleFreeReport).With("two.c", TwoFunctions);
        var result = _h.Run("--very-quiet", "--format", "json", "--sp-file", "r.cocci", "two.c");
        Assert.True(result.ExitCode == 0, result.ToString());

        var findings = JsonDocument.Parse(result.Stdout).RootElement;
        Assert.Equal(2, findings.GetArrayLength());
        var first = findings[0];
        Assert.Equal("script starting on line 9", first.GetProperty("rule").GetString());
        Assert.Equal("report", first.GetProperty("kind").GetString());
        Assert.Equal("ERROR: double free, first freed on line 3", first.GetProperty("message").GetString());
        AssertPlace(first, "two.c", 5, 2, 5, 7);
        var related = Assert.Single(first.GetProperty("related").EnumerateArray());
        AssertPlace(related, "two.c", 3, 2, 3, 7);
        Assert.Equal("p1", related.GetProperty("message").GetString());
        Assert.Equal("ERROR: double free, first freed on line 10", findings[1].GetProperty("message").GetString());
        AssertPlace(findings[1], "two.c", 11, 2, 11, 7);
    }

    [Fact]
    public void WhatScriptsPrintStaysOutOfTheDocument()
    {
        const string Printing = """
            @initialize:python@
            @@
            print("starting")

            @r@
            position p;
            @@
            kfree@p(...);

            @script:python@
            p << r.p;
            @@
            print("seen %s" % p[0].line)
            coccilib.report.print_report(p[0], "kfree here")

            @finalize:python@
            @@
            print("done")

            """;
        _h.With("r.cocci", Printing).With("two.c", TwoFunctions);
        var result = _h.Run("--format", "json", "--sp-file", "r.cocci", "two.c");
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(4, JsonDocument.Parse(result.Stdout).RootElement.GetArrayLength());
        Assert.Contains("starting\n", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("seen 3\n", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("done\n", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void OrgModeSecondaryPlacesBelongToTheirMainFinding()
    {
        _h.With("r.cocci", DoubleFreeOrg).With("two.c", TwoFunctions);
        var result = _h.Run("--very-quiet", "--format", "jsonl", "--sp-file", "r.cocci", "two.c");
        string[] lines = result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        var finding = JsonDocument.Parse(lines[1]).RootElement;
        Assert.Equal("double free", finding.GetProperty("message").GetString());
        AssertPlace(finding, "two.c", 11, 2, 11, 7);
        var related = Assert.Single(finding.GetProperty("related").EnumerateArray());
        AssertPlace(related, "two.c", 10, 2, 10, 7);
        Assert.Equal("first free", related.GetProperty("message").GetString());
    }

    [Fact]
    public void EachStarredRegionIsAFinding()
    {
        _h.With("r.cocci", StarFree).With("two.c", TwoFunctions);
        var result = _h.Run("--very-quiet", "--format", "jsonl", "--sp-file", "r.cocci", "two.c");
        string[] lines = result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);

        // spatch's context diff marks lines 3, 5, 10 and 11.
        Assert.Equal(4, lines.Length);
        int[] expected = [3, 5, 10, 11];
        for (int i = 0; i < lines.Length; i++)
        {
            var finding = JsonDocument.Parse(lines[i]).RootElement;
            Assert.Equal("star", finding.GetProperty("rule").GetString());
            Assert.Equal("context", finding.GetProperty("kind").GetString());
            AssertPlace(finding, "two.c", expected[i], 2, expected[i], 11);
        }
    }

    [Fact]
    public void EachHunkOfAPatchIsAFindingNamedAfterItsRule()
    {
        _h.With("r.cocci", TwoPatches).With("sep.c", Separate);
        var result = _h.Run("--very-quiet", "--format", "json", "--sp-file", "r.cocci", "sep.c");
        var findings = JsonDocument.Parse(result.Stdout).RootElement;
        Assert.Equal(2, findings.GetArrayLength());

        Assert.Equal("first", findings[0].GetProperty("rule").GetString());
        Assert.Equal("patch", findings[0].GetProperty("kind").GetString());
        Assert.Equal("rule first changes this code", findings[0].GetProperty("message").GetString());
        Assert.Equal(3, findings[0].GetProperty("line").GetInt32());
        Assert.Equal(
            "--- sep.c\n+++ sep.c\n@@ -1,6 +1,6 @@\n void f(char *p)\n {\n-\tkfree(p);\n+\tkvfree(p);\n }\n \n int x;\n",
            findings[0].GetProperty("diff").GetString());

        Assert.Equal("second", findings[1].GetProperty("rule").GetString());
        Assert.Equal(13, findings[1].GetProperty("line").GetInt32());
        Assert.Equal("--- sep.c\n+++ sep.c\n@@ -10,5 +10,4 @@ int w;\n \n void h(void)\n {\n-\tg();\n }\n", findings[1].GetProperty("diff").GetString());
    }

    [Fact]
    public void AHunkWithTheChangesOfTwoRulesNamesBoth()
    {
        _h.With("r.cocci", TwoPatches).With("two.c", TwoFunctions);
        var result = _h.Run("--very-quiet", "--format", "json", "--sp-file", "r.cocci", "two.c");
        var findings = JsonDocument.Parse(result.Stdout).RootElement;
        var finding = Assert.Single(findings.EnumerateArray());
        Assert.Equal("first", finding.GetProperty("rule").GetString());
        Assert.Equal(["first", "second"], finding.GetProperty("rules").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal(3, finding.GetProperty("line").GetInt32());
        Assert.Equal(11, finding.GetProperty("endLine").GetInt32());

        // The file itself is left alone: no diff on stdout, no rewrite.
        Assert.Equal(TwoFunctions, _h.Read("two.c"));
    }

    [Fact]
    public void GithubAnnotationsAreEscaped()
    {
        _h.With("r.cocci", DoubleFreeReport).With("two.c", TwoFunctions);
        var result = _h.Run("--very-quiet", "--format", "github", "--sp-file", "r.cocci", "two.c");
        Assert.Equal(
            "::warning file=two.c,line=5,col=2,endLine=5,endColumn=7,title=script starting on line 9::ERROR: double free, first freed on line 3%0Ap1: two.c:3:2\n" +
            "::warning file=two.c,line=11,col=2,endLine=11,endColumn=7,title=script starting on line 9::ERROR: double free, first freed on line 10%0Ap1: two.c:10:2\n",
            result.Stdout);

        Assert.Equal("100%25 a%0D%0Ab", RuleRunFormats.EscapeData("100% a\r\nb"));
        Assert.Equal("a%3Ab%2Cc%25", RuleRunFormats.EscapeProperty("a:b,c%"));
    }

    [Fact]
    public void GithubAnnotationsGiveColumnsOnlyForAPlaceOnOneLine()
    {
        // The hunk changes lines 3 to 11: the runner takes no columns for a range over several lines.
        _h.With("r.cocci", TwoPatches).With("two.c", TwoFunctions);
        var result = _h.Run("--very-quiet", "--format", "github", "--sp-file", "r.cocci", "two.c");
        var line = Assert.Single(result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("::notice file=two.c,line=3,endLine=11,title=first::", line);
        Assert.DoesNotContain("col=", line);
        Assert.DoesNotContain("endColumn=", line);
    }

    [SarifSchemaFact]
    public async Task SarifOfReportContextAndPatchFindingsValidates()
    {
        var schema = await JsonSchema.FromFileAsync(SchemaPath);
        _h.With("report.cocci", DoubleFreeOrg).With("star.cocci", StarFree).With("patch.cocci", TwoPatches).With("two.c", TwoFunctions).With("sep.c", Separate);
        foreach (var (rule, file, kind) in new[] { ("report.cocci", "two.c", "report"), ("star.cocci", "two.c", "context"), ("patch.cocci", "sep.c", "patch") })
        {
            var result = _h.Run("--very-quiet", "--format", "sarif", "--sp-file", rule, file);
            var errors = schema.Validate(result.Stdout);
            Assert.True(errors.Count == 0, string.Join("\n", errors.Select(e => $"{e.Path}: {e.Kind}")) + "\n" + result.Stdout);

            var run = Assert.Single(Sevenspot.Text.Sarif.SarifSerializer.Read(result.Stdout).Runs);
            Assert.NotEmpty(run.Results);
            Assert.All(run.Results, r => Assert.Equal(kind, r.Properties!.Kind));
            Assert.All(run.Results, r => Assert.Equal(run.Tool.Driver.Rules![r.RuleIndex].Id, r.RuleId));
            if (kind == "report")
            {
                var related = Assert.Single(run.Results[0].RelatedLocations!);
                Assert.Equal(3, related.PhysicalLocation.Region!.StartLine);
                Assert.Equal("first free", related.Message!.Text);
            }
        }
    }

    [Theory]
    [InlineData("TwoFunctions")]
    [InlineData("Separate")]
    [InlineData("NoFinalNewline")]
    public void SarifFixesOfAPatchGiveThePatchedFile(string which)
    {
        string original = which switch
        {
            "TwoFunctions" => TwoFunctions,
            "Separate" => Separate,
            _ => "int a;\nvoid f(char *p)\n{\n\tg();\n\tkfree(p);\n}",
        };
        const string rule = TwoPatches + """
            @third@
            @@
            void f(...)
            {
            + start();
            ...
            }

            """;
        _h.With("r.cocci", rule).With("a.c", original).With("b.c", original);
        var sarif = _h.Run("--very-quiet", "--format", "sarif", "--sp-file", "r.cocci", "a.c");
        Assert.True(sarif.ExitCode == 0, sarif.ToString());
        var inPlace = _h.Run("--very-quiet", "--in-place", "--sp-file", "r.cocci", "b.c");
        Assert.True(inPlace.ExitCode == 0, inPlace.ToString());
        string patched = _h.Read("b.c");
        Assert.NotEqual(original, patched);

        var edits = new List<(int Offset, int Length, string Text)>();
        foreach (var result in Assert.Single(Sevenspot.Text.Sarif.SarifSerializer.Read(sarif.Stdout).Runs).Results)
        {
            var change = Assert.Single(Assert.Single(result.Fixes!).ArtifactChanges);
            Assert.Equal("a.c", change.ArtifactLocation.Uri);
            foreach (var replacement in change.Replacements)
            {
                edits.Add((replacement.DeletedRegion.ByteOffset!.Value, replacement.DeletedRegion.ByteLength!.Value, replacement.InsertedContent?.Text ?? ""));
            }
        }

        byte[] bytes = Encoding.UTF8.GetBytes(original);
        edits.Sort((x, y) => y.Offset.CompareTo(x.Offset));
        foreach (var (offset, length, text) in edits)
        {
            bytes = [.. bytes[..offset], .. Encoding.UTF8.GetBytes(text), .. bytes[(offset + length)..]];
        }

        Assert.Equal(patched, Encoding.UTF8.GetString(bytes));
    }

    [SarifSchemaFact]
    public async Task WhatAFinalizeRuleReportsIsAFinding()
    {
        // spatch 1.1.1 prints "k2.c:3:1-6: freed here" and "k2.c:5:1-6: freed here" for this patch.
        const string rule = """
            @initialize:python@
            @@
            seen = []

            @r@
            expression E;
            position p;
            @@
            kfree@p(E);

            @script:python@
            p << r.p;
            @@
            seen.append(p[0])

            @finalize:python@
            @@
            for p in seen:
                coccilib.report.print_report(p, "freed here")

            """;
        _h.With("r.cocci", rule).With("k2.c", "void f(char *p)\n{\n\tkfree(p);\n\tg();\n\tkfree(p);\n}\n");
        var json = _h.Run("--very-quiet", "--format", "json", "--sp-file", "r.cocci", "k2.c");
        Assert.True(json.ExitCode == 0, json.ToString());
        var findings = JsonDocument.Parse(json.Stdout).RootElement.EnumerateArray().ToList();
        Assert.Equal(2, findings.Count);
        Assert.All(findings, f => Assert.Equal("freed here", f.GetProperty("message").GetString()));
        AssertPlace(findings[0], "k2.c", 3, 2, 3, 7);
        AssertPlace(findings[1], "k2.c", 5, 2, 5, 7);

        var sarif = _h.Run("--very-quiet", "--format", "sarif", "--sp-file", "r.cocci", "k2.c");
        var schema = await JsonSchema.FromFileAsync(SchemaPath);
        Assert.Empty(schema.Validate(sarif.Stdout));
        Assert.Equal(2, Assert.Single(Sevenspot.Text.Sarif.SarifSerializer.Read(sarif.Stdout).Runs).Results.Count);
    }

    [Fact]
    public void OutputIsTheSameForAnyJobs()
    {
        for (int i = 0; i < 6; i++)
        {
            _h.With($"d/f{i}.c", i % 2 == 0 ? TwoFunctions : Separate);
        }

        _h.With("r.cocci", DoubleFreeReport);
        string one = _h.Run("--very-quiet", "--format", "sarif", "--jobs", "1", "--sp-file", "r.cocci", "d").Stdout;
        string three = _h.Run("--very-quiet", "--format", "sarif", "--jobs", "3", "--sp-file", "r.cocci", "d").Stdout;
        Assert.Equal(one, three);
        Assert.Equal(6, Sevenspot.Text.Sarif.SarifSerializer.Read(one).Runs[0].Results.Count);
    }

    [Fact]
    public void WithSeveralPatchesARuleIsNamedWithItsPatch()
    {
        _h.With("rules/report.cocci", DoubleFreeReport).With("rules/star.cocci", StarFree).With("two.c", TwoFunctions);
        var result = _h.Run("--very-quiet", "--format", "jsonl", "--sp-file", "rules", "two.c");
        var rules = new SortedSet<string>(StringComparer.Ordinal);
        foreach (string line in result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            rules.Add(JsonDocument.Parse(line).RootElement.GetProperty("rule").GetString()!);
        }

        Assert.Equal(["rules/report:script starting on line 9", "rules/star:star"], rules);
    }

    [SarifSchemaFact]
    public async Task AFolderWithoutCFilesGivesAnEmptyLog()
    {
        var schema = await JsonSchema.FromFileAsync(SchemaPath);
        _h.With("r.cocci", StarFree).With("empty/README", "no C here\n");
        var result = _h.Run("--very-quiet", "--format", "sarif", "--sp-file", "r.cocci", "empty");
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Empty(schema.Validate(result.Stdout));
        Assert.Empty(Assert.Single(Sevenspot.Text.Sarif.SarifSerializer.Read(result.Stdout).Runs).Results);
    }

    [Fact]
    public void AnUnknownFormatStopsTheRun()
    {
        _h.With("r.cocci", StarFree).With("two.c", TwoFunctions);
        var result = _h.Run("--format", "xml", "--sp-file", "r.cocci", "two.c");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--format xml is not supported", result.Stderr, StringComparison.Ordinal);
        Assert.Equal(string.Empty, result.Stdout);
    }

    [KernelFact]
    public void TheKernelsKfreeRuleReportsTheFreeAsARelatedPlace()
    {
        // scripts/coccinelle/free/kfree.cocci, report mode: print_report(p2[0], "... on line %s" % p1[0].line).
        string rule = Path.Combine(KernelRules, "free", "kfree.cocci");
        _h.With("k.c", "int release(struct buf *b)\n{\n\tkfree(b->data);\n\treturn b->data[0];\n}\n");
        var result = _h.Run("--very-quiet", "-D", "report", "--format", "jsonl", "--sp-file", rule, "k.c");
        var finding = JsonDocument.Parse(result.Stdout.TrimEnd('\n')).RootElement;
        Assert.Equal("ERROR: reference preceded by free on line 3", finding.GetProperty("message").GetString());
        AssertPlace(finding, "k.c", 4, 9, 4, 16);
        AssertPlace(Assert.Single(finding.GetProperty("related").EnumerateArray()), "k.c", 3, 2, 3, 7);
    }

    private static void AssertPlace(JsonElement place, string file, int line, int column, int endLine, int endColumn)
    {
        Assert.Equal(file, place.GetProperty("file").GetString());
        Assert.Equal((line, column, endLine, endColumn), (
            place.GetProperty("line").GetInt32(),
            place.GetProperty("column").GetInt32(),
            place.GetProperty("endLine").GetInt32(),
            place.GetProperty("endColumn").GetInt32()));
    }

    private static string KernelRules => Path.GetFullPath(Path.Combine(CocciCorpus.RepositoryRoot, "..", "kernel", "linux-source-6.1", "scripts", "coccinelle"));

    private sealed class SarifSchemaFactAttribute : FactAttribute
    {
        public SarifSchemaFactAttribute()
        {
            if (!File.Exists(SchemaPath))
            {
                Skip = $"SARIF schema not found at {SchemaPath}";
            }
        }
    }

    private sealed class KernelFactAttribute : FactAttribute
    {
        public KernelFactAttribute()
        {
            if (!Directory.Exists(KernelRules))
            {
                Skip = $"kernel rules not found at {KernelRules}";
            }
        }
    }
}
