@@
identifier fn;
@@
fn(...
+ , int q
    ) { ... }
