/* Designated initializers, ranges and compound literals. */
static const struct file_operations widget_fops = {
	.owner		= THIS_MODULE,
	.open		= widget_open,
	.read		= widget_read,
	.llseek		= no_llseek,
};

static const int prio_map[16] = {
	[0 ... 7] = 1,
	[8] = 2,
	[WIDGET_MAX - 1] = 3,
};

static struct widget_config defaults = {
	.limits = { .min = 1, .max = 10 },
	.name = "default",
	.ids[2] = 7,
	flags: 0,
};

void reset(struct widget *w)
{
	*w = (struct widget){ .state = IDLE, .count = 0 };
}
