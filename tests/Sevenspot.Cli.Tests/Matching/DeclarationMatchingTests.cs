using Sevenspot.Cli.Spatch;

namespace Sevenspot.Cli.Tests.Matching;

/// <summary>
/// Types, declarations and names in rules, checked against what spatch 1.1.1 prints for the same
/// input (compared token by token, as the conformance judge does).
/// </summary>
public sealed class DeclarationMatchingTests
{
    [Fact]
    public void A_type_written_alone_changes_every_place_the_type_is_written()
    {
        const string rule = "@@ typedef Scsi_Cmnd; @@\n- Scsi_Cmnd\n+ struct scsi_cmnd\n";
        const string code = "struct a { Scsi_Cmnd *head; } x;\nScsi_Cmnd *g(int);\nint f(Scsi_Cmnd **p) { Scsi_Cmnd *q = (Scsi_Cmnd *)p; const Scsi_Cmnd *z; }\n";
        AssertResult(
            "struct a { struct scsi_cmnd *head; } x;\nstruct scsi_cmnd *g(int);\nint f(struct scsi_cmnd **p) { struct scsi_cmnd *q = (struct scsi_cmnd *)p; const struct scsi_cmnd *z; }\n",
            Apply(rule, code));
    }

    [Fact]
    public void An_identifier_rule_renames_declarations_parameters_and_uses_but_not_type_names()
    {
        const string rule = "@identifier@\nidentifier i;\n@@\n- i\n+ xxx\n";
        const string code = "typedef struct i istruct;\n\nint main (int x) {\n  char c;\n  return x + c;\n}\n";
        AssertResult("typedef struct xxx istruct;\n\nint xxx (int xxx) {\n  char xxx;\n  return xxx + xxx;\n}\n", Apply(rule, code));
    }

    [Fact]
    public void A_struct_definition_pattern_matches_a_typedef_of_the_struct_but_not_a_variable()
    {
        const string rule = "@@ identifier I; @@\nstruct I {\n  ...\n- int a;\n  ...\n};\n";
        const string code = "struct x1 { int a; int b; } v1;\ntypedef struct x2 { int a; int b; } t2;\n";
        AssertResult("struct x1 { int a; int b; } v1;\ntypedef struct x2 {  int b; } t2;\n", Apply(rule, code));
    }

    [Fact]
    public void Local_and_global_idexpressions_follow_the_declaration_of_the_name()
    {
        const string rule = "@@\nlocal idexpression x;\n@@\n- x\n+ local\n\n@@\nglobal idexpression x;\n@@\n- x\n+ global\n";
        // Rules apply one after the other: the names the first rule writes are locals only if declared.
        const string code = "int a;\n\nint main(int b) {\n  int c;\n  int local;\n  return a + b + c;\n}\n";
        AssertResult("int a;\n\nint main(int b) {\n  int c;\n  int local;\n  return global + local + local;\n}\n", Apply(rule, code));
    }

    [Fact]
    public void Identifier_metavariables_in_a_declared_type_bind_the_structure_name()
    {
        const string rule = "@@\nidentifier str != sk_buff;\nstruct str *e;\nidentifier i;\n@@\n- e->i\n+ 12\n";
        const string code = "int main() {\n\tstruct sk_buff *e;\n\tstruct other *e1;\n\treturn e->a + e1->b;\n}\n";
        AssertResult("int main() {\n\tstruct sk_buff *e;\n\tstruct other *e1;\n\treturn e->a + 12;\n}\n", Apply(rule, code));
    }

    [Fact]
    public void Removing_a_function_removes_its_return_type_and_its_prototype()
    {
        const string rule = "@@\n@@\n- foo(...) { ... }\n";
        const string code = "static void foo(int x);\nint bar(void);\n\nstatic void foo(int x) { return; }\n";
        AssertResult("int bar(void);\n\n", Apply(rule, code));
    }

    [Fact]
    public void Disabling_optional_storage_keeps_static_functions_out()
    {
        const string rule = "@ disable optional_storage @\nidentifier func;\n@@\n- int\n+ long\n  func(...) { ... }\n";
        const string code = "int foo1(void)\n{\n}\n\nstatic int foo2(void)\n{\n}\n";
        AssertResult("long foo1(void)\n{\n}\n\nstatic int foo2(void)\n{\n}\n", Apply(rule, code));
    }

    [Fact]
    public void A_disjunction_of_declarer_names_matches_each_declarer_in_statements_and_after_declarations()
    {
        // Declarer names are known to the C parser too (as spatch), so this goes through the driver.
        const string rule = "@@\ndeclarer name D1;\ndeclarer name D2;\ndeclarer name D3;\n@@\n- \\(D1\\|D2\\)(...);\n+ D3(0);\n";
        const string code = "void f() {\n    D0(0);\n    D1(0);\n    D2(1, 2);\n    return;\n}\n\nvoid g() {\n    int x;\n    D2(x);\n    D0(0);\n    D1(0);\n    use(x);\n}\n";
        AssertResult(
            "void f() {\n    D0(0);\n    D3(0);\n    D3(0);\n    return;\n}\n\nvoid g() {\n    int x;\n    D3(0);\n    D0(0);\n    D3(0);\n    use(x);\n}\n",
            Apply(rule, code));
    }

    private static string Tokens(string text) => string.Join(' ', text.Split((char[])[' ', '\t', '\n'], StringSplitOptions.RemoveEmptyEntries));

    private static void AssertResult(string expected, string actual) => Assert.Equal(Tokens(expected), actual);

    private static string Apply(string rule, string code)
    {
        string dir = Directory.CreateTempSubdirectory("sevenspot-decl-").FullName;
        try
        {
            File.WriteAllText(Path.Join(dir, "r.cocci"), rule);
            File.WriteAllText(Path.Join(dir, "f.c"), code);
            var environment = new SpatchEnvironment { Error = new StringWriter(), WorkingDirectory = dir, GetVariable = _ => null };
            int exit = SpatchDriver.Run(["--sp-file", "r.cocci", "f.c", "-o", "out.c"], environment, new MemoryStream());
            Assert.Equal(0, exit);
            return Tokens(File.Exists(Path.Join(dir, "out.c")) ? File.ReadAllText(Path.Join(dir, "out.c")) : code);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
