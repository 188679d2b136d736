int main () {
  if (y)
    one();
  else
    two();
  while (y)
    one();
  for (;;)
    three();
  one();
  return 0;
}
