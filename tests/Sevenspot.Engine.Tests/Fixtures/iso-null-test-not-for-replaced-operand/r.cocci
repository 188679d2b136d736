@@
expression *p;
expression q;
statement S;
@@

p = lookup(...);
(
if (p == NULL) S
|
if (
-   q
+   p
    == NULL)
  S
)
