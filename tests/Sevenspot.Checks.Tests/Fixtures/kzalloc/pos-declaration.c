// SPDX-License-Identifier: GPL-2.0
/* The allocation initialises the declaration. */
#include <linux/slab.h>

struct ring {
	unsigned int head, tail;
	void *slots[16];
};

int ring_create(struct ring **out)
{
	struct ring *r = kmalloc(sizeof(struct ring), GFP_KERNEL);	/* kzalloc */

	if (r == NULL)
		return -ENOMEM;

	memset(r, 0, sizeof(struct ring));
	*out = r;
	return 0;
}
