@@
identifier v;
@@
- short v;
+ short w;
