// SPDX-License-Identifier: GPL-2.0
/* Filled with 0xff, not zero. */
#include <linux/slab.h>

static u8 *pattern_alloc(size_t size)
{
	u8 *p = kmalloc(size, GFP_KERNEL);

	if (!p)
		return NULL;
	memset(p, 0xff, size);
	return p;
}
