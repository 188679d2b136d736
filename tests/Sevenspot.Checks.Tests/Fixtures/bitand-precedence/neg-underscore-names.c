// SPDX-License-Identifier: GPL-2.0
/* A name of underscores alone is no constant's name: !a & _ is an and of truth values. */
#include <linux/types.h>

static bool neither(bool busy, bool _, bool __)
{
	bool a = !busy & _;
	bool b = !busy & __;

	return a | b;
}
