using Sevenspot.C;
using Sevenspot.Checks.Flow;
using Sevenspot.Checks.Primitives;

namespace Sevenspot.Checks.Tests;

/// <summary>
/// Tree checks keep facts for every function of the tree until the run ends: the names and
/// locations they keep are shared, not copied per check and per occurrence.
/// </summary>
public sealed class FactSharingTests
{
    private const string Code = """
        void helper(void);
        void first(void) { helper(); helper(); }
        void second(void) { helper(); }
        """;

    [Fact]
    public void OneNameIsOneStringForTheWholeRun()
    {
        var names = new NamePool();
        var a = new FileContext(Parser.Parse(Code, "a.c"), PrimitiveTables.Builtin, ControlFlowViewProvider.Instance, names);
        var b = new FileContext(Parser.Parse(Code, "b.c"), PrimitiveTables.Builtin, ControlFlowViewProvider.Instance, names);
        var calls = new List<SyntaxNode>();
        calls.AddRange(SyntaxHelpers.Calls(a.Functions[0]));
        calls.AddRange(SyntaxHelpers.Calls(b.Functions[1]));
        Assert.Equal(3, calls.Count);

        string fromA = a.Name(SyntaxHelpers.CalleeName(calls[0])!);
        string fromB = b.Name(SyntaxHelpers.CalleeName(calls[2])!);
        Assert.Equal("helper", fromA);
        Assert.Same(fromA, fromB);
        Assert.Same(fromA, a.Name(SyntaxHelpers.CalleeName(calls[1])!));
        Assert.Equal(1, names.Count);
    }

    [Fact]
    public void ChecksOfOneFileShareTheCompactLocationOfOneRange()
    {
        var file = new FileContext(Parser.Parse(Code, "a.c"), PrimitiveTables.Builtin, ControlFlowViewProvider.Instance);
        var calls = SyntaxHelpers.Calls(file.Functions[0]).ToList();
        var first = file.LocateCompact(calls[0]);
        Assert.Same(first, file.LocateCompact(calls[0]));
        Assert.NotSame(first, file.LocateCompact(calls[1]));
        Assert.Equal(2, first.Start.Line);
        Assert.True(first.IsCompact);
    }
}
