@@
identifier x;
@@
- long x;
