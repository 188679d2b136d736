namespace Sevenspot.Cli.Tests.Spatch;

/// <summary>Small rules and C files the command-line tests share.</summary>
internal static class Samples
{
    public const string RenameRule = """
        @@
        expression E;
        @@
        - foo(E);
        + bar(E);

        """;

    public const string RenameInput = "int f(void)\n{\n\tfoo(1);\n\treturn 0;\n}\n";

    public const string RenameOutput = "int f(void)\n{\n\tbar(1);\n\treturn 0;\n}\n";

    public const string RenameDiffBody = "@@ -1,5 +1,5 @@\n int f(void)\n {\n-\tfoo(1);\n+\tbar(1);\n \treturn 0;\n }\n";

    /// <summary>A context-mode rule: every matched line is shown as removed.</summary>
    public const string StarRule = """
        @@
        expression E;
        @@
        * foo(E);

        """;

    public const string TwoFunctions = "int f(void)\n{\n\tfoo(1);\n\treturn 0;\n}\nint g(void)\n{\n\tfoo(2);\n\tfoo(3);\n\treturn 0;\n}\n";

    /// <summary>Overlapping matches that add different code at one place: spatch's "already tagged token".</summary>
    public const string ConflictRule = """
        @@
        expression E, F;
        @@
        - E + F
        + F - E

        """;

    public const string ConflictInput = "void a(void)\n{\n\tx = a + b + c;\n}\n";

    public const string VirtualRule = """
        virtual patch
        virtual context

        @depends on patch@
        expression E;
        @@
        - foo(E);
        + bar(E);

        """;
}
