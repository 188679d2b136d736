

void baz(void)
{
}
