// SPDX-License-Identifier: GPL-2.0
/*
 * When mutex_lock_interruptible() fails the mutex is not held: the fallback that takes fw_lock
 * on that branch is not ordered after cfg_lock, so there is no cycle with port_fw_event().
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

	ret = mutex_lock_interruptible(&p->cfg_lock);
	if (ret) {
		mutex_lock(&p->fw_lock);
		p->speed = 0;
		mutex_unlock(&p->fw_lock);
		return ret;
	}
	p->speed = speed;
	mutex_unlock(&p->cfg_lock);
	return 0;
}

void port_fw_event(struct port *p)
{
	mutex_lock(&p->fw_lock);
	mutex_lock(&p->cfg_lock);
	p->speed = 0;
	mutex_unlock(&p->cfg_lock);
	mutex_unlock(&p->fw_lock);
}
