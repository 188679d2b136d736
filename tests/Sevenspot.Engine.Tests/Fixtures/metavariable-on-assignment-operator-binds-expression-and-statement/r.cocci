@seen@
expression whole, lhs, rhs;
statement st;
@@
trace(lhs =@whole@st rhs);

@@
expression seen.whole;
@@
- audit(whole)
+ audit_log(whole)
