@@
expression n;
@@
-lock_slot(n);
 ...
-unlock_slot(n);
