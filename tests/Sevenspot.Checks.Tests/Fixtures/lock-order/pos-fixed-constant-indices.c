// SPDX-License-Identifier: GPL-2.0
/*
 * Per-port address tables, each initialised by one function: one lockdep class. Bonding the
 * two ports takes port 1's table, then port 2's, reached through locals set to constant
 * elements of the port array: the order is fixed in the code.
 */
#include <linux/mutex.h>

struct addr_table {
	struct mutex mutex;
	unsigned long entries[16];
};

struct port_info {
	struct addr_table table;
	int up;
};

struct adapter {
	struct port_info port[3];
};

void addr_table_init(struct addr_table *t)
{
	mutex_init(&t->mutex);
}

int adapter_bond_tables(struct adapter *ad)
{
	struct addr_table *t1 = &ad->port[1].table;
	struct addr_table *t2 = &ad->port[2].table;
	int i;

	mutex_lock(&t1->mutex);
	mutex_lock(&t2->mutex);		/* recursion to lockdep, fixed order */
	for (i = 0; i < 16; i++)
		t2->entries[i] = t1->entries[i];
	mutex_unlock(&t2->mutex);
	mutex_unlock(&t1->mutex);
	return 0;
}
