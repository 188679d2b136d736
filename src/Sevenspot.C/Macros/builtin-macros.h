/*
 * Sevenspot's built-in knowledge of kernel macros, in the format of a
 * spatch macro file: an empty body marks an attribute word, YACFE_* markers
 * say what a macro stands for, and typedef lines name external types.
 * Files given with --macro-file add to (and override) this table.
 */

/* Section, linkage and optimisation attributes. */
#define __init
#define __exit
#define __initdata
#define __initconst
#define __exitdata
#define __init_or_module
#define __initdata_or_module
#define __meminit
#define __meminitdata
#define __init_memblock
#define __initdata_memblock
#define __cpuinit
#define __cpuinitdata
#define __devinit
#define __devexit
#define __devinitdata
#define __ref
#define __refdata
#define __refconst
#define __net_init
#define __net_exit
#define __net_initdata
#define __sched
#define __kprobes
#define __irq_entry
#define __softirq_entry
#define __lockfunc
#define __cpuidle
#define __read_mostly
#define __ro_after_init
#define __page_aligned_data
#define __page_aligned_bss
#define __cacheline_aligned
#define ____cacheline_aligned
#define __cacheline_aligned_in_smp
#define ____cacheline_aligned_in_smp
#define ____cacheline_internodealigned_in_smp
#define __visible
#define __weak
#define __pure
#define __cold
#define __hot
#define __noreturn
#define __used
#define __unused
#define __maybe_unused
#define __always_unused
#define __must_check
#define __deprecated
#define __packed
#define __aligned_largest
#define __always_inline
#define __inline_maybe_unused
#define __gnu_inline
#define noinline
#define noinline_for_stack
#define __noinline
#define notrace
#define noinstr
#define __noinstr
#define __flatten
#define __malloc
#define __naked
#define __nonstring
#define __designated_init
#define __latent_entropy
#define __randomize_layout
#define __no_randomize_layout
#define __no_kcsan
#define __no_sanitize_address
#define __no_sanitize_thread
#define __no_sanitize_undefined
#define __no_stack_protector
#define __nocfi
#define __noscs
#define __no_profile
#define __attribute_const__
#define __attribute_used__
#define __always_inline
#define asmlinkage
#define fastcall
#define __bpf_kfunc
#define __ksym
#define __weak
#define __exception
#define __exception_irq_entry
#define __iomem_noinstr

/* Sparse address spaces and checker annotations. */
#define __user
#define __kernel
#define __iomem
#define __percpu
#define __rcu
#define __force
#define __nocast
#define __safe
#define __private
#define __bitwise
#define __bitwise__
#define __acquires(x)
#define __releases(x)
#define __must_hold(x)
#define __cond_acquires(x)
#define __cond_releases(x)
#define __guarded_by(x)
#define __pt_guarded_by(x)

/* Attributes written as calls. */
#define __aligned(x)
#define __section(x)
#define __printf(a, b)
#define __scanf(a, b)
#define __alloc_size(x)
#define __assume_aligned(x)
#define __counted_by(x)
#define __mode(x)
#define __diagnose_as(x)
#define __cleanup(x)
#define __free(x)
#define __copy(x)
#define __nonnull(x)
#define __realloc_size(x)
#define __compiletime_error(x)
#define __compiletime_warning(x)
#define __alias(x)
#define __attribute_format__(x)
#define __no_sanitize_or_inline
#define __ADDRESSABLE_ASM_STR(x)

/* Storage and qualifier words under other names. */
#define STATIC static
#define INLINE inline
#define __EXTERN_INLINE extern inline
#define __always_inline_function inline

/* Strings. */
#define KERN_EMERG "<0>"
#define KERN_ALERT "<1>"
#define KERN_CRIT "<2>"
#define KERN_ERR "<3>"
#define KERN_WARNING "<4>"
#define KERN_NOTICE "<5>"
#define KERN_INFO "<6>"
#define KERN_DEBUG "<7>"
#define KERN_DEFAULT ""
#define KERN_CONT "c"
#define KERN_SOH "\001"
#define PRIu64 "llu"
#define PRId64 "lld"
#define PRIx64 "llx"
#define PRIX64 "llX"
#define PRIu32 "u"
#define PRId32 "d"
#define PRIx32 "x"
#define PRIuPTR "lu"
#define PRIxPTR "lx"
#define SCNu64 "llu"
#define SCNx64 "llx"
#define DRV_NAME YACFE_STRING
#define DRV_VERSION YACFE_STRING
#define DRV_MODULE_NAME YACFE_STRING
#define PFX YACFE_STRING
#define pr_fmt(fmt) YACFE_STRING
#define __stringify(x) YACFE_STRING

/* Loops written as macros (names with for_each/foreach are recognised anyway). */
#define do_each_thread(g, t) YACFE_ITERATOR
#define while_each_thread(g, t) YACFE_ITERATOR
#define do_each_pid_task(pid, type, task) YACFE_ITERATOR
#define do_each_pid_thread(pid, type, task) YACFE_ITERATOR
#define rbtree_postorder_for_each_entry_safe(pos, n, root, field) YACFE_ITERATOR
#define radix_tree_for_each_slot(slot, root, iter, start) YACFE_ITERATOR
#define xa_for_each(xa, index, entry) YACFE_ITERATOR
#define scoped_guard(type, lock) YACFE_ITERATOR

/* Declarers. */
#define DEFINE_MUTEX(m) YACFE_DECLARATOR
#define DEFINE_SPINLOCK(l) YACFE_DECLARATOR
#define DEFINE_RAW_SPINLOCK(l) YACFE_DECLARATOR
#define DEFINE_RWLOCK(l) YACFE_DECLARATOR
#define DEFINE_SEMAPHORE(s) YACFE_DECLARATOR
#define DEFINE_RWSEM(s) YACFE_DECLARATOR
#define DEFINE_PER_CPU(t, n) YACFE_DECLARATOR
#define DEFINE_IDA(i) YACFE_DECLARATOR
#define DEFINE_IDR(i) YACFE_DECLARATOR
#define DEFINE_XARRAY(x) YACFE_DECLARATOR
#define DEFINE_WAIT(w) YACFE_DECLARATOR
#define DEFINE_WAIT_FUNC(w, f) YACFE_DECLARATOR
#define DEFINE_STATIC_KEY_FALSE(k) YACFE_DECLARATOR
#define DEFINE_STATIC_KEY_TRUE(k) YACFE_DECLARATOR
#define DECLARE_BITMAP(n, b) YACFE_DECLARATOR
#define DECLARE_WAITQUEUE(w, t) YACFE_DECLARATOR
#define DECLARE_WAIT_QUEUE_HEAD(w) YACFE_DECLARATOR
#define DECLARE_WAIT_QUEUE_HEAD_ONSTACK(w) YACFE_DECLARATOR
#define DECLARE_COMPLETION(c) YACFE_DECLARATOR
#define DECLARE_COMPLETION_ONSTACK(c) YACFE_DECLARATOR
#define DECLARE_WORK(w, f) YACFE_DECLARATOR
#define DECLARE_DELAYED_WORK(w, f) YACFE_DECLARATOR
#define DECLARE_TASKLET(t, f) YACFE_DECLARATOR
#define DECLARE_HASHTABLE(n, b) YACFE_DECLARATOR
#define LIST_HEAD(l) YACFE_DECLARATOR
#define HLIST_HEAD(l) YACFE_DECLARATOR
#define LLIST_HEAD(l) YACFE_DECLARATOR
#define EXPORT_SYMBOL(s) YACFE_DECLARATOR
#define EXPORT_SYMBOL_GPL(s) YACFE_DECLARATOR
#define EXPORT_SYMBOL_NS(s, ns) YACFE_DECLARATOR
#define EXPORT_SYMBOL_NS_GPL(s, ns) YACFE_DECLARATOR
#define MODULE_LICENSE(l) YACFE_DECLARATOR
#define MODULE_AUTHOR(a) YACFE_DECLARATOR
#define MODULE_DESCRIPTION(d) YACFE_DECLARATOR
#define MODULE_ALIAS(a) YACFE_DECLARATOR
#define MODULE_DEVICE_TABLE(t, n) YACFE_DECLARATOR
#define MODULE_PARM_DESC(p, d) YACFE_DECLARATOR
#define MODULE_VERSION(v) YACFE_DECLARATOR
#define MODULE_FIRMWARE(f) YACFE_DECLARATOR
#define MODULE_IMPORT_NS(n) YACFE_DECLARATOR
#define module_param(n, t, p) YACFE_DECLARATOR
#define module_param_named(n, v, t, p) YACFE_DECLARATOR
#define module_init(f) YACFE_DECLARATOR
#define module_exit(f) YACFE_DECLARATOR

/*
 * Function headers written as a macro: a body that ends in a parameter list
 * makes NAME(args) { ... } a function whatever its arguments (the system call
 * definitions' arguments alternate types and names).
 */
#define SYSCALL_DEFINE1(name, t1, a1) long name(t1 a1)
#define SYSCALL_DEFINE2(name, t1, a1, t2, a2) long name(t1 a1, t2 a2)
#define SYSCALL_DEFINE3(name, t1, a1, t2, a2, t3, a3) long name(t1 a1, t2 a2, t3 a3)
#define SYSCALL_DEFINE4(name, t1, a1, t2, a2, t3, a3, t4, a4) long name(t1 a1, t2 a2, t3 a3, t4 a4)
#define SYSCALL_DEFINE5(name, t1, a1, t2, a2, t3, a3, t4, a4, t5, a5) long name(t1 a1, t2 a2, t3 a3, t4 a4, t5 a5)
#define SYSCALL_DEFINE6(name, t1, a1, t2, a2, t3, a3, t4, a4, t5, a5, t6, a6) long name(t1 a1, t2 a2, t3 a3, t4 a4, t5 a5, t6 a6)

/* Types that kernel code uses without declaring them in the file. */
typedef unsigned char u8;
typedef unsigned short u16;
typedef unsigned int u32;
typedef unsigned long long u64;
typedef signed char s8;
typedef short s16;
typedef int s32;
typedef long long s64;
typedef unsigned char __u8;
typedef unsigned short __u16;
typedef unsigned int __u32;
typedef unsigned long long __u64;
typedef signed char __s8;
typedef short __s16;
typedef int __s32;
typedef long long __s64;
typedef unsigned short __le16;
typedef unsigned int __le32;
typedef unsigned long long __le64;
typedef unsigned short __be16;
typedef unsigned int __be32;
typedef unsigned long long __be64;
typedef unsigned short __sum16;
typedef unsigned int __wsum;
typedef _Bool bool;
typedef unsigned int uint;
typedef unsigned long ulong;
typedef unsigned short ushort;
typedef unsigned char uchar;
typedef unsigned char u_char;
typedef unsigned short u_short;
typedef unsigned int u_int;
typedef unsigned long u_long;
typedef int FILE;
typedef int va_list;
typedef int __builtin_va_list;
typedef unsigned long size_t;
typedef long ssize_t;
typedef long ptrdiff_t;
