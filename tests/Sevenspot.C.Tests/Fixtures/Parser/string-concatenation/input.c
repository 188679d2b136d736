/* Adjacent strings and string macros. */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

void report(int err, u64 bytes)
{
	printk(KERN_INFO "widget: ready\n");
	printk(KERN_ERR "widget: failed: %d\n", err);
	pr_info("copied %" PRIu64 " bytes"
		" in total\n", bytes);
	puts("one" "two" "three");
}
