// SPDX-License-Identifier: GPL-2.0
/* Allocate, check, then clear by hand: kzalloc does all three. */
#include <linux/slab.h>

struct frob {
	int id;
	struct list_head node;
};

static struct frob *frob_new(int id)
{
	struct frob *f;

	f = kmalloc(sizeof(*f), GFP_KERNEL);	/* kzalloc */
	if (!f)
		return NULL;
	memset(f, 0, sizeof(*f));
	f->id = id;
	return f;
}
