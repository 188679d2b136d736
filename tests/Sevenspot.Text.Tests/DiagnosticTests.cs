namespace Sevenspot.Text.Tests;

public sealed class DiagnosticTests
{
    [Fact]
    public void Code_is_SP_and_four_digits()
    {
        Assert.Equal("SP0001", new Diagnostic(DiagnosticId.UnterminatedComment, null, default).Code);
        Assert.Equal("SP0103", new Diagnostic(DiagnosticId.UnparsableFunction, null, default, "f", "x").Code);
    }

    [Fact]
    public void Message_formats_its_arguments()
    {
        var d = new Diagnostic(DiagnosticId.ExpectedToken, null, default, "';'", "'}'");

        Assert.Equal("expected ';' before '}'", d.Message);
        Assert.Equal(d.Message, d.ToString());
        Assert.Equal(DiagnosticSeverity.Error, d.Severity);
    }

    [Fact]
    public void Every_id_has_a_message_text()
    {
        foreach (var id in Enum.GetValues<DiagnosticId>())
        {
            Assert.NotEqual(id.ToString(), DiagnosticMessages.GetFormat(id));
        }
    }

    [Fact]
    public void Ids_have_distinct_numbers()
    {
        var numbers = Enum.GetValues<DiagnosticId>().Select(id => (int)id).ToList();

        Assert.Equal(numbers.Count, numbers.Distinct().Count());
    }

    [Fact]
    public void Every_id_is_reported_somewhere()
    {
        // An id only the message table knows is a diagnostic nobody can get: emit it or retire it.
        string root = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(root, "Sevenspot.slnx")))
        {
            root = Path.GetDirectoryName(root.TrimEnd(Path.DirectorySeparatorChar)) ?? throw new InvalidOperationException("no Sevenspot.slnx above the tests");
        }

        var sources = new System.Text.StringBuilder();
        foreach (string file in Directory.EnumerateFiles(Path.Combine(root, "src"), "*.cs", SearchOption.AllDirectories))
        {
            if (!file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal) && Path.GetFileName(file) != "DiagnosticMessages.cs")
            {
                sources.Append(File.ReadAllText(file));
            }
        }

        string all = sources.ToString();
        var unused = Enum.GetNames<DiagnosticId>().Where(name => !all.Contains("DiagnosticId." + name, StringComparison.Ordinal)).ToList();
        Assert.Empty(unused);
    }

    [Fact]
    public void Some_messages_are_warnings()
    {
        Assert.Equal(DiagnosticSeverity.Warning, new Diagnostic(DiagnosticId.SmplTypeNameLooksLikeKind, null, default, "x", "y").Severity);
    }

    [Fact]
    public void ToString_names_file_line_and_column()
    {
        var source = SourceText.FromString("drivers/x.c", "int x;\nint y = ;\n");
        var d = new Diagnostic(DiagnosticId.UnexpectedCharacter, source, new TextSpan(15, 1), ";");

        Assert.Equal("drivers/x.c:2:8: stray ';' in program", d.ToString());
        Assert.Equal(new LinePosition(2, 8), d.Position);
    }

    [Fact]
    public void Caret_goes_under_the_span_with_tildes_for_its_width()
    {
        var source = SourceText.FromString("a.c", "int x;\nfoo bar baz;\n");
        var d = new Diagnostic(DiagnosticId.UnexpectedCharacter, source, new TextSpan(11, 3), "bar");

        Assert.Equal("a.c:2:4: stray 'bar' in program\nfoo bar baz;\n    ^~~", d.ToStringWithCaret());
    }

    [Fact]
    public void Caret_keeps_tabs_so_it_lines_up()
    {
        var source = SourceText.FromString("a.c", "\t\tx = ;\n");
        var d = new Diagnostic(DiagnosticId.UnexpectedCharacter, source, new TextSpan(6, 1), ";");

        Assert.Equal("a.c:1:6: stray ';' in program\n\t\tx = ;\n\t\t    ^", d.ToStringWithCaret());
    }

    [Fact]
    public void Caret_width_stops_at_the_end_of_the_line()
    {
        var source = SourceText.FromString("a.c", "/* open\nmore\n");
        var d = new Diagnostic(DiagnosticId.UnterminatedComment, source, new TextSpan(0, 13));

        Assert.Equal("a.c:1:0: unterminated comment\n/* open\n^~~~~~~", d.ToStringWithCaret());
    }

    [Fact]
    public void Caret_at_the_end_of_the_file()
    {
        var source = SourceText.FromString("a.c", "int x");
        var d = new Diagnostic(DiagnosticId.ExpectedToken, source, new TextSpan(5, 0), "';'", "end of file");

        Assert.Equal("a.c:1:5: expected ';' before end of file\nint x\n     ^", d.ToStringWithCaret());
    }

    [Fact]
    public void Very_long_lines_are_not_shown()
    {
        var source = SourceText.FromString("a.c", new string('x', 300) + ";\n");
        var d = new Diagnostic(DiagnosticId.UnexpectedCharacter, source, new TextSpan(300, 1), ";");

        Assert.Equal("a.c:1:300: stray ';' in program", d.ToStringWithCaret());
    }

    [Fact]
    public void Without_a_source_only_the_message_is_shown()
    {
        var d = new Diagnostic(DiagnosticId.FileNotFound, null, default, "x.c");

        Assert.Equal("x.c: no such file or directory", d.ToStringWithCaret());
    }
}
