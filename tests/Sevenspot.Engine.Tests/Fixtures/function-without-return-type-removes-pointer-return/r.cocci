@@
identifier f;
@@
- f(...) {...}
