@@
identifier x;
@@
- \(int\|char **\) x;
