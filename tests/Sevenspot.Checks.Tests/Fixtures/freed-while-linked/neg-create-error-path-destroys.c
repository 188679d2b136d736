// SPDX-License-Identifier: GPL-2.0
/*
 * A create function links the new object and returns it; its caller's error path hands it to
 * the destroy function, which unlinks it and frees it.
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
		return ERR_PTR(-ENOMEM);
	s->id = id;
	list_add(&s->link, &sessions);
	return s;
}

static void session_destroy(struct session *s)
{
	list_del(&s->link);
	kfree(s);
}

int session_open(int id)
{
	struct session *s;
	int err;

	s = session_create(id);
	if (IS_ERR(s))
		return PTR_ERR(s);
	err = session_start(s);
	if (err) {
		session_destroy(s);		/* fine: unlinks, then frees */
		return err;
	}
	return 0;
}
