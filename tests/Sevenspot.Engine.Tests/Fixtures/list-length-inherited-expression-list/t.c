int f(char *x, long w, int y, char* z) {
  return;
}

void main(void)
{
	g("toto", 3, "tata", 4);
	g(1, 2);
	g(1, 2, 3);
	g(k(1, 2), 3, 4);
}
