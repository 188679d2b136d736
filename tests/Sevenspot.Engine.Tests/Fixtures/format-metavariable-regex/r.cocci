@@
format d =~ ".x$";
@@
-foo("...%@d@...");
