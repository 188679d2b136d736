// SPDX-License-Identifier: GPL-2.0
/* Added and freed on the straight path: the list keeps a dangling pointer. */
#include <linux/list.h>
#include <linux/slab.h>

struct note {
	struct list_head link;
	char text[32];
};

void note_log(struct list_head *log, const char *text)
{
	struct note *n = kzalloc(sizeof(*n), GFP_KERNEL);

	if (!n)
		return;
	strscpy(n->text, text, sizeof(n->text));
	list_add_tail(&n->link, log);
	pr_debug("%s\n", n->text);
	kvfree(n);				/* BUG */
}
