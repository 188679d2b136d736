namespace Sevenspot.Engine.Tests;

/// <summary>
/// Environments key their bindings by the names' ids; what is seen from outside stays in name order,
/// and equality and hashing depend on the bindings only, not on the order they were made in.
/// </summary>
public class EnvTests
{
    // Names of their own, so that their ids are given here in this order: "z" before "m" before "a".
    private static readonly string s_z = "envtest.z." + Guid.NewGuid().ToString("N");
    private static readonly string s_m = "envtest.m." + Guid.NewGuid().ToString("N");
    private static readonly string s_a = "envtest.a." + Guid.NewGuid().ToString("N");

    static EnvTests()
    {
        MetavariableIds.Of(s_z);
        MetavariableIds.Of(s_m);
        MetavariableIds.Of(s_a);
    }

    [Fact]
    public void NamesGetOneIdEach()
    {
        Assert.True(MetavariableIds.Of(s_z) < MetavariableIds.Of(s_a));
        Assert.Equal(MetavariableIds.Of(s_m), MetavariableIds.Of(new string(s_m.AsSpan())));
        Assert.Equal(s_m, MetavariableIds.NameOf(MetavariableIds.Of(s_m)));
        Assert.False(MetavariableIds.TryFind("envtest.unbound." + Guid.NewGuid().ToString("N"), out _));
    }

    [Fact]
    public void EntriesAreInNameOrderWhateverTheIds()
    {
        var env = Env.Empty.Bind(s_z, new NameValue("1")).Bind(s_a, new NameValue("2")).Bind(s_m, new NameValue("3"));
        Assert.Equal([s_a, s_m, s_z], env.Names);
        Assert.Equal([s_a, s_m, s_z], env.EntrySpan.ToArray().Select(e => e.Key));
        Assert.Equal($"{{{s_a} = 2, {s_m} = 3, {s_z} = 1}}", env.ToString());
        var ancestor = Env.Empty.Bind(s_m, new NameValue("3"));
        Assert.Equal([s_a, s_z], ancestor.Bind(s_z, new NameValue("1")).Bind(s_a, new NameValue("2")).AddedTo(ancestor)!.Select(e => e.Key));
    }

    [Fact]
    public void EqualityAndHashIgnoreTheOrderOfBinding()
    {
        var one = Env.Empty.Bind(s_z, new NameValue("1")).Bind(s_a, new NameValue("2"));
        var other = Env.Empty.Bind(s_a, new NameValue("2")).Bind(s_z, new NameValue("1"));
        var flat = Env.FromBindings([new(MetavariableIds.Of(s_a), new NameValue("9")), new(MetavariableIds.Of(s_z), new NameValue("1")), new(MetavariableIds.Of(s_a), new NameValue("2"))], 3);
        Assert.Equal(one, other);
        Assert.Equal(one.GetHashCode(), other.GetHashCode());
        Assert.Equal(one, flat);
        Assert.Equal(one.GetHashCode(), flat.GetHashCode());
        Assert.NotEqual(one, other.Bind(s_a, new NameValue("3")));
        Assert.NotEqual(one, Env.Empty.Bind(s_z, new NameValue("1")).Bind(s_m, new NameValue("2")));
    }

    [Fact]
    public void LookupsByNameAndByIdAgree()
    {
        var env = Env.Empty.Bind(s_z, new NameValue("1")).Bind(s_a, new NameValue("2"));
        Assert.True(env.TryGet(MetavariableIds.Of(s_a), out var byId));
        Assert.True(env.TryGet(s_a, out var byName));
        Assert.Same(byId, byName);
        Assert.False(env.Contains(s_m));
        Assert.False(env.Contains(MetavariableIds.Of(s_m)));
        Assert.Null(env.TryBind(s_a, new NameValue("3")));
        Assert.Same(env, env.TryBind(MetavariableIds.Of(s_a), new NameValue("2")));
        Assert.Null(env.Merge(Env.Empty.Bind(s_z, new NameValue("4"))));
        Assert.Equal(3, env.Merge(Env.Empty.Bind(s_m, new NameValue("4")))!.Count);
    }
}
