#include <linux/slab.h>
#include <linux/string.h>

struct buffer {
	char *data;
	size_t len;
};

struct buffer *buffer_new(size_t len)
{
	struct buffer *b;

	b = kmalloc(sizeof(*b), GFP_KERNEL);
	if (!b)
		return NULL;
	memset(b, 0, sizeof(*b));
	b->data = kmalloc(len, GFP_KERNEL);
	if (!b->data) {
		kfree(b);
		return NULL;
	}
	b->len = len;
	return b;
}
