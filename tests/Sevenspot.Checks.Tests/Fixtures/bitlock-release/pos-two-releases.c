// SPDX-License-Identifier: GPL-2.0
/* Both the error path and the normal path release with clear_bit. */
#include <linux/bitops.h>

#define FW_LOADING	2

struct fw {
	unsigned long flags;
	void *image;
	int error;
};

static int fw_load(struct fw *fw)
{
	int ret;

	if (test_and_set_bit(FW_LOADING, &fw->flags))
		return -EBUSY;

	ret = fw_read(fw);
	if (ret) {
		fw->error = ret;
		clear_bit(FW_LOADING, &fw->flags);	/* BUG */
		return ret;
	}

	fw->image = fw_map(fw);
	clear_bit(FW_LOADING, &fw->flags);	/* BUG */
	return 0;
}
