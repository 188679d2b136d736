namespace Sevenspot.Checks;

/// <summary>How serious a finding of a check is; the names are SARIF's result levels.</summary>
public enum CheckSeverity
{
    Note,
    Warning,
    Error,
}
