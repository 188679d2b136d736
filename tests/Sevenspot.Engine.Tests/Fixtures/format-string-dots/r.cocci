@@
expression E;
@@

(
- printf("...%d...", E);
+ print_int(E);
|
- log("%s...", E)
+ log_s(E)
|
- warn("...%d...%d...", ...)
+ warn2()
)
