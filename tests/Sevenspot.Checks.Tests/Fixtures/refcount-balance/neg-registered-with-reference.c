// SPDX-License-Identifier: GPL-2.0
/* A device handed to a registration as its data is kept by what was registered: its release puts it. */
#include <linux/pci.h>

struct region_ops;
extern const struct region_ops bridge_ops;
int vfio_core_register_dev_region(void *vdev, unsigned int type, const struct region_ops *ops, size_t size, void *data);

int bridge_region_init(void *vdev)
{
	struct pci_dev *bridge;
	int ret;

	bridge = pci_get_domain_bus_and_slot(0, 0, 0);
	if (!bridge)
		return -ENODEV;

	if (bridge->vendor != PCI_VENDOR_ID_INTEL) {
		pci_dev_put(bridge);
		return -EINVAL;
	}

	ret = vfio_core_register_dev_region(vdev, 1, &bridge_ops, bridge->cfg_size, bridge);
	if (ret) {
		pci_dev_put(bridge);
		return ret;
	}

	if (!vdev)
		return -ENODEV;
	return 0;
}
