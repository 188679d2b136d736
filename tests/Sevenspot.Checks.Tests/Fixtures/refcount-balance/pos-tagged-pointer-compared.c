// SPDX-License-Identifier: GPL-2.0
/* The helper only compares the slot with the tagged pointer: the reference stays the caller's. */
#include <linux/file.h>

#define SLOT_NOWAIT 1UL

struct slot {
	unsigned long file_ptr;
};

static int slot_holds(struct slot *s, struct file *file)
{
	return s->file_ptr == ((unsigned long)file | SLOT_NOWAIT);
}

int slot_update(struct slot *s, int fd, int busy)
{
	struct file *file;

	file = fget(fd);
	if (!file)
		return -EBADF;
	if (busy) {
		fput(file);
		return -EBUSY;
	}
	if (!slot_holds(s, file))
		return -EINVAL;
	fput(file);
	return 0;
}
