@@
expression E;
@@
if (E)
- g();
h();
