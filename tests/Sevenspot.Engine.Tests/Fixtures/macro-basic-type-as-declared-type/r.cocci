@@
unsigned long E1, E2, E3;
@@
- E1 = E2 + E3;
+ E1 = E2 - E3;

@@
int E1, E2;
@@
- E1 = E2 * 2;
+ E1 = E2 << 1;
