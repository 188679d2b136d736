@@
identifier x;
@@
 int main() {
++ bar(x);
 ...
 foo(x);
 ...
 }
