@@
expression E;
@@
{
.speed = E
+ * 2
}
