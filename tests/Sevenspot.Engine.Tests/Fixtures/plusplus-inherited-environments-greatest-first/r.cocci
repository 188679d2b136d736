@r@
identifier x;
@@
 foo(x);

@@
identifier r.x;
@@
 int main() {
++ bar(x);
 ...
 }
