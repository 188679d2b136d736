using NJsonSchema;
using Sevenspot.Checks.Flow;
using Sevenspot.Checks.Output;

namespace Sevenspot.Checks.Tests;

/// <summary>Sevenspot's SARIF validates against the OASIS schema in the shared folder.</summary>
public sealed class SarifSchemaTests
{
    public static string SchemaPath => Path.Combine(RepositoryPaths.Shared, "schemas", "sarif-schema-2.1.0.json");

    [SarifSchemaFact]
    public async Task SarifOutputValidatesAgainstTheSchema()
    {
        var schema = await JsonSchema.FromFileAsync(SchemaPath);
        string sarif = SarifWriter.Write(OutputFixture.Create(), new ToolInfo("sevenspot", "0.0.0-test"));
        var errors = schema.Validate(sarif);
        Assert.True(errors.Count == 0, string.Join("\n", errors.Select(e => $"{e.Path}: {e.Kind} ({e.LineNumber}:{e.LinePosition})")));
    }

    [SarifSchemaFact]
    public async Task SarifOfEveryCheckOnEveryFixtureValidates()
    {
        // A real run: the path-sensitive checks on the C front end's graphs give call chains,
        // lock cycles with both acquisition paths, and related locations of their own.
        var schema = await JsonSchema.FromFileAsync(SchemaPath);
        var files = Directory.GetFiles(RepositoryPaths.Fixtures, "*.c", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        var report = new CheckRunner(BundledChecks.All, new CheckOptions { FlowGraphs = ControlFlowViewProvider.Instance }).Run(files, 2);
        string sarif = SarifWriter.Write(report, new ToolInfo("sevenspot", "0.0.0-test"));
        var errors = schema.Validate(sarif);
        Assert.True(errors.Count == 0, string.Join("\n", errors.Select(e => $"{e.Path}: {e.Kind} ({e.LineNumber}:{e.LinePosition})")));

        var run = Assert.Single(SarifWriter.Read(sarif).Runs);
        Assert.Equal(BundledChecks.All.Select(c => c.Descriptor.Id).Order(StringComparer.Ordinal), run.Tool.Driver.Rules!.Select(r => r.Id));
        Assert.Contains(run.Results, r => r.RuleId == "lock-order-cycles" && r.CodeFlows is { Count: 2 });
        Assert.Contains(run.Results, r => r.RuleId == "sleep-in-atomic" && r.CodeFlows is { Count: > 0 } && r.RelatedLocations is { Count: > 0 });
        Assert.All(BundledChecks.All, c => Assert.Contains(run.Results, r => r.RuleId == c.Descriptor.Id));
    }

    [SarifSchemaFact]
    public async Task AnEmptyRunValidatesToo()
    {
        var schema = await JsonSchema.FromFileAsync(SchemaPath);
        var empty = new CheckReport(CheckDescriptors.All, [], [], 0, 0);
        var errors = schema.Validate(SarifWriter.Write(empty, new ToolInfo("sevenspot", "0.0.0-test")));
        Assert.Empty(errors);
    }

    [SarifSchemaFact]
    public async Task TheValidatorRejectsBrokenSarif()
    {
        // Guards against a validator that accepts anything: a result without a message is invalid.
        var schema = await JsonSchema.FromFileAsync(SchemaPath);
        var errors = schema.Validate("""{ "version": "2.1.0", "runs": [ { "tool": { "driver": { "name": "x" } }, "results": [ { "ruleId": "r" } ] } ] }""");
        Assert.NotEmpty(errors);
    }

    /// <summary>A fact that is skipped, with the reason shown, when the schema file is not there.</summary>
    private sealed class SarifSchemaFactAttribute : FactAttribute
    {
        public SarifSchemaFactAttribute()
        {
            if (!File.Exists(SchemaPath))
            {
                Skip = $"SARIF schema not found at {SchemaPath}; set SEVENSPOT_SHARED to the shared folder to run this test";
            }
        }
    }
}
