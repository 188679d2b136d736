namespace Sevenspot.Text;

/// <summary>The one table of message texts, indexed by <see cref="DiagnosticId"/>; {0}... are arguments.</summary>
public static class DiagnosticMessages
{
    public static string GetFormat(DiagnosticId id) => id switch
    {
        DiagnosticId.UnterminatedComment => "unterminated comment",
        DiagnosticId.UnterminatedString => "missing terminating \" character",
        DiagnosticId.UnterminatedCharacter => "missing terminating ' character",
        DiagnosticId.UnexpectedCharacter => "stray '{0}' in program",
        DiagnosticId.NulCharacter => "null character in input",
        DiagnosticId.BinaryFile => "binary file, not C source",
        DiagnosticId.UnterminatedConditional => "unterminated #{0}",
        DiagnosticId.UnmatchedConditional => "#{0} without #if",
        DiagnosticId.InvalidOctalConstant => "numeric octal constant contains digits beyond the radix: {0}",
        DiagnosticId.ExpectedToken => "expected {0} before {1}",
        DiagnosticId.NestingTooDeep => "nesting too deep",
        DiagnosticId.UnparsableFunction => "cannot parse function {0}: {1}",
        DiagnosticId.UnparsableDeclaration => "cannot parse declaration: {0}",
        DiagnosticId.UnparsableStatement => "cannot parse statement: {0}",
        DiagnosticId.FunctionNotReadBySpatch => "{0} is written without a return type and with arguments that are not all types: spatch does not read it, and rules do not match in it",
        DiagnosticId.FileNotFound => "{0}: no such file or directory",
        DiagnosticId.FileReadError => "cannot read {0}: {1}",
        DiagnosticId.FileTimeout => "timeout on {0} after {1} seconds",
        DiagnosticId.FileWriteError => "cannot write {0}: {1}",
        DiagnosticId.SmplSyntaxError => "parse error: {0}",
        DiagnosticId.SmplUnknownMetavariableType => "unknown metavariable type '{0}'",
        DiagnosticId.SmplUnknownRule => "unknown rule {0}",
        DiagnosticId.SmplBadConstraint => "bad constraint: {0}",
        DiagnosticId.SmplUnterminated => "unterminated {0}",
        DiagnosticId.SmplUnsupported => "not supported: {0}",
        DiagnosticId.SmplTypeNameLooksLikeKind => "'{0}' is read as a C type name (an expression of type {0}); did you mean '{1}'?",
        DiagnosticId.SmplNameShouldBeMetavariable => "should {0} be a metavariable?",
        DiagnosticId.SmplMetavariableNotMatched => "metavariable {0} is declared but does not occur in the rule's context, - or * code, where it would get its value",
        DiagnosticId.SmplInheritedMetavariableNotUsed => "inherited metavariable {0} occurs nowhere in the rule's code (context, -, + or *)",
        DiagnosticId.SmplFreshIdentifierNotAdded => "fresh identifier {0} is declared but does not occur in the rule's + code",
        DiagnosticId.SmplEarlierMetavariableAsIdentifier => "{0} is a metavariable of an earlier rule but not of this one: here it matches the identifier {0} only",
        DiagnosticId.SmplBadInheritedMetavariable => "bad rule {0} or bad variable {1}: rule {0} declares no metavariable {1}",
        DiagnosticId.SmplInheritedFromLaterRule => "rule {0} comes after this one: a rule inherits metavariables only from earlier rules",
        DiagnosticId.SmplWholeTermRemoved => "invalid minus: the rule's whole code is one {0}, removed with nothing added in its place; a lone {0} would leave a hole in the code around it: remove a whole statement (with its ';') or add code to replace it",
        DiagnosticId.SmplMetavariableOnlyInPlus => "{0} appears only in + code: a metavariable gets its value from the rule's context, - or * code",
        DiagnosticId.SmplFreshIdentifierMatched => "unexpected use of a fresh identifier {0}: it is made for + code and cannot be matched in context, - or * code",
        DiagnosticId.SmplScriptBindingNotAllowed => "{0} rules run once, before or after the files: they cannot take {1}.{2} from a rule{3}",
        DiagnosticId.IsoSyntaxError => "isomorphism file: {0}",
        DiagnosticId.SmplIncludeNotFound => "File {0} does not exist: No such file or directory",
        DiagnosticId.SmplIncludeCycle => "#include \"{0}\" includes a file that is already being read (an include cycle)",
        DiagnosticId.AlreadyTaggedToken => "already tagged token:\n{0}",
        DiagnosticId.NoRulesApply => "No rules apply.  Perhaps your semantic patch doesn't contain any +/-/* code, or you have a failed dependency.",
        DiagnosticId.ScriptSyntaxError => "python syntax error in {0}: {1}",
        DiagnosticId.ScriptLanguageUnsupported => "scripts in {0} are not supported (sevenspot runs python and ocaml scripts)",
        DiagnosticId.ScriptCompileError => "ocaml error in {0}: {1}",
        DiagnosticId.InvalidOption => "{0}",
        _ => id.ToString(),
    };

    public static DiagnosticSeverity GetSeverity(DiagnosticId id) => id switch
    {
        DiagnosticId.FunctionNotReadBySpatch => DiagnosticSeverity.Warning,
        DiagnosticId.SmplTypeNameLooksLikeKind => DiagnosticSeverity.Warning,
        DiagnosticId.SmplNameShouldBeMetavariable => DiagnosticSeverity.Warning,
        DiagnosticId.SmplMetavariableNotMatched => DiagnosticSeverity.Warning,
        DiagnosticId.SmplInheritedMetavariableNotUsed => DiagnosticSeverity.Warning,
        DiagnosticId.SmplFreshIdentifierNotAdded => DiagnosticSeverity.Warning,
        DiagnosticId.SmplEarlierMetavariableAsIdentifier => DiagnosticSeverity.Warning,
        _ => DiagnosticSeverity.Error,
    };
}
