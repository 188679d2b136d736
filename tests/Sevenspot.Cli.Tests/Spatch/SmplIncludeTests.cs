namespace Sevenspot.Cli.Tests.Spatch;

/// <summary>
/// A semantic patch that includes another ("#include "x.cocci"" before its rules): the included
/// rules run before the including file's. Expectations are spatch 1.1.1's output on the same files.
/// </summary>
public sealed class SmplIncludeTests : IDisposable
{
    private const string Input = "int main() {\n  foo(1);\n  bar(2);\n}\n";

    private readonly SpatchHarness _h = new SpatchHarness()
        .With("base.cocci", "@r@\nexpression e;\n@@\nfoo(e);\n")
        .With("t.c", Input);

    public void Dispose() => _h.Dispose();

    [Fact]
    public void A_rule_inherits_a_metavariable_from_an_included_rule()
    {
        _h.With("r.cocci", "#include \"base.cocci\"\n\n@@\nexpression r.e;\n@@\n- foo(e);\n+ baz(e);\n");
        var result = _h.Run("--very-quiet", "--sp-file", "r.cocci", "t.c", "-o", "out.c");
        Assert.Equal(0, result.ExitCode);
        Assert.Equal("int main() {\n  baz(1);\n  bar(2);\n}\n", _h.Read("out.c"));
    }

    [Theory]
    [InlineData("a1.cocci", "a2.cocci", "x1();")]
    [InlineData("a2.cocci", "a1.cocci", "x2();")]
    public void Successive_includes_run_from_the_last_to_the_first(string first, string second, string expected)
    {
        // a1 turns foo(1) into x1(), a2 turns x1() into x2(): a2 changes something only after a1.
        _h.With("a1.cocci", "@@\n@@\n- foo(1);\n+ x1();\n")
            .With("a2.cocci", "@@\n@@\n- x1();\n+ x2();\n")
            .With("r.cocci", $"#include \"{first}\"\n#include \"{second}\"\n@@\n@@\n- zzz();\n");
        var result = _h.Run("--very-quiet", "--sp-file", "r.cocci", "t.c", "-o", "out.c");
        Assert.Equal(0, result.ExitCode);
        Assert.Equal($"int main() {{\n  {expected}\n  bar(2);\n}}\n", _h.Read("out.c"));
    }

    [Fact]
    public void A_nested_include_is_read_from_the_working_directory_and_sees_the_files_read_before_it()
    {
        // sub/outer.cocci names its files from the working directory, not from its own folder; read
        // last to first, base.cocci comes before second.cocci, whose rule inherits from base's.
        _h.With("second.cocci", "@s@\nexpression r.e;\nexpression f;\n@@\n- bar(f);\n+ qux(e, f);\n")
            .With("sub/outer.cocci", "#include \"second.cocci\"\n#include \"base.cocci\"\n@o@\n@@\n- foo(1);\n+ fooo(1);\n")
            .With("r.cocci", "#include \"sub/outer.cocci\"\n@@\n@@\n- zzz();\n");
        var result = _h.Run("--very-quiet", "--sp-file", "r.cocci", "t.c", "-o", "out.c");
        Assert.Equal(0, result.ExitCode);
        Assert.Equal("int main() {\n  fooo(1);\n  qux(1, 2);\n}\n", _h.Read("out.c"));
    }

    [Fact]
    public void A_file_named_later_is_read_first_and_does_not_see_the_rules_of_one_named_before_it()
    {
        // Read last to first: second.cocci is read before base.cocci, so its "r" is not yet a rule.
        _h.With("second.cocci", "@s@\nexpression r.e;\n@@\n- bar(e);\n")
            .With("r.cocci", "#include \"base.cocci\"\n#include \"second.cocci\"\n@@\n@@\n- zzz();\n");
        var result = _h.Run("--very-quiet", "--sp-file", "r.cocci", "t.c");
        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("second.cocci:2:11: rule r comes after this one", result.Stderr, StringComparison.Ordinal);
        Assert.Equal(string.Empty, result.Stdout);
    }

    [Fact]
    public void Type_names_declared_in_an_included_file_hold_in_the_including_one()
    {
        _h.With("td.cocci", "@r1@\ntypedef T1;\nidentifier x;\n@@\nT1 x;\n")
            .With("r.cocci", "#include \"td.cocci\"\n@@\nexpression E;\n@@\n- g((T1)E);\n+ h(E);\n")
            .With("t2.c", "typedef int T1;\nvoid foo() { T1 y; g((T1)y); }\n");
        var result = _h.Run("--very-quiet", "--sp-file", "r.cocci", "t2.c", "-o", "out.c");
        Assert.Equal(0, result.ExitCode);
        Assert.Equal("typedef int T1;\nvoid foo() { T1 y; h(y); }\n", _h.Read("out.c"));
    }

    [Fact]
    public void A_virtual_rule_declared_in_an_included_file_is_set_with_D()
    {
        _h.With("v.cocci", "virtual patch\n@depends on patch@\n@@\n- foo(1);\n+ k();\n")
            .With("r.cocci", "#include \"v.cocci\"\n@depends on !patch@\n@@\n- foo(1);\n+ h();\n");
        _h.Run("--very-quiet", "--sp-file", "r.cocci", "t.c", "-o", "without.c");
        _h.Run("--very-quiet", "--sp-file", "r.cocci", "t.c", "-D", "patch", "-o", "with.c");
        Assert.Equal("int main() {\n  h();\n  bar(2);\n}\n", _h.Read("without.c"));
        Assert.Equal("int main() {\n  k();\n  bar(2);\n}\n", _h.Read("with.c"));
    }

    // The included rule turns foo(1) into k() when "patch" holds in it, into h() when it does not.
    [Theory]
    [InlineData("virtual patch\n#include \"inc.cocci\"\n", "patch", "foo(1);")]
    [InlineData("#include \"inc.cocci\"\nvirtual patch\n", "patch", "foo(1);")]
    [InlineData("#include \"inc.cocci\"\nvirtual patch\n", "!patch", "h();")]
    [InlineData("#include \"inc.cocci\"\n#include \"decl.cocci\"\n", "patch", "foo(1);")]
    [InlineData("#include \"outer.cocci\"\n", "patch", "foo(1);")]
    [InlineData("#include \"inc.cocci\"\n#include \"decl.cocci\"\n", "never patch", "h();")]
    public void An_included_rule_sees_only_the_virtual_rules_its_own_file_declares(string preamble, string dependency, string expected)
    {
        // Declared by the including file, by a file read before it, or by a file it includes itself,
        // "patch" holds nowhere in inc.cocci, -D patch or not.
        _h.With("inc.cocci", $"@depends on {dependency}@\n@@\n- foo(1);\n+ {(dependency.StartsWith("patch", StringComparison.Ordinal) ? "k" : "h")}();\n")
            .With("decl.cocci", "virtual patch\n@d@\n@@\nzzz();\n")
            .With("outer.cocci", "#include \"decl.cocci\"\n@o depends on patch@\n@@\n- foo(1);\n+ k();\n")
            .With("r.cocci", preamble + "@@\n@@\n- zzz();\n");
        var result = _h.Run("--very-quiet", "--sp-file", "r.cocci", "t.c", "-D", "patch");
        Assert.Equal(0, result.ExitCode);
        if (expected == "foo(1);")
        {
            Assert.Equal(string.Empty, result.Stdout);
        }
        else
        {
            Assert.Contains($"-  foo(1);\n+  {expected}\n", result.Stdout, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("r.cocci", "@depends on patch@\n@@\n- foo(1);\n", "r.cocci:1:12:")]
    [InlineData("r.cocci", "#include \"inc.cocci\"\n@@\n@@\n- zzz();\n", "inc.cocci:1:12:")]
    [InlineData("r.cocci", "@a depends on b@\n@@\n- foo(1);\n@b@\n@@\nbar(2);\n", "r.cocci:1:14:")]
    public void A_dependency_on_a_name_that_is_neither_an_earlier_rule_nor_a_virtual_rule_is_an_error(string name, string text, string where)
    {
        _h.With("inc.cocci", "@depends on patch@\n@@\n- foo(1);\n").With(name, text);
        var result = _h.Run("--very-quiet", "--sp-file", "r.cocci", "t.c");
        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains(where + " parse error:", result.Stderr, StringComparison.Ordinal);
        Assert.Equal(string.Empty, result.Stdout);
    }

    [Theory]
    [InlineData("virtual explain  // say why (-D explain)")]
    [InlineData("virtual a /* first */, explain")]
    public void A_comment_on_a_virtual_line_is_not_part_of_a_name(string line)
    {
        // spatch 1.1.1 applies the rule with -D explain in both cases.
        _h.With("r.cocci", "virtual patch\n" + line + "\n@depends on explain@\n@@\n- foo(1);\n+ k();\n");
        var result = _h.Run("--very-quiet", "--sp-file", "r.cocci", "t.c", "-D", "explain");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("-  foo(1);\n+  k();\n", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void An_error_in_an_included_file_names_that_file()
    {
        _h.With("bad.cocci", "@r1@\n@@\n- g(;\n+ k();\n")
            .With("r.cocci", "#include \"bad.cocci\"\n@@\n@@\n- foo(1);\n");
        var result = _h.Run("--very-quiet", "--sp-file", "r.cocci", "t.c");
        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("bad.cocci:", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("r.cocci:", result.Stderr, StringComparison.Ordinal);
        Assert.Equal(string.Empty, result.Stdout);
    }

    [Fact]
    public void A_missing_included_file_is_an_error_at_the_include_line()
    {
        // Taken from the working directory: the patch's own folder is not searched.
        _h.With("sub/r.cocci", "#include \"base.cocci\"\n@@\nexpression r.e;\n@@\n- foo(e);\n");
        var result = _h.Run("--very-quiet", "--sp-file", "sub/r.cocci", "t.c");
        Assert.Equal(0, result.ExitCode);

        _h.With("sub/other.cocci", "@r@\nexpression e;\n@@\nfoo(e);\n")
            .With("sub/r.cocci", "#include \"other.cocci\"\n@@\n@@\n- foo(1);\n");
        result = _h.Run("--very-quiet", "--sp-file", "sub/r.cocci", "t.c");
        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("sub/r.cocci:1:0: File other.cocci does not exist: No such file or directory", result.Stderr, StringComparison.Ordinal);
        Assert.Equal(string.Empty, result.Stdout);
    }

    [Theory]
    [InlineData("self")]
    [InlineData("pair")]
    public void An_include_cycle_is_an_error_not_a_hang(string shape)
    {
        if (shape == "self")
        {
            _h.With("r.cocci", "#include \"./r.cocci\"\n@@\n@@\n- foo(1);\n");
        }
        else
        {
            _h.With("c2.cocci", "#include \"r.cocci\"\n@r5@\n@@\n- bar(2);\n")
                .With("r.cocci", "#include \"c2.cocci\"\n@@\n@@\n- foo(1);\n");
        }

        var result = _h.Run("--very-quiet", "--sp-file", "r.cocci", "t.c");
        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("include cycle", result.Stderr, StringComparison.Ordinal);
        Assert.Equal(string.Empty, result.Stdout);
    }
}
