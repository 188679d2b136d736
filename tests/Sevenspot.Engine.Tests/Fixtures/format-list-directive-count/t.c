void f(void)
{
	log("val %d end");
	log("val %d %s end");
	log("val %x");
	log("val %d %d");
}
