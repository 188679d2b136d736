// SPDX-License-Identifier: GPL-2.0
#include <linux/bitops.h>
#include <linux/pci.h>

enum vf_state { VF_ENABLING };

struct vf_info {
	unsigned long state;
	int num_vfs;
};

int vf_sriov_configure(struct pci_dev *pdev, int num_vfs)
{
	struct vf_info *info = pci_get_drvdata(pdev);

	if (test_and_set_bit(VF_ENABLING, &info->state))
		return -EBUSY;
	info->num_vfs = num_vfs;
	clear_bit(VF_ENABLING, &info->state);
	return num_vfs;
}
