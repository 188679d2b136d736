/* SPDX-License-Identifier: GPL-2.0 */
#ifndef SLOTS_H
#define SLOTS_H

#define SLOT_NOWAIT 1UL

struct slot {
	unsigned long file_ptr;
};

struct table {
	struct slot slots[16];
};

/* The slot is only compared with the file: nothing is kept. */
static inline void slot_set(struct slot *s, struct file *file)
{
	if (s->file_ptr == ((unsigned long)file | SLOT_NOWAIT))
		s->file_ptr |= SLOT_NOWAIT;
}

int table_install(struct table *t, struct file *file);
void table_remove(struct table *t, int index);

#endif
