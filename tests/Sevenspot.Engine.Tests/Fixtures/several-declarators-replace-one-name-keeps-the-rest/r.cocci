@@
type T;
@@
T
- mid
+ middle
 ;
