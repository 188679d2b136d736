// SPDX-License-Identifier: GPL-2.0
/* The type of p is not known here: no guess. */
#include <linux/fdtable.h>

#define TASK_OF(x)	((x)->owner)

int owner_has_files(struct ctx *c)
{
	return TASK_OF(c)->files != NULL;
}
