using Sevenspot.Text.Sarif;

namespace Sevenspot.Checks.Output;

/// <summary>
/// Writes a <see cref="CheckReport"/> as SARIF 2.1.0: one run, a rule per check that ran (with
/// descriptions, help, default level and documentation page), a result per finding with its
/// location, related locations, code flows (call chains, the acquisition paths of lock cycles)
/// and fixes; skipped items become tool execution notifications. Columns are 1-based and count
/// code points; regions also carry byte offsets, which are exact.
/// </summary>
public static class SarifWriter
{
    public static string Write(CheckReport report, ToolInfo tool) => SarifSerializer.Write(ToModel(report, tool));

    public static SarifLog Read(string json) => SarifSerializer.Read(json);

    public static SarifLog ToModel(CheckReport report, ToolInfo tool)
    {
        var ruleIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        var rules = new List<SarifReportingDescriptor>();
        foreach (var check in report.Checks)
        {
            ruleIndex[check.Id] = rules.Count;
            rules.Add(new SarifReportingDescriptor
            {
                Id = check.Id,
                Name = check.Name,
                ShortDescription = new SarifMultiformatMessage { Text = check.Title },
                FullDescription = new SarifMultiformatMessage { Text = check.Description },
                Help = new SarifMultiformatMessage
                {
                    Text = $"{check.Description} {check.Lean} Documentation: {check.DocPath}.",
                    Markdown = $"{check.Description}\n\n{check.Lean}\n\nSee [{check.DocPath}]({check.DocPath}).",
                },
                DefaultConfiguration = new SarifReportingConfiguration { Level = JsonReportWriter.SeverityWord(check.Severity) },
                Properties = new SarifPropertyBag { Tags = ["kernel", "correctness"], Precision = check.Lean, Documentation = check.DocPath },
            });
        }

        var results = new List<SarifResult>();
        foreach (var finding in report.Findings)
        {
            if (!ruleIndex.TryGetValue(finding.CheckId, out int index))
            {
                // A finding of a check the report does not list: give it a rule anyway.
                index = ruleIndex[finding.CheckId] = rules.Count;
                rules.Add(new SarifReportingDescriptor { Id = finding.CheckId, Name = finding.Check.Name });
            }

            results.Add(ToResult(finding, index));
        }

        // A check that failed is an error of the tool (its findings there are missing); what did not parse is a warning.
        var notifications = report.Skipped.Select(s => new SarifNotification
        {
            Level = s.Kind == SkipKind.CheckFailure ? "error" : "warning",
            Message = new SarifMessage { Text = "skipped: " + s.Reason },
            AssociatedRule = s.Check is { } check ? new SarifReportingDescriptorReference { Id = check } : null,
            Exception = s.Exception is { } exception ? new SarifException { Kind = exception } : null,
            Locations = [new SarifLocation
            {
                PhysicalLocation = new SarifPhysicalLocation
                {
                    ArtifactLocation = SarifSerializer.ArtifactLocation(s.Path),
                    Region = s.Line > 0 ? new SarifRegion { StartLine = s.Line } : null,
                },
            }],
        }).ToList();

        return new SarifLog
        {
            Runs =
            [
                new SarifRun
                {
                    Tool = new SarifTool
                    {
                        Driver = new SarifToolComponent
                        {
                            Name = tool.Name,
                            Version = tool.Version,
                            ShortDescription = new SarifMultiformatMessage { Text = "Sevenspot: semantic patches and kernel checks for C" },
                            Rules = rules,
                        },
                    },
                    Invocations = [new SarifInvocation { ExecutionSuccessful = report.CheckFailures == 0, ToolExecutionNotifications = notifications.Count == 0 ? null : notifications }],
                    Results = results,
                    Properties = new SarifPropertyBag { Files = report.Files, Functions = report.Functions },
                },
            ],
        };
    }

    private static SarifResult ToResult(Finding finding, int ruleIndex)
    {
        var result = new SarifResult
        {
            RuleId = finding.CheckId,
            RuleIndex = ruleIndex,
            Level = JsonReportWriter.SeverityWord(finding.Severity),
            Message = new SarifMessage { Text = finding.Message },
            Locations = [Location(finding.Location, null)],
        };

        if (finding.Related.Count > 0)
        {
            result.RelatedLocations = [];
            for (int i = 0; i < finding.Related.Count; i++)
            {
                var related = Location(finding.Related[i].Location, finding.Related[i].Message);
                related.Id = i + 1;
                result.RelatedLocations.Add(related);
            }
        }

        if (finding.Flows.Count > 0)
        {
            result.CodeFlows = [.. finding.Flows.Select(flow => new SarifCodeFlow
            {
                Message = new SarifMessage { Text = flow.Message },
                ThreadFlows =
                [
                    new SarifThreadFlow
                    {
                        Locations = [.. flow.Steps.Select((step, order) => new SarifThreadFlowLocation
                        {
                            Location = Location(step.Location, step.Message),
                            NestingLevel = step.Nesting,
                            ExecutionOrder = order + 1,
                        })],
                    },
                ],
            })];
        }

        if (finding.Fix is { } fix)
        {
            result.Fixes = [new SarifFix
            {
                Description = new SarifMessage { Text = fix.Description },
                ArtifactChanges = [.. fix.Edits.GroupBy(e => e.Region.Path, StringComparer.Ordinal).Select(group => new SarifArtifactChange
                {
                    ArtifactLocation = SarifSerializer.ArtifactLocation(group.Key),
                    Replacements = [.. group.Select(edit => new SarifReplacement
                    {
                        DeletedRegion = Region(edit.Region),
                        InsertedContent = edit.NewText.Length == 0 ? null : new SarifArtifactContent { Text = edit.NewText },
                    })],
                })],
            }];
        }

        return result;
    }

    private static SarifLocation Location(SourceLocation location, string? message) => new()
    {
        PhysicalLocation = new SarifPhysicalLocation { ArtifactLocation = SarifSerializer.ArtifactLocation(location.Path), Region = Region(location) },
        Message = message is null ? null : new SarifMessage { Text = message },
    };

    private static SarifRegion Region(SourceLocation location) => new()
    {
        StartLine = location.Start.Line,
        StartColumn = location.StartCharacter + 1,
        EndLine = location.End.Line,
        EndColumn = location.EndCharacter + 1,
        ByteOffset = location.Span.Start,
        ByteLength = location.Span.Length,
    };
}
