struct hw { spinlock_t lock; struct completion done; int st; };
static inline void hw_wait_ready(struct hw *h)
{
	h->st = 2;
	wait_for_completion(&h->done);
}
static inline void hw_poll_ready(struct hw *h)
{
	while (!try_wait_for_completion(&h->done))
		cpu_relax();
}
static inline void hw_wait_unlocked(struct hw *h)
{
	h->st = 3;
	spin_unlock_irq(&h->lock);
	wait_for_completion(&h->done);
}
