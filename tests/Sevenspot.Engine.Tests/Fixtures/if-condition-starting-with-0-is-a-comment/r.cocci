@@
@@
- int y;
