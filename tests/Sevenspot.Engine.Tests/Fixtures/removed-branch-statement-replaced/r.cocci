@@
expression E;
@@
if (E)
- g();
+ z();
