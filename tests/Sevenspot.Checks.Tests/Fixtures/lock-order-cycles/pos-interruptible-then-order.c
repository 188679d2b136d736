// SPDX-License-Identifier: GPL-2.0
/*
 * mutex_lock_interruptible() and mutex_lock_killable() wait for the mutex as mutex_lock() does:
 * on their success branch the mutex is held, and what is taken there is ordered after it; the
 * acquire itself is ordered after what is held around it. Written both ways the kernel writes
 * it: the call tested directly, and its result stored and tested by the next statement.
 */
#include <linux/mutex.h>

struct port {
	struct mutex cfg_lock;
	struct mutex fw_lock;
	int speed;
};

int port_set_speed(struct port *p, int speed)
{
	int ret;

	ret = mutex_lock_killable(&p->cfg_lock);
	if (ret)
		return ret;
	if (mutex_lock_interruptible(&p->fw_lock)) {	/* BUG: cfg_lock -> fw_lock */
		mutex_unlock(&p->cfg_lock);
		return -EINTR;
	}
	p->speed = speed;
	mutex_unlock(&p->fw_lock);
	mutex_unlock(&p->cfg_lock);
	return 0;
}

int port_fw_event(struct port *p)
{
	int ret = mutex_lock_interruptible(&p->fw_lock);

	if (ret < 0)
		return ret;
	mutex_lock(&p->cfg_lock);	/* fw_lock -> cfg_lock, the other half */
	p->speed = 0;
	mutex_unlock(&p->cfg_lock);
	mutex_unlock(&p->fw_lock);
	return 0;
}
