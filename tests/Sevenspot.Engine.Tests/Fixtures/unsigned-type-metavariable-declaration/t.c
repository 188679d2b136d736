int main() {
  unsigned int x;
  unsigned long long int a;
  unsigned long long m;
  unsigned u;
  unsigned char c;
  int y;
  return 0;
}
