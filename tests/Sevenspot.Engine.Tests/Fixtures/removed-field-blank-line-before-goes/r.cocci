@@
@@
struct foo {
...
- int old;
...
};
