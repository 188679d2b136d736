int main() {
  f(2);
  if (x) {
  }
  else {
    g(2,3);
  }
}

int two() {
  f(3);
  switch (x) {
  case 1: break;
  default:
  }
}

int three() {
  f(4);
  if (x)
    k(4);
  else
    j(4);
}
