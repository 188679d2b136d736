/* Two small kernel-style bugs that `sevenspot check` reports. */
#include <linux/slab.h>
#include <linux/spinlock.h>

struct cache {
	spinlock_t lock;
	unsigned long flags;
	void *buf;
};

#define CACHE_DIRTY 0x4

int cache_refill(struct cache *c, size_t len)
{
	spin_lock(&c->lock);
	/* kmalloc with GFP_KERNEL may sleep, and a spinlock is held. */
	c->buf = kmalloc(len, GFP_KERNEL);
	spin_unlock(&c->lock);
	return c->buf ? 0 : -ENOMEM;
}

int cache_clean(struct cache *c)
{
	/* Means (!c->flags) & CACHE_DIRTY, which is always 0. */
	return !c->flags & CACHE_DIRTY;
}
