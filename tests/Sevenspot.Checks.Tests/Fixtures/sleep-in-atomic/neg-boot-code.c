// SPDX-License-Identifier: GPL-2.0
/* Boot code (__init) runs while system_state is SYSTEM_BOOTING, when might_sleep() does not warn. */
#include <linux/init.h>
#include <linux/interrupt.h>
#include <linux/slab.h>

static struct kmem_cache *node_cache;

static void node_cache_init(void)
{
	node_cache = kmem_cache_create("node", 64, 0, 0, NULL);
}

void __init early_setup(void)
{
	local_irq_disable();
	node_cache_init();
	local_irq_enable();
}
