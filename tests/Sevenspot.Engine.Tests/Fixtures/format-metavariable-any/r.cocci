@@
format d;
@@
-foo("...%@d@...");
