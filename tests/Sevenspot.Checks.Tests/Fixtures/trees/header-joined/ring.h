/* SPDX-License-Identifier: GPL-2.0 */
#define RING_LOCK	0

struct ring {
	unsigned long flags;
	unsigned int head;
	unsigned int tail;
	int slot[16];
};
