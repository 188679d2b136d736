@@
identifier main;
@@

main(...
+ , int q
    ) { ... }
