@@
@@
 lock();
 ...
- return ...;
+ goto out;
