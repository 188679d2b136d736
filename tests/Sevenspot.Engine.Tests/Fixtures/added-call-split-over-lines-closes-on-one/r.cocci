@@
expression x;
@@
- return x;
+ return BAD( x == NULL
+ );
