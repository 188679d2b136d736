// SPDX-License-Identifier: GPL-2.0
/*
 * A small example in kernel style: a table of sessions guarded by a
 * spinlock, with RCU readers and reference counts. Sevenspot's own
 * example for "sevenspot parse examples/"; it is not meant to be built.
 */
#include <linux/module.h>
#include <linux/rculist.h>
#include <linux/refcount.h>
#include <linux/slab.h>
#include <linux/spinlock.h>

#define SESSION_HASH_BITS 6

struct session {
	struct hlist_node node;
	struct rcu_head rcu;
	refcount_t refs;
	u32 id;
	unsigned long flags;
	char name[16];
};

static DEFINE_SPINLOCK(sessions_lock);
static DEFINE_HASHTABLE(sessions, SESSION_HASH_BITS);
static unsigned int nr_sessions __read_mostly;

static struct session *session_lookup_rcu(u32 id)
{
	struct session *s;

	hash_for_each_possible_rcu(sessions, s, node, id) {
		if (s->id == id && refcount_inc_not_zero(&s->refs))
			return s;
	}
	return NULL;
}

struct session *session_get(u32 id)
{
	struct session *s;

	rcu_read_lock();
	s = session_lookup_rcu(id);
	rcu_read_unlock();
	return s;
}
EXPORT_SYMBOL_GPL(session_get);

static void session_free_rcu(struct rcu_head *head)
{
	kfree(container_of(head, struct session, rcu));
}

void session_put(struct session *s)
{
	if (!refcount_dec_and_test(&s->refs))
		return;

	spin_lock(&sessions_lock);
	hash_del_rcu(&s->node);
	nr_sessions--;
	spin_unlock(&sessions_lock);
	call_rcu(&s->rcu, session_free_rcu);
}
EXPORT_SYMBOL_GPL(session_put);

int session_add(u32 id, const char *name)
{
	struct session *s;
	unsigned long irqflags;
	int ret = 0;

	s = kzalloc(sizeof(*s), GFP_KERNEL);
	if (!s)
		return -ENOMEM;

	s->id = id;
	refcount_set(&s->refs, 1);
	strscpy(s->name, name, sizeof(s->name));

	spin_lock_irqsave(&sessions_lock, irqflags);
	if (nr_sessions >= (1U << SESSION_HASH_BITS) * 4) {
		ret = -ENOSPC;
		goto unlock;
	}
	hash_add_rcu(sessions, &s->node, id);
	nr_sessions++;
	s = NULL;
unlock:
	spin_unlock_irqrestore(&sessions_lock, irqflags);
	kfree(s);
	return ret;
}

static int __init sessions_init(void)
{
	pr_info("sessions: %u buckets\n", 1U << SESSION_HASH_BITS);
	return 0;
}

static void __exit sessions_exit(void)
{
	struct session *s;
	struct hlist_node *tmp;
	int bucket;

	spin_lock(&sessions_lock);
	hash_for_each_safe(sessions, bucket, tmp, s, node) {
		hash_del_rcu(&s->node);
		kfree_rcu(s, rcu);
	}
	spin_unlock(&sessions_lock);
}

module_init(sessions_init);
module_exit(sessions_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("Sevenspot example: sessions under a spinlock and RCU");
