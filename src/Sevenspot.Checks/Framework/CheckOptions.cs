using Sevenspot.C;
using Sevenspot.Checks.Flow;
using Sevenspot.Checks.Primitives;

namespace Sevenspot.Checks;

/// <summary>Settings of a check run.</summary>
public sealed class CheckOptions
{
    public static readonly CheckOptions Default = new();

    public PrimitiveTables Primitives { get; init; } = PrimitiveTables.Builtin;

    /// <summary>Macro knowledge for the parser; the built-in kernel table by default.</summary>
    public MacroTable Macros { get; init; } = MacroTable.Builtin;

    /// <summary>Time allowed to parse one file; a file that takes longer is skipped and reported.</summary>
    public TimeSpan FileTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Builds control-flow graphs for checks that need them; without one those checks cannot run.</summary>
    public IFlowGraphProvider? FlowGraphs { get; init; }
}
