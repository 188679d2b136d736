using System.Diagnostics;
using System.Text;
using Sevenspot.C.Semantics;
using Sevenspot.Text;
using Xunit.Abstractions;

namespace Sevenspot.C.Tests.Semantics;

/// <summary>The annotator never throws and never recurses without bound, whatever the code.</summary>
public sealed class AnnotationRobustnessTests(ITestOutputHelper output)
{
    /// <summary>Parses on a big stack (as the command line does), then annotates on a 1 MB stack.</summary>
    private static TypeAnnotation AnnotateOnSmallStack(string code, TypeInference inference = TypeInference.Spatch)
    {
        SyntaxTree? tree = null;
        RunOnStack(() => tree = Parser.Parse(SourceText.FromString("t.c", code)), 256 * 1024 * 1024);
        TypeAnnotation? annotation = null;
        RunOnStack(() => annotation = TypeAnnotator.Annotate(tree!, options: new TypeAnnotationOptions { Inference = inference }).Compute(), 1024 * 1024);
        return annotation!;
    }

    private static void RunOnStack(Action action, int stackSize)
    {
        Exception? error = null;
        var thread = new Thread(
            () =>
            {
                try
                {
                    action();
                }
                catch (Exception e)
                {
                    error = e;
                }
            },
            stackSize);
        thread.Start();
        thread.Join();
        if (error is not null)
        {
            throw new InvalidOperationException("failed on a separate thread", error);
        }
    }

    public static TheoryData<string, string> OddCode() => new()
    {
        { "long chain", "int f(int a) { return " + string.Join(" + ", Enumerable.Repeat("a", 50_000)) + "; }" },
        { "long comma chain", "void f(int a) { (" + string.Join(", ", Enumerable.Repeat("a", 50_000)) + "); }" },
        { "long member chain", "struct s { struct s *n; }; void f(struct s *p) { p" + string.Concat(Enumerable.Repeat("->n", 20_000)) + " = 0; }" },
        { "deep parentheses", "void f(int a) { a = " + new string('(', 5_000) + "a" + new string(')', 5_000) + "; }" },
        { "deep unary", "void f(int *a) { *a = " + string.Concat(Enumerable.Repeat("&*", 5_000)) + "a[0]; }" },
        { "deep blocks", "void f(void) " + new string('{', 5_000) + "int x; x;" + new string('}', 5_000) },
        { "deep declarator", "int " + new string('*', 5_000) + "p;" },
        { "deep struct nesting", string.Concat(Enumerable.Repeat("struct s { ", 150)) + "int x;" + string.Concat(Enumerable.Repeat(" } m;", 150)) },
        { "deep typeof", "typeof(" + string.Concat(Enumerable.Repeat("typeof(", 300)) + "int" + new string(')', 301) + " x; void f(void) { x; }" },
        { "deep typedef chain", string.Concat(Enumerable.Range(0, 2_000).Select(i => $"typedef t{i} *t{i + 1};\n")) + "void f(t2000 p) { *p; }" },
        { "unbalanced", "void f( { struct { int ; x = ) ] } ;" },
        { "error nodes", "int x = ; void f(void) { int = 3; struct foo *p = ; p->; f(; } } }" },
        { "garbage", "@@ #### $$$ ``` \u0001\u0002 'unterminated" },
        { "self macros", "#define A B\n#define B A\n#define F(x) F(x)\n#define G(x) G\nvoid f(void) { A; F(1); G(2)(3); }" },
        { "recursive typedefs", "typedef foo_t foo_t; typedef struct a a; typedef a *a; void f(foo_t x, a y) { x; y->z; *y; }" },
        { "k&r without types", "f(a, b) { return a + b; }\nint g(x) register x; { return x; }" },
        { "macro bodies", "#define EMPTY\n#define STMT do { x(); } while (0)\n#define INIT { 1, 2 }\n#define CONCAT(a, b) a ## b\n#define STR(x) #x\nvoid f(void) { EMPTY; STMT; CONCAT(x, y); STR(z); int a[] = INIT; }" },
        { "typeof everywhere", "void f(int n) { typeof(n) a; typeof(typeof(a)) b; typeof(({ n; })) c; typeof(unknown) d; a; b; c; d; }" },
        { "statement expressions", "void f(void) { int x = ({ int y = ({ int z = 1; z; }); y; }); ({ }); ({ ; }); x; }" },
        { "bare declarations", "struct; union { }; enum { }; int; typedef; static; const *p; void f(void) { struct; int; }" },
        { "self-referencing struct", "struct s { struct s s; struct s *p; }; void f(struct s v) { v.s.s.s.p->p->s; }" },
        { "unnamed member loop", "struct a { struct { struct { int x; }; }; }; void f(struct a v) { v.x; v.y; }" },
        { "syscall macros", "SYSCALL_DEFINE1(x)\n{ }\nSYSCALL_DEFINE2(y, int)\n{ }\nSYSCALL_DEFINE3(z, int, a, b, c)\n{ a; }\nSYSCALL_DEFINE0(w)\n{ }" },
        { "iterators and declarers", "void f(void) { LIST_HEAD(l); DEFINE_MUTEX(m); list_for_each_entry(pos, &l, node) { pos->x; } }" },
    };

    [Theory]
    [MemberData(nameof(OddCode))]
    public void NeverThrows(string name, string code)
    {
        Assert.NotNull(name);
        foreach (var inference in new[] { TypeInference.Spatch, TypeInference.Extended })
        {
            var annotation = AnnotateOnSmallStack(code, inference);
            Assert.True(annotation.TypedExpressionCount <= annotation.ExpressionCount);
            foreach (var node in annotation.Tree.Root.DescendantNodesAndSelf())
            {
                _ = annotation.GetType(node)?.ToString();
                _ = annotation.GetDeclaredType(node).ToString();
            }
        }
    }

    [Fact]
    public void LongChainsAreTyped()
    {
        var annotation = AnnotateOnSmallStack("long f(long a) { return " + string.Join(" + ", Enumerable.Repeat("a", 50_000)) + "; }");
        var sum = annotation.Tree.Root.DescendantNodesAndSelf().First(n => n.Kind == SyntaxKind.BinaryExpression);
        Assert.Equal("long", annotation.GetType(sum)?.ToString());
    }

    [Fact]
    public void RandomBytes()
    {
        var random = new Random(7);
        var bytes = new byte[20_000];
        for (int round = 0; round < 20; round++)
        {
            random.NextBytes(bytes);
            // Mostly C punctuation and words, so the parser builds real, broken trees.
            const string alphabet = "{}()[];,*&->.=+ \nstruct int x y p typedef enum union sizeof 0 1 'a' \"s\" #define ";
            var sb = new StringBuilder();
            foreach (byte b in bytes)
            {
                sb.Append(alphabet[b % alphabet.Length]);
            }

            _ = AnnotateOnSmallStack(sb.ToString(), round % 2 == 0 ? TypeInference.Spatch : TypeInference.Extended);
        }
    }

    [CorpusFact]
    public void CoccinelleCorpus()
    {
        int files = 0;
        foreach (string path in Directory.EnumerateFiles(TestFolders.CocciTests!, "*.c"))
        {
            var annotation = AnnotateOnSmallStack(File.ReadAllText(path));
            Assert.True(annotation.TypedExpressionCount <= annotation.ExpressionCount, path);
            files++;
        }

        Assert.True(files > 0);
    }

    /// <summary>kernel/, mm/ and net/ipv4 of Linux 6.1: nothing throws; prints time and the share of typed expressions.</summary>
    [KernelFact]
    public void KernelSubtrees()
    {
        long expressions = 0, typed = 0, bytes = 0;
        var annotate = new Stopwatch();
        int files = 0;
        foreach (string folder in new[] { "kernel", "mm", Path.Combine("net", "ipv4") })
        {
            foreach (string path in Directory.EnumerateFiles(Path.Combine(TestFolders.Kernel!, folder), "*.c", SearchOption.AllDirectories))
            {
                SyntaxTree? tree = null;
                var text = SourceText.FromFile(path);
                RunOnStack(() => tree = Parser.Parse(text), 256 * 1024 * 1024);
                annotate.Start();
                var annotation = TypeAnnotator.Annotate(tree!).Compute();
                annotate.Stop();
                expressions += annotation.ExpressionCount;
                typed += annotation.TypedExpressionCount;
                bytes += text.Length;
                files++;
            }
        }

        Assert.True(files > 500);
        Assert.True(typed * 2 > expressions, $"only {typed} of {expressions} expressions typed");
        output.WriteLine($"{files} files, {bytes / 1e6:F1} MB: annotated in {annotate.ElapsedMilliseconds} ms, {typed} of {expressions} expressions typed ({100.0 * typed / expressions:F1}%)");
    }
}

/// <summary>Folders of real code the robustness tests read when they are present.</summary>
internal static class TestFolders
{
    /// <summary>Coccinelle's test corpus: $SEVENSPOT_COCCI_TESTS, or shared/corpus/cocci-tests in a folder above the tests.</summary>
    public static string? CocciTests => Configured("SEVENSPOT_COCCI_TESTS") ?? FindAbove(Path.Combine("shared", "corpus", "cocci-tests"));

    /// <summary>An extracted Linux 6.1 tree: $SEVENSPOT_KERNEL_TREE, or kernel/linux-source-6.1 in a folder above the tests.</summary>
    public static string? Kernel => Configured("SEVENSPOT_KERNEL_TREE") ?? FindAbove(Path.Combine("kernel", "linux-source-6.1"));

    private static string? Configured(string variable) => Environment.GetEnvironmentVariable(variable) is { Length: > 0 } value && Directory.Exists(value) ? value : null;

    private static string? FindAbove(string relative)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, relative);
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}

/// <summary>A test over Coccinelle's corpus, skipped (with a reason) when the corpus is absent.</summary>
public sealed class CorpusFactAttribute : FactAttribute
{
    public CorpusFactAttribute()
    {
        if (TestFolders.CocciTests is null)
        {
            Skip = "Coccinelle's test corpus not found (set SEVENSPOT_COCCI_TESTS)";
        }
    }
}

/// <summary>A test over the Linux tree, skipped (with a reason) when it is absent.</summary>
public sealed class KernelFactAttribute : FactAttribute
{
    public KernelFactAttribute()
    {
        if (TestFolders.Kernel is null)
        {
            Skip = "Linux 6.1 tree not found (set SEVENSPOT_KERNEL_TREE)";
        }
    }
}
