// SPDX-License-Identifier: GPL-2.0
/* The helper stores the file with a tag bit or-ed into the pointer: the slot owns the reference. */
#include <linux/file.h>

#define SLOT_NOWAIT 1UL

struct slot {
	unsigned long file_ptr;
};

static void slot_install(struct slot *s, struct file *file)
{
	s->file_ptr = (unsigned long)file | SLOT_NOWAIT;
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
	slot_install(s, file);
	if (slot_check(s))
		return -EINVAL;
	return 0;
}
