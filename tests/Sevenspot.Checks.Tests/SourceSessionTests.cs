using Sevenspot.C;
using Sevenspot.C.Flow;
using Sevenspot.Checks.Primitives;

namespace Sevenspot.Checks.Tests;

/// <summary>
/// The checks read a file through the same per-file session as the rule engine: one control-flow
/// view per function and one type annotation, whoever asks first.
/// </summary>
public sealed class SourceSessionTests
{
    private const string Code = """
        struct chip { int n; };
        int first(struct chip *c) { if (c->n) return 1; return 0; }
        void second(void) { }
        """;

    [Fact]
    public void ChecksReadTheSessionsGraphsAndTypes()
    {
        var session = new SourceSession(Parser.Parse(Code, "a.c"));
        var file = new FileContext(session, PrimitiveTables.Builtin, ControlFlowViewProvider.Instance);
        Assert.Same(session.Functions, file.Functions);
        Assert.Equal(2, file.Functions.Count);
        Assert.Same(session.FlowView(file.Functions[0]), file.GetFlowGraph(file.Functions[0]));
        Assert.Same(session.Types, file.Types);
        Assert.Same(session.FlowView(file.Functions[1]), session.FlowView(file.Functions[1]));
    }

    [Fact]
    public void ASessionRefusesAFunctionOfAnotherTree()
    {
        var session = new SourceSession(Parser.Parse(Code, "a.c"));
        var other = new SourceSession(Parser.Parse(Code, "b.c"));
        Assert.Throws<ArgumentException>(() => session.FlowView(other.Functions[0]));
    }

    [Fact]
    public void WithoutAProviderThereAreNoGraphs()
    {
        var file = new FileContext(new SourceSession(Parser.Parse(Code, "a.c")), PrimitiveTables.Builtin);
        Assert.Null(file.GetFlowGraph(file.Functions[0]));
    }
}
