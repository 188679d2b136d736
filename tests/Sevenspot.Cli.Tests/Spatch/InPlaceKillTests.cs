using System.Text;

namespace Sevenspot.Cli.Tests.Spatch;

/// <summary>A fact that is reported as skipped on systems without /proc (it watches a child's open files there).</summary>
public sealed class LinuxFactAttribute : FactAttribute
{
    public LinuxFactAttribute()
    {
        if (!OperatingSystem.IsLinux() || !Directory.Exists("/proc/self/fd"))
        {
            Skip = "skipped: needs Linux and /proc";
        }
    }
}

/// <summary>--in-place killed half-way through writing: the file is the old or the new one, and no temporary file is left.</summary>
public sealed class InPlaceKillTests
{
    [LinuxFact]
    public void Killing_the_command_while_it_writes_leaves_old_or_new_content_and_no_temporary_file()
    {
        var old = new StringBuilder(Samples.RenameInput);
        for (int i = 0; i < 4000; i++)
        {
            old.Append("int v").Append(i).Append(" = ").Append(i).Append(";\n");
        }

        string oldText = old.ToString();
        string newText = oldText.Replace("foo(1);", "bar(1);", StringComparison.Ordinal);
        int killedWhileWriting = 0;
        for (int round = 0; round < 3; round++)
        {
            using var h = new SpatchHarness().With("r.cocci", Samples.RenameRule).With("big.c", oldText);
            using var child = h.Start(
                ["--very-quiet", "--no-show-diff", "--sp-file", "r.cocci", "big.c", "--in-place"],
                new Dictionary<string, string> { ["SEVENSPOT_TEST_WRITE_DELAY_MS"] = "15" });

            // Wait until the child has the new content open for writing in big.c's directory.
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
            bool writing = false;
            while (!child.HasExited && DateTime.UtcNow < deadline && !(writing = IsWritingIn(child.Id, h.Directory)))
            {
                Thread.Sleep(5);
            }

            if (writing)
            {
                Thread.Sleep(round * 150);
                killedWhileWriting += child.HasExited ? 0 : 1;
                child.Kill();
            }

            Assert.True(child.WaitForExit(30_000), "the child did not end");
            string content = File.ReadAllText(h.PathOf("big.c"));
            Assert.True(content == oldText || content == newText, "big.c is neither the old nor the new content");
            Assert.Equal(["big.c", "r.cocci"], Directory.GetFiles(h.Directory).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        }

        Assert.True(killedWhileWriting > 0, "the child was never caught writing");
    }

    /// <summary>Whether the process has a file open in <paramref name="directory"/> that is not one of the inputs: the new content being written.</summary>
    private static bool IsWritingIn(int pid, string directory)
    {
        try
        {
            foreach (string fd in Directory.EnumerateFileSystemEntries($"/proc/{pid}/fd"))
            {
                string? target = new FileInfo(fd).LinkTarget;
                if (target is not null && target.StartsWith(directory + "/", StringComparison.Ordinal)
                    && (target.EndsWith("(deleted)", StringComparison.Ordinal) || target.Contains(".sevenspot-", StringComparison.Ordinal)))
                {
                    return true;
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The process ended meanwhile.
        }

        return false;
    }
}
