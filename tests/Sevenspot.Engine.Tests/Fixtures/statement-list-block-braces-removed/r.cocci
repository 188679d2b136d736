@@
statement list SL;
@@
- {
  SL
- }
