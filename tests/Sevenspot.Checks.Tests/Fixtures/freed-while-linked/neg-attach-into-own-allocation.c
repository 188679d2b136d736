// SPDX-License-Identifier: GPL-2.0
/*
 * A setup function allocates a connection and a mount, and an init function links the mount into
 * the connection's own list. The error path releases the mount, which drops the last reference of
 * the connection: the list dies with its owner, so the mount is not freed while on a live list.
 */
#include <linux/list.h>
#include <linux/slab.h>

struct conn {
	struct list_head mounts;
	int count;
};

struct mount {
	struct list_head entry;
	struct conn *c;
};

static void conn_init(struct conn *c, struct mount *m)
{
	INIT_LIST_HEAD(&c->mounts);
	c->count = 1;
	m->c = c;
	list_add(&m->entry, &c->mounts);
}

static void conn_put(struct conn *c)
{
	if (--c->count == 0)
		kfree(c);
}

static void mount_destroy(struct mount *m)
{
	conn_put(m->c);
	kfree(m);
}

int mount_setup(int fd)
{
	struct conn *c;
	struct mount *m;
	int err;

	c = kmalloc(sizeof(*c), GFP_KERNEL);
	if (!c)
		return -ENOMEM;
	m = kzalloc(sizeof(*m), GFP_KERNEL);
	if (!m) {
		kfree(c);
		return -ENOMEM;
	}
	conn_init(c, m);
	err = mount_fill(m, fd);
	if (err)
		mount_destroy(m);
	return err;
}
