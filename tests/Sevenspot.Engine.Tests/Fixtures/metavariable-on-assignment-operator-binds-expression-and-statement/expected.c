void ops(int a, int b, int c)
{
	trace(a + 2);
	audit(a + 2);
	trace(b * c + a);
	audit(b * c + a);
	trace(a = c);
	audit_log(a = c);
}
