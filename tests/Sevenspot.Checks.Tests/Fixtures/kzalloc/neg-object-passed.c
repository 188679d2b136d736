// SPDX-License-Identifier: GPL-2.0
/* The object is handed to a function between the allocation and the memset: it may fill the new
 * memory (Linux 6.1's xgene_extd_stats_init), and the memset then clears what it wrote. */
#include <linux/device.h>

struct priv {
	struct device *dev;
	u64 *stats;
};

static void priv_read_stats(struct priv *p);

static int priv_stats_init(struct priv *p)
{
	p->stats = devm_kmalloc_array(p->dev, 16, sizeof(u64), GFP_KERNEL);
	if (!p->stats)
		return -ENOMEM;

	priv_read_stats(p);
	memset(p->stats, 0, 16 * sizeof(u64));
	return 0;
}
