@@
expression E;
@@
- old(E);
+ /* before */
+ new(E);
+ /* after */
