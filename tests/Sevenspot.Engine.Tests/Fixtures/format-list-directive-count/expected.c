void f(void)
{
	log("one");
	log("two");
	log("one");
	log("val %d %d");
}
