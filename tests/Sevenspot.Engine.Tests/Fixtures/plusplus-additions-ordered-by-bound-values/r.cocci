@@
expression E;
identifier f;
@@
 f(...) {
++ note(E);
 ...
 check(E);
 ...
 }

@@
identifier s, v;
fresh identifier w = v ## "_w";
@@
struct s {
++	long w;
	...
	int v;
	...
};
