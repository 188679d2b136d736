using System.Text;
using Sevenspot.Checks.Flow;
using Sevenspot.Text;

namespace Sevenspot.Checks.Tests;

/// <summary>
/// The list checks over programs spread over several folders and joined by a header of their own
/// (Fixtures/trees/list-programs-joined), under any folder and file names, in both orders.
/// </summary>
public sealed class ListProgramTests
{
    private static readonly CheckOptions s_options = new() { FlowGraphs = ControlFlowViewProvider.Instance };

    private static readonly string s_folder = Path.Combine(RepositoryPaths.Fixtures, "trees", "list-programs-joined");

    public static TheoryData<string, string, string, string> ProgramNames => new()
    {
        { "drivers/alpha", "drivers/beta", "main.c", "lib.c" },
        { "drivers/beta", "drivers/alpha", "main.c", "lib.c" },
        { "x", "y/z", "z_main.c", "a_lib.c" },
        { "arch/one/kernel", "arch/two/kernel", "core.c", "table.c" },
    };

    [Theory]
    [MemberData(nameof(ProgramNames))]
    public void AnotherRemoverInAnotherFolderCountsThroughTheHeaderBothInclude(string sameLockFolder, string otherLockFolder, string shrinkName, string lookupName)
    {
        var texts = new[]
        {
            Fixture("shrink.c", $"{otherLockFolder}/core/{shrinkName}", "@CACHE_H@", "../include/cache.h"),
            Fixture("lookup-same-lock.c", $"{sameLockFolder}/lookup/{lookupName}", "@CACHE_H@", "../include/cache.h"),
            Fixture("lookup-other-lock.c", $"{otherLockFolder}/lookup/{lookupName}", "@CACHE_H@", "../include/cache.h"),
            Fixture("shrink.c", $"{sameLockFolder}/core/{shrinkName}", "@CACHE_H@", "../include/cache.h"),
        };
        foreach (var order in new[] { texts, texts.Reverse().ToArray() })
        {
            var finding = Assert.Single(Run("double-list-removal", order));
            Assert.Equal($"{sameLockFolder}/core/{shrinkName}", finding.Location.Path);
            Assert.Equal(19, finding.Location.Start.Line);
            Assert.Contains($"holding struct cache.lock, {sameLockFolder}/lookup/{lookupName}:11", finding.Message, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(ProgramNames))]
    public void TwoFoldersIncludingHeadersOfOneNameAreTwoPrograms(string sameLockFolder, string otherLockFolder, string shrinkName, string lookupName)
    {
        var texts = new[]
        {
            Fixture("shrink.c", $"{sameLockFolder}/core/{shrinkName}", "@CACHE_H@", "cache.h"),
            Fixture("lookup-same-lock.c", $"{sameLockFolder}/lookup/{lookupName}", "@CACHE_H@", "cache.h"),
            Fixture("shrink.c", $"{otherLockFolder}/core/{shrinkName}", "@CACHE_H@", "../include/cache.h"),
            Fixture("lookup-same-lock.c", $"{otherLockFolder}/lookup/{lookupName}", "@CACHE_H@", "../include/other.h"),
        };
        foreach (var order in new[] { texts, texts.Reverse().ToArray() })
        {
            Assert.Empty(Run("double-list-removal", order));
        }
    }

    [Theory]
    [MemberData(nameof(ProgramNames))]
    public void CallsBindToTheLibraryOfTheirOwnProgramThroughItsHeader(string buggyFolder, string fixedFolder, string mainName, string libName)
    {
        var texts = new[]
        {
            Fixture("main.c", $"{fixedFolder}/{mainName}", "@CONN_H@", Up(fixedFolder) + "include/two.h"),
            Fixture("lib-buggy.c", $"lib/one/{libName}", "@CONN_H@", "../../include/one.h"),
            Fixture("lib-fixed.c", $"lib/two/{libName}", "@CONN_H@", "../../include/two.h"),
            Fixture("main.c", $"{buggyFolder}/{mainName}", "@CONN_H@", Up(buggyFolder) + "include/one.h"),
        };
        foreach (var order in new[] { texts, texts.Reverse().ToArray() })
        {
            var findings = Run("freed-while-linked", order);
            Assert.Equal([24, 40], findings.Select(f => f.Location.Start.Line));
            Assert.All(findings, f => Assert.Equal($"{buggyFolder}/{mainName}", f.Location.Path));
            Assert.Contains("conn_release(), which frees it", findings[0].Message, StringComparison.Ordinal);
            Assert.Contains("conn_create() at line 35 returned it linked", findings[1].Message, StringComparison.Ordinal);
        }
    }

    public static TheoryData<string, string, string> HeaderChains => new()
    {
        // How the shrinker's file reaches the cache header: through a header of its folder, or by an
        // angled name found in the include/ folder of the program's top (a driver's -I headers).
        { "local.h", "#include \"../include/cache.h\"", "#include \"local.h\"" },
        { "local.h", "#include <cache.h>", "#include \"local.h\"" },
        { "unused.h", string.Empty, "#include <cache.h>" },
    };

    [Theory]
    [MemberData(nameof(HeaderChains))]
    public void TwoProgramsOnDiskJoinedThroughAHeaderIncludedByAHeaderOrByAnAngledName(string localName, string localText, string shrinkInclude)
    {
        foreach (var (first, second) in new[] { ("alpha", "beta"), ("beta", "alpha") })
        {
            foreach (var (shrinkName, lookupName) in new[] { ("shrink.c", "lookup.c"), ("z.c", "a.c") })
            {
                string top = Path.Combine(Path.GetTempPath(), "sevenspot-programs-" + Guid.NewGuid().ToString("N"));
                try
                {
                    // Two near-identical programs side by side: the first's shrinker reaches the cache
                    // header its lookup includes; the second's includes another header of that name.
                    foreach (var (name, joined) in new[] { (first, true), (second, false) })
                    {
                        string program = Path.Combine(top, name);
                        Write(Path.Combine(program, "include", "cache.h"), File.ReadAllText(Path.Combine(s_folder, "cache.h")));
                        Write(Path.Combine(program, "core", localName), localText);
                        if (!joined)
                        {
                            Write(Path.Combine(program, "core", "cache.h"), File.ReadAllText(Path.Combine(s_folder, "cache.h")));
                        }

                        string shrink = File.ReadAllText(Path.Combine(s_folder, "shrink.c")).Replace("#include \"@CACHE_H@\"", joined ? shrinkInclude : "#include \"cache.h\"", StringComparison.Ordinal);
                        Write(Path.Combine(program, "core", shrinkName), shrink);
                        Write(Path.Combine(program, "lookup", lookupName), File.ReadAllText(Path.Combine(s_folder, "lookup-same-lock.c")).Replace("@CACHE_H@", "../include/cache.h", StringComparison.Ordinal));
                    }

                    var paths = new[] { first, second }.SelectMany(p => new[] { Path.Combine(top, p, "core", shrinkName), Path.Combine(top, p, "lookup", lookupName) }).ToArray();
                    foreach (var order in new[] { paths, paths.Reverse().ToArray() })
                    {
                        var runner = new CheckRunner([BundledChecks.Find("double-list-removal")!], s_options);
                        var finding = Assert.Single(runner.Complete([.. order.Select(runner.AnalyzeFile)]).Findings);
                        Assert.Equal(Path.Combine(top, first, "core", shrinkName), finding.Location.Path);
                        Assert.Equal(19, finding.Location.Start.Line);
                    }
                }
                finally
                {
                    Directory.Delete(top, recursive: true);
                }
            }
        }
    }

    private static void Write(string path, string text)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    private static IReadOnlyList<Finding> Run(string check, SourceText[] texts)
    {
        var runner = new CheckRunner([BundledChecks.Find(check)!], s_options);
        return runner.Complete([.. texts.Select(runner.AnalyzeText)]).Findings;
    }

    // A fixture placed at a path of the tree, its header included by the path given.
    private static SourceText Fixture(string name, string path, string placeholder, string header) =>
        new(path, Encoding.UTF8.GetBytes(File.ReadAllText(Path.Combine(s_folder, name)).Replace(placeholder, header, StringComparison.Ordinal)));

    // "../" once per folder of the path: from a file there to the top of the tree.
    private static string Up(string folder) => string.Concat(Enumerable.Repeat("../", folder.Split('/').Length));
}
