using Sevenspot.C;
using Sevenspot.Checks.Primitives;

namespace Sevenspot.Checks;

/// <summary>Whether a call may sleep by itself, from the tables: sleeping functions, and allocators with sleeping GFP flags.</summary>
public static class SleepClassifier
{
    /// <summary>Why the call may sleep ("sleeps", "allocates with GFP_KERNEL, which may sleep"), or null.</summary>
    public static string? Cause(PrimitiveTables tables, SyntaxNode call, Flow.GuardDefinitions? guards = null)
    {
        // guard(mutex)(&m) calls mutex_lock(&m); so does a guard of a class the file defines on it.
        if ((SyntaxHelpers.CalleeName(call) ?? Flow.LockModel.GuardAcquireName(tables, call, guards)) is not { } name)
        {
            return null;
        }

        if (tables.FindSleeping(name) is { } sleeping)
        {
            return sleeping.Reason switch
            {
                SleepReason.Faults => "may fault and sleep",
                SleepReason.Locks => "takes a sleeping lock",
                SleepReason.Waits => "waits, and may sleep",
                SleepReason.Allocates => "may sleep to allocate or free",
                _ => "sleeps",
            };
        }

        if (tables.FindAllocator(name) is not { } allocator)
        {
            return null;
        }

        if (allocator.AlwaysSleeps)
        {
            return "may sleep to allocate";
        }

        if (SyntaxHelpers.Argument(call, allocator.GfpArgument) is { } flags && ClassifyGfp(tables, flags) == GfpClass.Sleeping)
        {
            return $"allocates with {SyntaxHelpers.Text(flags)}, which may sleep";
        }

        return null;
    }

    /// <summary>
    /// What a GFP flag expression lets an allocation do: Sleeping when one of the flags or-ed
    /// together sleeps, Atomic when all are atomic or modifiers, Unknown for anything else
    /// (a variable, a mask with &amp; or ~, a conditional), on which checks say nothing.
    /// </summary>
    public static GfpClass ClassifyGfp(PrimitiveTables tables, SyntaxNode flags)
    {
        flags = SyntaxHelpers.StripParenthesesAndCasts(flags);
        switch (flags.Kind)
        {
            case SyntaxKind.IdentifierName:
                var cls = tables.ClassifyGfpFlag(flags.AsIdentifierName().Identifier.Text);
                return cls == GfpClass.Modifier ? GfpClass.Atomic : cls;
            case SyntaxKind.BinaryExpression when flags.AsBinaryExpression().Operator.Kind == SyntaxKind.BarToken:
                var left = ClassifyGfp(tables, flags.AsBinaryExpression().Left);
                var right = ClassifyGfp(tables, flags.AsBinaryExpression().Right);
                if (left == GfpClass.Unknown || right == GfpClass.Unknown)
                {
                    return GfpClass.Unknown;
                }

                return left == GfpClass.Sleeping || right == GfpClass.Sleeping ? GfpClass.Sleeping : GfpClass.Atomic;
            default:
                return GfpClass.Unknown;
        }
    }
}
