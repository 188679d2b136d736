// SPDX-License-Identifier: GPL-2.0
/* The memory is used before the memset: removing the memset would change behaviour. */
#include <linux/slab.h>

struct blob {
	u32 magic;
	u32 size;
};

static struct blob *blob_alloc(void)
{
	struct blob *b;

	b = kmalloc(sizeof(*b), GFP_KERNEL);
	if (!b)
		return NULL;
	register_blob(b);
	memset(b, 0, sizeof(*b));
	return b;
}
