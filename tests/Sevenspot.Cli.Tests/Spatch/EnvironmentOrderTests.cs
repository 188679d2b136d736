namespace Sevenspot.Cli.Tests.Spatch;

/// <summary>
/// The order spatch 1.1.1 takes environments in, for the values whose order is not plain text:
/// constants (by kind, then what they hold) and types (qualifiers, then form, then parts). Scripts
/// run over the environments least first; code added with ++ at one place comes greatest first, the
/// same order reversed. Every expectation is spatch 1.1.1's output for the same files and rules.
/// </summary>
public sealed class EnvironmentOrderTests : IDisposable
{
    private readonly SpatchHarness _h = new();

    public void Dispose() => _h.Dispose();

    [Fact]
    public void Constants_go_by_kind_then_by_what_they_hold()
    {
        // Strings, concatenated strings, characters, integers, floating; L"a" before "b"; 7, 7L, 7U.
        _h.With("pc.c", "void a(void) { g(\"b\"); g(L\"a\"); g(7U); g(7); g(7L); g(1.5f); g(1.5); g('b'); g(L'a'); g(\"a\" \"c\"); }\n")
          .With("pc.cocci", "@r@\nexpression E;\n@@\ng(E);\n\n@script:python@\ne << r.E;\n@@\nprint(e)\n");
        Assert.Equal(new SpatchResult(0, "L\"a\"\n\"b\"\n\"a\" \"c\"\nL'a'\n'b'\n7\n7L\n7U\n1.5\n1.5f\n", string.Empty), _h.Run("--very-quiet", "--sp-file", "pc.cocci", "pc.c"));
    }

    [Fact]
    public void Types_go_by_qualifiers_then_form_then_parts()
    {
        _h.With("ty.c", "typedef int myint;\nstruct s; union u; enum e;\nvoid a(void) { g(sizeof(int)); g(sizeof(char)); g(sizeof(const int)); g(sizeof(int *)); g(sizeof(struct s)); g(sizeof(myint)); g(sizeof(void)); g(sizeof(unsigned long)); g(sizeof(double)); g(sizeof(float)); g(sizeof(enum e)); g(sizeof(union u)); g(sizeof(short)); g(sizeof(volatile int)); g(sizeof(const volatile int)); g(sizeof(struct s *)); g(sizeof(signed char)); g(sizeof(unsigned char)); g(sizeof(long long)); }\nvoid b(void) { g(sizeof(ssize_t)); g(sizeof(ptrdiff_t)); g(sizeof(size_t)); g(sizeof(long double)); g(sizeof(unsigned short)); g(sizeof(int[3])); g(sizeof(char[4])); g(sizeof(int[])); g(sizeof(const char *)); g(sizeof(char **)); g(sizeof(long int)); }\n")
          .With("ty.cocci", "@r@\ntype T;\n@@\ng(sizeof(T));\n\n@script:python@\nt << r.T;\n@@\nprint(t)\n");
        Assert.Equal(new SpatchResult(0, "void\nsize_t\nssize_t\nptrdiff_t\nchar\nsigned char\nshort\nint\nlong int\nlong long\nunsigned char\nunsigned short\nunsigned long\nfloat\ndouble\nlong double\nint *\nchar * *\nstruct s *\nconst char *\nint [ ]\nint [ 3 ]\nchar [ 4 ]\nenum e\nstruct s\nunion u\nmyint\nvolatile int\nconst int\nconst volatile int\n", string.Empty), _h.Run("--very-quiet", "--sp-file", "ty.cocci", "ty.c"));
    }

    [Fact]
    public void Plus_plus_additions_come_in_the_reverse_of_the_script_order()
    {
        _h.With("pp.c", "void a(void) { g(zz); g(f(x)); g(a+b); g(y[1]); g(-q); g(3); g(\"s\"); g((p)); g(m.n); g(k->l); g(2.5); g(10); g('c'); g(Zed); g(1.0f); g(0x1F); g(7U); g(L\"w\"); }\nvoid target(void) { marker(); }\n")
          .With("pp.cocci", "@r@\nexpression E;\n@@\ng(E);\n\n@s@\nexpression r.E;\n@@\nmarker();\n++ h(E);\n\n@script:python@\ne << r.E;\n@@\nprint(e)\n");
        var result = _h.Run("--very-quiet", "--sp-file", "pp.cocci", "pp.c");
        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith("Zed\nzz\n\"s\"\nL\"w\"\n'c'\n0x1F\n10\n3\n7U\n1.0f\n2.5\nf ( x )\n- q\na + b\ny [ 1 ]\nm . n\nk -> l\n( p )\n", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("+void target(void) { marker();\n+\th((p));\n+\th(k->l);\n+\th(m.n);\n+\th(y[1]);\n+\th(a + b);\n+\th(-q);\n+\th(f(x));\n+\th(2.5);\n+\th(1.0f);\n+\th(7U);\n+\th(3);\n+\th(10);\n+\th(0x1F);\n+\th('c');\n+\th(L\"w\");\n+\th(\"s\");\n+\th(zz);\n+\th(Zed); }\n", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Plus_plus_additions_of_types_come_greatest_type_first()
    {
        _h.With("tpp.c", "void t(void) { marker(); }\ntypedef int myint;\nstruct s; union u; enum e;\nvoid a(void) { g(sizeof(int)); g(sizeof(char)); g(sizeof(const int)); g(sizeof(int *)); g(sizeof(struct s)); g(sizeof(myint)); g(sizeof(void)); g(sizeof(unsigned long)); g(sizeof(double)); g(sizeof(float)); g(sizeof(enum e)); g(sizeof(union u)); g(sizeof(short)); g(sizeof(volatile int)); g(sizeof(const volatile int)); g(sizeof(struct s *)); g(sizeof(signed char)); g(sizeof(unsigned char)); g(sizeof(long long)); }\nvoid b(void) { g(sizeof(ssize_t)); g(sizeof(ptrdiff_t)); g(sizeof(size_t)); g(sizeof(long double)); g(sizeof(unsigned short)); g(sizeof(int[3])); g(sizeof(char[4])); g(sizeof(int[])); g(sizeof(const char *)); g(sizeof(char **)); g(sizeof(long int)); }\n")
          .With("tpp.cocci", "@r@\ntype T;\n@@\ng(sizeof(T));\n\n@s@\ntype r.T;\n@@\nmarker();\n++ h(sizeof(T));\n");
        var result = _h.Run("--very-quiet", "--sp-file", "tpp.cocci", "tpp.c");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("+void t(void) { marker();\n+\th(sizeof(const volatile int));\n+\th(sizeof(const int));\n+\th(sizeof(volatile int));\n+\th(sizeof(myint));\n+\th(sizeof(union u));\n+\th(sizeof(struct s));\n+\th(sizeof(enum e));\n+\th(sizeof(char[4]));\n+\th(sizeof(int[3]));\n+\th(sizeof(int[]));\n+\th(sizeof(const char *));\n+\th(sizeof(struct s *));\n+\th(sizeof(char **));\n+\th(sizeof(int *));\n+\th(sizeof(long double));\n+\th(sizeof(double));\n+\th(sizeof(float));\n+\th(sizeof(unsigned long));\n+\th(sizeof(unsigned short));\n+\th(sizeof(unsigned char));\n+\th(sizeof(long long));\n+\th(sizeof(long int));\n+\th(sizeof(int));\n+\th(sizeof(short));\n+\th(sizeof(signed char));\n+\th(sizeof(char));\n+\th(sizeof(ptrdiff_t));\n+\th(sizeof(ssize_t));\n+\th(sizeof(size_t));\n+\th(sizeof(void)); }\n", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Statements_go_by_kind_then_part_by_part()
    {
        // Labels, blocks, expression statements (calls before assignments), if (by condition, then
        // a block before a statement), switch, while, do, for, return, return with a value.
        _h.With("st.c", "int f0(void) {\n  marker();\n  if (x) { y(); }\n  end();\n}\nint f1(void) {\n  marker();\n  return;\n  end();\n}\nint f2(void) {\n  marker();\n  x = 1;\n  end();\n}\nint f3(void) {\n  marker();\n  while (1) { z(); }\n  end();\n}\nint f4(void) {\n  marker();\n  for (;;) { w(); }\n  end();\n}\nint f5(void) {\n  marker();\n  { b(); }\n  end();\n}\nint f6(void) {\n  marker();\n  if (x) y(); else z();\n  end();\n}\nint f7(void) {\n  marker();\n  return 3;\n  end();\n}\nint f8(void) {\n  marker();\n  do { q(); } while (0);\n  end();\n}\nint f9(void) {\n  marker();\n  switch (x) { default: r(); }\n  end();\n}\nint f10(void) {\n  marker();\n  foo();\n  end();\n}\nint f11(void) {\n  marker();\n  out: s();\n  end();\n}\nint f12(void) {\n  marker();\n  a = b;\n  end();\n}\nint f13(void) {\n  marker();\n  while (0) x();\n  end();\n}\nint f14(void) {\n  marker();\n  if (a) y();\n  end();\n}\n")
          .With("st.cocci", "@r@\nstatement S;\nposition p;\n@@\nmarker@p();\nS\n\n@script:python@\nx << r.S;\np << r.p;\n@@\nprint(p[0].current_element)\n");
        Assert.Equal(new SpatchResult(0, "f11\nf5\nf10\nf12\nf2\nf14\nf0\nf6\nf9\nf13\nf3\nf8\nf4\nf1\nf7\n", string.Empty), _h.Run("--very-quiet", "--sp-file", "st.cocci", "st.c"));
    }

    [Fact]
    public void Declarations_go_by_the_declared_name_then_the_initializer()
    {
        _h.With("dc.c", "int f0(void) {\n  marker();\n  int b;\n  end();\n}\nint f1(void) {\n  marker();\n  char a;\n  end();\n}\nint f2(void) {\n  marker();\n  long c = 1;\n  end();\n}\nint f3(void) {\n  marker();\n  int a = 2;\n  end();\n}\nint f4(void) {\n  marker();\n  static int z;\n  end();\n}\nint f5(void) {\n  marker();\n  unsigned d;\n  end();\n}\nint f6(void) {\n  marker();\n  int *p;\n  end();\n}\nint f7(void) {\n  marker();\n  int a = 1;\n  end();\n}\nint f8(void) {\n  marker();\n  const int q;\n  end();\n}\n")
          .With("dc.cocci", "@r@\ndeclaration D;\nposition p;\n@@\nmarker@p();\nD\n\n@script:python@\nx << r.D;\np << r.p;\n@@\nprint(p[0].current_element)\n");
        Assert.Equal(new SpatchResult(0, "f1\nf7\nf3\nf0\nf2\nf5\nf6\nf8\nf4\n", string.Empty), _h.Run("--very-quiet", "--sp-file", "dc.cocci", "dc.c"));
    }
}
