// SPDX-License-Identifier: GPL-2.0
/* An open keeps the device it found for the file: a pointer derived from it is stored in the file's private data, release puts it. */
#include <linux/device.h>
#include <linux/fs.h>
#include <linux/slab.h>

struct widget {
	struct device dev;
};

struct widget_file {
	struct widget *widget;
};

extern struct class widget_class;
int widget_match(struct device *dev, const void *data);

#define to_widget(d) container_of((d), struct widget, dev)

static int widget_open(struct inode *inode, struct file *file)
{
	struct widget_file *wf;
	struct device *dev;
	unsigned int major = imajor(inode);

	dev = class_find_device(&widget_class, NULL, &major, widget_match);
	if (!dev)
		return -ENODEV;

	wf = kzalloc(sizeof(*wf), GFP_KERNEL);
	if (!wf)
		goto err_put;

	wf->widget = to_widget(dev);
	file->private_data = wf;

	return nonseekable_open(inode, file);

err_put:
	put_device(dev);
	return -ENOMEM;
}
