// SPDX-License-Identifier: GPL-2.0
/*
 * A counter slot of used_mask is claimed in pmu_add() and freed in pmu_del(); pmu_claim_id()
 * spins on a slot of used_mask too, so its slots are locks and the free needs release ordering.
 */
#include <linux/bitops.h>

struct pmu {
	unsigned long used_mask[1];
	unsigned long spare[1];
	void *events[64];
};

static int pmu_add(struct pmu *p, int idx, void *event)
{
	if (test_and_set_bit(idx, p->used_mask))
		return -ENOSPC;
	p->events[idx] = event;
	return 0;
}

static void pmu_del(struct pmu *p, int idx)
{
	p->events[idx] = NULL;
	clear_bit(idx, p->used_mask);	/* BUG */
}

static void pmu_claim_id(struct pmu *p, int idx)
{
	while (test_and_set_bit(idx, p->used_mask))
		cpu_relax();
}
