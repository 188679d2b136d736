void f(void)
{
	print("value %lu!\n");
	print("value %s!\n");
	log("w=%d\n");
	pair("%-5.2x then %d");
}
