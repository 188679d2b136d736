@@
type ty;
identifier v;
@@
- unsigned ty v;
