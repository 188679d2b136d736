@@
expression cond;
@@

while (cond) {
  <...
  halt();
+ report();
  break;
  ...>
}
