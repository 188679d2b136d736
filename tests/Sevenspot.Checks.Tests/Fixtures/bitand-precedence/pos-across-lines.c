// SPDX-License-Identifier: GPL-2.0
/* The ! and the mask are on different lines of one condition. */
#include <linux/io.h>

#define STATUS_BUSY	(1 << 7)
#define REG_STATUS	0x10

static bool gadget_idle(void __iomem *base)
{
	return !readl(base + REG_STATUS)
		& STATUS_BUSY;		/* BUG: meant !(readl(...) & STATUS_BUSY) */
}

static void gadget_wait(void __iomem *base)
{
	while (!gadget_idle(base))
		cpu_relax();
}
