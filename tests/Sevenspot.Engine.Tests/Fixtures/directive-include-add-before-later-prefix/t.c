#include <linux/a.h>
#include <asm/b.h>
#include <linux/c.h>
int x;
#include <linux/d.h>
#include <linux/e.h>
int y;
#ifdef FOO
#include <linux/f.h>
#endif
void f(void) {
}
