namespace Sevenspot.C;

/// <summary>What the parser should make of an identifier that names a macro or a type.</summary>
public enum MacroKind : byte
{
    /// <summary>Nothing known: an ordinary identifier.</summary>
    None = 0,

    /// <summary>An attribute word without arguments (__init, __user, __rcu, noinline).</summary>
    Attribute,

    /// <summary>An attribute written as a call (__acquires(x), __aligned(8), __printf(1, 2)).</summary>
    AttributeWithArguments,

    /// <summary>A loop macro (list_for_each_entry(pos, head, member) stmt).</summary>
    Iterator,

    /// <summary>A macro that declares something (DEFINE_MUTEX(m);, LIST_HEAD(l);).</summary>
    Declarer,

    /// <summary>A macro that stands for a string literal (KERN_INFO).</summary>
    String,

    /// <summary>A type name (a typedef that is not declared in the file itself).</summary>
    TypeName,

    /// <summary>A macro that builds a type (TAILQ_ENTRY(t), TAILQ_HEAD(h, t)).</summary>
    TypeBuilder,

    /// <summary>A macro used as a whole statement, without a semicolon.</summary>
    Statement,

    /// <summary>A storage-class or qualifier keyword under another name (STATIC, __always_inline).</summary>
    Specifier,
}
