// SPDX-License-Identifier: GPL-2.0
/*
 * Every id has a case, but one case leaves the flag as it was: on the first pass it is still zero
 * there, the loop is left by the break that keeps the device, and the error return leaks it.
 * And a flag passed to a macro (get_user) may have any value after it.
 */
#include <linux/pci.h>

#define BRIDGE_A_FN3	0x3123
#define BRIDGE_B_FN3	0x3204

static u16 bridge_fn3[] = {
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
			pr_info("no aperture on this bridge\n");
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

static int bridge_aperture_read(void)
{
	struct pci_dev *fn = pci_get_device(PCI_VENDOR_ID_VIA, BRIDGE_A_FN3, NULL);
	u8 where = 0;

	if (!fn)
		return -ENODEV;

	switch (fn->device) {
	case BRIDGE_A_FN3:
		where = 0xe0;
		break;
	}

	/* a macro given the flag may assign it */
	get_user(where, (u8 __user *)0x1000);
	if (!where)
		return -EIO;

	pci_dev_put(fn);
	return where;
}
