@@
statement list SL;
@@
{
 SL
+ fini();
}
