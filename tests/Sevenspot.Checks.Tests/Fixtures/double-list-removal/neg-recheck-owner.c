// SPDX-License-Identifier: GPL-2.0
/* The lock is dropped and taken again; the element's owner is checked before it is removed. */
#include <linux/list.h>
#include <linux/spinlock.h>

struct vint {
	struct list_head ap_list;
	struct vcpu *owner;
};

struct vcpu {
	spinlock_t lock;
	struct list_head ap;
};

void vint_migrate(struct vcpu *from, struct vcpu *to)
{
	struct vint *v;

	spin_lock(&from->lock);
	v = list_first_entry(&from->ap, struct vint, ap_list);
	spin_unlock(&from->lock);

	spin_lock(&from->lock);
	if (v->owner == from) {
		list_del(&v->ap_list);
		v->owner = to;
	}
	spin_unlock(&from->lock);
}
