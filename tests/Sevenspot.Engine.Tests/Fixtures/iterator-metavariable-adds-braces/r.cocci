@@
iterator I;
expression list EL;
statement S;
@@
  I(EL)
- S
+ { S }
