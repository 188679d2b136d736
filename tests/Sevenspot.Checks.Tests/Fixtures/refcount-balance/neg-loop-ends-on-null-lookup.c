// SPDX-License-Identifier: GPL-2.0
/*
 * A loop that walks devices with pci_get_device(..., from) is left only when the lookup returned
 * NULL (the "while (1)" test is never false): no reference is held after it.
 */
#include <linux/pci.h>

int setup_nodes(u32 want)
{
	struct pci_dev *cfg = NULL;
	int nodes = 0;
	u32 value;

	do {
		cfg = pci_get_device(PCI_VENDOR_ID_AMD, 0x1203, cfg);
		if (!cfg)
			break;
		++nodes;
		pci_read_config_dword(cfg, 0x1cc, &value);
		if (value != want) {
			pci_dev_put(cfg);
			return -EINVAL;
		}
	} while (1);

	if (!nodes)
		return -ENODEV;
	return 0;
}

int count_nodes(void)
{
	struct pci_dev *cfg = NULL;
	int nodes = 0;

	for (;;) {
		cfg = pci_get_device(PCI_VENDOR_ID_AMD, 0x1203, cfg);
		if (!cfg)
			break;
		nodes++;
		if (nodes > 64) {
			pci_dev_put(cfg);
			return -E2BIG;
		}
	}

	if (!nodes)
		return -ENODEV;
	return nodes;
}
