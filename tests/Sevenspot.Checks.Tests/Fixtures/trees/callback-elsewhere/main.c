// SPDX-License-Identifier: GPL-2.0
#include <linux/pci.h>

int vf_sriov_configure(struct pci_dev *pdev, int num_vfs);

static struct pci_driver vf_driver = {
	.name = "vfdemo",
	.sriov_configure = vf_sriov_configure,
};
