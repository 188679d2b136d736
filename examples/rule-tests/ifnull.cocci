// kfree() accepts NULL: the test before it is not needed.
@@
expression E;
@@
- if (E != NULL)
	kfree(E);
