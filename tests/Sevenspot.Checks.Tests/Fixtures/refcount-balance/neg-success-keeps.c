// SPDX-License-Identifier: GPL-2.0
/*
 * The page reference is kept on the successful return: the page now sits in the new page
 * table entry, and unmapping it drops the reference. Only the error return must put it.
 */
#include <linux/mm.h>

int copy_one_pte(struct mm_struct *dst, pte_t *dst_pte, unsigned long addr, struct page *page, pte_t pte)
{
	int ret = -EAGAIN;

	get_page(page);
	if (page_needs_cow(page)) {
		put_page(page);
		return -EAGAIN;
	}
	inc_mm_counter(dst, MM_ANONPAGES);
	set_pte_at(dst, addr, dst_pte, pte);
	ret = 0;
	return ret;
}
