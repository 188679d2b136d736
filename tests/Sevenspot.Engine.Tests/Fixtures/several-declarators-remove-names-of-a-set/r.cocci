@@
identifier x = {head, tail};
@@
- int x;
