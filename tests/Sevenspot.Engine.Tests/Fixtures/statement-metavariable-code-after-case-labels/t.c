int g () {
  switch (y) {
  case 1:
    one();
    break;
  case 2: {
    two();
  }
  }
}
