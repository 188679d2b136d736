namespace Sevenspot.Engine.Tests;

/// <summary>
/// Values that compare and hash from their fields must agree with their keys: equal keys, equal values
/// and hashes; a type text keeps or gains the one spelling the matcher compares.
/// </summary>
public class ValueKeyTests
{
    [Fact]
    public void LabelValuesCompareAndHashAsTheirKeys()
    {
        var a = new LabelValue([0, 12, 3], prefix: false);
        var b = new LabelValue([0, 12, 3], prefix: false);
        var prefix = new LabelValue([0, 12, 3], prefix: true);
        var other = new LabelValue([0, 1, 23], prefix: false);
        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(a, prefix);
        Assert.NotEqual(a, other);
        Assert.Equal("label:0,12,3", a.Key);
        Assert.Equal(HashOfKey(a.Key), a.GetHashCode());
        Assert.Equal(HashOfKey(prefix.Key), prefix.GetHashCode());
        Assert.Equal(HashOfKey(new LabelValue([], prefix: true).Key), new LabelValue([], prefix: true).GetHashCode());
    }

    [Fact]
    public void TermAndParenValuesCompareAndHashAsTheirKeys()
    {
        Assert.Equal(new TermValue(3, 17), new TermValue(3, 17));
        Assert.NotEqual(new TermValue(3, 17), new TermValue(31, 7));
        Assert.Equal(HashOfKey("term:3-17"), new TermValue(3, 17).GetHashCode());
        Assert.Equal(new ParenValue(2), new ParenValue(2));
        Assert.NotEqual(new ParenValue(2), new ParenValue(12));
        Assert.Equal(HashOfKey("paren:12"), new ParenValue(12).GetHashCode());
    }

    [Theory]
    [InlineData("struct foo *", "struct foo *")]
    [InlineData("struct foo*", "struct foo *")]
    [InlineData("char **", "char **")]
    [InlineData("char * *", "char * *")]
    [InlineData("int *x", "int * x")]
    [InlineData(" int  x ", "int x")]
    [InlineData("unsigned\tlong", "unsigned long")]
    [InlineData("*p", "* p")]
    [InlineData("", "")]
    public void NormalizeTypeKeepsOrRewritesTheSpelling(string type, string expected)
    {
        string normalized = Matcher.NormalizeType(type);
        Assert.Equal(expected, normalized);
        Assert.Equal(normalized, Matcher.NormalizeType(normalized));
        if (type == expected)
        {
            Assert.Same(type, normalized);
        }
    }

    // The hash a value's key folds to (MetaValue's default: the key's characters).
    private static int HashOfKey(string key)
    {
        var hash = KeyHash.Start;
        foreach (char c in key)
        {
            hash = KeyHash.Add(hash, c);
        }

        return (int)hash | 1;
    }
}
