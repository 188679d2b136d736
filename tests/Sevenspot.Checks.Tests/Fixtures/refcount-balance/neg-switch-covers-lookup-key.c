// SPDX-License-Identifier: GPL-2.0
/*
 * A lookup by device id returns only a device of that id: the switch on ->device has a case for
 * every id of the table, so "no case" never happens, and the flag is non-zero on every path that
 * reaches its test. The break that would keep the device is never taken.
 */
#include <linux/pci.h>

#define BRIDGE_A_FN3	0x3123
#define BRIDGE_B_FN3	0x3204
#define BRIDGE_C_FN3	0x3208

static u16 bridge_fn3[] = {
	BRIDGE_A_FN3, BRIDGE_B_FN3, BRIDGE_C_FN3,
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
		case BRIDGE_C_FN3:
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

static int bridge_aperture_one(void)
{
	struct pci_dev *fn = pci_get_device(PCI_VENDOR_ID_VIA, BRIDGE_B_FN3, NULL);
	int found = 0;
	u32 size;

	if (!fn)
		return -ENODEV;

	switch (fn->device) {
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
