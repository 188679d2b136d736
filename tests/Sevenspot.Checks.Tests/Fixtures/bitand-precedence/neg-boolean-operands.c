// SPDX-License-Identifier: GPL-2.0
/* !a & b where b is a truth value is a non-short-circuit and, written on purpose. */
#include <linux/types.h>

static bool both_idle(bool busy, bool ready, int count)
{
	bool a = !busy & ready;
	bool b = !busy & !count;
	bool c = !busy & (count == 0);
	bool d = !busy & is_ready(count);

	return a && b && c && d;
}
