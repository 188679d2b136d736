@@
type T;
T E, E1;
@@

- xxx(E);
+ aaa(E);
  ...
- yyy(E1);
+ bbb(E1);
