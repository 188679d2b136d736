@seen@
expression whole, lhs, rhs;
@@
trace(lhs +@whole rhs);

@@
expression seen.whole;
@@
- audit(whole)
+ audit_log(whole)
