// SPDX-License-Identifier: GPL-2.0
/*
 * An SRCU read-side section excludes no one: taking the slots mutex inside it, and entering it
 * with the mutex held elsewhere, is no cycle.
 */
#include <linux/srcu.h>
#include <linux/mutex.h>

struct vm {
	struct srcu_struct srcu;
	struct mutex slots_lock;
	int nr_slots;
};

int vm_count_slots(struct vm *v)
{
	int idx, n;

	idx = srcu_read_lock(&v->srcu);
	mutex_lock(&v->slots_lock);
	n = v->nr_slots;
	mutex_unlock(&v->slots_lock);
	srcu_read_unlock(&v->srcu, idx);
	return n;
}

void vm_add_slot(struct vm *v)
{
	int idx;

	mutex_lock(&v->slots_lock);
	idx = srcu_read_lock(&v->srcu);
	v->nr_slots++;
	srcu_read_unlock(&v->srcu, idx);
	mutex_unlock(&v->slots_lock);
}
