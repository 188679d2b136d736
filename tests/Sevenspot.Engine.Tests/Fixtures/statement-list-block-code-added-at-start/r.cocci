@@
statement list SL;
@@
{
+ init();
 SL
}
