int f(int x) {
  if (x) three();
}

int g(int x) {
  while (x) four();
}
