// SPDX-License-Identifier: GPL-2.0
/*
 * The bridge is looked up and tested in one condition; the NULL branch holds nothing, but the
 * later error return leaks the reference the lookup returned.
 */
#include <linux/pci.h>
#include <linux/errno.h>

int probe_bridge(void)
{
	struct pci_dev *bridge;

	if ((bridge = pci_get_device(0x100b, 0x0500, NULL)) == NULL)
		return -ENODEV;

	if (bridge->revision < 2)
		return -EINVAL;	/* BUG */

	pci_dev_put(bridge);
	return 0;
}
