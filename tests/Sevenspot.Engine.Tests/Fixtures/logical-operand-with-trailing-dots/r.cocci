// "X || ..." (and "X && ..."): X is the whole condition or any operand of the chain of that operator,
// parenthesised groups being one operand; "... || X" is an ordinary binary expression.
@@
expression *E;
@@
if ((E == NULL && ...) || ...)
- return &E->page;
+ return NULL;

@@
expression *E;
@@
if (... || E == NULL)
- return E->next;
+ return NULL;
