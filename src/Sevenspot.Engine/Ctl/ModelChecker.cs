namespace Sevenspot.Engine.Ctl;

/// <summary>
/// The CTL-VW model checker: decides where a formula holds in a model, under which substitutions, and with
/// which witnesses. It reproduces the results of Coccinelle 1.1.1's engine (<c>ctl/ctl_engine.ml</c>), including
/// the optimisations that change them, with the predicate annotations of <c>ctl/wrapper_ctl.ml</c> built in.
/// It knows nothing about the language of the model: predicates and values are opaque.
/// </summary>
public static class ModelChecker
{
    /// <summary>Checks <paramref name="formula"/> against <paramref name="model"/>; the triples are sorted by state.</summary>
    /// <exception cref="OperationCanceledException">The options' cancellation token was cancelled.</exception>
    public static CheckResult<TPred, TValue> Check<TPred, TValue>(IModel<TPred, TValue> model, Formula<TPred> formula, CheckOptions? options = null)
        where TPred : notnull
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(formula);
        var checker = Checker<TPred, TValue>.Rent(model, options ?? CheckOptions.Default);
        var (triples, partialMatches) = checker.Run(formula);
        var result = new CheckResult<TPred, TValue>(checker.ToPublic(triples), checker.ToPublic(partialMatches));
        checker.Return();
        return result;
    }
}
