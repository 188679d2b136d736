@@
identifier id;
attribute name __s;
@@

- struct id {...};
