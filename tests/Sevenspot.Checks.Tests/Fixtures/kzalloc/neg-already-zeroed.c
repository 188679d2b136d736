// SPDX-License-Identifier: GPL-2.0
/* Already zeroed by the allocator or its flags: a redundant memset, but kzalloc is not the fix. */
#include <linux/slab.h>

static void *zbuf(size_t size)
{
	void *a = kzalloc(size, GFP_KERNEL);
	void *b = kmalloc(size, GFP_KERNEL | __GFP_ZERO);

	if (!a || !b)
		return NULL;
	memset(a, 0, size);
	memset(b, 0, size);
	kfree(b);
	return a;
}
