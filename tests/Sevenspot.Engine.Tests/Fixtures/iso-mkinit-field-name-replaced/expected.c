static int foo_remove(struct platform_device *pdev)
{
	return 0;
}

static struct platform_driver foo_driver = {
	.probe  = foo_probe,
	.remove_new = foo_remove,
	.driver = {
		.name = "foo",
	},
};

static struct other_driver bar_driver = {
	.remove = bar_remove,
};

void setup(void)
{
	struct platform_driver drv;

	drv.remove_new = foo_remove;
}
