#include <linux/slab.h>

struct item {
	char *name;
	void *data;
};

void item_free(struct item *it)
{
	if (it->name != NULL)
		kfree(it->name);
	if (it->data)
		kfree(it->data);
	kfree(it);
}
