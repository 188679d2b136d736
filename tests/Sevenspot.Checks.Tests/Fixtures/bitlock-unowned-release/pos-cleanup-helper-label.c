// SPDX-License-Identifier: GPL-2.0
/*
 * Several error paths, one of them the busy case, share one label that releases the bit; the
 * release belongs only to the paths that took it.
 */
#include <linux/bitops.h>
#include <linux/delay.h>
#include <linux/slab.h>

enum adp_state { __ADP_RESETTING, __ADP_STATE_MAX };

struct adapter {
	unsigned long state;
	void *rings;
};

void adp_reset(struct adapter *a)
{
	while (test_and_set_bit(__ADP_RESETTING, &a->state))
		usleep_range(1000, 2000);
	a->rings = NULL;
	clear_bit(__ADP_RESETTING, &a->state);
}

int adp_setup(struct adapter *a, size_t n)
{
	int err;

	if (!n)
		return -EINVAL;
	if (test_and_set_bit(__ADP_RESETTING, &a->state)) {
		err = -EAGAIN;
		goto err_reset;
	}
	a->rings = kcalloc(n, 64, GFP_KERNEL);
	if (!a->rings) {
		err = -ENOMEM;
		goto err_reset;
	}
	clear_bit(__ADP_RESETTING, &a->state);
	return 0;

err_reset:
	clear_bit(__ADP_RESETTING, &a->state);	/* BUG: on the -EAGAIN path too */
	return err;
}
