// SPDX-License-Identifier: GPL-2.0
/* pte_unmap_unlock(pte, ptl) releases its second argument: the lock is free after it. */
#include <linux/mm.h>
#include <linux/spinlock.h>

static int fault_retry(struct vm_fault *vmf)
{
	spin_lock(vmf->ptl);
	if (!pte_same(*vmf->pte, vmf->orig_pte)) {
		pte_unmap_unlock(vmf->pte, vmf->ptl);
		return 0;
	}
	update_mmu_tlb(vmf->vma, vmf->address, vmf->pte);
	pte_unmap_unlock(vmf->pte, vmf->ptl);
	cond_resched();
	return 1;
}
