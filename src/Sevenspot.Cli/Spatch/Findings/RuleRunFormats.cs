using System.Text;
using System.Text.Json;
using Sevenspot.Engine;
using Sevenspot.Text;
using Sevenspot.Text.Sarif;

namespace Sevenspot.Cli.Spatch.Findings;

/// <summary>
/// Writes the findings of a rule run (--format): SARIF 2.1.0 (the model shared with the checks),
/// a JSON array, JSON lines, or GitHub Actions workflow commands. Findings come sorted by file and
/// position; files that failed are SARIF notifications and GitHub errors (they are on stderr too).
/// </summary>
internal static class RuleRunFormats
{
    private static readonly FindingJsonContext s_indented = new(JsonOutputOptions.Create(indented: true));

    private static readonly FindingJsonContext s_compact = new(JsonOutputOptions.Create(indented: false));

    public static RuleRunFormat? Parse(string word) => word switch
    {
        "text" => RuleRunFormat.Text,
        "sarif" => RuleRunFormat.Sarif,
        "json" => RuleRunFormat.Json,
        "jsonl" => RuleRunFormat.Jsonl,
        "github" => RuleRunFormat.Github,
        _ => null,
    };

    /// <summary>The document of a run; <paramref name="findings"/> is sorted here.</summary>
    public static string Write(RuleRunFormat format, List<FindingRecord> findings, List<FailedFile> failures, string toolVersion, int files)
    {
        Sort(findings);
        return format switch
        {
            RuleRunFormat.Sarif => SarifSerializer.Write(ToSarif(findings, failures, toolVersion, files)),
            RuleRunFormat.Json => WriteJson(findings),
            RuleRunFormat.Jsonl => WriteJsonLines(findings),
            RuleRunFormat.Github => WriteGithub(findings, failures),
            _ => throw new ArgumentOutOfRangeException(nameof(format)),
        };
    }

    /// <summary>A stable sort (equal findings keep the order the files gave them).</summary>
    private static void Sort(List<FindingRecord> findings)
    {
        var indexed = new (FindingRecord Finding, int Index)[findings.Count];
        for (int i = 0; i < findings.Count; i++)
        {
            indexed[i] = (findings[i], i);
        }

        Array.Sort(indexed, static (a, b) => FindingRecord.Compare(a.Finding, b.Finding) is var c && c != 0 ? c : a.Index.CompareTo(b.Index));
        for (int i = 0; i < indexed.Length; i++)
        {
            findings[i] = indexed[i].Finding;
        }
    }

    private static string WriteJson(List<FindingRecord> findings)
    {
        var list = new List<JsonFinding>(findings.Count);
        foreach (var finding in findings)
        {
            list.Add(ToJson(finding));
        }

        return JsonSerializer.Serialize(list, s_indented.ListJsonFinding) + "\n";
    }

    private static string WriteJsonLines(List<FindingRecord> findings)
    {
        var text = new StringBuilder();
        foreach (var finding in findings)
        {
            text.Append(JsonSerializer.Serialize(ToJson(finding), s_compact.JsonFinding)).Append('\n');
        }

        return text.ToString();
    }

    private static JsonFinding ToJson(FindingRecord finding)
    {
        var main = finding.Main;
        List<JsonFindingPlace>? related = null;
        foreach (var place in finding.Related)
        {
            (related ??= []).Add(new JsonFindingPlace
            {
                File = place.File,
                Line = place.StartLine,
                Column = place.StartColumn,
                EndLine = place.EndLine,
                EndColumn = place.EndColumn,
                Message = place.Message,
            });
        }

        return new JsonFinding
        {
            Rule = finding.Rule,
            Kind = finding.KindWord,
            Message = finding.Message,
            File = main.File,
            Line = main.StartLine,
            Column = main.StartColumn,
            EndLine = main.EndLine,
            EndColumn = main.EndColumn,
            Related = related,
            Diff = finding.Diff,
            Rules = finding.Rules.Count > 1 ? [.. finding.Rules] : null,
        };
    }

    private static SarifLog ToSarif(List<FindingRecord> findings, List<FailedFile> failures, string toolVersion, int files)
    {
        var ruleIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        var rules = new List<SarifReportingDescriptor>();
        var results = new List<SarifResult>(findings.Count);
        foreach (var finding in findings)
        {
            if (!ruleIndex.TryGetValue(finding.Rule, out int index))
            {
                index = ruleIndex[finding.Rule] = rules.Count;
                rules.Add(new SarifReportingDescriptor { Id = finding.Rule, Name = finding.Rule });
            }

            var result = new SarifResult
            {
                RuleId = finding.Rule,
                RuleIndex = index,
                Level = finding.Kind == RuleFindingKind.Patch ? "note" : "warning",
                Message = new SarifMessage { Text = finding.Message },
                Locations = [Location(finding.Main, null)],
                Properties = new SarifPropertyBag
                {
                    Kind = finding.KindWord,
                    Diff = finding.Diff,
                    Rules = finding.Rules.Count > 1 ? [.. finding.Rules] : null,
                },
            };
            if (finding.Replacements.Count > 0)
            {
                result.Fixes = [Fix(finding)];
            }

            int id = 0;
            foreach (var place in finding.Related)
            {
                (result.RelatedLocations ??= []).Add(Location(place, ++id));
            }

            results.Add(result);
        }

        List<SarifNotification>? notifications = null;
        foreach (var failure in failures)
        {
            (notifications ??= []).Add(new SarifNotification
            {
                Level = "error",
                Message = new SarifMessage { Text = failure.Message },
                Locations = [new SarifLocation { PhysicalLocation = new SarifPhysicalLocation { ArtifactLocation = SarifSerializer.ArtifactLocation(failure.File) } }],
            });
        }

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
                            Name = "sevenspot",
                            Version = toolVersion,
                            ShortDescription = new SarifMultiformatMessage { Text = "Sevenspot: semantic patches and kernel checks for C" },
                            Rules = rules,
                        },
                    },
                    Invocations = [new SarifInvocation { ExecutionSuccessful = failures.Count == 0, ToolExecutionNotifications = notifications }],
                    Results = results,
                    Properties = new SarifPropertyBag { Files = files },
                },
            ],
        };
    }

    /// <summary>A hunk as a SARIF fix: byte regions of the original file and the lines that replace them.</summary>
    private static SarifFix Fix(FindingRecord finding)
    {
        var replacements = new List<SarifReplacement>(finding.Replacements.Count);
        foreach (var edit in finding.Replacements)
        {
            replacements.Add(new SarifReplacement
            {
                DeletedRegion = new SarifRegion { ByteOffset = edit.ByteOffset, ByteLength = edit.ByteLength },
                InsertedContent = edit.Inserted.Length == 0 ? null : new SarifArtifactContent { Text = edit.Inserted },
            });
        }

        return new SarifFix
        {
            Description = new SarifMessage { Text = finding.Message },
            ArtifactChanges = [new SarifArtifactChange { ArtifactLocation = SarifSerializer.ArtifactLocation(finding.Main.File), Replacements = replacements }],
        };
    }

    private static SarifLocation Location(FindingPlace place, int? id) => new()
    {
        Id = id,
        PhysicalLocation = new SarifPhysicalLocation
        {
            ArtifactLocation = SarifSerializer.ArtifactLocation(place.File),
            Region = new SarifRegion
            {
                StartLine = place.StartLine,
                StartColumn = place.StartColumn,
                EndLine = place.EndLine,
                EndColumn = place.EndColumn,
            },
        },
        Message = place.Message is null ? null : new SarifMessage { Text = place.Message },
    };

    /// <summary>
    /// One workflow command per finding: ::warning for reports and starred regions, ::notice for
    /// a patch's hunk (its diff follows the message), ::error for a file that failed. Related
    /// places are named in the message.
    /// </summary>
    private static string WriteGithub(List<FindingRecord> findings, List<FailedFile> failures)
    {
        var text = new StringBuilder();
        foreach (var finding in findings)
        {
            var main = finding.Main;
            var message = new StringBuilder(finding.Message);
            foreach (var place in finding.Related)
            {
                message.Append('\n').Append(place.Message ?? "see").Append(": ").Append(place.File).Append(':').Append(place.StartLine);
                if (place.StartColumn is int column)
                {
                    message.Append(':').Append(column);
                }
            }

            if (finding.Diff is { } diff)
            {
                message.Append('\n').Append(diff.TrimEnd('\n'));
            }

            text.Append(finding.Kind == RuleFindingKind.Patch ? "::notice " : "::warning ")
                .Append("file=").Append(EscapeProperty(main.File))
                .Append(",line=").Append(main.StartLine);
            // The runner takes columns only for a place on one line (a place over several lines
            // keeps its lines); endColumn is exclusive, as in SARIF and in our other formats.
            bool oneLine = main.StartLine == main.EndLine;
            if (oneLine && main.StartColumn is int col)
            {
                text.Append(",col=").Append(col);
            }

            text.Append(",endLine=").Append(main.EndLine);
            if (oneLine && main.StartColumn is not null && main.EndColumn is int endColumn)
            {
                text.Append(",endColumn=").Append(endColumn);
            }

            text.Append(",title=").Append(EscapeProperty(finding.Rule))
                .Append("::").Append(EscapeData(message.ToString())).Append('\n');
        }

        foreach (var failure in failures)
        {
            text.Append("::error file=").Append(EscapeProperty(failure.File)).Append(",title=sevenspot::").Append(EscapeData(failure.Message)).Append('\n');
        }

        return text.ToString();
    }

    /// <summary>A command's message, escaped as the runner reads it back: %, CR and LF.</summary>
    internal static string EscapeData(string value) =>
        value.Replace("%", "%25", StringComparison.Ordinal).Replace("\r", "%0D", StringComparison.Ordinal).Replace("\n", "%0A", StringComparison.Ordinal);

    /// <summary>A command's property value: also : and , which would end it.</summary>
    internal static string EscapeProperty(string value) =>
        EscapeData(value).Replace(":", "%3A", StringComparison.Ordinal).Replace(",", "%2C", StringComparison.Ordinal);
}
