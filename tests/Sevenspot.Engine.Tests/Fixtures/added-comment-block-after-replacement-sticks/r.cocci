@@
expression E;
@@
- old(E); // gone
+ new(E); /* replaced */
