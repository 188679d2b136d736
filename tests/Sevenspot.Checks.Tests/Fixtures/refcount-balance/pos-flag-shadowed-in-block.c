// SPDX-License-Identifier: GPL-2.0
/*
 * A flag declared again in an inner block is another variable: the zero written to the inner one
 * says nothing of the outer one, which is still unknown at its test, so the path that keeps the
 * device is taken.
 */
#include <linux/pci.h>

static int bridge_probe(unsigned int id)
{
	struct pci_dev *fn = pci_get_device(PCI_VENDOR_ID_VIA, id, NULL);
	int busy = bridge_busy(id);
	u32 size;

	if (!fn)
		return -ENODEV;

	{
		int busy = 0;

		size = busy ? 0 : 0xa0;
	}

	if (busy)
		return -EBUSY;

	pci_read_config_dword(fn, 0xa0, &size);
	pci_dev_put(fn);
	return size;
}
