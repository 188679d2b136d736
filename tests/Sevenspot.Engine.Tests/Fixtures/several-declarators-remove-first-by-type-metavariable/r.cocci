@@
type T;
@@
- T head;
