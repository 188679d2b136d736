using Sevenspot.Smpl;

namespace Sevenspot.Scripting.Tests;

/// <summary>Script hosts disposed while a worker may still hold them (a file given up on at the deadline).</summary>
public sealed class DisposedHostsTests
{
    private static (SmplFile Patch, ScriptRule Rule) Patch()
    {
        var patch = SmplParser.Parse("@initialize:python@\n@@\nx = 1\n\n@script:python s@\n@@\nprint(x)\n").File!;
        return (patch, patch.Rules.OfType<ScriptRule>().Single(r => r.ScriptKind == ScriptKind.Script));
    }

    [Fact]
    public void A_file_opened_on_disposed_hosts_fails_and_starts_no_interpreter()
    {
        var (patch, rule) = Patch();
        var hosts = ScriptHosts.Start(patch, new ScriptOptions(), out string? error);
        Assert.True(hosts is not null, error);
        using (var open = hosts.OpenFile("a.c"))
        {
            Assert.Null(open.RunRule(rule, []).Error);
        }

        hosts.Dispose();
        using var late = hosts.OpenFile("b.c");
        Assert.Equal(ScriptHost.Stopped, late.RunRule(rule, []).Error);
    }

    [Fact]
    public void A_file_opened_after_the_deferred_hosts_were_disposed_gets_their_error()
    {
        var (patch, rule) = Patch();
        var deferred = new DeferredScriptHosts(patch, new ScriptOptions());
        Assert.NotNull(deferred.Start(out _));
        deferred.Dispose();
        using var late = deferred.OpenFile("b.c");
        Assert.Equal(ScriptHost.Stopped, late.RunRule(rule, []).Error);
        Assert.Null(deferred.Started);
    }
}
