// SPDX-License-Identifier: GPL-2.0
/* The pointer lives in a struct; the NULL check is wrapped in unlikely(). */
#include <linux/mm.h>

struct cache {
	void *data;
	size_t size;
};

static int cache_init(struct cache *c, size_t size)
{
	c->size = size;
	c->data = kvmalloc(size, GFP_KERNEL);	/* kvzalloc */
	if (unlikely(!c->data))
		return -ENOMEM;
	memset(c->data, 0, size);
	return 0;
}
