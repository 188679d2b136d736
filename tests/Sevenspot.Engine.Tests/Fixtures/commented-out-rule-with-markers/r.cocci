@r@
expression E;
@@
- g(E);
+ k(E);

/*
@s@
@@
- h();
* noted();
+ x();
*/

@@
@@
- h(1);
+ h(2);
/* the end
 * of the rules
@@
*/
