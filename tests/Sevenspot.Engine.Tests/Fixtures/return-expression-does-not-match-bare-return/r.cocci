@@
expression x;
@@
 if (...) { ...
- return IS_ERR(x);
+ return PTR_ERR(x);
}
