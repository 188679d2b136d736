@@
@@
int f(...) {
  ...
- return 0;
+ return 1;
}

@@
constant C;
@@
- release(C);
+ release(C + 1);
