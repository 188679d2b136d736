@r@
format d =~ "d$";
@@
foo("%@d@...");
@@
format r.d;
@@
-bar("...%@d@");
