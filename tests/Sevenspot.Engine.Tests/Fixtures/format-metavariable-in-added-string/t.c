void f(void)
{
	log("v=%lu\n");
	log("v=%s\n");
	log("w=%d\n");
	pair("%d and %-5.2x");
}
