using Sevenspot.Checks.Primitives;

namespace Sevenspot.Checks.Tests;

/// <summary>The kzalloc check's bundled rule: the shipped file is what the generator makes of the built-in allocator table.</summary>
public sealed class KzallocRuleTests
{
    private static string ShippedPath => Path.Combine(RepositoryPaths.Root, "src", "Sevenspot.Checks", "Rules", "kzalloc.cocci");

    [Fact]
    public void The_shipped_rule_is_generated_from_the_builtin_allocators()
    {
        string generated = KzallocRule.Generate(KzallocRule.Covered(PrimitiveTables.Builtin));
        if (RepositoryPaths.UpdateExpected)
        {
            File.WriteAllText(ShippedPath, generated);
        }

        Assert.Equal(generated, File.ReadAllText(ShippedPath));
        Assert.Equal(generated, KzallocCheck.BundledRuleText());
    }

    [Fact]
    public void Every_allocator_with_a_zeroing_variant_and_a_size_has_its_three_rules()
    {
        string text = KzallocCheck.BundledRuleText();
        foreach (var allocator in KzallocRule.Covered(PrimitiveTables.Builtin))
        {
            Assert.Contains("@" + KzallocRule.AssignmentPrefix + allocator.Name + "@", text, StringComparison.Ordinal);
            Assert.Contains("@" + KzallocRule.MemberPrefix + allocator.Name + "@", text, StringComparison.Ordinal);
            Assert.Contains("@" + KzallocRule.DeclarationPrefix + allocator.Name + "@", text, StringComparison.Ordinal);
            Assert.Contains("+ " + allocator.ZeroingVariant + "\n", text, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("kmem_cache_alloc", text, StringComparison.Ordinal); // no size argument: its memset size cannot be compared
    }
}
