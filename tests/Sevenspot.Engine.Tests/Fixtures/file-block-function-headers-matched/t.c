extern "C" {
int counter = 0;

int get(void) {
  return 0;
}
}

namespace outer {
namespace inner {
int twice(int x) {
  return 0;
}
}
}

namespace {
static int hidden(void) {
  return 0;
}
}

int after(void) {
  return 0;
}
