@@
format spec =~ ".x$";
@@
-pr_info("...%@spec@...");
