int f(int r)
{
	while (r){
		foo(3);
	}
	while (r) {   
		foo(4);
	}
	while (r) {
    foo(5);
	}
	if (r) {
		foo(6);
	} else
		bar();
	if (r) {
		foo(7);
	}
	else
		bar();
	if (r) {
		foo(8); }
	for (;;) {
		foo(9); /* c */
	}
	if (r) {
		/* c2 */
		foo(10);
	}
	if (r) {
		foo(11);
	}
	bar();
}
