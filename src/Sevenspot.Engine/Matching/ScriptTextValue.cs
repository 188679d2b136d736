namespace Sevenspot.Engine;

/// <summary>
/// Code a script made (cocci.make_expr, make_stmt, make_type): printed as the script wrote it, and
/// equal to any value with the same tokens, so that a later rule inheriting it matches that code.
/// </summary>
public sealed class ScriptTextValue : MetaValue
{
    private readonly string _key;

    /// <param name="text">The text as written by the script.</param>
    /// <param name="key">Its tokens separated by single spaces (see <see cref="MetaValue.Key"/>).</param>
    public ScriptTextValue(string text, string key)
    {
        Text = text;
        _key = key;
    }

    public override string Text { get; }

    /// <summary>
    /// For an expression, how strongly it holds together (an <see cref="Sevenspot.C.OperatorPrecedence"/>
    /// level): added code puts it in parentheses where its place needs more, as it does code of the file.
    /// </summary>
    public int Precedence { get; init; } = Sevenspot.C.OperatorPrecedence.Primary;

    protected override string ComputeKey() => _key;
}
