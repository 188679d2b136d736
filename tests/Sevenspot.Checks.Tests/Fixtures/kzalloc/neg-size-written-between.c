// SPDX-License-Identifier: GPL-2.0
/* The size changes between the allocation and the memset: stepped, updated, or given by address. */
#include <linux/slab.h>

struct rx {
	char *buf;
	size_t len;
};

int rx_step(struct rx *r, size_t len)
{
	r->buf = kmalloc(len, GFP_KERNEL);
	if (!r->buf)
		return -ENOMEM;
	r->len = len--;
	memset(r->buf, 0, len);
	return 0;
}

int rx_grow(struct rx *r, size_t len)
{
	r->buf = kmalloc(len, GFP_KERNEL);
	if (!r->buf)
		return -ENOMEM;
	len += 4;
	memset(r->buf, 0, len);
	return 0;
}

int rx_query(struct rx *r, size_t len)
{
	r->buf = kmalloc(len, GFP_KERNEL);
	if (!r->buf)
		return -ENOMEM;
	rx_round(&len);
	memset(r->buf, 0, len);
	return 0;
}
