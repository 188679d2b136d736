void ops(int a, int b, int c)
{
	trace(a + 2);
	audit_log(a + 2);
	trace(b * c + a);
	audit_log(b * c + a);
	trace(a = c);
	audit(a = c);
}
