using Sevenspot.Checks;

namespace Sevenspot.Checks.Tests;

public sealed class SyntaxHelpersTests
{
    [Theory]
    [InlineData("BIT_LOCK", true)]
    [InlineData("PCI_DEVICE_ID_X", true)]
    [InlineData("_X2", true)]
    [InlineData("X", true)]
    [InlineData("_", false)]
    [InlineData("__", false)]
    [InlineData("__1", false)]
    [InlineData("2X", false)]
    [InlineData("Flag", false)]
    [InlineData("flag", false)]
    [InlineData("", false)]
    public void An_upper_case_name_has_upper_case_letters_digits_and_underscores_with_one_letter_at_least(string name, bool expected)
    {
        Assert.Equal(expected, SyntaxHelpers.IsUpperCaseName(name));
    }
}
