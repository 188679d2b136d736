// SPDX-License-Identifier: GPL-2.0
/* A KUnit test that checks that memset() initialises kmalloc'ed memory: the two steps are the point. */
#include <kunit/test.h>
#include <linux/slab.h>

static void test_memset_initialises(struct kunit *test)
{
	int *ptr;

	ptr = kmalloc(sizeof(*ptr), GFP_KERNEL);
	memset(ptr, 0, sizeof(*ptr));
	KUNIT_EXPECT_EQ(test, *ptr, 0);
	kfree(ptr);
}
