// SPDX-License-Identifier: GPL-2.0
/* The memset runs on one path only. */
#include <linux/slab.h>

static void *buf_alloc(size_t size, bool clear)
{
	void *buf = kmalloc(size, GFP_KERNEL);

	if (buf && clear) {
		memset(buf, 0, size);
	}
	return buf;
}
