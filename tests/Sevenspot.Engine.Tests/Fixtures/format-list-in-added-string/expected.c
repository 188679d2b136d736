void f(void)
{
	print("v=%d end");
	print("v=%d, %s");
	log("other %d");
	warn("now %d:%d");
	warn("at %d now");
}
