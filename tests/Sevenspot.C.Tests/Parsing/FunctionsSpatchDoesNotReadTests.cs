using Sevenspot.Text;

namespace Sevenspot.C.Tests.Parsing;

/// <summary>
/// A function whose header is NAME(args), with no return type, is a function for spatch only when
/// its arguments are types. Each case is the header of "HEAD\n{\n\tfoo();\n\treturn 0;\n}\n", run
/// with spatch 1.1.1 and the rule "- foo(); + bar();": read means spatch changed the call.
/// </summary>
public sealed class FunctionsSpatchDoesNotReadTests
{
    [Theory]
    [InlineData("BPF_CALL_1(bpf_timer_cancel, struct bpf_timer_kern *, timer)", false)]
    [InlineData("COMPAT_SYSCALL_DEFINE2(foo, int, a, compat_uptr_t, b)", false)]
    [InlineData("foo(a, b)", false)]
    [InlineData("FOO(a, struct s *)", false)]
    [InlineData("FOO(struct s *, a)", false)]
    [InlineData("FOO(u64 x, b)", false)]
    [InlineData("FOO(int, a)", false)]
    [InlineData("FOO(u64, int)", false)]
    [InlineData("FOO(int a, b *c)", false)]
    [InlineData("FOO(__u32 a, __user b)", false)]
    [InlineData("FOO(a[2])", false)]
    [InlineData("FOO(1)", false)]
    [InlineData("FOO(int a, x.y)", false)]
    [InlineData("__init FOO(a, b)", false)]
    [InlineData("__init FOO(int a)", true)]
    [InlineData("static FOO(a, b)", true)]
    [InlineData("static bar(a, b)", true)]
    [InlineData("static bar(a, b) int a; int b;", true)]
    [InlineData("static bar(a, b) int a; struct s *b;", true)]
    [InlineData("static inline bar(a) long a;", true)]
    [InlineData("inline FOO(a, b)", true)]
    [InlineData("__attribute__((unused)) FOO(a, b)", true)]
    [InlineData("FOO(struct s *x, int y)", true)]
    [InlineData("BPF_CALL_0(bpf_get_smp_processor_id)", true)]
    [InlineData("SYSCALL_DEFINE0(getpid)", true)]
    [InlineData("SYSCALL_DEFINE3(open, const char __user *, filename, int, flags, umode_t, mode)", true)]
    [InlineData("static int BPF_CALL_1(bpf_timer_cancel, struct bpf_timer_kern *, timer)", true)]
    [InlineData("foo()", true)]
    [InlineData("foo(x)", true)]
    [InlineData("FOO(void)", true)]
    [InlineData("FOO(a *)", true)]
    [InlineData("FOO(a *, int x)", true)]
    [InlineData("FOO(a * b, int c)", true)]
    [InlineData("FOO(const x)", true)]
    [InlineData("FOO(x y, z w)", true)]
    [InlineData("FOO(int x, ...)", true)]
    [InlineData("FOO(size_t, int)", true)]
    [InlineData("FOO(struct s *, int (*cb)(void))", true)]
    public void A_function_without_a_return_type_is_read_as_spatch_reads_it(string head, bool read)
    {
        var tree = Parser.Parse($"{head}\n{{\n\tfoo();\n\treturn 0;\n}}\n");
        var census = FunctionCensus.Take(tree);

        // The tree keeps the function either way (the checks analyse it): it is only marked.
        Assert.Equal(1, census.Functions);
        Assert.Equal(0, census.FunctionsWithErrors);
        Assert.Equal(read ? 0 : 1, census.NotReadBySpatch.Count);
        Assert.Equal(read ? 0 : 1, tree.Diagnostics.Count(d => d.Id == DiagnosticId.FunctionNotReadBySpatch));
        Assert.DoesNotContain(tree.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
    }

    [Fact]
    public void A_header_macro_the_file_defines_is_read_through_it()
    {
        // spatch expands MYDEF, which the file #defines, and reads the function.
        var tree = Parser.Parse("#define MYDEF(name, t) static int name(t x)\nMYDEF(foo, int)\n{\n\tfoo();\n\treturn 0;\n}\n");
        Assert.Empty(FunctionCensus.Take(tree).NotReadBySpatch);
    }

    [Fact]
    public void The_mark_names_the_function_and_spatchs_reason()
    {
        var tree = Parser.Parse("int x;\nBPF_CALL_2(f, int, a, int, b)\n{\n\treturn a;\n}\n", "helpers.c");
        var mark = Assert.Single(tree.Diagnostics);
        Assert.Equal(DiagnosticSeverity.Warning, mark.Severity);
        Assert.Equal("helpers.c:2:0: BPF_CALL_2 is written without a return type and with arguments that are not all types: spatch does not read it, and rules do not match in it", mark.ToString());
        var census = FunctionCensus.Take(tree);
        Assert.Equal(new UnparsedFunction("BPF_CALL_2", 2, mark.Message), Assert.Single(census.NotReadBySpatch));
    }

    [Fact]
    public void An_old_style_head_after_static_declares_its_parameters_before_the_body()
    {
        const string Code = "static bar(a, b) int a; int b; {\n\tfoo(a);\n}\n";
        var tree = Parser.Parse(Code);
        Assert.Equal(Code, tree.Root.ToFullString());
        var function = Assert.Single(tree.Root.AsCompilationUnit().ItemList.ChildNodes());
        Assert.Equal(SyntaxKind.FunctionDefinition, function.Kind);
        Assert.False(function.ContainsErrors);
    }
}
