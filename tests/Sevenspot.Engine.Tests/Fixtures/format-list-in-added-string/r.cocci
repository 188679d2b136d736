@@
format list d;
@@
- log("val %@d@")
+ print("v=%@d@")

@@
format list[2] e;
@@
- warn("at %@e@ now")
+ warn("now %@e@")
