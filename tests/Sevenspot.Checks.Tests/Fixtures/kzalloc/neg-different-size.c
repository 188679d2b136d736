// SPDX-License-Identifier: GPL-2.0
/* Only the header is cleared: kzalloc would not be equivalent in intent. */
#include <linux/slab.h>

struct msg {
	u32 type;
	u32 len;
	u8 payload[];
};

static struct msg *msg_alloc(size_t len)
{
	struct msg *m = kmalloc(sizeof(*m) + len, GFP_KERNEL);

	if (!m)
		return NULL;
	memset(m, 0, sizeof(*m));
	m->len = len;
	return m;
}
