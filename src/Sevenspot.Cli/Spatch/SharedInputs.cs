using System.Collections.Concurrent;
using Sevenspot.C;
using Sevenspot.Engine;
using Sevenspot.Text;

namespace Sevenspot.Cli.Spatch;

/// <summary>
/// Macro and isomorphism files read once per process and shared by every run that names the
/// same unchanged files (the conformance harness runs hundreds of commands with the same
/// standard.h and standard.iso).
/// </summary>
internal static class SharedInputs
{
    private static readonly ConcurrentDictionary<string, Lazy<MacroTable>> s_macros = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, Lazy<(IsoSet, IReadOnlyList<Diagnostic>)>> s_isos = new(StringComparer.Ordinal);

    public static MacroTable Macros(IReadOnlyList<string> files)
    {
        string key = string.Join('\n', files.Select(Stamp));
        var lazy = s_macros.GetOrAdd(key, _ => new Lazy<MacroTable>(() => MacroTable.WithFiles(files.Select(SourceText.FromFile))));
        try
        {
            return lazy.Value;
        }
        catch
        {
            s_macros.TryRemove(key, out _);
            throw;
        }
    }

    /// <summary>The isomorphisms of <paramref name="path"/>; diagnostics name the file as <paramref name="shownAs"/>.</summary>
    public static (IsoSet Set, IReadOnlyList<Diagnostic> Diagnostics) Isomorphisms(string path, string shownAs)
    {
        string key = Stamp(path) + "\n" + shownAs;
        return s_isos.GetOrAdd(key, _ => new Lazy<(IsoSet, IReadOnlyList<Diagnostic>)>(() => IsoSet.Load(new SourceText(shownAs, File.ReadAllBytes(path))))).Value;
    }

    /// <summary>A key that changes when the file does.</summary>
    private static string Stamp(string path)
    {
        var info = new FileInfo(path);
        return info.Exists ? $"{info.FullName}|{info.Length}|{info.LastWriteTimeUtc.Ticks}" : path;
    }
}
