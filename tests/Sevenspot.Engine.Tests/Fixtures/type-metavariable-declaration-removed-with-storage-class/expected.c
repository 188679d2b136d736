void before(void) { }
void f(void)
{
}
