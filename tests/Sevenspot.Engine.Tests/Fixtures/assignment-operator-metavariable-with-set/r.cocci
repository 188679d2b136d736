@@
assignment operator a = {+=, -=};
identifier x;
expression E;
@@
- x a E;
+ x a -(E);
