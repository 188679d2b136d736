extern "C" {
int counter = 1;

int get(void) {
  return 1;
}
}

namespace outer {
namespace inner {
int twice(int x) {
  return 1;
}
}
}

namespace {
static int hidden(void) {
  return 1;
}
}

int after(void) {
  return 1;
}
