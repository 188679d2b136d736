@@
identifier x;
@@
- \(char *\|short *\) x;
