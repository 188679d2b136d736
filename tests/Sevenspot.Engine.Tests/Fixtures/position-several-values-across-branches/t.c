int main() {
  f(2);
  if (x) {
    g(2,1);
  }
  else {
    g(2,2);
    g(2,3);
  }
}

int two() {
  f(3);
  switch (x) {
  case 1: h(3); break;
  default: h(3, 4);
  }
  g(3);
}

int three() {
  f(4);
  if (x)
    k(4);
  else
    j(4);
}
