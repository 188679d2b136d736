@r@
identifier func;
expression x;
@@
func(...)
{
	<...
	g(x);
	...>
}

@@
expression r.x;
@@
- h(x);
+ k(x);
