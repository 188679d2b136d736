using System.Text;

namespace Sevenspot.Text.Tests.Diff;

/// <summary>
/// Named diff cases with the output GNU <c>diff -u -p --label old.c --label new.c</c> gives for
/// them. <see cref="UnifiedDiffTests"/> checks our output against <see cref="Scenario.Expected"/>,
/// and <see cref="GnuDiffConformanceTests"/> checks the expectations against GNU diff itself.
/// </summary>
internal static class DiffScenarios
{
    public sealed record Scenario(string Name, byte[] Old, byte[] New, string Expected, UnifiedDiffOptions Options, bool ExpectedIsLatin1 = false)
    {
        /// <summary>The expectation as bytes: UTF-8, or one byte per character for output that is not UTF-8.</summary>
        public byte[] ExpectedBytes => ExpectedIsLatin1 ? Encoding.Latin1.GetBytes(Expected) : Encoding.UTF8.GetBytes(Expected);
    }

    private static readonly string s_function =
        "int f(int x)\n" +
        "{\n" +
        "\tint a = 1;\n" +
        "\tint b = 2;\n" +
        "\tint c = 3;\n" +
        "\tint d = 4;\n" +
        "\treturn a + b + c + d + x;\n" +
        "}\n";

    private static readonly Dictionary<string, Scenario> s_all = Build().ToDictionary(s => s.Name);

    public static TheoryData<string> Names => new(s_all.Keys);

    public static Scenario Get(string name) => s_all[name];

    private static IEnumerable<Scenario> Build()
    {
        yield return Make("add_at_start", s_function, "/* f */\n" + s_function,
            "--- old.c\n" +
            "+++ new.c\n" +
            "@@ -1,3 +1,4 @@\n" +
            "+/* f */\n" +
            " int f(int x)\n" +
            " {\n" +
            " \tint a = 1;\n");
        yield return Make("add_in_middle", s_function, s_function.Replace("\tint c = 3;\n", "\tint c = 3;\n\tint e = 5;\n", StringComparison.Ordinal),
            "--- old.c\n" +
            "+++ new.c\n" +
            "@@ -3,6 +3,7 @@ int f(int x)\n" +
            " \tint a = 1;\n" +
            " \tint b = 2;\n" +
            " \tint c = 3;\n" +
            "+\tint e = 5;\n" +
            " \tint d = 4;\n" +
            " \treturn a + b + c + d + x;\n" +
            " }\n");
        yield return Make("add_at_end", s_function, s_function + "\nint g;\n",
            "--- old.c\n" +
            "+++ new.c\n" +
            "@@ -6,3 +6,5 @@ int f(int x)\n" +
            " \tint d = 4;\n" +
            " \treturn a + b + c + d + x;\n" +
            " }\n" +
            "+\n" +
            "+int g;\n");
        yield return Make("remove_at_start", s_function, s_function["int f(int x)\n".Length..],
            "--- old.c\n" +
            "+++ new.c\n" +
            "@@ -1,4 +1,3 @@\n" +
            "-int f(int x)\n" +
            " {\n" +
            " \tint a = 1;\n" +
            " \tint b = 2;\n");
        yield return Make("remove_in_middle", s_function, s_function.Replace("\tint b = 2;\n", "", StringComparison.Ordinal),
            "--- old.c\n" +
            "+++ new.c\n" +
            "@@ -1,7 +1,6 @@\n" +
            " int f(int x)\n" +
            " {\n" +
            " \tint a = 1;\n" +
            "-\tint b = 2;\n" +
            " \tint c = 3;\n" +
            " \tint d = 4;\n" +
            " \treturn a + b + c + d + x;\n");
        yield return Make("remove_at_end", s_function, s_function[..^"}\n".Length],
            "--- old.c\n" +
            "+++ new.c\n" +
            "@@ -5,4 +5,3 @@ int f(int x)\n" +
            " \tint c = 3;\n" +
            " \tint d = 4;\n" +
            " \treturn a + b + c + d + x;\n" +
            "-}\n");
        yield return Make("replace_at_start", s_function, "long" + s_function["int".Length..],
            "--- old.c\n" +
            "+++ new.c\n" +
            "@@ -1,4 +1,4 @@\n" +
            "-int f(int x)\n" +
            "+long f(int x)\n" +
            " {\n" +
            " \tint a = 1;\n" +
            " \tint b = 2;\n");
        yield return Make("replace_in_middle", s_function, s_function.Replace("int c = 3", "long c = 3", StringComparison.Ordinal),
            "--- old.c\n" +
            "+++ new.c\n" +
            "@@ -2,7 +2,7 @@ int f(int x)\n" +
            " {\n" +
            " \tint a = 1;\n" +
            " \tint b = 2;\n" +
            "-\tint c = 3;\n" +
            "+\tlong c = 3;\n" +
            " \tint d = 4;\n" +
            " \treturn a + b + c + d + x;\n" +
            " }\n");
        yield return Make("replace_at_end", s_function, s_function[..^"}\n".Length] + "} /* f */\n",
            "--- old.c\n" +
            "+++ new.c\n" +
            "@@ -5,4 +5,4 @@ int f(int x)\n" +
            " \tint c = 3;\n" +
            " \tint d = 4;\n" +
            " \treturn a + b + c + d + x;\n" +
            "-}\n" +
            "+} /* f */\n");
        yield return Make("old_lacks_final_newline", s_function[..^1], s_function,
            "--- old.c\n" +
            "+++ new.c\n" +
            "@@ -5,4 +5,4 @@ int f(int x)\n" +
            " \tint c = 3;\n" +
            " \tint d = 4;\n" +
            " \treturn a + b + c + d + x;\n" +
            "-}\n" +
            "\\ No newline at end of file\n" +
            "+}\n");
        yield return Make("new_lacks_final_newline", s_function, s_function[..^1],
            "--- old.c\n" +
            "+++ new.c\n" +
            "@@ -5,4 +5,4 @@ int f(int x)\n" +
            " \tint c = 3;\n" +
            " \tint d = 4;\n" +
            " \treturn a + b + c + d + x;\n" +
            "-}\n" +
            "+}\n" +
            "\\ No newline at end of file\n");
        yield return Make("both_lack_final_newline_last_line_changed", s_function[..^1], s_function[..^1] + " /* f */",
            "--- old.c\n" +
            "+++ new.c\n" +
            "@@ -5,4 +5,4 @@ int f(int x)\n" +
            " \tint c = 3;\n" +
            " \tint d = 4;\n" +
            " \treturn a + b + c + d + x;\n" +
            "-}\n" +
            "\\ No newline at end of file\n" +
            "+} /* f */\n" +
            "\\ No newline at end of file\n");
        yield return Make("both_lack_final_newline_last_line_is_context", s_function[..^1], s_function.Replace("int d = 4", "int d = 5", StringComparison.Ordinal)[..^1],
            "--- old.c\n" +
            "+++ new.c\n" +
            "@@ -3,6 +3,6 @@ int f(int x)\n" +
            " \tint a = 1;\n" +
            " \tint b = 2;\n" +
            " \tint c = 3;\n" +
            "-\tint d = 4;\n" +
            "+\tint d = 5;\n" +
            " \treturn a + b + c + d + x;\n" +
            " }\n" +
            "\\ No newline at end of file\n");
        yield return Make("crlf_line_replaced", Crlf(s_function), Crlf(s_function.Replace("int d = 4", "int d = 0", StringComparison.Ordinal)),
            "--- old.c\n" +
            "+++ new.c\n" +
            "@@ -3,6 +3,6 @@ int f(int x)\n" +
            " \tint a = 1;\r\n" +
            " \tint b = 2;\r\n" +
            " \tint c = 3;\r\n" +
            "-\tint d = 4;\r\n" +
            "+\tint d = 0;\r\n" +
            " \treturn a + b + c + d + x;\r\n" +
            " }\r\n");
        yield return Make("crlf_to_lf", Crlf(s_function), s_function,
            "--- old.c\n" +
            "+++ new.c\n" +
            "@@ -1,8 +1,8 @@\n" +
            "-int f(int x)\r\n" +
            "-{\r\n" +
            "-\tint a = 1;\r\n" +
            "-\tint b = 2;\r\n" +
            "-\tint c = 3;\r\n" +
            "-\tint d = 4;\r\n" +
            "-\treturn a + b + c + d + x;\r\n" +
            "-}\r\n" +
            "+int f(int x)\n" +
            "+{\n" +
            "+\tint a = 1;\n" +
            "+\tint b = 2;\n" +
            "+\tint c = 3;\n" +
            "+\tint d = 4;\n" +
            "+\treturn a + b + c + d + x;\n" +
            "+}\n");
        yield return Make("empty_old", "", s_function,
            "--- old.c\n" +
            "+++ new.c\n" +
            "@@ -0,0 +1,8 @@\n" +
            "+int f(int x)\n" +
            "+{\n" +
            "+\tint a = 1;\n" +
            "+\tint b = 2;\n" +
            "+\tint c = 3;\n" +
            "+\tint d = 4;\n" +
            "+\treturn a + b + c + d + x;\n" +
            "+}\n");
        yield return Make("empty_new", s_function, "",
            "--- old.c\n" +
            "+++ new.c\n" +
            "@@ -1,8 +0,0 @@\n" +
            "-int f(int x)\n" +
            "-{\n" +
            "-\tint a = 1;\n" +
            "-\tint b = 2;\n" +
            "-\tint c = 3;\n" +
            "-\tint d = 4;\n" +
            "-\treturn a + b + c + d + x;\n" +
            "-}\n");
        yield return Make("hunks_six_lines_apart_are_merged", Numbered(20), Numbered(20).Replace("(5)", "(-5)", StringComparison.Ordinal).Replace("(12)", "(-12)", StringComparison.Ordinal),
            "--- old.c\n" +
            "+++ new.c\n" +
            "@@ -2,14 +2,14 @@\n" +
            " \tstep(2);\n" +
            " \tstep(3);\n" +
            " \tstep(4);\n" +
            "-\tstep(5);\n" +
            "+\tstep(-5);\n" +
            " \tstep(6);\n" +
            " \tstep(7);\n" +
            " \tstep(8);\n" +
            " \tstep(9);\n" +
            " \tstep(10);\n" +
            " \tstep(11);\n" +
            "-\tstep(12);\n" +
            "+\tstep(-12);\n" +
            " \tstep(13);\n" +
            " \tstep(14);\n" +
            " \tstep(15);\n");
        yield return Make("hunks_seven_lines_apart_are_separate", Numbered(20), Numbered(20).Replace("(5)", "(-5)", StringComparison.Ordinal).Replace("(13)", "(-13)", StringComparison.Ordinal),
            "--- old.c\n" +
            "+++ new.c\n" +
            "@@ -2,7 +2,7 @@\n" +
            " \tstep(2);\n" +
            " \tstep(3);\n" +
            " \tstep(4);\n" +
            "-\tstep(5);\n" +
            "+\tstep(-5);\n" +
            " \tstep(6);\n" +
            " \tstep(7);\n" +
            " \tstep(8);\n" +
            "@@ -10,7 +10,7 @@\n" +
            " \tstep(10);\n" +
            " \tstep(11);\n" +
            " \tstep(12);\n" +
            "-\tstep(13);\n" +
            "+\tstep(-13);\n" +
            " \tstep(14);\n" +
            " \tstep(15);\n" +
            " \tstep(16);\n");
        yield return Make("function_line_cut_at_40_bytes",
            "static int a_rather_long_function_name(struct device *dev, int flags)\n{\n\tint a;\n\tint b;\n\tint c;\n\tint d;\n\treturn 0;\n}\n",
            "static int a_rather_long_function_name(struct device *dev, int flags)\n{\n\tint a;\n\tint b;\n\tint c;\n\tint e;\n\treturn 0;\n}\n",
            "--- old.c\n" +
            "+++ new.c\n" +
            "@@ -3,6 +3,6 @@ static int a_rather_long_function_name(s\n" +
            " \tint a;\n" +
            " \tint b;\n" +
            " \tint c;\n" +
            "-\tint d;\n" +
            "+\tint e;\n" +
            " \treturn 0;\n" +
            " }\n");
        yield return Make("function_line_blanks_trimmed_after_the_cut",
            "int f" + new string('x', 30) + "(    int a)\n{\n\ta();\n\tb();\n\tc();\n\td();\n}\n",
            "int f" + new string('x', 30) + "(    int a)\n{\n\ta();\n\tb();\n\tc();\n\tD();\n}\n",
            "--- old.c\n" +
            "+++ new.c\n" +
            "@@ -3,5 +3,5 @@ int fxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx(\n" +
            " \ta();\n" +
            " \tb();\n" +
            " \tc();\n" +
            "-\td();\n" +
            "+\tD();\n" +
            " }\n");
        yield return Make("function_line_inside_hunk_context_is_not_used",
            "int g;\n/*\n * f\n */\n" + s_function,
            "int g;\n/*\n * f\n */\n" + s_function.Replace("int a = 1", "int a = 0", StringComparison.Ordinal),
            "--- old.c\n" +
            "+++ new.c\n" +
            "@@ -4,7 +4,7 @@ int g;\n" +
            "  */\n" +
            " int f(int x)\n" +
            " {\n" +
            "-\tint a = 1;\n" +
            "+\tint a = 0;\n" +
            " \tint b = 2;\n" +
            " \tint c = 3;\n" +
            " \tint d = 4;\n");
        yield return Make("function_line_remembered_across_hunks",
            "int f(void)\n{\n" + Numbered(20) + "}\n",
            "int f(void)\n{\n" + Numbered(20).Replace("(3)", "(-3)", StringComparison.Ordinal).Replace("(17)", "(-17)", StringComparison.Ordinal) + "}\n",
            "--- old.c\n" +
            "+++ new.c\n" +
            "@@ -2,7 +2,7 @@ int f(void)\n" +
            " {\n" +
            " \tstep(1);\n" +
            " \tstep(2);\n" +
            "-\tstep(3);\n" +
            "+\tstep(-3);\n" +
            " \tstep(4);\n" +
            " \tstep(5);\n" +
            " \tstep(6);\n" +
            "@@ -16,7 +16,7 @@ int f(void)\n" +
            " \tstep(14);\n" +
            " \tstep(15);\n" +
            " \tstep(16);\n" +
            "-\tstep(17);\n" +
            "+\tstep(-17);\n" +
            " \tstep(18);\n" +
            " \tstep(19);\n" +
            " \tstep(20);\n");
        yield return Make("label_counts_as_function_line",
            "int f(void)\n{\n\ta();\nout:\n\tb();\n\tc();\n\td();\n\te();\n\treturn 0;\n}\n",
            "int f(void)\n{\n\ta();\nout:\n\tb();\n\tc();\n\td();\n\tE();\n\treturn 0;\n}\n",
            "--- old.c\n" +
            "+++ new.c\n" +
            "@@ -5,6 +5,6 @@ out:\n" +
            " \tb();\n" +
            " \tc();\n" +
            " \td();\n" +
            "-\te();\n" +
            "+\tE();\n" +
            " \treturn 0;\n" +
            " }\n");
        yield return Make("non_ascii_letter_starts_function_line",
            "élan(void)\n{\n\ta();\n\tb();\n\tc();\n\td();\n}\n",
            "élan(void)\n{\n\ta();\n\tb();\n\tc();\n\tD();\n}\n",
            "--- old.c\n" +
            "+++ new.c\n" +
            "@@ -3,5 +3,5 @@ \u00E9lan(void)\n" +
            " \ta();\n" +
            " \tb();\n" +
            " \tc();\n" +
            "-\td();\n" +
            "+\tD();\n" +
            " }\n");
        yield return Make("non_ascii_digit_starts_function_line",
            "\u0663x(void)\n{\n\ta();\n\tb();\n\tc();\n\td();\n}\n",
            "\u0663x(void)\n{\n\ta();\n\tb();\n\tc();\n\tD();\n}\n",
            "--- old.c\n" +
            "+++ new.c\n" +
            "@@ -3,5 +3,5 @@ \u0663x(void)\n" +
            " \ta();\n" +
            " \tb();\n" +
            " \tc();\n" +
            "-\td();\n" +
            "+\tD();\n" +
            " }\n");
        yield return Make("inserted_function_goes_after_the_blank_line",
            "void a(void)\n{\n\tx();\n}\n\nvoid c(void)\n{\n\tx();\n}\n",
            "void a(void)\n{\n\tx();\n}\n\nvoid b(void)\n{\n\tx();\n}\n\nvoid c(void)\n{\n\tx();\n}\n",
            "--- old.c\n" +
            "+++ new.c\n" +
            "@@ -3,6 +3,11 @@ void a(void)\n" +
            " \tx();\n" +
            " }\n" +
            " \n" +
            "+void b(void)\n" +
            "+{\n" +
            "+\tx();\n" +
            "+}\n" +
            "+\n" +
            " void c(void)\n" +
            " {\n" +
            " \tx();\n");
        yield return Make("hunk_leaves_one_line", "x = 1;\ny = 2;\n", "x = 1;\n",
            "--- old.c\n" +
            "+++ new.c\n" +
            "@@ -1,2 +1 @@\n" +
            " x = 1;\n" +
            "-y = 2;\n");
        yield return Make("one_line_becomes_two", "int x;\n", "int y;\nint z;\n",
            "--- old.c\n" +
            "+++ new.c\n" +
            "@@ -1 +1,2 @@\n" +
            "-int x;\n" +
            "+int y;\n" +
            "+int z;\n");
        yield return Make("zero_context", s_function, s_function.Replace("int b = 2", "int b = 3", StringComparison.Ordinal),
            "--- old.c\n" +
            "+++ new.c\n" +
            "@@ -4 +4 @@ int f(int x)\n" +
            "-\tint b = 2;\n" +
            "+\tint b = 3;\n", new UnifiedDiffOptions { ContextLines = 0 });
        yield return Make("no_function_lines", "int g;\n" + s_function, "int g;\n" + s_function.Replace("int d = 4", "int d = 0", StringComparison.Ordinal),
            "--- old.c\n" +
            "+++ new.c\n" +
            "@@ -4,6 +4,6 @@\n" +
            " \tint a = 1;\n" +
            " \tint b = 2;\n" +
            " \tint c = 3;\n" +
            "-\tint d = 4;\n" +
            "+\tint d = 0;\n" +
            " \treturn a + b + c + d + x;\n" +
            " }\n", new UnifiedDiffOptions { ShowCFunction = false });
        yield return new Scenario("invalid_utf8_passes_through",
            [.. "int f(void)\n{\n\t/* "u8, 0xC3, 0x28, 0xFF, .. " */\n\treturn 0;\n}\n"u8],
            [.. "int f(void)\n{\n\t/* "u8, 0xC3, 0x28, 0xFF, .. " */\n\treturn 1;\n}\n"u8],
            "--- old.c\n" +
            "+++ new.c\n" +
            "@@ -1,5 +1,5 @@\n" +
            " int f(void)\n" +
            " {\n" +
            " \t/* \u00C3(\u00FF */\n" +
            "-\treturn 0;\n" +
            "+\treturn 1;\n" +
            " }\n", UnifiedDiffOptions.Default, ExpectedIsLatin1: true);
    }

    private static Scenario Make(string name, string oldText, string newText, string expected, UnifiedDiffOptions? options = null) =>
        new(name, Encoding.UTF8.GetBytes(oldText), Encoding.UTF8.GetBytes(newText), expected, options ?? UnifiedDiffOptions.Default);

    private static string Crlf(string text) => text.Replace("\n", "\r\n", StringComparison.Ordinal);

    private static string Numbered(int count) => string.Concat(Enumerable.Range(1, count).Select(i => $"\tstep({i});\n"));
}
