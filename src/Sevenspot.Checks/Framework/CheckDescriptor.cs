namespace Sevenspot.Checks;

/// <summary>
/// What a check is, independent of any run: its stable id (used on the command line, in
/// reports and as the SARIF rule id; never renamed once shipped), texts for people, the default
/// severity, and which way it leans when a path's state is unclear.
/// </summary>
public sealed class CheckDescriptor
{
    public CheckDescriptor(string id, string title, string description, CheckSeverity severity, string lean)
    {
        Id = id;
        Title = title;
        Description = description;
        Severity = severity;
        Lean = lean;
    }

    /// <summary>The stable id, lower case words joined by dashes: "bitand-precedence".</summary>
    public string Id { get; }

    /// <summary>The id as an identifier, "BitandPrecedence" (SARIF's rule name).</summary>
    public string Name => ToPascalCase(Id);

    /// <summary>One line: what the check finds.</summary>
    public string Title { get; }

    /// <summary>A paragraph: what the check finds and why it matters.</summary>
    public string Description { get; }

    public CheckSeverity Severity { get; }

    /// <summary>Which way the check leans where it cannot tell, in one sentence.</summary>
    public string Lean { get; }

    /// <summary>The check's documentation page, relative to the repository root.</summary>
    public string DocPath => "docs/checks/" + Id + ".md";

    public override string ToString() => Id;

    private static string ToPascalCase(string id)
    {
        var chars = new char[id.Length];
        int n = 0;
        bool upper = true;
        foreach (char c in id)
        {
            if (c == '-')
            {
                upper = true;
                continue;
            }

            chars[n++] = upper ? char.ToUpperInvariant(c) : c;
            upper = false;
        }

        return new string(chars, 0, n);
    }
}
