@@
@@
struct foo {
...
- int old;
};
