// SPDX-License-Identifier: GPL-2.0
/* get_user under an rwlock. */
#include <linux/uaccess.h>
#include <linux/spinlock.h>

static DEFINE_RWLOCK(cfg_lock);
static int cfg_value;

int cfg_store(int __user *arg)
{
	int v;

	read_lock(&cfg_lock);
	if (get_user(v, arg)) {		/* BUG */
		read_unlock(&cfg_lock);
		return -EFAULT;
	}
	cfg_value = v;
	read_unlock(&cfg_lock);
	return 0;
}
