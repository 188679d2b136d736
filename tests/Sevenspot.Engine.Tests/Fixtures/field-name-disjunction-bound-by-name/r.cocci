@r@
expression ops;
identifier op;
@@
- ops->\(open@op\|release@op\)(...)
+ call_op(ops, op)
