// SPDX-License-Identifier: GPL-2.0
/* A mutex is a sleeping lock: sleeping under it is allowed. */
#include <linux/mutex.h>
#include <linux/uaccess.h>
#include <linux/delay.h>

struct panel {
	struct mutex lock;
	int brightness;
};

int panel_store(struct panel *p, int __user *arg)
{
	int v;

	mutex_lock(&p->lock);
	if (copy_from_user(&v, arg, sizeof(v))) {
		mutex_unlock(&p->lock);
		return -EFAULT;
	}
	msleep(5);
	p->brightness = v;
	mutex_unlock(&p->lock);
	return 0;
}
