using System.Text;
using Sevenspot.C;
using Sevenspot.Checks.Flow;
using Sevenspot.Text;

namespace Sevenspot.Checks.Tests.Flow;

/// <summary>Which variables a function declares with a scope-based cleanup (__free).</summary>
public sealed class ScopeFreedTests
{
    private static HashSet<string> Variables(string code)
    {
        var tree = Parser.Parse(new SourceText("t.c", Encoding.UTF8.GetBytes(code)));
        Assert.False(tree.Root.ContainsErrors);
        foreach (var node in tree.Root.DescendantNodesAndSelf())
        {
            if (node.Kind == SyntaxKind.FunctionDefinition)
            {
                return ScopeFreed.Variables(node);
            }
        }

        throw new InvalidOperationException("no function");
    }

    [Fact]
    public void DeclaratorsWithFreeAttributeOnly()
    {
        var names = Variables("""
            int f(unsigned int fd)
            {
            	struct file *file __free(fput) = fget(fd);
            	char *a __free(kfree) = NULL, *b __free(kfree) = NULL;
            	struct device *plain = get_device(NULL);
            	return 0;
            }
            """);
        Assert.Equal(["a", "b", "file"], names.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void NoFreeAttributeNoVariables()
    {
        Assert.Empty(Variables("int f(void) { struct file *f = fget(0); fput(f); return 0; }"));
    }
}
