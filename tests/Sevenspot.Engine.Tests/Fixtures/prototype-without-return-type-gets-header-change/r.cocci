@@
identifier fn;
@@

fn(...
+ , unsigned long flags
  ) { ... }
