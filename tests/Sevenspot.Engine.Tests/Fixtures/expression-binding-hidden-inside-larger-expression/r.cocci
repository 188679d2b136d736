@@
expression n;
@@
-lock_slot(n + 1);
 ...
-unlock_slot(n + 1);
