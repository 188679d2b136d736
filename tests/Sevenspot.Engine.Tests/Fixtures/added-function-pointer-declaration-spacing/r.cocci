@@
identifier f;
@@
f(...) {
+ int (*fp)(int) = NULL;
+ unsigned long (*q)(void *, int);
+ int * c;
+ char *(*g)(void);
...
}
