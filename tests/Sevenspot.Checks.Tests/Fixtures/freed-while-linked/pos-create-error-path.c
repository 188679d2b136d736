// SPDX-License-Identifier: GPL-2.0
/*
 * A create function links the new object and returns it; its caller's error path frees it with
 * kfree() and never unlinks it.
 */
#include <linux/list.h>
#include <linux/slab.h>

struct session {
	struct list_head link;
	int id;
};

static LIST_HEAD(sessions);

static struct session *session_create(int id)
{
	struct session *s;

	s = kzalloc(sizeof(*s), GFP_KERNEL);
	if (!s)
		return NULL;
	s->id = id;
	list_add(&s->link, &sessions);
	return s;
}

int session_open(int id)
{
	struct session *s;
	int err;

	s = session_create(id);
	if (!s)
		return -ENOMEM;
	err = session_start(s);
	if (err) {
		kfree(s);			/* BUG: still on sessions */
		return err;
	}
	return 0;
}
