// SPDX-License-Identifier: GPL-2.0
#include <linux/pci.h>

int vf_sriov_configure(struct pci_dev *pdev, int num_vfs);

int vf_configure_from_sysfs(struct pci_dev *pdev, int num_vfs)
{
	return vf_sriov_configure(pdev, num_vfs);
}
