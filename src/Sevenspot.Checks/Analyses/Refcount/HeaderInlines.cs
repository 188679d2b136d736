using System.Collections.Concurrent;
using Sevenspot.C;
using Sevenspot.Checks.Flow;
using Sevenspot.Checks.Primitives;

namespace Sevenspot.Checks;

/// <summary>
/// The inline functions of a file's own headers (quoted includes found beside the file, as
/// <c>#include "filetable.h"</c>) that take over a reference passed to them: they store the
/// parameter (<c>slot->file_ptr = (unsigned long)file | flags</c>) or put it, themselves or through
/// another inline of the same header. A function of the file that hands its parameter to such an
/// inline takes it over as one that stores it does. Each header is read, and its definitions
/// summarised, once per run (cached by path), only for a file that calls a function it does not
/// define with a parameter, and only when its text has an inline function; the headers they
/// include and those of the tree's include/ folder are not read (the kernel's own get/put
/// wrappers are in the primitive tables). One instance per run, owned by the run's
/// <see cref="ProgramHeaders"/>: headers change between runs of a long process, and a finished
/// run's summaries are not kept. Thread-safe.
/// </summary>
internal sealed class HeaderInlines
{
    private static readonly IReadOnlyDictionary<string, int[]> s_none = new Dictionary<string, int[]>(StringComparer.Ordinal);

    // The summaries read, by header path, with the primitive tables they were made with.
    private readonly ConcurrentDictionary<(string Path, PrimitiveTables Primitives), IReadOnlyDictionary<string, int[]>> _headers = new();

    // The sleeping inline functions read, by header path.
    private readonly ConcurrentDictionary<(string Path, PrimitiveTables Primitives), IReadOnlyDictionary<string, HeaderSleep>> _sleeps = new();

    private static readonly IReadOnlyDictionary<string, HeaderSleep> s_noSleeps = new Dictionary<string, HeaderSleep>(StringComparer.Ordinal);

    /// <summary>The inline functions of the file's headers that take over a parameter, with those parameters; empty when the file is not on disk.</summary>
    public IReadOnlyDictionary<string, int[]> ConsumersOf(FileContext file)
    {
        string? directory = Path.GetDirectoryName(Path.GetFullPath(file.Path));
        if (directory is null || !File.Exists(file.Path))
        {
            return s_none;
        }

        Dictionary<string, int[]>? result = null;
        foreach (var (name, quoted) in IncludeDirectives.Of(file).Names)
        {
            string path = Path.GetFullPath(Path.Combine(directory, name));
            if (!quoted || !File.Exists(path))
            {
                continue;
            }

            var consumers = _headers.GetOrAdd((path, file.Primitives), static key => Read(key.Path, key.Primitives));
            if (consumers.Count == 0)
            {
                continue;
            }

            result ??= new Dictionary<string, int[]>(StringComparer.Ordinal);
            foreach (var (function, parameters) in consumers)
            {
                result.TryAdd(function, parameters);
            }
        }

        return result ?? s_none;
    }

    /// <summary>
    /// The inline functions of the file's headers (quoted includes beside it, as for
    /// <see cref="ConsumersOf"/>) that sleep on every path: a sleeping call of the tables made by
    /// a statement of the body's top level, before any statement that may return or jump. Such a
    /// function is a static function of each file that includes the header.
    /// </summary>
    public IReadOnlyDictionary<string, HeaderSleep> SleepsOf(FileContext file)
    {
        string? directory = Path.GetDirectoryName(Path.GetFullPath(file.Path));
        if (directory is null || !File.Exists(file.Path))
        {
            return s_noSleeps;
        }

        Dictionary<string, HeaderSleep>? result = null;
        foreach (var (name, quoted) in IncludeDirectives.Of(file).Names)
        {
            string path = Path.GetFullPath(Path.Combine(directory, name));
            if (!quoted || !File.Exists(path))
            {
                continue;
            }

            // Locations name the header as the file is named (relative to the working folder, or not).
            string shown = Path.IsPathRooted(file.Path) ? path : Path.GetRelativePath(Environment.CurrentDirectory, path);
            var sleeps = _sleeps.GetOrAdd((shown, file.Primitives), static key => ReadSleeps(key.Path, key.Primitives));
            foreach (var (function, sleep) in sleeps)
            {
                (result ??= new Dictionary<string, HeaderSleep>(StringComparer.Ordinal)).TryAdd(function, sleep);
            }
        }

        return result ?? s_noSleeps;
    }

    private static IReadOnlyDictionary<string, HeaderSleep> ReadSleeps(string path, PrimitiveTables primitives)
    {
        if (ReadText(path) is not { } text || !text.Contains("inline", StringComparison.Ordinal))
        {
            return s_noSleeps;
        }

        Dictionary<string, HeaderSleep>? result = null;
        var tree = Parser.Parse(text, path);
        foreach (var function in new SourceSession(tree).Functions)
        {
            if (function.ContainsErrors || !IsInline(function) || primitives.IsPrimitive(FunctionCensus.NameOf(function)))
            {
                continue;
            }

            foreach (var statement in SyntaxHelpers.Statements(function.AsFunctionDefinition().Body))
            {
                // An inline that releases a lock first (xfs's xlog_wait unlocks the caller's spinlock, then
                // schedules) may not sleep under the caller's lock: the rest of it is not read.
                if (ReleasesALock(statement, primitives))
                {
                    break;
                }

                if (TopLevelCall(statement) is { } call && SleepClassifier.Cause(primitives, call) is { } cause && SyntaxHelpers.CalleeName(call) is { } callee)
                {
                    (result ??= new Dictionary<string, HeaderSleep>(StringComparer.Ordinal))[FunctionCensus.NameOf(function)] =
                        new HeaderSleep(callee, SourceLocation.From(tree.Text, call.Span, withText: false), cause);
                    break;
                }

                if (MayLeave(statement))
                {
                    break;
                }
            }
        }

        return result ?? s_noSleeps;

        // The call a statement makes whatever happens: f(...); x = f(...); return f(...); or a declaration's initializer.
        static SyntaxNode? TopLevelCall(SyntaxNode statement)
        {
            SyntaxNode? value = statement.Kind switch
            {
                SyntaxKind.ExpressionStatement => statement.AsExpressionStatement().Expression,
                SyntaxKind.ReturnStatement => statement.AsReturnStatement().Expression,
                _ => null,
            };
            if (value is not { } made)
            {
                return null;
            }

            made = SyntaxHelpers.StripParenthesesAndCasts(made);
            if (made.Kind == SyntaxKind.AssignmentExpression)
            {
                made = SyntaxHelpers.StripParenthesesAndCasts(made.AsAssignmentExpression().Right);
            }

            return made.Kind == SyntaxKind.CallExpression ? made : null;
        }

        static bool ReleasesALock(SyntaxNode statement, PrimitiveTables primitives)
        {
            foreach (var node in statement.DescendantNodesAndSelf())
            {
                if (node.Kind == SyntaxKind.CallExpression && SyntaxHelpers.CalleeName(node) is { } name && primitives.FindRelease(name).Count > 0)
                {
                    return true;
                }
            }

            return false;
        }

        static bool MayLeave(SyntaxNode statement)
        {
            foreach (var node in statement.DescendantNodesAndSelf())
            {
                if (node.Kind is SyntaxKind.ReturnStatement or SyntaxKind.GotoStatement or SyntaxKind.BreakStatement or SyntaxKind.ContinueStatement)
                {
                    return true;
                }
            }

            return false;
        }
    }

    private static string? ReadText(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static IReadOnlyDictionary<string, int[]> Read(string path, PrimitiveTables primitives)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (IOException)
        {
            return s_none;
        }
        catch (UnauthorizedAccessException)
        {
            return s_none;
        }

        if (!text.Contains("inline", StringComparison.Ordinal))
        {
            return s_none;
        }

        var inlines = new List<SyntaxNode>();
        foreach (var function in new SourceSession(Parser.Parse(text, path)).Functions)
        {
            if (!function.ContainsErrors && IsInline(function))
            {
                inlines.Add(function);
            }
        }

        var consumed = RefcountSummaries.Summarise(primitives, inlines, outside: null);
        if (consumed.Count == 0)
        {
            return s_none;
        }

        var result = new Dictionary<string, int[]>(StringComparer.Ordinal);
        foreach (var (function, parameters) in consumed)
        {
            result[function] = [.. parameters.Order()];
        }

        return result;
    }

    /// <summary>Whether a definition says <c>inline</c> (or <c>__always_inline</c>) before its body.</summary>
    private static bool IsInline(SyntaxNode function)
    {
        int body = function.AsFunctionDefinition().Body.Span.Start;
        foreach (var token in function.DescendantTokens())
        {
            if (token.Span.Start >= body)
            {
                break;
            }

            var bytes = token.Bytes;
            if (bytes.SequenceEqual("inline"u8) || bytes.SequenceEqual("__inline"u8) || bytes.SequenceEqual("__inline__"u8) || bytes.SequenceEqual("__always_inline"u8))
            {
                return true;
            }
        }

        return false;
    }
}

/// <summary>An inline function of a header that sleeps on every path: the sleeping call, where it is, and why.</summary>
internal sealed record HeaderSleep(string Callee, SourceLocation Location, string Cause);
