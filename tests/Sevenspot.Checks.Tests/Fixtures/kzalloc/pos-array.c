// SPDX-License-Identifier: GPL-2.0
/* An array: kmalloc_array becomes kcalloc; the memset size is count * size in either order. */
#include <linux/slab.h>

static u32 *table_alloc(unsigned int n)
{
	u32 *t;

	t = kmalloc_array(n, sizeof(u32), GFP_KERNEL);	/* kcalloc */
	if (!t)
		goto fail;
	memset(t, 0, sizeof(u32) * n);
	return t;
fail:
	pr_err("no memory for %u entries\n", n);
	return NULL;
}
