// SPDX-License-Identifier: GPL-2.0
/*
 * A table declared longer than its initializer holds zeros after the ids written: a lookup by
 * such an element finds a device the switch has no case for, which leaves the flag zero and the
 * loop by the break that keeps the device. A parameter named like the file's table is not that
 * table: its elements are anything.
 */
#include <linux/pci.h>

#define BRIDGE_A_FN3	0x3123
#define BRIDGE_B_FN3	0x3204

static u16 bridge_fn3[4] = {
	BRIDGE_A_FN3, BRIDGE_B_FN3,
};

static int bridge_aperture_size(void)
{
	int i;
	u8 where = 0;
	u32 size;

	for (i = 0; i < ARRAY_SIZE(bridge_fn3); i++) {
		struct pci_dev *fn;

		fn = pci_get_device(PCI_VENDOR_ID_VIA, bridge_fn3[i], NULL);
		if (!fn)
			continue;

		switch (fn->device) {
		case BRIDGE_A_FN3:
			where = 0xe0;
			break;
		case BRIDGE_B_FN3:
			where = 0xa0;
			break;
		}

		if (!where)
			break;

		pci_read_config_dword(fn, where, &size);
		pci_dev_put(fn);
	}

	if (!where)
		return -EIO;

	return (size >> 12) & 7;
}

static int bridge_aperture_of(const u16 *bridge_fn3)
{
	struct pci_dev *fn = pci_get_device(PCI_VENDOR_ID_VIA, bridge_fn3[0], NULL);
	int found = 0;
	u32 size;

	if (!fn)
		return -ENODEV;

	switch (fn->device) {
	case BRIDGE_A_FN3:
	case BRIDGE_B_FN3:
		found = 1;
		break;
	}

	if (found == 0)
		return -EIO;

	pci_read_config_dword(fn, 0xa0, &size);
	pci_dev_put(fn);
	return size;
}
