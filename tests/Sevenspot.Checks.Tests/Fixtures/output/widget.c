// SPDX-License-Identifier: GPL-2.0
/* A small driver with one finding of each syntactic check. */
#include <linux/slab.h>
#include <linux/bitops.h>

#define WIDGET_READY	0x0004
#define WIDGET_BUSY	0

struct widget {
	unsigned long flags;
	spinlock_t lock;
	struct mutex mutex;
	void *buf;
};

static int widget_start(struct widget *w)
{
	if (!w->flags & WIDGET_READY)
		return -EAGAIN;
	return 0;
}

static struct widget *widget_new(void)
{
	struct widget *w = kmalloc(sizeof(*w), GFP_KERNEL);

	if (!w)
		return NULL;
	memset(w, 0, sizeof(*w));
	return w;
}

static int widget_poke(struct widget *w)
{
	if (test_and_set_bit(WIDGET_BUSY, &w->flags))
		return -EBUSY;
	w->buf = NULL;
	clear_bit(WIDGET_BUSY, &w->flags);
	return 0;
}

static void widget_reset(struct widget *w)
{
	spin_lock(&w->lock);
	mutex_lock(&w->mutex);
	w->flags = 0;
	mutex_unlock(&w->mutex);
	spin_unlock(&w->lock);
}

static void widget_sync(struct widget *w)
{
	mutex_lock(&w->mutex);
	spin_lock(&w->lock);
	w->flags |= 1;
	spin_unlock(&w->lock);
	mutex_unlock(&w->mutex);
}
