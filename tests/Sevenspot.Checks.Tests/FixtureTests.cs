namespace Sevenspot.Checks.Tests;

/// <summary>Each check against its fixtures: positives report at the expected places, negatives stay silent.</summary>
public sealed class FixtureTests
{
    public static TheoryData<string> BitandPrecedence => FixtureHarness.Names("bitand-precedence");

    public static TheoryData<string> Kzalloc => FixtureHarness.Names("kzalloc");

    [Theory]
    [MemberData(nameof(BitandPrecedence))]
    public void BitandPrecedenceFixture(string name) => FixtureHarness.Verify(new BitandPrecedenceCheck(), name);

    [Theory]
    [MemberData(nameof(Kzalloc))]
    public void KzallocFixture(string name) => FixtureHarness.Verify(new KzallocCheck(), name);
}
