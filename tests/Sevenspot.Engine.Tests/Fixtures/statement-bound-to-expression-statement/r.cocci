@r@
statement S;
@@
f()@S

@@
statement r.S;
@@
+ before();
S
