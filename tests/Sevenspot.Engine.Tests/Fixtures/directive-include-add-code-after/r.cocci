@@
@@
  #include <linux/...>
+ int added;
