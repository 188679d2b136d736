@@
statement list SL;
@@
{
+ init();
 SL
+ fini();
}
