// SPDX-License-Identifier: GPL-2.0
/* Stores to other fields of the same object between the allocation and the memset do not touch the new memory. */
#include <linux/vmalloc.h>

struct page_table {
	void **pages;
	dma_addr_t *maps;
	unsigned int count;
};

static int table_alloc(struct page_table *t, unsigned int n)
{
	t->pages = vmalloc(n * sizeof(void *));	/* vzalloc */
	if (!t->pages)
		return -ENOMEM;
	t->count = 0;
	memset(t->pages, 0, n * sizeof(void *));

	t->maps = vmalloc(n * sizeof(dma_addr_t));	/* vzalloc */
	if (!t->maps) {
		vfree(t->pages);
		t->pages = NULL;
		return -ENOMEM;
	}
	memset(t->maps, 0, n * sizeof(dma_addr_t));
	return 0;
}
