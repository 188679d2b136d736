@@
@@
- unsigned long mask;
