namespace Sevenspot.Text.Tests;

public sealed class TextSpanTests
{
    [Fact]
    public void FromBounds_and_End()
    {
        var span = TextSpan.FromBounds(3, 7);

        Assert.Equal(3, span.Start);
        Assert.Equal(4, span.Length);
        Assert.Equal(7, span.End);
        Assert.False(span.IsEmpty);
        Assert.True(new TextSpan(5, 0).IsEmpty);
    }

    [Fact]
    public void Contains_is_half_open()
    {
        var span = new TextSpan(3, 4);

        Assert.True(span.Contains(3));
        Assert.True(span.Contains(6));
        Assert.False(span.Contains(7));
        Assert.False(span.Contains(2));
        Assert.True(span.Contains(new TextSpan(4, 3)));
        Assert.False(span.Contains(new TextSpan(4, 4)));
    }

    [Theory]
    [InlineData(0, 3, false)]
    [InlineData(0, 4, true)]
    [InlineData(6, 5, true)]
    [InlineData(7, 2, false)]
    [InlineData(4, 0, false)] // an empty span overlaps nothing
    public void OverlapsWith(int start, int length, bool expected)
    {
        var span = new TextSpan(3, 4);

        Assert.Equal(expected, span.OverlapsWith(new TextSpan(start, length)));
    }
}
