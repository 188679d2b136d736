@@
statement list SL;
@@
{
- foo();
  SL
}
