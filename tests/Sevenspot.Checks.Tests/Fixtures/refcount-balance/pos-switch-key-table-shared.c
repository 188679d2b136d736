// SPDX-License-Identifier: GPL-2.0
/*
 * A table neither static nor const may be written by another file of the program: its elements
 * are not known to be the ids the switch has cases for, so the break that keeps the device may be
 * taken.
 */
#include <linux/pci.h>

#define BRIDGE_A_FN3	0x3123
#define BRIDGE_B_FN3	0x3204

u16 bridge_fn3[] = {
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
