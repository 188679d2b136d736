// SPDX-License-Identifier: GPL-2.0
/* The table hands the file to the slot through the header's inline slot_set(). */
#include <linux/file.h>
#include "slots.h"

int table_install(struct table *t, struct file *file)
{
	int index = table_free_index(t);

	if (index < 0)
		return index;
	slot_set(&t->slots[index], file);
	return index;
}
