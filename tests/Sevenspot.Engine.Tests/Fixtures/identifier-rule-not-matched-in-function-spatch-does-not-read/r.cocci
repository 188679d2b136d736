@@
identifier f =~ "^old_";
@@
- f
+ new_name
