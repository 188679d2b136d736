namespace Sevenspot.Cli.Tests.Spatch;

/// <summary>
/// A statement list metavariable read by a script: the whole body of a block, printed as spatch 1.1.1
/// prints it (tokens spaced, a blank word before each declaration and after each control statement).
/// Every expectation is spatch 1.1.1's output for the same files and rules.
/// </summary>
public sealed class StatementListScriptTests : IDisposable
{
    private const string PrintBody = "@r@\nidentifier fn;\nstatement list SL;\n@@\nfn(...) {\n  SL\n}\n\n@script:python@\nsl << r.SL;\nfn << r.fn;\n@@\nprint(\"%s SL=[%s]\" % (fn, sl))\n";

    private readonly SpatchHarness _h = new();

    public void Dispose() => _h.Dispose();

    [Fact]
    public void A_function_body_with_declarations_blocks_and_loops()
    {
        _h.With("b.c", "int f(int x) {\n  int y = 1, z;\n  foo();\n  if (x) bar(); else { baz(); }\n  while (x) { x--; }\n  for (;;) break;\n  { int q; q = 1; }\n  int w;\n  return y;\n}\nint g(int x) {\n  foo();\n  int w;\n}\n")
          .With("b.cocci", PrintBody);
        Assert.Equal(
            new SpatchResult(0, "g SL=[foo ( ) ;  int w ;]\nf SL=[ int y = 1 , z ; foo ( ) ; if ( x ) bar ( ) ; else { baz ( ) ; }  while ( x ) { x -- ; }  for ( ; ; ) break ;  {  int q ; q = 1 ; }  int w ; return y ;]\n", string.Empty),
            _h.Run("--very-quiet", "--sp-file", "b.cocci", "b.c"));
    }

    [Fact]
    public void Nested_control_statements_do_and_switch()
    {
        _h.With("n.c", "int f(int x) {\n  if (x) while (x) x--;\n  do { x++; } while (x);\n  switch (x) { case 1: x++; break; default: ; }\n  /* c */ foo(x); // t\n  return x;\n}\n")
          .With("n.cocci", PrintBody);
        Assert.Equal(
            new SpatchResult(0, "f SL=[if ( x ) while ( x ) x -- ;   do { x ++ ; } while ( x ) ;  switch ( x ) { case 1 : x ++ ; break ; default : ; }  foo ( x ) ; return x ;]\n", string.Empty),
            _h.Run("--very-quiet", "--sp-file", "n.cocci", "n.c"));
    }

    [Fact]
    public void Alone_in_a_rule_it_is_the_body_of_every_block_an_empty_one_included()
    {
        _h.With("a.c", "int f(int x) {\n  int y = 1;\n  foo();\n  bar(x);\n  return y;\n}\nint g(void) {\n}\nint h(int a) {\n  if (a) {\n    foo();\n    a++;\n  }\n  return a;\n}\n")
          .With("a.cocci", "@r@\nstatement list SL;\n@@\nSL\n@script:python@\nsl << r.SL;\n@@\nprint(\"SL=[%s]\" % sl)\n");
        Assert.Equal(
            new SpatchResult(0, "SL=[]\nSL=[foo ( ) ; a ++ ;]\nSL=[if ( a ) { foo ( ) ; a ++ ; }  return a ;]\nSL=[ int y = 1 ; foo ( ) ; bar ( x ) ; return y ;]\n", string.Empty),
            _h.Run("--very-quiet", "--sp-file", "a.cocci", "a.c"));
    }
}
