// SPDX-License-Identifier: GPL-2.0
/*
 * A guard class the driver defines (DEFINE_GUARD on its own lock call) takes the lock its lock
 * expression names: guard(chip)(c) holds c->lock to the end of the block, so taking c->lock
 * again waits for itself, as does CLASS(chip, g)(c) under a braceless scoped_guard(chip, c).
 */
#include <linux/cleanup.h>
#include <linux/mutex.h>

struct chip {
	struct mutex lock;
	int regs[4];
};

DEFINE_GUARD(chip, struct chip *, mutex_lock(&_T->lock), mutex_unlock(&_T->lock))

void chip_init(struct chip *c)
{
	mutex_init(&c->lock);
}

void chip_write(struct chip *c, int reg, int val)
{
	guard(chip)(c);
	c->regs[reg] = val;
	mutex_lock(&c->lock);	/* BUG: c->lock taken while held */
	c->regs[0] = 0;
	mutex_unlock(&c->lock);
}

void chip_sync(struct chip *c)
{
	scoped_guard(chip, c)
		if (c->regs[1]) {
			CLASS(chip, g)(c);	/* BUG: c->lock taken while held */
			c->regs[1] = 0;
		}
}
