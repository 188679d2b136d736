// SPDX-License-Identifier: GPL-2.0
/* Unwinding an array of elements: the pointer moves back one element between the removals. */
#include <linux/list.h>

struct iod {
	struct list_head link;
	void *buf;
};

static void iods_unwind(struct iod *iod, int i)
{
	list_del(&iod->link);
	for (iod--, i--; i >= 0; iod--, i--) {
		kfree(iod->buf);
		list_del(&iod->link);
	}
}
