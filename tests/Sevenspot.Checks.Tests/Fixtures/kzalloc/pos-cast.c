// SPDX-License-Identifier: GPL-2.0
/* Casts on either side do not hide the pattern; vmalloc has vzalloc. */
#include <linux/vmalloc.h>

struct hdr {
	u32 magic;
	u32 len;
};

static struct hdr *hdr_alloc(size_t len)
{
	struct hdr *h;
	unsigned long *map;

	h = (struct hdr *)kmalloc(len, GFP_ATOMIC);	/* kzalloc */
	if (!h)
		return NULL;
	memset((void *)h, 0, len);

	map = vmalloc(len);	/* vzalloc */
	if (!map) {
		kfree(h);
		return NULL;
	}
	memset(map, 0, len);
	h->len = len;
	vfree(map);
	return h;
}
