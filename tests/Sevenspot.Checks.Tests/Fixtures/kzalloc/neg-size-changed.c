// SPDX-License-Identifier: GPL-2.0
/* The size variable changes between the allocation and the memset. */
#include <linux/slab.h>

static char *name_alloc(size_t len)
{
	char *s = kmalloc(len, GFP_KERNEL);

	if (!s)
		return NULL;
	len = len - 1;
	memset(s, 0, len);
	s[len] = '\0';
	return s;
}
