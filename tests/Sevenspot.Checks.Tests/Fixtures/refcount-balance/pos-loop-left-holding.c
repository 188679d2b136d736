// SPDX-License-Identifier: GPL-2.0
/* The same walk left by a break that holds the device: the error return after the loop leaks it. */
#include <linux/pci.h>

int find_node(u32 want)
{
	struct pci_dev *cfg = NULL;
	u32 value;

	do {
		cfg = pci_get_device(PCI_VENDOR_ID_AMD, 0x1203, cfg);
		if (!cfg)
			return -ENODEV;
		pci_read_config_dword(cfg, 0x1cc, &value);
		if (value == want)
			break;
	} while (1);

	if (pci_enable_device(cfg))
		return -EIO;
	pci_dev_put(cfg);
	return 0;
}
