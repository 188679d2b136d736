using Sevenspot.C.Semantics;
using Sevenspot.Text;

namespace Sevenspot.C.Tests.Semantics;

public sealed class TypeAnnotationTests
{
    private static SyntaxTree Parse(string code, string path = "t.c") => Parser.Parse(SourceText.FromString(path, code));

    private static IEnumerable<SyntaxNode> Arguments(SyntaxTree tree, string callee)
    {
        foreach (var node in tree.Root.DescendantNodesAndSelf())
        {
            if (node.Kind == SyntaxKind.CallExpression && node.GetNodeSlot(0)?.ToString() == callee && node.GetNodeSlot(2) is { } list)
            {
                foreach (var argument in list.ChildNodes())
                {
                    yield return argument;
                }
            }
        }
    }

    private static SyntaxNode Find(SyntaxTree tree, SyntaxKind kind, string text) =>
        tree.Root.DescendantNodesAndSelf().First(n => n.Kind == kind && n.ToString() == text);

    [Fact]
    public void I06_ArgumentsOfTypeStructFooPointer()
    {
        // SMPL-SEMANTICS.md 6.5: the arguments spatch marks for `struct foo *E;`.
        var tree = Parse("""
            struct foo;
            struct bar;
            typedef struct foo foo_t;
            struct foo *get_foo(void);
            struct foo *global_foo;
            void release(struct foo *);
            void f(struct foo *a, struct bar *b, foo_t *t)
            {
            	struct foo s;
            	release(a);
            	release(b);
            	release(&s);
            	release(t);
            	release(get_foo());
            	release(global_foo);
            	release(unknown);
            	release((struct foo *)b);
            }
            """);
        var annotation = TypeAnnotator.Annotate(tree);
        var wanted = CType.Pointer(CType.Struct("foo"));
        var matched = Arguments(tree, "release").Where(a => annotation.GetType(a)?.IsEquivalentTo(wanted) == true).Select(a => a.ToString());
        Assert.Equal(["a", "&s", "t", "get_foo()", "global_foo", "(struct foo *)b"], matched);
        Assert.All(Arguments(tree, "release").Where(a => a.ToString() is not ("b" or "unknown")), a => Assert.True(annotation.IsPointerToStruct(a, "foo"), a.ToString()));
        Assert.Null(annotation.GetType(Arguments(tree, "release").Single(a => a.ToString() == "unknown")));
    }

    [Fact]
    public void DeclaredTypesOfDeclarators()
    {
        var tree = Parse("""
            struct a3d { struct input_dev dev; int (*handler)(int); unsigned bits : 3; };
            typedef struct a3d *a3d_p;
            static const char *names[4], **pp;
            int f(a3d_p p, long n)
            {
            	return 0;
            }
            """);
        var annotation = TypeAnnotator.Annotate(tree);
        string Declared(string name) => annotation.GetDeclaredType(tree.Root.DescendantNodesAndSelf().First(n => n.Kind == SyntaxKind.IdentifierDeclarator && n.ToString() == name)).ToString();
        Assert.Equal("struct input_dev", Declared("dev"));
        Assert.Equal("int (*)(int)", Declared("handler"));
        Assert.Equal("unsigned int", Declared("bits"));
        Assert.Equal("struct a3d *", Declared("a3d_p"));
        Assert.Equal("const char *[4]", Declared("names"));
        Assert.Equal("const char **", Declared("pp"));
        Assert.Equal("a3d_p", Declared("p"));
        Assert.Equal("int (a3d_p p, long n)", Declared("f"));

        var definition = tree.Root.DescendantNodesAndSelf().First(n => n.Kind == SyntaxKind.FunctionDefinition);
        Assert.Equal("int (a3d_p p, long n)", annotation.GetDeclaredType(definition).ToString());
        var parameter = tree.Root.DescendantNodesAndSelf().First(n => n.Kind == SyntaxKind.ParameterDeclaration && n.ToString() == "a3d_p p");
        Assert.Equal("a3d_p", annotation.GetDeclaredType(parameter).ToString());
        var pointerDeclarator = tree.Root.DescendantNodesAndSelf().First(n => n.Kind == SyntaxKind.PointerDeclarator && n.ToString() == "**pp");
        Assert.Equal("const char **", annotation.GetDeclaredType(pointerDeclarator).ToString());
        var nameToken = tree.Root.DescendantNodesAndSelf().First(n => n.Kind == SyntaxKind.IdentifierDeclarator && n.ToString() == "n").FirstToken;
        Assert.Equal("long", annotation.GetDeclaredType(nameToken).ToString());
        var declaration = tree.Root.DescendantNodesAndSelf().First(n => n.Kind == SyntaxKind.Declaration && n.ToString().StartsWith("static", StringComparison.Ordinal));
        Assert.Equal("const char", annotation.GetDeclaredType(declaration).ToString());
        Assert.True(annotation.GetDeclaredType(tree.Root).IsUnknown);
    }

    [Fact]
    public void FileScopeLookups()
    {
        var tree = Parse("""
            struct input_id { unsigned short vendor; };
            struct input_dev { struct input_id idbus; union { int a; long b; }; };
            typedef struct input_dev input_dev_t;
            enum color { RED };
            input_dev_t *devices;
            int count(void);
            void f(void) { struct local { int x; } l; typedef int local_t; }
            """);
        var annotation = TypeAnnotator.Annotate(tree);
        var dev = annotation.GetTag("input_dev");
        Assert.NotNull(dev);
        Assert.True(dev.IsComplete);
        Assert.Equal(["idbus", null], dev.Fields.Select(f => f.Name));
        Assert.Equal("long", dev.FindField("b")?.ToString());
        Assert.Null(annotation.GetTag("input_dev", CTagKind.Union));
        Assert.Equal(["RED"], annotation.GetTag("color", CTagKind.Enum)?.Enumerators);
        Assert.Null(annotation.GetTag("local"));
        Assert.Null(annotation.GetTag("nowhere"));

        var typedef = annotation.GetTypedef("input_dev_t");
        Assert.NotNull(typedef);
        Assert.Equal(CTypeKind.Typedef, typedef.Kind);
        Assert.Equal("struct input_dev", typedef.TypedefTarget?.ToString());
        Assert.Null(annotation.GetTypedef("local_t"));

        Assert.Equal("input_dev_t *", annotation.GetGlobal("devices")?.ToString());
        Assert.Equal("int (void)", annotation.GetGlobal("count")?.ToString());
        Assert.Equal("int", annotation.GetGlobal("RED")?.ToString());
        Assert.Equal("void *", annotation.GetGlobal("NULL")?.ToString());
        Assert.Null(annotation.GetGlobal("l"));

        Assert.Equal("unsigned short", annotation.GetField(annotation.GetField(typedef, "idbus")!, "vendor")?.ToString());
        Assert.Equal("int", annotation.GetField(CType.Struct("input_dev"), "a")?.ToString());
        Assert.Null(annotation.GetField(CType.Int, "a"));
        Assert.Null(annotation.GetField(typedef, "missing"));
    }

    [Fact]
    public void SymbolKinds()
    {
        var tree = Parse("""
            enum { ONE = 1 };
            #define LIMIT 10
            int global;
            int func(int);
            void f(int param)
            {
            	int local;
            	static int kept;
            	use(global, func, param, local, kept, ONE, LIMIT, unknown);
            }
            """);
        var annotation = TypeAnnotator.Annotate(tree);
        var kinds = Arguments(tree, "use").Select(annotation.GetSymbolKind);
        Assert.Equal(
            [SymbolKind.Global, SymbolKind.Function, SymbolKind.Parameter, SymbolKind.Local, SymbolKind.StaticLocal, SymbolKind.EnumConstant, SymbolKind.Macro, SymbolKind.Unknown],
            kinds);
        Assert.Equal(SymbolKind.Unknown, annotation.GetSymbolKind(Find(tree, SyntaxKind.CallExpression, "use(global, func, param, local, kept, ONE, LIMIT, unknown)")));
    }

    [Fact]
    public void HeadersProvideDeclarations()
    {
        var header = Parse("""
            #define HEADER_LIMIT 4UL
            typedef unsigned int u32;
            struct device { const char *init_name; struct device *parent; };
            struct device *get_device(struct device *dev);
            extern int debug_level;
            enum { DEV_ON = 1 };
            static inline void *dev_priv(struct device *dev) { return dev->parent; }
            """, "device.h");
        var tree = Parse("""
            void f(struct device *dev, u32 w)
            {
            	check(get_device(dev)->parent->init_name);
            	check(debug_level);
            	check(w);
            	check(DEV_ON);
            	check(HEADER_LIMIT);
            	check(dev_priv(dev));
            }
            """);
        var annotation = TypeAnnotator.Annotate(tree, [header]);
        Assert.Equal(["const char *", "int", "u32", "int", "unsigned long", "void *"], Arguments(tree, "check").Select(a => annotation.GetType(a)?.ToString()));
        Assert.Equal("unsigned int", annotation.GetType(Arguments(tree, "check").ElementAt(2))!.Resolve().ToString());
        Assert.True(annotation.IsInteger(Arguments(tree, "check").ElementAt(2)));

        var without = TypeAnnotator.Annotate(tree);
        Assert.Equal(["?", "?", "u32", "?", "?", "?"], Arguments(tree, "check").Select(a => without.GetType(a)?.ToString() ?? "?"));
        Assert.False(without.IsInteger(Arguments(tree, "check").ElementAt(2)));
    }

    [Fact]
    public void FunctionLikeMacroNamesGetAFunctionTypeWhenCalled()
    {
        // As spatch does: the result is the body's type, the parameters are the arguments' types.
        var tree = Parse("#define MAKE(x, y) ((struct foo *)(x))\nvoid f(long n) { MAKE(n, 1); MAKE(n, unknown); }\n");
        var annotation = TypeAnnotator.Annotate(tree);
        var callees = tree.Root.DescendantNodesAndSelf().Where(n => n.Kind == SyntaxKind.CallExpression).Select(c => c.GetNodeSlot(0)!.Value).ToArray();
        Assert.Equal("struct foo *(long, int)", annotation.GetType(callees[0])?.ToString());
        Assert.Equal(SymbolKind.Macro, annotation.GetSymbolKind(callees[0]));
        Assert.Null(annotation.GetType(callees[1]));
    }

    [Fact]
    public void AnEnvironmentIsSharedBetweenFiles()
    {
        var environment = TypeEnvironment.Create(
        [
            Parse("typedef unsigned int u32;\nstruct inner { long deep; };\n", "types.h"),
            Parse("""
                #define DEV_MAGIC 0x10U
                #define TO_DEV(p) ((struct device *)(p))
                struct device { u32 id; union { struct inner in; void *raw; }; };
                struct device *find_device(const char *name);
                extern struct device *root_device;
                typedef struct device device_t;
                """, "device.h"),
        ]);
        Assert.Equal(2, environment.HeaderCount);
        Assert.Equal("u32", environment.GetTag("device")?.FindField("id")?.ToString());
        Assert.Equal("struct device *(const char *name)", environment.GetGlobal("find_device")?.ToString());
        Assert.Equal("struct device", environment.GetTypedef("device_t")?.TypedefTarget?.ToString());

        var first = Parse("""
            void f(device_t *d)
            {
            	check(d->in.deep, find_device("x")->raw, root_device->id, DEV_MAGIC, TO_DEV(0));
            }
            """);
        var second = Parse("""
            static long root_device;
            void g(void)
            {
            	struct device { char other; } local;
            	check(root_device, local.other, find_device(0));
            }
            """);
        string[]? a = null, b = null;
        Parallel.Invoke(
            () => a = [.. Arguments(first, "check").Select(x => environment.Annotate(first).GetType(x)?.ToString() ?? "?")],
            () => b = [.. Arguments(second, "check").Select(x => environment.Annotate(second).GetType(x)?.ToString() ?? "?")]);
        Assert.Equal(["long", "void *", "u32", "unsigned int", "struct device *"], a!);
        Assert.Equal(["long", "char", "struct device *"], b!);

        var annotation = environment.Annotate(second);
        Assert.Equal("long", annotation.GetGlobal("root_device")?.ToString());
        Assert.Equal("struct device *(const char *name)", annotation.GetGlobal("find_device")?.ToString());
        Assert.NotNull(annotation.GetTag("inner"));
        Assert.Equal("u32", annotation.GetTypedef("u32")?.ToString());
        Assert.Same(TypeEnvironment.Empty, TypeEnvironment.Create([]));
    }

    [Fact]
    public void FileCompletesAStructItsHeadersOnlyDeclare()
    {
        var header = Parse("struct foo;\nstruct foo *get_foo(void);\ntypedef struct foo foo_t;\n", "foo.h");
        var tree = Parse("""
            void before(foo_t *t) { check(get_foo()->a, t->a); }
            struct foo { int a; };
            void after(foo_t *t) { check(get_foo()->a, t->a); }
            """);
        var annotation = TypeAnnotator.Annotate(tree, [header]);
        Assert.Equal(["?", "?", "int", "int"], Arguments(tree, "check").Select(a => annotation.GetType(a)?.ToString() ?? "?"));
    }

    [Fact]
    public void MacroDefinitionsCanBeTurnedOff()
    {
        var tree = Parse("#define LIMIT 10\nvoid f(void) { check(LIMIT); }\n");
        Assert.Equal("int", TypeAnnotator.Annotate(tree).GetType(Arguments(tree, "check").Single())?.ToString());
        Assert.Null(TypeAnnotator.Annotate(tree, options: new TypeAnnotationOptions { UseMacroDefinitions = false }).GetType(Arguments(tree, "check").Single()));
    }

    [Fact]
    public void PredicatesOnExpressions()
    {
        var tree = Parse("""
            typedef struct foo *foo_p;
            typedef unsigned long ulong_t;
            void f(foo_p p, ulong_t n, int a[3], struct foo s)
            {
            	check(p, n, a, s, *p, p == 0);
            }
            """);
        var annotation = TypeAnnotator.Annotate(tree);
        var args = Arguments(tree, "check").ToArray();
        Assert.True(annotation.IsPointer(args[0]));
        Assert.True(annotation.IsPointerToStruct(args[0], "foo"));
        Assert.True(annotation.IsInteger(args[1]));
        Assert.False(annotation.IsPointer(args[2])); // arrays do not match `expression *E` in spatch
        Assert.True(annotation.IsStruct(args[3], "foo"));
        Assert.True(annotation.IsStruct(args[4], "foo"));
        Assert.True(annotation.IsInteger(args[5]));
        Assert.False(annotation.IsPointer(Find(tree, SyntaxKind.CompoundStatement, tree.Root.DescendantNodesAndSelf().First(n => n.Kind == SyntaxKind.CompoundStatement).ToString())));
    }

    [Fact]
    public void CountsExpressions()
    {
        var tree = Parse("int g(int);\nvoid f(int x) { x = g(x) + y; goto out; out: ; }\n");
        var annotation = TypeAnnotator.Annotate(tree);
        // x = g(x) + y: x, g, x, g(x), y, g(x) + y, the assignment; the goto label does not count.
        Assert.Equal(7, annotation.ExpressionCount);
        Assert.Equal(6, annotation.TypedExpressionCount);
    }

    [Fact]
    public void RejectsNodesOfAnotherTree()
    {
        var a = Parse("int x;");
        var b = Parse("int y;");
        Assert.Throws<ArgumentException>(() => TypeAnnotator.Annotate(a).GetType(b.Root));
    }

    [Fact]
    public void IsLazyAndThreadSafe()
    {
        var tree = Parse("struct s { int a; };\nvoid f(struct s *p) { check(p->a); }\n");
        var annotation = TypeAnnotator.Annotate(tree);
        var argument = Arguments(tree, "check").Single();
        var results = new string?[16];
        Parallel.For(0, results.Length, i => results[i] = annotation.GetType(argument)?.ToString());
        Assert.All(results, r => Assert.Equal("int", r));
    }
}
