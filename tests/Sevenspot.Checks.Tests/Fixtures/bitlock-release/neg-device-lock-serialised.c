// SPDX-License-Identifier: GPL-2.0
/*
 * Every taker of the SR-IOV bit runs under the device lock: the PCI driver's sriov_configure
 * and remove callbacks (the PCI core and the driver core call them with device_lock() held),
 * and a sysfs handler that takes device_lock() itself. The device lock serialises the section
 * and its release orders the section's stores; the plain clear_bit() is no missing release.
 */
#include <linux/bitops.h>
#include <linux/device.h>
#include <linux/pci.h>

enum vf_state { VF_ENABLING };

struct vf_info {
	unsigned long state;
	int num_vfs;
	bool enabled;
};

static int vf_enable(struct vf_info *info, int num_vfs)
{
	if (test_and_set_bit(VF_ENABLING, &info->state))
		return -EBUSY;
	info->num_vfs = num_vfs;
	info->enabled = true;
	clear_bit(VF_ENABLING, &info->state);
	return num_vfs;
}

static int vf_disable(struct vf_info *info)
{
	if (test_and_set_bit(VF_ENABLING, &info->state))
		return -EBUSY;
	info->num_vfs = 0;
	info->enabled = false;
	clear_bit(VF_ENABLING, &info->state);
	return 0;
}

static int vf_sriov_configure(struct pci_dev *pdev, int num_vfs)
{
	struct vf_info *info = pci_get_drvdata(pdev);

	return num_vfs ? vf_enable(info, num_vfs) : vf_disable(info);
}

static void vf_remove(struct pci_dev *pdev)
{
	vf_disable(pci_get_drvdata(pdev));
}

ssize_t vf_reset_store(struct device *dev, const char *buf, size_t count)
{
	struct vf_info *info = dev_get_drvdata(dev);

	device_lock(dev);
	vf_disable(info);
	device_unlock(dev);
	return count;
}

static struct pci_driver vf_driver = {
	.name = "vfdemo",
	.remove = vf_remove,
	.sriov_configure = vf_sriov_configure,
};
