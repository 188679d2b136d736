@r@
expression x;
@@
 foo(x);

@@
expression r.x;
@@
 int main() {
++ bar(x);
 ...
 }
