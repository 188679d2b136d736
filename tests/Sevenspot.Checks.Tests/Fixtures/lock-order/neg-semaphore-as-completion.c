// SPDX-License-Identifier: GPL-2.0
/*
 * A counting semaphore has no owner: the driver downs it, queues a request whose completion
 * (an interrupt) ups it, and downs it again to wait for that up(). lockdep does not track
 * semaphores, and this is no self-deadlock; nor do semaphores order other locks here.
 */
#include <linux/semaphore.h>
#include <linux/mutex.h>

struct xfer {
	struct semaphore *done;
	int result;
};

static struct semaphore regs_sem;
static DEFINE_MUTEX(cfg_mutex);

int queue_xfer(struct xfer *x);

int read_regs(void)
{
	struct xfer x = { .done = &regs_sem };

	if (down_interruptible(&regs_sem))
		return -EINTR;
	if (queue_xfer(&x)) {
		up(&regs_sem);
		return -EIO;
	}
	if (down_interruptible(&regs_sem))	/* waits for the interrupt's up() */
		return -EINTR;
	up(&regs_sem);
	return x.result;
}

void reset_regs(void)
{
	down(&regs_sem);
	down(&regs_sem);
	mutex_lock(&cfg_mutex);
	mutex_unlock(&cfg_mutex);
	up(&regs_sem);
}
