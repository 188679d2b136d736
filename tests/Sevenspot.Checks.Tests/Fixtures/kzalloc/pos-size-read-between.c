// SPDX-License-Identifier: GPL-2.0
/* The size is read between the allocation and the memset (stored in a sibling field), not changed. */
#include <linux/slab.h>

struct rx {
	char *buf;
	size_t len;
};

struct tbl {
	u32 *ent;
	unsigned int n;
	unsigned int used;
};

int rx_init(struct rx *r, size_t len)
{
	r->buf = kmalloc(len, GFP_KERNEL);
	if (!r->buf)
		return -ENOMEM;
	r->len = len;
	memset(r->buf, 0, len);
	return 0;
}

int tbl_init(struct tbl *t, unsigned int n)
{
	t->ent = kmalloc_array(n, sizeof(u32), GFP_KERNEL);
	if (!t->ent)
		return -ENOMEM;
	t->n = n;
	t->used = 0;
	memset(t->ent, 0, n * sizeof(u32));
	return 0;
}
