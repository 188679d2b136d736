// SPDX-License-Identifier: GPL-2.0
/*
 * Unlinking an object from a list takes over the list's reference: the function then holds
 * its own (or its caller's) and the list's, and two puts are due. A second get likewise.
 */
#include <linux/kref.h>
#include <linux/list.h>
#include <linux/spinlock.h>
#include <linux/file.h>

struct obj {
	struct kref ref;
	struct hlist_node hnode;
	struct list_head node;
	int id;
};

static DEFINE_SPINLOCK(objs_lock);
static struct hlist_head objs[64];
static LIST_HEAD(all);

static void obj_release(struct kref *k)
{
	kfree(container_of(k, struct obj, ref));
}

static struct obj *obj_find_locked(int id)
{
	struct obj *o;

	hlist_for_each_entry(o, &objs[id & 63], hnode)
		if (o->id == id)
			return o;
	return NULL;
}

void obj_kill(int id)
{
	struct obj *o;

	spin_lock(&objs_lock);
	o = obj_find_locked(id);
	if (o)
		kref_get(&o->ref);
	spin_unlock(&objs_lock);
	if (!o)
		return;
	obj_stop(o);
	spin_lock(&objs_lock);
	hlist_del_init(&o->hnode);
	spin_unlock(&objs_lock);
	kref_put(&o->ref, obj_release);
	kref_put(&o->ref, obj_release);
}

void obj_retire(struct obj *o)
{
	spin_lock(&objs_lock);
	list_del(&o->node);
	spin_unlock(&objs_lock);
	kref_put(&o->ref, obj_release);
	kref_put(&o->ref, obj_release);
}

int file_twice(unsigned int fd)
{
	struct file *f = fget(fd);

	if (!f)
		return -EBADF;
	get_file(f);
	file_queue(f);
	fput(f);
	fput(f);
	return 0;
}
