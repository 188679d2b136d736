@@
format spec;
@@
-pr_info("...%@spec@...");
