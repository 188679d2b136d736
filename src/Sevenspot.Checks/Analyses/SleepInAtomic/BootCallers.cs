using System.Text;
using Sevenspot.C;
using Sevenspot.Text;

namespace Sevenspot.Checks;

/// <summary>
/// Who calls a few functions anywhere in the tree, for sections that run only in a boot-time
/// call: each call site with its file and calling function and whether that function is boot
/// code (<c>__init</c>), plus whether the name is used otherwise (its address taken, exported,
/// called from a header's inline function), which leaves its callers unknown. One pass over the
/// tree's sources, made only for the names some finding depends on; only files that mention a
/// name are parsed. Also reads which kernel option a file's object is built under (its folder's
/// Makefile or Kbuild: <c>obj-$(CONFIG_X) += name.o</c>).
/// </summary>
public static class BootCallers
{
    /// <summary>A call of the function: the file, and whether the calling function is boot code.</summary>
    public readonly record struct CallSite(string Path, string Caller, bool IsBoot);

    /// <summary>The calls of one name, and whether it has uses that are no direct call from a .c file's function.</summary>
    public sealed class Uses
    {
        public List<CallSite> Calls { get; } = [];

        /// <summary>The files where the name is used otherwise than called or declared (its callers are then unknown there).</summary>
        public List<string> OtherUses { get; } = [];
    }

    /// <summary>The uses of each name under the folder (paths as the files are named from <paramref name="root"/>, joined to it).</summary>
    public static Dictionary<string, Uses> Find(string root, IReadOnlyCollection<string> names)
    {
        var found = new Dictionary<string, Uses>(StringComparer.Ordinal);
        foreach (string name in names)
        {
            found[name] = new Uses();
        }

        if (names.Count == 0 || !Directory.Exists(root))
        {
            return found;
        }

        var needles = new List<byte[]>();
        foreach (string name in names)
        {
            needles.Add(Encoding.ASCII.GetBytes(name));
        }

        var options = new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true, AttributesToSkip = FileAttributes.ReparsePoint };
        foreach (string path in Directory.EnumerateFiles(root, "*", options))
        {
            bool header = path.EndsWith(".h", StringComparison.Ordinal);
            if (!header && !path.EndsWith(".c", StringComparison.Ordinal))
            {
                continue;
            }

            byte[] bytes;
            try
            {
                bytes = File.ReadAllBytes(path);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                continue;
            }

            if (!MentionsAny(bytes, needles))
            {
                continue;
            }

            string relative = root == "." ? Path.GetRelativePath(".", path) : path;
            Classify(new SourceText(relative, bytes), header, found);
        }

        return found;
    }

    /// <summary>
    /// The kernel option the object of a .c file is built under, read from its folder's Makefile
    /// or Kbuild: every line naming <c>file.o</c> adds it to a list suffixed with the same
    /// <c>$(CONFIG_X)</c>. Null when a line names it unconditionally, or under different options,
    /// or when no makefile names it.
    /// </summary>
    public static string? BuiltOnlyWith(string cFile)
    {
        string folder = Path.GetDirectoryName(cFile) is { Length: > 0 } d ? d : ".";
        string objectName = Path.GetFileNameWithoutExtension(cFile) + ".o";
        string? option = null;
        bool named = false;
        foreach (string makefile in new[] { "Makefile", "Kbuild" })
        {
            string path = Path.Combine(folder, makefile);
            if (!File.Exists(path))
            {
                continue;
            }

            foreach (string line in LogicalLines(File.ReadAllText(path)))
            {
                int assign = line.IndexOf('=');
                if (assign <= 0)
                {
                    continue;
                }

                string value = line[(assign + 1)..];
                bool names = false;
                foreach (string word in value.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries))
                {
                    names |= word == objectName;
                }

                if (!names)
                {
                    continue;
                }

                string variable = line[..assign].TrimEnd('+', ':', '?', ' ', '\t').Trim();
                int suffix = variable.IndexOf("-$(CONFIG_", StringComparison.Ordinal);
                if (suffix < 0 || !variable.EndsWith(')'))
                {
                    return null;
                }

                string tested = variable[(suffix + 3)..^1];
                if (option is not null && option != tested)
                {
                    return null;
                }

                option = tested;
                named = true;
            }
        }

        return named ? option : null;
    }

    /// <summary>The makefile's lines with backslash continuations joined and comments dropped.</summary>
    private static IEnumerable<string> LogicalLines(string text)
    {
        var current = new StringBuilder();
        foreach (string raw in text.Split('\n'))
        {
            string line = raw.TrimEnd('\r');
            int comment = line.IndexOf('#');
            if (comment >= 0)
            {
                line = line[..comment];
            }

            if (line.EndsWith('\\'))
            {
                current.Append(line, 0, line.Length - 1).Append(' ');
                continue;
            }

            current.Append(line);
            yield return current.ToString();
            current.Clear();
        }

        if (current.Length > 0)
        {
            yield return current.ToString();
        }
    }

    private static bool MentionsAny(ReadOnlySpan<byte> text, List<byte[]> needles)
    {
        foreach (var needle in needles)
        {
            int at = 0;
            while (at < text.Length)
            {
                int hit = text[at..].IndexOf(needle);
                if (hit < 0)
                {
                    break;
                }

                int start = at + hit;
                int end = start + needle.Length;
                if ((start == 0 || !IsIdentifierByte(text[start - 1])) && (end >= text.Length || !IsIdentifierByte(text[end])))
                {
                    return true;
                }

                at = end;
            }
        }

        return false;
    }

    private static bool IsIdentifierByte(byte b) => char.IsAsciiLetterOrDigit((char)b) || b == (byte)'_';

    /// <summary>
    /// Sorts every token of the file that spells one of the names: a declarator (a prototype or
    /// the definition) says nothing; a direct call from a .c file's function is a call site; any
    /// other token (an address taken, a macro's argument, a call in a header) is another use.
    /// </summary>
    private static void Classify(SourceText text, bool header, Dictionary<string, Uses> found)
    {
        SyntaxTree tree;
        try
        {
            using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            tree = Parser.Parse(text, new ParseOptions { CancellationToken = cancel.Token });
        }
        catch (OperationCanceledException)
        {
            foreach (var uses in found.Values)
            {
                uses.OtherUses.Add(text.Path);
            }

            return;
        }

        // A member of the same name (ops.init_irq(), .init_irq = f) is no use of the function.
        var tokens = new Dictionary<string, int>(StringComparer.Ordinal);
        var previous = SyntaxKind.None;
        foreach (var token in tree.Root.DescendantTokens())
        {
            if (token.Kind == SyntaxKind.IdentifierToken && previous is not (SyntaxKind.DotToken or SyntaxKind.ArrowToken) && found.ContainsKey(token.Text))
            {
                tokens[token.Text] = tokens.GetValueOrDefault(token.Text) + 1;
            }

            previous = token.Kind;
        }

        if (tokens.Count == 0)
        {
            return;
        }

        var classified = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var node in tree.Root.DescendantNodesAndSelf())
        {
            string? name = node.Kind switch
            {
                SyntaxKind.IdentifierDeclarator => node.AsIdentifierDeclarator().Identifier.Text,
                SyntaxKind.IdentifierName => node.AsIdentifierName().Identifier.Text,
                _ => null,
            };
            if (name is null || !found.TryGetValue(name, out var uses))
            {
                continue;
            }

            if (node.Kind == SyntaxKind.IdentifierDeclarator)
            {
                classified[name] = classified.GetValueOrDefault(name) + 1;
                continue;
            }

            if (!header && node.Parent is { Kind: SyntaxKind.CallExpression } call && SyntaxHelpers.StripParentheses(call.AsCallExpression().Function) == node
                && Enclosing(node) is { } function)
            {
                classified[name] = classified.GetValueOrDefault(name) + 1;
                uses.Calls.Add(new CallSite(text.Path, FunctionCensus.NameOf(function), ExemptContexts.IsBootCode(function)));
            }
        }

        foreach (var (name, count) in tokens)
        {
            if (classified.GetValueOrDefault(name) < count)
            {
                found[name].OtherUses.Add(text.Path);
            }
        }
    }

    private static SyntaxNode? Enclosing(SyntaxNode node)
    {
        for (var n = node.Parent; n is { } ancestor; n = ancestor.Parent)
        {
            if (ancestor.Kind == SyntaxKind.FunctionDefinition)
            {
                return ancestor;
            }
        }

        return null;
    }
}
