using Sevenspot.C;

namespace Sevenspot.Checks.Flow;

/// <summary>What the lock analyses of one file share: the file's declared types and its functions' lock annotations.</summary>
public sealed class FileLockFacts
{
    private FileLockFacts(FileContext file)
    {
        Types = FileTypes.Collect(file.Tree);
        Annotations = FunctionLockAnnotations.Collect(file.Tree, file.Primitives);
    }

    public FileTypes Types { get; }

    public IReadOnlyDictionary<string, FunctionLockAnnotations> Annotations { get; }

    public static FileLockFacts Of(FileContext file) => file.GetShared(f => new FileLockFacts(f));

    /// <summary>The lock model of one of the file's functions.</summary>
    public static LockModel ModelFor(FileContext file, SyntaxNode function)
    {
        var facts = Of(file);
        return new LockModel(file, function, facts.Types, facts.Annotations);
    }
}
