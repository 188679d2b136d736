using System.Globalization;
using System.Text;

namespace Sevenspot.C.Flow;

/// <summary>Node texts as spatch prints them with --control-flow-to-file, and the DOT printer.</summary>
internal static class ControlFlowText
{
    public static string Describe(ControlFlowNode node)
    {
        var owner = node.Syntax?.Kind ?? SyntaxKind.None;
        return node.Kind switch
        {
            ControlFlowNodeKind.Top => "[top]",
            ControlFlowNodeKind.FunctionHeader => "function " + (node.Syntax is { } f ? FunctionCensus.NameOf(f) : "?"),
            ControlFlowNodeKind.Entry => "[enter]",
            ControlFlowNodeKind.Exit => "[exit]",
            ControlFlowNodeKind.ErrorExit => "[errorexit]",
            ControlFlowNodeKind.BlockOpen => "{" + node.BraceLevel.ToString(CultureInfo.InvariantCulture),
            ControlFlowNodeKind.BlockClose => "}" + node.BraceLevel.ToString(CultureInfo.InvariantCulture),
            ControlFlowNodeKind.Statement => node.IsImplicit || node.Syntax is not { } s ? "empty;" : DescribeStatement(s),
            ControlFlowNodeKind.IfHeader => "if",
            ControlFlowNodeKind.Then => "[then]",
            ControlFlowNodeKind.Else => "[else]",
            ControlFlowNodeKind.ElseKeyword => "else",
            ControlFlowNodeKind.FallThrough => owner switch
            {
                SyntaxKind.SwitchStatement => "[switchfall]",
                SyntaxKind.DoStatement => "[dowhilefall]",
                _ => "[fallthrough]",
            },
            ControlFlowNodeKind.LoopFallThrough => owner switch
            {
                SyntaxKind.WhileStatement => "[whilefall]",
                SyntaxKind.ForStatement => "[forfall]",
                _ => "[foreachfall]",
            },
            ControlFlowNodeKind.InLoop => owner switch
            {
                SyntaxKind.WhileStatement => "[whiletrue]",
                SyntaxKind.DoStatement => "[dowhiletrue]",
                _ => "[fortrue]",
            },
            ControlFlowNodeKind.EndIf => "[endif]",
            ControlFlowNodeKind.EndLoop => owner switch
            {
                SyntaxKind.WhileStatement => "[endwhile]",
                SyntaxKind.DoStatement => "[enddowhile]",
                SyntaxKind.ForStatement => "[endfor]",
                _ => "[endforeach]",
            },
            ControlFlowNodeKind.EndSwitch => "[endswitch]",
            ControlFlowNodeKind.After => node.AfterKind switch
            {
                AfterKind.Return => "[ret after]",
                AfterKind.Goto => "[goto after]",
                AfterKind.Break => "[break after]",
                AfterKind.Continue => "[cont after]",
                AfterKind.SwitchBreak => "[swbreak after]",
                _ => "[after]",
            },
            ControlFlowNodeKind.WhileHeader => "while",
            ControlFlowNodeKind.DoHeader => "do",
            ControlFlowNodeKind.DoWhileTail => "whiletail",
            ControlFlowNodeKind.ForHeader => "for",
            ControlFlowNodeKind.IteratorHeader => "foreach",
            ControlFlowNodeKind.SwitchHeader => "switch",
            ControlFlowNodeKind.CaseNode => "[casenode] " + node.CaseNumber.ToString(CultureInfo.InvariantCulture),
            ControlFlowNodeKind.Case => "case:",
            ControlFlowNodeKind.Default => "case default:",
            ControlFlowNodeKind.Label => (node.Syntax is { } l ? l.AsLabeledStatement().Label.Text : "?") + ":",
            ControlFlowNodeKind.Goto => "goto " + GotoTarget(node.Syntax) + ":",
            ControlFlowNodeKind.Break => "break; " + FormatLabels(node.JumpTargetLabels),
            ControlFlowNodeKind.Continue => "continue; " + FormatLabels(node.JumpTargetLabels),
            ControlFlowNodeKind.Return => node.Syntax is { } r && r.Kind == SyntaxKind.ReturnStatement && r.AsReturnStatement().Expression is not null ? "return ..." : "return",
            ControlFlowNodeKind.IfdefHeader => "[ifdef]",
            ControlFlowNodeKind.IfdefElse => "[elseif]",
            ControlFlowNodeKind.IfdefEndif => "[endif]",
            _ => node.Kind.ToString(),
        };
    }

    public static string FormatLabels(ReadOnlySpan<int> labels)
    {
        var sb = new StringBuilder("[");
        for (int i = 0; i < labels.Length; i++)
        {
            if (i > 0)
            {
                sb.Append(',');
            }

            sb.Append(labels[i].ToString(CultureInfo.InvariantCulture));
        }

        return sb.Append(']').ToString();
    }

    /// <summary>The graph in Graphviz format, laid out like spatch's --control-flow-to-file files.</summary>
    public static string ToDot(ControlFlowGraph graph, string name)
    {
        var sb = new StringBuilder();
        sb.Append("digraph ").Append(Quote(name)).Append(" {\n");
        sb.Append("size = \"10,10\";\n");
        foreach (var node in graph.Nodes)
        {
            sb.Append(node.Index.ToString(CultureInfo.InvariantCulture)).Append(" [label=\"");
            AppendEscaped(sb, node.Description);
            sb.Append(FormatLabels(node.Labels));
            sb.Append('*', node.BackEdgeCount);
            sb.Append("   [").Append(node.Index.ToString(CultureInfo.InvariantCulture)).Append("]\"];\n");
        }

        foreach (var edge in graph.Edges)
        {
            sb.Append(edge.From.ToString(CultureInfo.InvariantCulture)).Append(" -> ").Append(edge.To.ToString(CultureInfo.InvariantCulture)).Append(";\n");
        }

        return sb.Append("}\n").ToString();
    }

    private static string Quote(string name)
    {
        bool plain = name.Length > 0 && !char.IsAsciiDigit(name[0]);
        foreach (char c in name)
        {
            plain &= char.IsAsciiLetterOrDigit(c) || c == '_';
        }

        if (plain)
        {
            return name;
        }

        var sb = new StringBuilder("\"");
        AppendEscaped(sb, name);
        return sb.Append('"').ToString();
    }

    private static void AppendEscaped(StringBuilder sb, string text)
    {
        foreach (char c in text)
        {
            if (c is '"' or '\\')
            {
                sb.Append('\\');
            }

            sb.Append(c);
        }
    }

    private static string GotoTarget(SyntaxNode? gotoStatement)
    {
        if (gotoStatement is not { Kind: SyntaxKind.GotoStatement } g)
        {
            return "?";
        }

        var target = g.AsGotoStatement().Target;
        return target.Kind == SyntaxKind.IdentifierName ? target.AsIdentifierName().Identifier.Text : "*";
    }

    /// <summary>spatch's short text for a plain statement: "foo(...)", "x = ... ;", "decl:x", "statement", ...</summary>
    private static string DescribeStatement(SyntaxNode statement)
    {
        switch (statement.Kind)
        {
            case SyntaxKind.ExpressionStatement:
                return DescribeExpression(statement.AsExpressionStatement().Expression);
            case SyntaxKind.EmptyStatement:
                return "empty;";
            case SyntaxKind.Declaration:
                return DeclaredName(statement) is { } name ? "decl:" + name : "decl_novar_or_multivar";
            case SyntaxKind.AsmStatement:
                return "asm;";
            case SyntaxKind.MacroStatement:
                {
                    var m = statement.AsMacroStatement();
                    return m.OpenParen is null ? "macro;" : m.Name.Text + "(...)";
                }

            case SyntaxKind.StaticAssertDeclaration:
                return statement.AsStaticAssertDeclaration().Keyword.Text + "(...)";
            case SyntaxKind.MacroDeclaration:
                {
                    // spatch reads most declarer macros as calls (those its macro file knows print as declarations).
                    var m = statement.AsMacroDeclaration();
                    return m.OpenParen is null ? "decl_novar_or_multivar" : m.Name.Text + "(...)";
                }

            case SyntaxKind.ErrorStatement:
                return "[error]";
            default:
                return "statement";
        }
    }

    private static string DescribeExpression(SyntaxNode expression)
    {
        switch (expression.Kind)
        {
            case SyntaxKind.CallExpression:
                {
                    var callee = expression.AsCallExpression().Function;
                    return callee.Kind == SyntaxKind.IdentifierName ? callee.AsIdentifierName().Identifier.Text + "(...)" : "statement";
                }

            case SyntaxKind.AssignmentExpression:
                {
                    var assignment = expression.AsAssignmentExpression();
                    if (assignment.Operator.Kind != SyntaxKind.EqualsToken)
                    {
                        return "statement";
                    }

                    var left = assignment.Left;
                    if (left.Kind == SyntaxKind.IdentifierName)
                    {
                        return left.AsIdentifierName().Identifier.Text + " = ... ;";
                    }

                    if (left.Kind == SyntaxKind.MemberAccess && left.AsMemberAccess() is var access
                        && access.Operator.Kind == SyntaxKind.DotToken && access.Expression.Kind == SyntaxKind.IdentifierName)
                    {
                        return access.Expression.AsIdentifierName().Identifier.Text + "." + access.Name.Text + " = ... ;";
                    }

                    return "statement";
                }

            default:
                return "statement";
        }
    }

    /// <summary>The name a declaration declares when it declares exactly one thing.</summary>
    private static string? DeclaredName(SyntaxNode declaration)
    {
        SyntaxNode? only = null;
        foreach (var child in declaration.AsDeclaration().DeclaratorList.ChildNodes())
        {
            if (child.Kind != SyntaxKind.InitDeclarator || only is not null)
            {
                return null;
            }

            only = child;
        }

        return Declarators.DeclaredName(only);
    }
}
