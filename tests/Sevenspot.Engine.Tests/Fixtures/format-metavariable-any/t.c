static void dev_report(struct device *dev, int len, int idx)
{
	pr_info("dev len %x ok");
	pr_info("dev len %1x idx %2x ok");
	pr_info("%d %x");
	pr_info("%x %d");
	pr_info("%d");
}
