void f(void)
{
	log("val %d end");
	log("val %d, %s");
	log("other %d");
	warn("at %d:%d now");
	warn("at %d now");
}
