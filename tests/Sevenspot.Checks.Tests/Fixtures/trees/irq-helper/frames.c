// SPDX-License-Identifier: GPL-2.0
#include <linux/bitops.h>
#include <linux/export.h>

struct frames {
	unsigned long in_rx;
	unsigned int rd;
	unsigned int wr;
	unsigned int len;
};

void frames_receive(struct frames *f)
{
	if (test_and_set_bit(0, &f->in_rx))
		return;
	while (f->rd != f->wr) {
		f->rd = (f->rd + 1) % 16;
		f->len++;
	}
	clear_bit(0, &f->in_rx);
}
EXPORT_SYMBOL(frames_receive);
