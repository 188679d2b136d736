using Sevenspot.Checks.Flow;
using Sevenspot.Text;

namespace Sevenspot.Checks.Tests;

/// <summary>
/// Checks over trees of several files: two programs side by side (Fixtures/trees), under any
/// file and folder names, in any order.
/// </summary>
public sealed class TreeFixtureTests
{
    private static readonly CheckOptions s_options = new() { FlowGraphs = ControlFlowViewProvider.Instance };

    public static TheoryData<string, string> FolderNames => new()
    {
        { "drivers/alpha", "drivers/beta" },
        { "drivers/beta", "drivers/alpha" },
        { "x", "y/z" },
    };

    [Theory]
    [MemberData(nameof(FolderNames))]
    public void TwoDriversNamingTheirBitAlikeAreTwoPrograms(string serialisedFolder, string lockFolder)
    {
        string folder = Path.Combine(RepositoryPaths.Fixtures, "trees", "two-drivers");
        string serialised = $"{serialisedFolder}/nic.c";
        string unserialised = $"{lockFolder}/nic.c";
        var texts = new[]
        {
            new SourceText(unserialised, File.ReadAllBytes(Path.Combine(folder, "beta.c"))),
            new SourceText(serialised, File.ReadAllBytes(Path.Combine(folder, "alpha.c"))),
        };
        foreach (var order in new[] { texts, texts.Reverse().ToArray() })
        {
            var runner = new CheckRunner([BundledChecks.Find("bitlock-release")!], s_options);
            var report = runner.Complete([.. order.Select(runner.AnalyzeText)]);
            Assert.Equal(2, report.Findings.Count);
            Assert.All(report.Findings, f => Assert.Equal(unserialised, f.Location.Path));
        }
    }

    public static TheoryData<string, string, string, string, string> HintFolders => new()
    {
        { "drivers/alpha", "drivers/beta", "drivers/gamma", "link.c", "irq.c" },
        { "drivers/gamma", "drivers/alpha", "drivers/beta", "a_irq.c", "z_link.c" },
        { "x", "y/z", "y", "main.c", "lib.c" },
    };

    [Theory]
    [MemberData(nameof(HintFolders))]
    public void AHintStoredWithoutTheBitCountsOnlyInItsOwnProgram(string joinedFolder, string apartFolder, string otherFolder, string linkName, string irqName)
    {
        string folder = Path.Combine(RepositoryPaths.Fixtures, "trees", "hint-programs");
        byte[] link = File.ReadAllBytes(Path.Combine(folder, "link.c"));
        byte[] irq = File.ReadAllBytes(Path.Combine(folder, "irq.c"));
        var texts = new[]
        {
            new SourceText($"{otherFolder}/{irqName}", irq),
            new SourceText($"{joinedFolder}/{linkName}", link),
            new SourceText($"{apartFolder}/{linkName}", link),
            new SourceText($"{joinedFolder}/{irqName}", irq),
        };
        foreach (var order in new[] { texts, texts.Reverse().ToArray() })
        {
            var runner = new CheckRunner([BundledChecks.Find("bitlock-release")!], s_options);
            var finding = Assert.Single(runner.Complete([.. order.Select(runner.AnalyzeText)]).Findings);
            Assert.Equal($"{apartFolder}/{linkName}", finding.Location.Path);
            Assert.Equal(27, finding.Location.Start.Line);
        }
    }

    [Theory]
    [MemberData(nameof(ProgramNames))]
    public void ABitLockIsPooledOverAProgramJoinedOnlyByItsHeader(string joinedFolder, string apartFolder, string pushName, string doneName)
    {
        string folder = Path.Combine(RepositoryPaths.Fixtures, "trees", "header-joined");
        SourceText Placed(string fixture, string path, string header) =>
            new(path, System.Text.Encoding.UTF8.GetBytes(File.ReadAllText(Path.Combine(folder, fixture)).Replace("@RING_H@", header, StringComparison.Ordinal)));
        var texts = new[]
        {
            Placed("done.c", $"{apartFolder}/irq/{doneName}", "ring.h"),
            Placed("push.c", $"{joinedFolder}/core/{pushName}", "../include/ring.h"),
            Placed("done.c", $"{joinedFolder}/irq/{doneName}", "../include/ring.h"),
            Placed("push.c", $"{apartFolder}/core/{pushName}", "../include/ring.h"),
        };
        foreach (var order in new[] { texts, texts.Reverse().ToArray() })
        {
            var runner = new CheckRunner([BundledChecks.Find("bitlock-release")!], s_options);
            var finding = Assert.Single(runner.Complete([.. order.Select(runner.AnalyzeText)]).Findings);
            Assert.Equal($"{joinedFolder}/irq/{doneName}", finding.Location.Path);
            Assert.Equal(9, finding.Location.Start.Line);
        }
    }

    public static TheoryData<string, string, string, string> IncludesThatLinkNothing => new()
    {
        // Two architectures' boot code compiling one library source each.
        { "arch/one/boot/push.c", "../../../lib/ring.c", "arch/two/boot/done.c", "../../../lib/ring.c" },
        { "drivers/ring/push.c", "ring_impl.c", "drivers/ring/done.c", "ring_impl.c" },
        // A user-space test borrowing the kernel driver's header.
        { "drivers/ring/core/push.c", "../include/ring.h", "tools/testing/ring/done.c", "../../../drivers/ring/include/ring.h" },
        { "tools/ring/push.c", "../../drivers/ring/include/ring.h", "drivers/ring/irq/done.c", "../include/ring.h" },
    };

    [Theory]
    [MemberData(nameof(IncludesThatLinkNothing))]
    public void AnIncludedSourceOrAKernelHeaderInAUserSpaceProgramJoinsNoPrograms(string pushPath, string pushInclude, string donePath, string doneInclude)
    {
        string folder = Path.Combine(RepositoryPaths.Fixtures, "trees", "header-joined");
        SourceText Placed(string fixture, string path, string header) =>
            new(path, System.Text.Encoding.UTF8.GetBytes(File.ReadAllText(Path.Combine(folder, fixture)).Replace("@RING_H@", header, StringComparison.Ordinal)));
        var texts = new[] { Placed("push.c", pushPath, pushInclude), Placed("done.c", donePath, doneInclude) };
        foreach (var order in new[] { texts, texts.Reverse().ToArray() })
        {
            var runner = new CheckRunner([BundledChecks.Find("bitlock-release")!], s_options);
            Assert.Empty(runner.Complete([.. order.Select(runner.AnalyzeText)]).Findings);
        }

        // The same two files joined by a header of their own are one program, where the bit is a lock.
        var joined = new[] { Placed("push.c", "drivers/ring/core/push.c", "../include/ring.h"), Placed("done.c", "drivers/ring/irq/done.c", "../include/ring.h") };
        var joinedRunner = new CheckRunner([BundledChecks.Find("bitlock-release")!], s_options);
        Assert.Single(joinedRunner.Complete([.. joined.Select(joinedRunner.AnalyzeText)]).Findings);
    }

    public static TheoryData<string, string, string, string> ProgramNames => new()
    {
        { "drivers/alpha", "drivers/beta", "main.c", "lib.c" },
        { "drivers/beta", "drivers/alpha", "main.c", "lib.c" },
        { "x", "y/z", "z_main.c", "a_lib.c" },
        { "arch/one/kernel", "arch/two/kernel", "core.c", "table.c" },
    };

    [Theory]
    [MemberData(nameof(ProgramNames))]
    public void TwoProgramsDefiningTheSameFunctionsAndStructTagsAreCheckedApart(string buggyFolder, string fixedFolder, string mainName, string libName)
    {
        string folder = Path.Combine(RepositoryPaths.Fixtures, "trees", "two-programs");
        byte[] main = File.ReadAllBytes(Path.Combine(folder, "main.c"));
        var texts = new[]
        {
            new SourceText($"{fixedFolder}/{mainName}", main),
            new SourceText($"{buggyFolder}/{libName}", File.ReadAllBytes(Path.Combine(folder, "lib-buggy.c"))),
            new SourceText($"{fixedFolder}/{libName}", File.ReadAllBytes(Path.Combine(folder, "lib-fixed.c"))),
            new SourceText($"{buggyFolder}/{mainName}", main),
        };
        foreach (var order in new[] { texts, texts.Reverse().ToArray() })
        {
            // The buggy program's defect is a cycle: only the opt-in lock-order-cycles reports
            // it, and the default lock-order (same-class nesting only) says nothing.
            var runner = new CheckRunner([BundledChecks.Find("lock-order-cycles")!], s_options);
            var report = runner.Complete([.. order.Select(runner.AnalyzeText)]);
            var finding = Assert.Single(report.Findings);
            var sameClass = new CheckRunner([BundledChecks.Find("lock-order")!], s_options);
            Assert.Empty(sameClass.Complete([.. order.Select(sameClass.AnalyzeText)]).Findings);
            Assert.StartsWith(buggyFolder + "/", finding.Location.Path, StringComparison.Ordinal);
            Assert.Contains($"state_lock ({buggyFolder}/{mainName})", finding.Message, StringComparison.Ordinal);
            Assert.Contains($"table_lock ({buggyFolder}/{libName})", finding.Message, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(ProgramNames))]
    public void ListLifetimesFollowTheCreateAndReleaseOfTheirOwnProgram(string buggyFolder, string fixedFolder, string mainName, string libName)
    {
        string folder = Path.Combine(RepositoryPaths.Fixtures, "trees", "list-lifetimes");
        byte[] main = File.ReadAllBytes(Path.Combine(folder, "main.c"));
        var texts = new[]
        {
            new SourceText($"{fixedFolder}/{mainName}", main),
            new SourceText($"{buggyFolder}/{libName}", File.ReadAllBytes(Path.Combine(folder, "lib-buggy.c"))),
            new SourceText($"{fixedFolder}/{libName}", File.ReadAllBytes(Path.Combine(folder, "lib-fixed.c"))),
            new SourceText($"{buggyFolder}/{mainName}", main),
        };
        foreach (var order in new[] { texts, texts.Reverse().ToArray() })
        {
            var runner = new CheckRunner([BundledChecks.Find("freed-while-linked")!], s_options);
            var report = runner.Complete([.. order.Select(runner.AnalyzeText)]);
            Assert.Equal([23, 39], report.Findings.Select(f => f.Location.Start.Line));
            Assert.All(report.Findings, f => Assert.Equal($"{buggyFolder}/{mainName}", f.Location.Path));
            Assert.Contains("conn_release(), which frees it", report.Findings[0].Message, StringComparison.Ordinal);
            Assert.Contains("conn_create() at line 34 returned it linked", report.Findings[1].Message, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(ProgramNames))]
    public void AnotherRemoverOfTheListCountsInItsOwnProgramUnderTheSameLockClass(string sameLockFolder, string otherLockFolder, string shrinkName, string lookupName)
    {
        string folder = Path.Combine(RepositoryPaths.Fixtures, "trees", "list-removers");
        byte[] shrink = File.ReadAllBytes(Path.Combine(folder, "shrink.c"));
        var texts = new[]
        {
            new SourceText($"{otherLockFolder}/{shrinkName}", shrink),
            new SourceText($"{sameLockFolder}/{lookupName}", File.ReadAllBytes(Path.Combine(folder, "lookup-same-lock.c"))),
            new SourceText($"{otherLockFolder}/{lookupName}", File.ReadAllBytes(Path.Combine(folder, "lookup-other-lock.c"))),
            new SourceText($"{sameLockFolder}/{shrinkName}", shrink),
        };
        foreach (var order in new[] { texts, texts.Reverse().ToArray() })
        {
            var runner = new CheckRunner([BundledChecks.Find("double-list-removal")!], s_options);
            var report = runner.Complete([.. order.Select(runner.AnalyzeText)]);
            var finding = Assert.Single(report.Findings);
            Assert.Equal($"{sameLockFolder}/{shrinkName}", finding.Location.Path);
            Assert.Equal(19, finding.Location.Start.Line);
            Assert.Contains("cache_get() has removed it", finding.Message, StringComparison.Ordinal);
            Assert.Contains($"holding struct cache.lock, {sameLockFolder}/{lookupName}:11", finding.Message, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(ProgramNames))]
    public void TwoProgramsDefiningTheSameHelperResolveEachCallToTheirOwn(string sleepingFolder, string atomicFolder, string mainName, string helperName)
    {
        string folder = Path.Combine(RepositoryPaths.Fixtures, "trees", "two-helpers");
        byte[] main = File.ReadAllBytes(Path.Combine(folder, "main.c"));
        var texts = new[]
        {
            new SourceText($"{atomicFolder}/{mainName}", main),
            new SourceText($"{sleepingFolder}/{helperName}", File.ReadAllBytes(Path.Combine(folder, "helper-sleeps.c"))),
            new SourceText($"{atomicFolder}/{helperName}", File.ReadAllBytes(Path.Combine(folder, "helper-atomic.c"))),
            new SourceText($"{sleepingFolder}/{mainName}", main),
        };
        foreach (var order in new[] { texts, texts.Reverse().ToArray() })
        {
            var runner = new CheckRunner([BundledChecks.Find("sleep-in-atomic")!], s_options);
            var report = runner.Complete([.. order.Select(runner.AnalyzeText)]);
            var finding = Assert.Single(report.Findings);
            Assert.Equal($"{sleepingFolder}/{mainName}", finding.Location.Path);
            Assert.Equal(15, finding.Location.Start.Line);
        }
    }

    [Theory]
    [InlineData("drivers/vf", "main.c", "sriov.c")]
    [InlineData("x/y", "zz_main.c", "a_sriov.c")]
    public void ACallbackRegisteredInAnotherFileOfTheDriverIsSerialised(string folder, string mainName, string sriovName)
    {
        string fixtures = Path.Combine(RepositoryPaths.Fixtures, "trees", "callback-elsewhere");
        byte[] sriov = File.ReadAllBytes(Path.Combine(fixtures, "sriov.c"));
        foreach (var (main, expected) in new[] { ("main.c", 0), ("main-unregistered.c", 1) })
        {
            var texts = new[]
            {
                new SourceText($"{folder}/{mainName}", File.ReadAllBytes(Path.Combine(fixtures, main))),
                new SourceText($"{folder}/{sriovName}", sriov),
            };
            foreach (var order in new[] { texts, texts.Reverse().ToArray() })
            {
                var runner = new CheckRunner([BundledChecks.Find("bitlock-release")!], s_options);
                var report = runner.Complete([.. order.Select(runner.AnalyzeText)]);
                Assert.Equal(expected, report.Findings.Count);
                Assert.All(report.Findings, f => Assert.Equal($"{folder}/{sriovName}", f.Location.Path));
            }
        }
    }

    [Theory]
    [InlineData("drivers/net/radio", "frames.c", "serial.c", "parallel.c")]
    [InlineData("x/y", "z_frames.c", "a_serial.c", "m_parallel.c")]
    public void ABitTakenOnlyInOneHandlerPerDriverIsNoLockBetweenCpus(string folder, string framesName, string serialName, string parallelName)
    {
        string fixtures = Path.Combine(RepositoryPaths.Fixtures, "trees", "irq-helper");
        foreach (var (serial, parallel, expected) in new[] { ("serial.c", "parallel.c", 0), ("serial-two-lines.c", "parallel.c", 1), ("serial-reset.c", "parallel-reset.c", 0) })
        {
            var texts = new[]
            {
                new SourceText($"{folder}/{serialName}", File.ReadAllBytes(Path.Combine(fixtures, serial))),
                new SourceText($"{folder}/{framesName}", File.ReadAllBytes(Path.Combine(fixtures, "frames.c"))),
                new SourceText($"{folder}/{parallelName}", File.ReadAllBytes(Path.Combine(fixtures, parallel))),
                new SourceText("arch/io/portio.c", File.ReadAllBytes(Path.Combine(fixtures, "portio.c"))),
            };
            foreach (var order in new[] { texts, texts.Reverse().ToArray() })
            {
                var runner = new CheckRunner([BundledChecks.Find("bitlock-release")!], s_options);
                var report = runner.Complete([.. order.Select(runner.AnalyzeText)]);
                Assert.Equal(expected, report.Findings.Count);
                Assert.All(report.Findings, f => Assert.Equal($"{folder}/{framesName}", f.Location.Path));
            }
        }
    }

    [Theory]
    [InlineData("drivers/net/radio", "frames.c", "duo-main.c", "duo-rx.c", "duo-tx.c")]
    [InlineData("x/y", "z_frames.c", "c.c", "b.c", "a.c")]
    [InlineData("q", "a.c", "z.c", "m.c", "b.c")]
    public void TheHandlersOfOneDriverInSeveralFilesAreOneProgram(string folder, string framesName, string mainName, string rxName, string txName)
    {
        string fixtures = Path.Combine(RepositoryPaths.Fixtures, "trees", "irq-helper");
        var texts = new[]
        {
            new SourceText($"{folder}/{framesName}", File.ReadAllBytes(Path.Combine(fixtures, "frames.c"))),
            new SourceText($"{folder}/{mainName}", File.ReadAllBytes(Path.Combine(fixtures, "duo-main.c"))),
            new SourceText($"{folder}/{rxName}", File.ReadAllBytes(Path.Combine(fixtures, "duo-rx.c"))),
            new SourceText($"{folder}/{txName}", File.ReadAllBytes(Path.Combine(fixtures, "duo-tx.c"))),
        };
        foreach (var order in new[] { texts, texts.Reverse().ToArray(), [texts[2], texts[0], texts[3], texts[1]] })
        {
            var runner = new CheckRunner([BundledChecks.Find("bitlock-release")!], s_options);
            var report = runner.Complete([.. order.Select(runner.AnalyzeText)]);
            var finding = Assert.Single(report.Findings);
            Assert.Equal($"{folder}/{framesName}", finding.Location.Path);
        }
    }

    [Fact]
    public void GuardClassesDefinedInIncludedHeadersTakeTheirLocks()
    {
        string folder = Path.GetFullPath(Path.Combine(RepositoryPaths.Fixtures, "trees", "guard-header", "drivers", "widget"));
        foreach (var (name, expected) in new[] { ("widget.c", new[] { 10, 17, 25, 33, 41 }), ("widget-ok.c", Array.Empty<int>()) })
        {
            string path = Path.Combine(folder, name);
            var runner = new CheckRunner([BundledChecks.Find("sleep-in-atomic")!], s_options);
            var report = runner.Complete([runner.AnalyzeText(new SourceText(path, File.ReadAllBytes(path)))]);
            Assert.Equal(expected, report.Findings.Select(f => f.Location.Start.Line).Order().ToArray());
        }
    }

    [Fact]
    public void InlineFunctionsOfAQuotedHeaderSleepForTheFilesThatIncludeIt()
    {
        string folder = Path.GetFullPath(Path.Combine(RepositoryPaths.Fixtures, "trees", "sleep-header-inline"));
        var texts = new List<SourceText>();
        foreach (string name in new[] { "hw.c", "hw-ok.c" })
        {
            string path = Path.Combine(folder, name);
            texts.Add(new SourceText(path, File.ReadAllBytes(path)));
        }

        var runner = new CheckRunner([BundledChecks.Find("sleep-in-atomic")!], s_options);
        var report = runner.Complete(texts.Select(runner.AnalyzeText).ToList());
        var finding = Assert.Single(report.Findings);
        Assert.Equal(("hw.c", 9), (Path.GetFileName(finding.Location.Path), finding.Location.Start.Line));
        Assert.Contains("hw_wait_ready() may sleep: hw_wait_ready -> wait_for_completion()", finding.Message, StringComparison.Ordinal);
    }

    public static TheoryData<string, string> HandoverFolders => new()
    {
        { "drivers/alpha", "drivers/beta" },
        { "drivers/beta", "drivers/alpha" },
        { "x", "y/z" },
    };

    [Theory]
    [MemberData(nameof(HandoverFolders))]
    public void AReferenceHandedToAFunctionOfAnotherFileThatStoresItIsNotLeaked(string storingFolder, string readingFolder)
    {
        string folder = Path.Combine(RepositoryPaths.Fixtures, "trees", "refcount-handover");
        byte[] probe = File.ReadAllBytes(Path.Combine(folder, "probe.c"));
        var texts = new[]
        {
            new SourceText($"{storingFolder}/probe.c", probe),
            new SourceText($"{storingFolder}/keep.c", File.ReadAllBytes(Path.Combine(folder, "keep-stores.c"))),
            new SourceText($"{readingFolder}/probe.c", probe),
            new SourceText($"{readingFolder}/keep.c", File.ReadAllBytes(Path.Combine(folder, "keep-reads.c"))),
        };
        foreach (var order in new[] { texts, texts.Reverse().ToArray() })
        {
            var runner = new CheckRunner([BundledChecks.Find("refcount-balance")!], s_options);
            var report = runner.Complete([.. order.Select(runner.AnalyzeText)]);
            var finding = Assert.Single(report.Findings);
            Assert.Equal(($"{readingFolder}/probe.c", 21), (finding.Location.Path, finding.Location.Start.Line));
        }

        // A callee that takes its own reference and drops it takes nothing over.
        var balanced = new CheckRunner([BundledChecks.Find("refcount-balance")!], s_options);
        var alone = balanced.Complete(
        [
            balanced.AnalyzeText(new SourceText($"{storingFolder}/probe.c", probe)),
            balanced.AnalyzeText(new SourceText($"{storingFolder}/keep.c", File.ReadAllBytes(Path.Combine(folder, "keep-balanced.c")))),
        ]);
        Assert.Equal(21, Assert.Single(alone.Findings).Location.Start.Line);
    }

    [Fact]
    public void AReferenceStoredByAnInlineOfTheCalleesHeaderIsNotLeaked()
    {
        string folder = Path.GetFullPath(Path.Combine(RepositoryPaths.Fixtures, "trees", "refcount-header-inline"));
        var texts = new List<SourceText>();
        foreach (string program in new[] { "stores", "reads" })
        {
            foreach (string name in new[] { "update.c", "table.c" })
            {
                string path = Path.Combine(folder, program, name);
                texts.Add(new SourceText(path, File.ReadAllBytes(path)));
            }
        }

        foreach (var order in new[] { texts.ToArray(), Enumerable.Reverse(texts).ToArray() })
        {
            var runner = new CheckRunner([BundledChecks.Find("refcount-balance")!], s_options);
            var report = runner.Complete([.. order.Select(runner.AnalyzeText)]);
            var finding = Assert.Single(report.Findings);
            Assert.Equal((Path.Combine(folder, "reads", "update.c"), 22), (finding.Location.Path, finding.Location.Start.Line));
        }
    }
    [Fact]
    public void SectionsThatRunOnlyAtBootByTheirCallersAreNotReported()
    {
        string folder = Path.GetFullPath(Path.Combine(RepositoryPaths.Fixtures, "trees", "boot-once"));
        var texts = new List<SourceText>();
        foreach (string program in new[] { "booted", "late" })
        {
            foreach (string name in new[] { "init/main.c", "arch/pa/kernel/irq.c", "arch/pa/kernel/smp.c" })
            {
                string path = Path.Combine(folder, program, name);
                texts.Add(new SourceText(path, File.ReadAllBytes(path)));
            }
        }

        string late = Path.Combine(folder, "late", "arch/pa/kernel/irq.c");
        foreach (var order in new[] { texts.ToArray(), Enumerable.Reverse(texts).ToArray() })
        {
            var runner = new CheckRunner([BundledChecks.Find("sleep-in-atomic")!], s_options);
            var report = runner.Complete([.. order.Select(runner.AnalyzeText)]);
            Assert.Equal([(late, 30), (late, 40)], report.Findings.Select(f => (f.Location.Path, f.Location.Start.Line)).Order().ToArray());
        }
    }
}
