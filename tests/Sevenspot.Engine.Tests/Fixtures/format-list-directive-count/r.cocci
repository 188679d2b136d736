@@
format list[2] d;
@@
- log("val %@d@ end")
+ log("two")

@@
format list[1] d;
@@
- log("val %@d@")
+ log("one")
