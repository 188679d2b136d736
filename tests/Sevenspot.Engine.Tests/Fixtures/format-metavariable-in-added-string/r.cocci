@@
format d;
@@
- log("v=%@d@\n")
+ print("value %@d@!\n")

@@
format d, e;
@@
- pair("%@d@ and %@e@")
+ pair("%@e@ then %@d@")
