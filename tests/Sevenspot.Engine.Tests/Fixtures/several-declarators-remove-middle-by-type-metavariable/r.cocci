@@
type T;
@@
- T mid;
