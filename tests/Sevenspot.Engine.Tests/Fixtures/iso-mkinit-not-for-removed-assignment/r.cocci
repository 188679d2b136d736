@@
struct platform_driver I;
identifier f;
@@

- I.remove = f;
