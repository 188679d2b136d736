using Sevenspot.C.Semantics;

namespace Sevenspot.C.Tests.Semantics;

public sealed class CTypeTests
{
    private static readonly CType s_structFoo = CType.Struct("foo");

    public static TheoryData<string, CType> Printed() => new()
    {
        { "int", CType.Int },
        { "unsigned long", CType.UnsignedLong },
        { "long long", CType.FromKind(CTypeKind.LongLong) },
        { "signed char", CType.FromKind(CTypeKind.SignedChar) },
        { "size_t", CType.SizeT },
        { "struct foo *", CType.Pointer(s_structFoo) },
        { "union u", CType.Union("u") },
        { "enum color", CType.Enum("color") },
        { "char [10]", CType.Array(CType.Char, "10") },
        { "char []", CType.Array(CType.Char) },
        { "int [2][3]", CType.Array(CType.Array(CType.Int, "3"), "2") },
        { "int *[3]", CType.Array(CType.Pointer(CType.Int), "3") },
        { "int (*)[4]", CType.Pointer(CType.Array(CType.Int, "4")) },
        { "const char *", CType.Pointer(CType.Char.WithQualifiers(CTypeQualifiers.Const)) },
        { "char *const", CType.Pointer(CType.Char, CTypeQualifiers.Const) },
        { "int *const *", CType.Pointer(CType.Pointer(CType.Int, CTypeQualifiers.Const)) },
        { "const volatile int", CType.Int.WithQualifiers(CTypeQualifiers.Const | CTypeQualifiers.Volatile) },
        { "void (void)", CType.Function(CType.Void, []) },
        { "int ()", CType.Function(CType.Int, [], hasPrototype: false) },
        { "int (int, char *)", CType.Function(CType.Int, [CType.Int, CType.Pointer(CType.Char)]) },
        { "int (int n, char *s, ...)", CType.Function(CType.Int, [CType.Int, CType.Pointer(CType.Char)], ["n", "s"], isVariadic: true) },
        { "void (*)(int)", CType.Pointer(CType.Function(CType.Void, [CType.Int])) },
        { "struct foo *(void)", CType.Function(CType.Pointer(s_structFoo), []) },
        { "char *(*)(const char *name)", CType.Pointer(CType.Function(CType.Pointer(CType.Char), [CType.Pointer(CType.Char.WithQualifiers(CTypeQualifiers.Const))], ["name"])) },
        { "void (*)(int (*cb)(void))", CType.Pointer(CType.Function(CType.Void, [CType.Pointer(CType.Function(CType.Int, []))], ["cb"])) },
        { "foo_t *", CType.Pointer(CType.Typedef("foo_t", null)) },
        { "const foo_t", CType.Typedef("foo_t", s_structFoo).WithQualifiers(CTypeQualifiers.Const) },
    };

    [Theory]
    [MemberData(nameof(Printed))]
    public void PrintsAsC(string expected, CType type) => Assert.Equal(expected, type.ToString());

    [Fact]
    public void PrintsDeclarations()
    {
        Assert.Equal("char *name", CType.Pointer(CType.Char).ToDeclarationString("name"));
        Assert.Equal("int (*fp)(void)", CType.Pointer(CType.Function(CType.Int, [])).ToDeclarationString("fp"));
        Assert.Equal("int a[4]", CType.Array(CType.Int, "4").ToDeclarationString("a"));
    }

    [Fact]
    public void EqualityIsStructural()
    {
        Assert.Equal(CType.Pointer(CType.Struct("foo")), CType.Pointer(CType.Struct("foo")));
        Assert.NotEqual(CType.Pointer(CType.Struct("foo")), CType.Pointer(CType.Struct("bar")));
        Assert.NotEqual(CType.Struct("foo"), CType.Union("foo"));
        Assert.NotEqual(CType.Array(CType.Int, "3"), CType.Array(CType.Int, "4"));
        Assert.NotEqual(CType.Pointer(CType.Int), CType.Pointer(CType.Int.WithQualifiers(CTypeQualifiers.Const)));
        Assert.Equal(CType.Int, CType.Int.WithQualifiers(CTypeQualifiers.Const).Unqualified);

        // Parameter names do not count; parameter types and variadicity do.
        var named = CType.Function(CType.Int, [CType.Int], ["n"]);
        var unnamed = CType.Function(CType.Int, [CType.Int]);
        Assert.Equal(named, unnamed);
        Assert.Equal(named.GetHashCode(), unnamed.GetHashCode());
        Assert.NotEqual(unnamed, CType.Function(CType.Int, [CType.Long]));
        Assert.NotEqual(unnamed, CType.Function(CType.Int, [CType.Int], isVariadic: true));
        Assert.True(CType.Pointer(CType.Int) == CType.Pointer(CType.Int));
        Assert.False(CType.Int == null);
    }

    [Fact]
    public void TypedefsCompareByNameAndResolveToTheirTarget()
    {
        var fooT = CType.Typedef("foo_t", s_structFoo);
        var alias = CType.Typedef("alias_t", fooT);
        Assert.NotEqual(CType.Pointer(fooT), CType.Pointer(s_structFoo));
        Assert.Equal(CType.Pointer(fooT), CType.Pointer(CType.Typedef("foo_t", null)));
        Assert.Equal(s_structFoo, alias.Resolve());
        Assert.Equal(CType.Pointer(s_structFoo), CType.Pointer(alias).Canonical());
        Assert.True(CType.Pointer(alias).IsEquivalentTo(CType.Pointer(s_structFoo)));
        Assert.Equal("const struct foo", fooT.WithQualifiers(CTypeQualifiers.Const).Resolve().ToString());

        // An undeclared typedef is its own named type.
        var undeclared = CType.Typedef("blk_t", null);
        Assert.Same(undeclared, undeclared.Resolve());
        Assert.False(undeclared.IsInteger);
        Assert.False(undeclared.IsUnknown);
    }

    [Fact]
    public void PredicatesLookThroughTypedefs()
    {
        var pointerTypedef = CType.Typedef("foo_p", CType.Pointer(s_structFoo));
        Assert.True(pointerTypedef.IsPointer);
        Assert.True(pointerTypedef.IsPointerToStruct("foo"));
        Assert.False(pointerTypedef.IsPointerToStruct("bar"));
        Assert.True(CType.Typedef("u32", CType.UnsignedInt).IsInteger);
        Assert.True(CType.Enum("color").IsInteger);
        Assert.True(CType.SizeT.IsInteger);
        Assert.True(CType.Double.IsArithmetic);
        Assert.False(CType.Array(CType.Char).IsPointer);
        Assert.True(CType.Array(CType.Char).IsArray);
        Assert.True(CType.Pointer(CType.Void).IsScalar);
        Assert.True(CType.Typedef("s_t", s_structFoo).IsStruct("foo"));
        Assert.True(CType.Union("u").IsStruct("u", union: true));
        Assert.True(CType.Function(CType.Int, []).IsFunction);
    }

    [Fact]
    public void FromKindRejectsCompositeKinds()
    {
        Assert.Same(CType.Int, CType.FromKind(CTypeKind.Int));
        Assert.Throws<ArgumentException>(() => CType.FromKind(CTypeKind.Pointer));
    }

    [Fact]
    public void DeepTypesDoNotOverflow()
    {
        var a = CType.Int;
        var b = CType.Int;
        for (int i = 0; i < 100_000; i++)
        {
            a = CType.Pointer(a);
            b = CType.Pointer(b);
        }

        Assert.Equal(a, b);
        _ = a.GetHashCode();
        _ = a.Canonical();
        Assert.EndsWith("*", a.ToString(), StringComparison.Ordinal);
    }
}
