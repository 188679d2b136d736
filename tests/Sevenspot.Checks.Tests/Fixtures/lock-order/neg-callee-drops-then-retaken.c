// SPDX-License-Identifier: GPL-2.0
/* A callee that releases the caller's lock (expand() up_writes the sem its caller took): the second down_write retakes it. */
#include <linux/rwsem.h>
struct info { struct rw_semaphore sem; int type; };
void info_init(struct info *i) { init_rwsem(&i->sem); }
static int expand(struct info *i)
{
	i->type = 1;
	up_write(&i->sem);
	return 0;
}
int grow(struct info *i)
{
	int err;
	down_write(&i->sem);
	if (i->type == 0) {
		err = expand(i);
		if (err)
			return err;
		down_write(&i->sem);
	}
	i->type = 2;
	up_write(&i->sem);
	return 0;
}
