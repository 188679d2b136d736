// kzalloc: memory allocated and then cleared whole by a memset of the same size should be
// allocated zeroed. Generated from allocators.txt (the allocators with zeroing= and size=) by
// KzallocRule.Generate; `sevenspot check` runs it as its kzalloc check, and it runs as it is with
// `sevenspot --sp-file` or spatch. No finding in a KUnit test (a function taking a struct kunit *),
// nor for an allocation whose flags hold __GFP_ZERO.

@kunit@
identifier fn, t;
position q;
@@
fn(..., struct kunit *t, ...) {
<+...
\(kmalloc@q\|kmalloc_node@q\|kmalloc_array@q\|kmalloc_array_node@q\|kvmalloc@q\|kvmalloc_node@q\|kvmalloc_array@q\|devm_kmalloc@q\|devm_kmalloc_array@q\|vmalloc@q\|vmalloc_node@q\)(...)
...+>
}

@gfpzero@
position g;
@@
(
kmalloc@g(...,<+... __GFP_ZERO ...+>,...)
|
kmalloc_node@g(...,<+... __GFP_ZERO ...+>,...)
|
kmalloc_array@g(...,<+... __GFP_ZERO ...+>,...)
|
kmalloc_array_node@g(...,<+... __GFP_ZERO ...+>,...)
|
kvmalloc@g(...,<+... __GFP_ZERO ...+>,...)
|
kvmalloc_node@g(...,<+... __GFP_ZERO ...+>,...)
|
kvmalloc_array@g(...,<+... __GFP_ZERO ...+>,...)
|
devm_kmalloc@g(...,<+... __GFP_ZERO ...+>,...)
|
devm_kmalloc_array@g(...,<+... __GFP_ZERO ...+>,...)
|
vmalloc@g(...,<+... __GFP_ZERO ...+>,...)
|
vmalloc_node@g(...,<+... __GFP_ZERO ...+>,...)
)

@kz_kmalloc@
idexpression x;
expression E, A1, E4;
type T, T2;
assignment operator aop;
position p != {kunit.q, gfpzero.g}, m;
statement S;
@@
(
  x =
- kmalloc@p
+ kzalloc
  (E, A1);
|
  x = (T)
- kmalloc@p
+ kzalloc
  (E, A1);
)
  ... when != x
      when != E aop E4
      when != E++
      when != ++E
      when != E--
      when != --E
      when != &E
(
  if (x == NULL) S
  ... when != x
      when != E aop E4
      when != E++
      when != ++E
      when != E--
      when != --E
      when != &E
|
  if (unlikely(x == NULL)) S
  ... when != x
      when != E aop E4
      when != E++
      when != ++E
      when != E--
      when != --E
      when != &E
|
)
(
- memset@m(x, 0, E);
|
- memset@m((T2)x, 0, E);
)

@kzm_kmalloc@
expression o, E, A1, E4;
identifier fld;
expression F, E3;
type T, T2;
assignment operator aop;
position p != {kunit.q, gfpzero.g}, m;
statement S;
@@
(
  o->fld =
- kmalloc@p
+ kzalloc
  (E, A1);
|
  o->fld = (T)
- kmalloc@p
+ kzalloc
  (E, A1);
)
  ... when != o->fld
      when != F(..., o, ...)
      when != o = E3
      when != E aop E4
      when != E++
      when != ++E
      when != E--
      when != --E
      when != &E
(
  if (o->fld == NULL) S
  ... when != o->fld
      when != F(..., o, ...)
      when != o = E3
      when != E aop E4
      when != E++
      when != ++E
      when != E--
      when != --E
      when != &E
|
  if (unlikely(o->fld == NULL)) S
  ... when != o->fld
      when != F(..., o, ...)
      when != o = E3
      when != E aop E4
      when != E++
      when != ++E
      when != E--
      when != --E
      when != &E
|
)
(
- memset@m(o->fld, 0, E);
|
- memset@m((T2)o->fld, 0, E);
)

@kzd_kmalloc@
expression E, A1, E4;
identifier i;
type T, T2, T3;
assignment operator aop;
position p != {kunit.q, gfpzero.g}, m;
statement S;
@@
(
  T i =
- kmalloc@p
+ kzalloc
  (E, A1);
|
  T i = (T3)
- kmalloc@p
+ kzalloc
  (E, A1);
)
  ... when != i
      when != E aop E4
      when != E++
      when != ++E
      when != E--
      when != --E
      when != &E
(
  if (i == NULL) S
  ... when != i
      when != E aop E4
      when != E++
      when != ++E
      when != E--
      when != --E
      when != &E
|
  if (unlikely(i == NULL)) S
  ... when != i
      when != E aop E4
      when != E++
      when != ++E
      when != E--
      when != --E
      when != &E
|
)
(
- memset@m(i, 0, E);
|
- memset@m((T2)i, 0, E);
)

@kz_kmalloc_node@
idexpression x;
expression E, A1, E4;
type T, T2;
assignment operator aop;
position p != {kunit.q, gfpzero.g}, m;
statement S;
@@
(
  x =
- kmalloc_node@p
+ kzalloc_node
  (E, A1, ...);
|
  x = (T)
- kmalloc_node@p
+ kzalloc_node
  (E, A1, ...);
)
  ... when != x
      when != E aop E4
      when != E++
      when != ++E
      when != E--
      when != --E
      when != &E
(
  if (x == NULL) S
  ... when != x
      when != E aop E4
      when != E++
      when != ++E
      when != E--
      when != --E
      when != &E
|
  if (unlikely(x == NULL)) S
  ... when != x
      when != E aop E4
      when != E++
      when != ++E
      when != E--
      when != --E
      when != &E
|
)
(
- memset@m(x, 0, E);
|
- memset@m((T2)x, 0, E);
)

@kzm_kmalloc_node@
expression o, E, A1, E4;
identifier fld;
expression F, E3;
type T, T2;
assignment operator aop;
position p != {kunit.q, gfpzero.g}, m;
statement S;
@@
(
  o->fld =
- kmalloc_node@p
+ kzalloc_node
  (E, A1, ...);
|
  o->fld = (T)
- kmalloc_node@p
+ kzalloc_node
  (E, A1, ...);
)
  ... when != o->fld
      when != F(..., o, ...)
      when != o = E3
      when != E aop E4
      when != E++
      when != ++E
      when != E--
      when != --E
      when != &E
(
  if (o->fld == NULL) S
  ... when != o->fld
      when != F(..., o, ...)
      when != o = E3
      when != E aop E4
      when != E++
      when != ++E
      when != E--
      when != --E
      when != &E
|
  if (unlikely(o->fld == NULL)) S
  ... when != o->fld
      when != F(..., o, ...)
      when != o = E3
      when != E aop E4
      when != E++
      when != ++E
      when != E--
      when != --E
      when != &E
|
)
(
- memset@m(o->fld, 0, E);
|
- memset@m((T2)o->fld, 0, E);
)

@kzd_kmalloc_node@
expression E, A1, E4;
identifier i;
type T, T2, T3;
assignment operator aop;
position p != {kunit.q, gfpzero.g}, m;
statement S;
@@
(
  T i =
- kmalloc_node@p
+ kzalloc_node
  (E, A1, ...);
|
  T i = (T3)
- kmalloc_node@p
+ kzalloc_node
  (E, A1, ...);
)
  ... when != i
      when != E aop E4
      when != E++
      when != ++E
      when != E--
      when != --E
      when != &E
(
  if (i == NULL) S
  ... when != i
      when != E aop E4
      when != E++
      when != ++E
      when != E--
      when != --E
      when != &E
|
  if (unlikely(i == NULL)) S
  ... when != i
      when != E aop E4
      when != E++
      when != ++E
      when != E--
      when != --E
      when != &E
|
)
(
- memset@m(i, 0, E);
|
- memset@m((T2)i, 0, E);
)

@kz_kmalloc_array@
idexpression x;
expression E, E2, A2, E4;
type T, T2;
assignment operator aop;
position p != {kunit.q, gfpzero.g}, m;
statement S;
@@
(
  x =
- kmalloc_array@p
+ kcalloc
  (E, E2, A2);
|
  x = (T)
- kmalloc_array@p
+ kcalloc
  (E, E2, A2);
)
  ... when != x
      when != E aop E4
      when != E++
      when != ++E
      when != E--
      when != --E
      when != &E
      when != E2 aop E4
      when != E2++
      when != ++E2
      when != E2--
      when != --E2
      when != &E2
(
  if (x == NULL) S
  ... when != x
      when != E aop E4
      when != E++
      when != ++E
      when != E--
      when != --E
      when != &E
      when != E2 aop E4
      when != E2++
      when != ++E2
      when != E2--
      when != --E2
      when != &E2
|
  if (unlikely(x == NULL)) S
  ... when != x
      when != E aop E4
      when != E++
      when != ++E
      when != E--
      when != --E
      when != &E
      when != E2 aop E4
      when != E2++
      when != ++E2
      when != E2--
      when != --E2
      when != &E2
|
)
(
- memset@m(x, 0, E * E2);
|
- memset@m((T2)x, 0, E * E2);
|
- memset@m(x, 0, E2 * E);
|
- memset@m((T2)x, 0, E2 * E);
)

@kzm_kmalloc_array@
expression o, E, E2, A2, E4;
identifier fld;
expression F, E3;
type T, T2;
assignment operator aop;
position p != {kunit.q, gfpzero.g}, m;
statement S;
@@
(
  o->fld =
- kmalloc_array@p
+ kcalloc
  (E, E2, A2);
|
  o->fld = (T)
- kmalloc_array@p
+ kcalloc
  (E, E2, A2);
)
  ... when != o->fld
      when != F(..., o, ...)
      when != o = E3
      when != E aop E4
      when != E++
      when != ++E
      when != E--
      when != --E
      when != &E
      when != E2 aop E4
      when != E2++
      when != ++E2
      when != E2--
      when != --E2
      when != &E2
(
  if (o->fld == NULL) S
  ... when != o->fld
      when != F(..., o, ...)
      when != o = E3
      when != E aop E4
      when != E++
      when != ++E
      when != E--
      when != --E
      when != &E
      when != E2 aop E4
      when != E2++
      when != ++E2
      when != E2--
      when != --E2
      when != &E2
|
  if (unlikely(o->fld == NULL)) S
  ... when != o->fld
      when != F(..., o, ...)
      when != o = E3
      when != E aop E4
      when != E++
      when != ++E
      when != E--
      when != --E
      when != &E
      when != E2 aop E4
      when != E2++
      when != ++E2
      when != E2--
      when != --E2
      when != &E2
|
)
(
- memset@m(o->fld, 0, E * E2);
|
- memset@m((T2)o->fld, 0, E * E2);
|
- memset@m(o->fld, 0, E2 * E);
|
- memset@m((T2)o->fld, 0, E2 * E);
)

@kzd_kmalloc_array@
expression E, E2, A2, E4;
identifier i;
type T, T2, T3;
assignment operator aop;
position p != {kunit.q, gfpzero.g}, m;
statement S;
@@
(
  T i =
- kmalloc_array@p
+ kcalloc
  (E, E2, A2);
|
  T i = (T3)
- kmalloc_array@p
+ kcalloc
  (E, E2, A2);
)
  ... when != i
      when != E aop E4
      when != E++
      when != ++E
      when != E--
      when != --E
      when != &E
      when != E2 aop E4
      when != E2++
      when != ++E2
      when != E2--
      when != --E2
      when != &E2
(
  if (i == NULL) S
  ... when != i
      when != E aop E4
      when != E++
      when != ++E
      when != E--
      when != --E
      when != &E
      when != E2 aop E4
      when != E2++
      when != ++E2
      when != E2--
      when != --E2
      when != &E2
|
  if (unlikely(i == NULL)) S
  ... when != i
      when != E aop E4
      when != E++
      when != ++E
      when != E--
      when != --E
      when != &E
      when != E2 aop E4
      when != E2++
      when != ++E2
      when != E2--
      when != --E2
      when != &E2
|
)
(
- memset@m(i, 0, E * E2);
|
- memset@m((T2)i, 0, E * E2);
|
- memset@m(i, 0, E2 * E);
|
- memset@m((T2)i, 0, E2 * E);
)

@kz_kmalloc_array_node@
idexpression x;
expression E, E2, A2, E4;
type T, T2;
assignment operator aop;
position p != {kunit.q, gfpzero.g}, m;
statement S;
@@
(
  x =
- kmalloc_array_node@p
+ kcalloc_node
  (E, E2, A2, ...);
|
  x = (T)
- kmalloc_array_node@p
+ kcalloc_node
  (E, E2, A2, ...);
)
  ... when != x
      when != E aop E4
      when != E++
      when != ++E
      when != E--
      when != --E
      when != &E
      when != E2 aop E4
      when != E2++
      when != ++E2
      when != E2--
      when != --E2
      when != &E2
(
  if (x == NULL) S
  ... when != x
      when != E aop E4
      when != E++
      when != ++E
      when != E--
      when != --E
      when != &E
      when != E2 aop E4
      when != E2++
      when != ++E2
      when != E2--
      when != --E2
      when != &E2
|
  if (unlikely(x == NULL)) S
  ... when != x
      when != E aop E4
      when != E++
      when != ++E
      when != E--
      when != --E
      when != &E
      when != E2 aop E4
      when != E2++
      when != ++E2
      when != E2--
      when != --E2
      when != &E2
|
)
(
- memset@m(x, 0, E * E2);
|
- memset@m((T2)x, 0, E * E2);
|
- memset@m(x, 0, E2 * E);
|
- memset@m((T2)x, 0, E2 * E);
)

@kzm_kmalloc_array_node@
expression o, E, E2, A2, E4;
identifier fld;
expression F, E3;
type T, T2;
assignment operator aop;
position p != {kunit.q, gfpzero.g}, m;
statement S;
@@
(
  o->fld =
- kmalloc_array_node@p
+ kcalloc_node
  (E, E2, A2, ...);
|
  o->fld = (T)
- kmalloc_array_node@p
+ kcalloc_node
  (E, E2, A2, ...);
)
  ... when != o->fld
      when != F(..., o, ...)
      when != o = E3
      when != E aop E4
      when != E++
      when != ++E
      when != E--
      when != --E
      when != &E
      when != E2 aop E4
      when != E2++
      when != ++E2
      when != E2--
      when != --E2
      when != &E2
(
  if (o->fld == NULL) S
  ... when != o->fld
      when != F(..., o, ...)
      when != o = E3
      when != E aop E4
      when != E++
      when != ++E
      when != E--
      when != --E
      when != &E
      when != E2 aop E4
      when != E2++
      when != ++E2
      when != E2--
      when != --E2
      when != &E2
|
  if (unlikely(o->fld == NULL)) S
  ... when != o->fld
      when != F(..., o, ...)
      when != o = E3
      when != E aop E4
      when != E++
      when != ++E
      when != E--
      when != --E
      when != &E
      when != E2 aop E4
      when != E2++
      when != ++E2
      when != E2--
      when != --E2
      when != &E2
|
)
(
- memset@m(o->fld, 0, E * E2);
|
- memset@m((T2)o->fld, 0, E * E2);
|
- memset@m(o->fld, 0, E2 * E);
|
- memset@m((T2)o->fld, 0, E2 * E);
)

@kzd_kmalloc_array_node@
expression E, E2, A2, E4;
identifier i;
type T, T2, T3;
assignment operator aop;
position p != {kunit.q, gfpzero.g}, m;
statement S;
@@
(
  T i =
- kmalloc_array_node@p
+ kcalloc_node
  (E, E2, A2, ...);
|
  T i = (T3)
- kmalloc_array_node@p
+ kcalloc_node
  (E, E2, A2, ...);
)
  ... when != i
      when != E aop E4
      when != E++
      when != ++E
      when != E--
      when != --E
      when != &E
      when != E2 aop E4
      when != E2++
      when != ++E2
      when != E2--
      when != --E2
      when != &E2
(
  if (i == NULL) S
  ... when != i
      when != E aop E4
      when != E++
      when != ++E
      when != E--
      when != --E
      when != &E
      when != E2 aop E4
      when != E2++
      when != ++E2
      when != E2--
      when != --E2
      when != &E2
|
  if (unlikely(i == NULL)) S
  ... when != i
      when != E aop E4
      when != E++
      when != ++E
      when != E--
      when != --E
      when != &E
      when != E2 aop E4
      when != E2++
      when != ++E2
      when != E2--
      when != --E2
      when != &E2
|
)
(
- memset@m(i, 0, E * E2);
|
- memset@m((T2)i, 0, E * E2);
|
- memset@m(i, 0, E2 * E);
|
- memset@m((T2)i, 0, E2 * E);
)

@kz_kvmalloc@
idexpression x;
expression E, A1, E4;
type T, T2;
assignment operator aop;
position p != {kunit.q, gfpzero.g}, m;
statement S;
@@
(
  x =
- kvmalloc@p
+ kvzalloc
  (E, A1);
|
  x = (T)
- kvmalloc@p
+ kvzalloc
  (E, A1);
)
  ... when != x
      when != E aop E4
      when != E++
      when != ++E
      when != E--
      when != --E
      when != &E
(
  if (x == NULL) S
  ... when != x
      when != E aop E4
      when != E++
      when != ++E
      when != E--
      when != --E
      when != &E
|
  if (unlikely(x == NULL)) S
  ... when != x
      when != E aop E4
      when != E++
      when != ++E
      when != E--
      when != --E
      when != &E
|
)
(
- memset@m(x, 0, E);
|
- memset@m((T2)x, 0, E);
)

@kzm_kvmalloc@
expression o, E, A1, E4;
identifier fld;
expression F, E3;
type T, T2;
assignment operator aop;
position p != {kunit.q, gfpzero.g}, m;
statement S;
@@
(
  o->fld =
- kvmalloc@p
+ kvzalloc
  (E, A1);
|
  o->fld = (T)
- kvmalloc@p
+ kvzalloc
  (E, A1);
)
  ... when != o->fld
      when != F(..., o, ...)
      when != o = E3
      when != E aop E4
      when != E++
      when != ++E
      when != E--
      when != --E
      when != &E
(
  if (o->fld == NULL) S
  ... when != o->fld
      when != F(..., o, ...)
      when != o = E3
      when != E aop E4
      when != E++
      when != ++E
      when != E--
      when != --E
      when != &E
|
  if (unlikely(o->fld == NULL)) S
  ... when != o->fld
      when != F(..., o, ...)
      when != o = E3
      when != E aop E4
      when != E++
      when != ++E
      when != E--
      when != --E
      when != &E
|
)
(
- memset@m(o->fld, 0, E);
|
- memset@m((T2)o->fld, 0, E);
)

@kzd_kvmalloc@
expression E, A1, E4;
identifier i;
type T, T2, T3;
assignment operator aop;
position p != {kunit.q, gfpzero.g}, m;
statement S;
@@
(
  T i =
- kvmalloc@p
+ kvzalloc
  (E, A1);
|
  T i = (T3)
- kvmalloc@p
+ kvzalloc
  (E, A1);
)
  ... when != i
      when != E aop E4
      when != E++
      when != ++E
      when != E--
      when != --E
      when != &E
(
  if (i == NULL) S
  ... when != i
      when != E aop E4
      when != E++
      when != ++E
      when != E--
      when != --E
      when != &E
|
  if (unlikely(i == NULL)) S
  ... when != i
      when != E aop E4
      when != E++
      when != ++E
      when != E--
      when != --E
      when != &E
|
)
(
- memset@m(i, 0, E);
|
- memset@m((T2)i, 0, E);
)

@kz_kvmalloc_node@
idexpression x;
expression E, A1, E4;
type T, T2;
assignment operator aop;
position p != {kunit.q, gfpzero.g}, m;
statement S;
@@
(
  x =
- kvmalloc_node@p
+ kvzalloc_node
  (E, A1, ...);
|
  x = (T)
- kvmalloc_node@p
+ kvzalloc_node
  (E, A1, ...);
)
  ... when != x
      when != E aop E4
      when != E++
      when != ++E
      when != E--
      when != --E
      when != &E
(
  if (x == NULL) S
  ... when != x
      when != E aop E4
      when != E++
      when != ++E
      when != E--
      when != --E
      when != &E
|
  if (unlikely(x == NULL)) S
  ... when != x
      when != E aop E4
      when != E++
      when != ++E
      when != E--
      when != --E
      when != &E
|
)
(
- memset@m(x, 0, E);
|
- memset@m((T2)x, 0, E);
)

@kzm_kvmalloc_node@
expression o, E, A1, E4;
identifier fld;
expression F, E3;
type T, T2;
assignment operator aop;
position p != {kunit.q, gfpzero.g}, m;
statement S;
@@
(
  o->fld =
- kvmalloc_node@p
+ kvzalloc_node
  (E, A1, ...);
|
  o->fld = (T)
- kvmalloc_node@p
+ kvzalloc_node
  (E, A1, ...);
)
  ... when != o->fld
      when != F(..., o, ...)
      when != o = E3
      when != E aop E4
      when != E++
      when != ++E
      when != E--
      when != --E
      when != &E
(
  if (o->fld == NULL) S
  ... when != o->fld
      when != F(..., o, ...)
      when != o = E3
      when != E aop E4
      when != E++
      when != ++E
      when != E--
      when != --E
      when != &E
|
  if (unlikely(o->fld == NULL)) S
  ... when != o->fld
      when != F(..., o, ...)
      when != o = E3
      when != E aop E4
      when != E++
      when != ++E
      when != E--
      when != --E
      when != &E
|
)
(
- memset@m(o->fld, 0, E);
|
- memset@m((T2)o->fld, 0, E);
)

@kzd_kvmalloc_node@
expression E, A1, E4;
identifier i;
type T, T2, T3;
assignment operator aop;
position p != {kunit.q, gfpzero.g}, m;
statement S;
@@
(
  T i =
- kvmalloc_node@p
+ kvzalloc_node
  (E, A1, ...);
|
  T i = (T3)
- kvmalloc_node@p
+ kvzalloc_node
  (E, A1, ...);
)
  ... when != i
      when != E aop E4
      when != E++
      when != ++E
      when != E--
      when != --E
      when != &E
(
  if (i == NULL) S
  ... when != i
      when != E aop E4
      when != E++
      when != ++E
      when != E--
      when != --E
      when != &E
|
  if (unlikely(i == NULL)) S
  ... when != i
      when != E aop E4
      when != E++
      when != ++E
      when != E--
      when != --E
      when != &E
|
)
(
- memset@m(i, 0, E);
|
- memset@m((T2)i, 0, E);
)

@kz_kvmalloc_array@
idexpression x;
expression E, E2, A2, E4;
type T, T2;
assignment operator aop;
position p != {kunit.q, gfpzero.g}, m;
statement S;
@@
(
  x =
- kvmalloc_array@p
+ kvcalloc
  (E, E2, A2);
|
  x = (T)
- kvmalloc_array@p
+ kvcalloc
  (E, E2, A2);
)
  ... when != x
      when != E aop E4
      when != E++
      when != ++E
      when != E--
      when != --E
      when != &E
      when != E2 aop E4
      when != E2++
      when != ++E2
      when != E2--
      when != --E2
      when != &E2
(
  if (x == NULL) S
  ... when != x
      when != E aop E4
      when != E++
      when != ++E
      when != E--
      when != --E
      when != &E
      when != E2 aop E4
      when != E2++
      when != ++E2
      when != E2--
      when != --E2
      when != &E2
|
  if (unlikely(x == NULL)) S
  ... when != x
      when != E aop E4
      when != E++
      when != ++E
      when != E--
      when != --E
      when != &E
      when != E2 aop E4
      when != E2++
      when != ++E2
      when != E2--
      when != --E2
      when != &E2
|
)
(
- memset@m(x, 0, E * E2);
|
- memset@m((T2)x, 0, E * E2);
|
- memset@m(x, 0, E2 * E);
|
- memset@m((T2)x, 0, E2 * E);
)

@kzm_kvmalloc_array@
expression o, E, E2, A2, E4;
identifier fld;
expression F, E3;
type T, T2;
assignment operator aop;
position p != {kunit.q, gfpzero.g}, m;
statement S;
@@
(
  o->fld =
- kvmalloc_array@p
+ kvcalloc
  (E, E2, A2);
|
  o->fld = (T)
- kvmalloc_array@p
+ kvcalloc
  (E, E2, A2);
)
  ... when != o->fld
      when != F(..., o, ...)
      when != o = E3
      when != E aop E4
      when != E++
      when != ++E
      when != E--
      when != --E
      when != &E
      when != E2 aop E4
      when != E2++
      when != ++E2
      when != E2--
      when != --E2
      when != &E2
(
  if (o->fld == NULL) S
  ... when != o->fld
      when != F(..., o, ...)
      when != o = E3
      when != E aop E4
      when != E++
      when != ++E
      when != E--
      when != --E
      when != &E
      when != E2 aop E4
      when != E2++
      when != ++E2
      when != E2--
      when != --E2
      when != &E2
|
  if (unlikely(o->fld == NULL)) S
  ... when != o->fld
      when != F(..., o, ...)
      when != o = E3
      when != E aop E4
      when != E++
      when != ++E
      when != E--
      when != --E
      when != &E
      when != E2 aop E4
      when != E2++
      when != ++E2
      when != E2--
      when != --E2
      when != &E2
|
)
(
- memset@m(o->fld, 0, E * E2);
|
- memset@m((T2)o->fld, 0, E * E2);
|
- memset@m(o->fld, 0, E2 * E);
|
- memset@m((T2)o->fld, 0, E2 * E);
)

@kzd_kvmalloc_array@
expression E, E2, A2, E4;
identifier i;
type T, T2, T3;
assignment operator aop;
position p != {kunit.q, gfpzero.g}, m;
statement S;
@@
(
  T i =
- kvmalloc_array@p
+ kvcalloc
  (E, E2, A2);
|
  T i = (T3)
- kvmalloc_array@p
+ kvcalloc
  (E, E2, A2);
)
  ... when != i
      when != E aop E4
      when != E++
      when != ++E
      when != E--
      when != --E
      when != &E
      when != E2 aop E4
      when != E2++
      when != ++E2
      when != E2--
      when != --E2
      when != &E2
(
  if (i == NULL) S
  ... when != i
      when != E aop E4
      when != E++
      when != ++E
      when != E--
      when != --E
      when != &E
      when != E2 aop E4
      when != E2++
      when != ++E2
      when != E2--
      when != --E2
      when != &E2
|
  if (unlikely(i == NULL)) S
  ... when != i
      when != E aop E4
      when != E++
      when != ++E
      when != E--
      when != --E
      when != &E
      when != E2 aop E4
      when != E2++
      when != ++E2
      when != E2--
      when != --E2
      when != &E2
|
)
(
- memset@m(i, 0, E * E2);
|
- memset@m((T2)i, 0, E * E2);
|
- memset@m(i, 0, E2 * E);
|
- memset@m((T2)i, 0, E2 * E);
)

@kz_devm_kmalloc@
idexpression x;
expression E, A0, A2, E4;
type T, T2;
assignment operator aop;
position p != {kunit.q, gfpzero.g}, m;
statement S;
@@
(
  x =
- devm_kmalloc@p
+ devm_kzalloc
  (A0, E, A2);
|
  x = (T)
- devm_kmalloc@p
+ devm_kzalloc
  (A0, E, A2);
)
  ... when != x
      when != E aop E4
      when != E++
      when != ++E
      when != E--
      when != --E
      when != &E
(
  if (x == NULL) S
  ... when != x
      when != E aop E4
      when != E++
      when != ++E
      when != E--
      when != --E
      when != &E
|
  if (unlikely(x == NULL)) S
  ... when != x
      when != E aop E4
      when != E++
      when != ++E
      when != E--
      when != --E
      when != &E
|
)
(
- memset@m(x, 0, E);
|
- memset@m((T2)x, 0, E);
)

@kzm_devm_kmalloc@
expression o, E, A0, A2, E4;
identifier fld;
expression F, E3;
type T, T2;
assignment operator aop;
position p != {kunit.q, gfpzero.g}, m;
statement S;
@@
(
  o->fld =
- devm_kmalloc@p
+ devm_kzalloc
  (A0, E, A2);
|
  o->fld = (T)
- devm_kmalloc@p
+ devm_kzalloc
  (A0, E, A2);
)
  ... when != o->fld
      when != F(..., o, ...)
      when != o = E3
      when != E aop E4
      when != E++
      when != ++E
      when != E--
      when != --E
      when != &E
(
  if (o->fld == NULL) S
  ... when != o->fld
      when != F(..., o, ...)
      when != o = E3
      when != E aop E4
      when != E++
      when != ++E
      when != E--
      when != --E
      when != &E
|
  if (unlikely(o->fld == NULL)) S
  ... when != o->fld
      when != F(..., o, ...)
      when != o = E3
      when != E aop E4
      when != E++
      when != ++E
      when != E--
      when != --E
      when != &E
|
)
(
- memset@m(o->fld, 0, E);
|
- memset@m((T2)o->fld, 0, E);
)

@kzd_devm_kmalloc@
expression E, A0, A2, E4;
identifier i;
type T, T2, T3;
assignment operator aop;
position p != {kunit.q, gfpzero.g}, m;
statement S;
@@
(
  T i =
- devm_kmalloc@p
+ devm_kzalloc
  (A0, E, A2);
|
  T i = (T3)
- devm_kmalloc@p
+ devm_kzalloc
  (A0, E, A2);
)
  ... when != i
      when != E aop E4
      when != E++
      when != ++E
      when != E--
      when != --E
      when != &E
(
  if (i == NULL) S
  ... when != i
      when != E aop E4
      when != E++
      when != ++E
      when != E--
      when != --E
      when != &E
|
  if (unlikely(i == NULL)) S
  ... when != i
      when != E aop E4
      when != E++
      when != ++E
      when != E--
      when != --E
      when != &E
|
)
(
- memset@m(i, 0, E);
|
- memset@m((T2)i, 0, E);
)

@kz_devm_kmalloc_array@
idexpression x;
expression E, E2, A0, A3, E4;
type T, T2;
assignment operator aop;
position p != {kunit.q, gfpzero.g}, m;
statement S;
@@
(
  x =
- devm_kmalloc_array@p
+ devm_kcalloc
  (A0, E, E2, A3);
|
  x = (T)
- devm_kmalloc_array@p
+ devm_kcalloc
  (A0, E, E2, A3);
)
  ... when != x
      when != E aop E4
      when != E++
      when != ++E
      when != E--
      when != --E
      when != &E
      when != E2 aop E4
      when != E2++
      when != ++E2
      when != E2--
      when != --E2
      when != &E2
(
  if (x == NULL) S
  ... when != x
      when != E aop E4
      when != E++
      when != ++E
      when != E--
      when != --E
      when != &E
      when != E2 aop E4
      when != E2++
      when != ++E2
      when != E2--
      when != --E2
      when != &E2
|
  if (unlikely(x == NULL)) S
  ... when != x
      when != E aop E4
      when != E++
      when != ++E
      when != E--
      when != --E
      when != &E
      when != E2 aop E4
      when != E2++
      when != ++E2
      when != E2--
      when != --E2
      when != &E2
|
)
(
- memset@m(x, 0, E * E2);
|
- memset@m((T2)x, 0, E * E2);
|
- memset@m(x, 0, E2 * E);
|
- memset@m((T2)x, 0, E2 * E);
)

@kzm_devm_kmalloc_array@
expression o, E, E2, A0, A3, E4;
identifier fld;
expression F, E3;
type T, T2;
assignment operator aop;
position p != {kunit.q, gfpzero.g}, m;
statement S;
@@
(
  o->fld =
- devm_kmalloc_array@p
+ devm_kcalloc
  (A0, E, E2, A3);
|
  o->fld = (T)
- devm_kmalloc_array@p
+ devm_kcalloc
  (A0, E, E2, A3);
)
  ... when != o->fld
      when != F(..., o, ...)
      when != o = E3
      when != E aop E4
      when != E++
      when != ++E
      when != E--
      when != --E
      when != &E
      when != E2 aop E4
      when != E2++
      when != ++E2
      when != E2--
      when != --E2
      when != &E2
(
  if (o->fld == NULL) S
  ... when != o->fld
      when != F(..., o, ...)
      when != o = E3
      when != E aop E4
      when != E++
      when != ++E
      when != E--
      when != --E
      when != &E
      when != E2 aop E4
      when != E2++
      when != ++E2
      when != E2--
      when != --E2
      when != &E2
|
  if (unlikely(o->fld == NULL)) S
  ... when != o->fld
      when != F(..., o, ...)
      when != o = E3
      when != E aop E4
      when != E++
      when != ++E
      when != E--
      when != --E
      when != &E
      when != E2 aop E4
      when != E2++
      when != ++E2
      when != E2--
      when != --E2
      when != &E2
|
)
(
- memset@m(o->fld, 0, E * E2);
|
- memset@m((T2)o->fld, 0, E * E2);
|
- memset@m(o->fld, 0, E2 * E);
|
- memset@m((T2)o->fld, 0, E2 * E);
)

@kzd_devm_kmalloc_array@
expression E, E2, A0, A3, E4;
identifier i;
type T, T2, T3;
assignment operator aop;
position p != {kunit.q, gfpzero.g}, m;
statement S;
@@
(
  T i =
- devm_kmalloc_array@p
+ devm_kcalloc
  (A0, E, E2, A3);
|
  T i = (T3)
- devm_kmalloc_array@p
+ devm_kcalloc
  (A0, E, E2, A3);
)
  ... when != i
      when != E aop E4
      when != E++
      when != ++E
      when != E--
      when != --E
      when != &E
      when != E2 aop E4
      when != E2++
      when != ++E2
      when != E2--
      when != --E2
      when != &E2
(
  if (i == NULL) S
  ... when != i
      when != E aop E4
      when != E++
      when != ++E
      when != E--
      when != --E
      when != &E
      when != E2 aop E4
      when != E2++
      when != ++E2
      when != E2--
      when != --E2
      when != &E2
|
  if (unlikely(i == NULL)) S
  ... when != i
      when != E aop E4
      when != E++
      when != ++E
      when != E--
      when != --E
      when != &E
      when != E2 aop E4
      when != E2++
      when != ++E2
      when != E2--
      when != --E2
      when != &E2
|
)
(
- memset@m(i, 0, E * E2);
|
- memset@m((T2)i, 0, E * E2);
|
- memset@m(i, 0, E2 * E);
|
- memset@m((T2)i, 0, E2 * E);
)

@kz_vmalloc@
idexpression x;
expression E, E4;
type T, T2;
assignment operator aop;
position p != {kunit.q, gfpzero.g}, m;
statement S;
@@
(
  x =
- vmalloc@p
+ vzalloc
  (E);
|
  x = (T)
- vmalloc@p
+ vzalloc
  (E);
)
  ... when != x
      when != E aop E4
      when != E++
      when != ++E
      when != E--
      when != --E
      when != &E
(
  if (x == NULL) S
  ... when != x
      when != E aop E4
      when != E++
      when != ++E
      when != E--
      when != --E
      when != &E
|
  if (unlikely(x == NULL)) S
  ... when != x
      when != E aop E4
      when != E++
      when != ++E
      when != E--
      when != --E
      when != &E
|
)
(
- memset@m(x, 0, E);
|
- memset@m((T2)x, 0, E);
)

@kzm_vmalloc@
expression o, E, E4;
identifier fld;
expression F, E3;
type T, T2;
assignment operator aop;
position p != {kunit.q, gfpzero.g}, m;
statement S;
@@
(
  o->fld =
- vmalloc@p
+ vzalloc
  (E);
|
  o->fld = (T)
- vmalloc@p
+ vzalloc
  (E);
)
  ... when != o->fld
      when != F(..., o, ...)
      when != o = E3
      when != E aop E4
      when != E++
      when != ++E
      when != E--
      when != --E
      when != &E
(
  if (o->fld == NULL) S
  ... when != o->fld
      when != F(..., o, ...)
      when != o = E3
      when != E aop E4
      when != E++
      when != ++E
      when != E--
      when != --E
      when != &E
|
  if (unlikely(o->fld == NULL)) S
  ... when != o->fld
      when != F(..., o, ...)
      when != o = E3
      when != E aop E4
      when != E++
      when != ++E
      when != E--
      when != --E
      when != &E
|
)
(
- memset@m(o->fld, 0, E);
|
- memset@m((T2)o->fld, 0, E);
)

@kzd_vmalloc@
expression E, E4;
identifier i;
type T, T2, T3;
assignment operator aop;
position p != {kunit.q, gfpzero.g}, m;
statement S;
@@
(
  T i =
- vmalloc@p
+ vzalloc
  (E);
|
  T i = (T3)
- vmalloc@p
+ vzalloc
  (E);
)
  ... when != i
      when != E aop E4
      when != E++
      when != ++E
      when != E--
      when != --E
      when != &E
(
  if (i == NULL) S
  ... when != i
      when != E aop E4
      when != E++
      when != ++E
      when != E--
      when != --E
      when != &E
|
  if (unlikely(i == NULL)) S
  ... when != i
      when != E aop E4
      when != E++
      when != ++E
      when != E--
      when != --E
      when != &E
|
)
(
- memset@m(i, 0, E);
|
- memset@m((T2)i, 0, E);
)

@kz_vmalloc_node@
idexpression x;
expression E, E4;
type T, T2;
assignment operator aop;
position p != {kunit.q, gfpzero.g}, m;
statement S;
@@
(
  x =
- vmalloc_node@p
+ vzalloc_node
  (E, ...);
|
  x = (T)
- vmalloc_node@p
+ vzalloc_node
  (E, ...);
)
  ... when != x
      when != E aop E4
      when != E++
      when != ++E
      when != E--
      when != --E
      when != &E
(
  if (x == NULL) S
  ... when != x
      when != E aop E4
      when != E++
      when != ++E
      when != E--
      when != --E
      when != &E
|
  if (unlikely(x == NULL)) S
  ... when != x
      when != E aop E4
      when != E++
      when != ++E
      when != E--
      when != --E
      when != &E
|
)
(
- memset@m(x, 0, E);
|
- memset@m((T2)x, 0, E);
)

@kzm_vmalloc_node@
expression o, E, E4;
identifier fld;
expression F, E3;
type T, T2;
assignment operator aop;
position p != {kunit.q, gfpzero.g}, m;
statement S;
@@
(
  o->fld =
- vmalloc_node@p
+ vzalloc_node
  (E, ...);
|
  o->fld = (T)
- vmalloc_node@p
+ vzalloc_node
  (E, ...);
)
  ... when != o->fld
      when != F(..., o, ...)
      when != o = E3
      when != E aop E4
      when != E++
      when != ++E
      when != E--
      when != --E
      when != &E
(
  if (o->fld == NULL) S
  ... when != o->fld
      when != F(..., o, ...)
      when != o = E3
      when != E aop E4
      when != E++
      when != ++E
      when != E--
      when != --E
      when != &E
|
  if (unlikely(o->fld == NULL)) S
  ... when != o->fld
      when != F(..., o, ...)
      when != o = E3
      when != E aop E4
      when != E++
      when != ++E
      when != E--
      when != --E
      when != &E
|
)
(
- memset@m(o->fld, 0, E);
|
- memset@m((T2)o->fld, 0, E);
)

@kzd_vmalloc_node@
expression E, E4;
identifier i;
type T, T2, T3;
assignment operator aop;
position p != {kunit.q, gfpzero.g}, m;
statement S;
@@
(
  T i =
- vmalloc_node@p
+ vzalloc_node
  (E, ...);
|
  T i = (T3)
- vmalloc_node@p
+ vzalloc_node
  (E, ...);
)
  ... when != i
      when != E aop E4
      when != E++
      when != ++E
      when != E--
      when != --E
      when != &E
(
  if (i == NULL) S
  ... when != i
      when != E aop E4
      when != E++
      when != ++E
      when != E--
      when != --E
      when != &E
|
  if (unlikely(i == NULL)) S
  ... when != i
      when != E aop E4
      when != E++
      when != ++E
      when != E--
      when != --E
      when != &E
|
)
(
- memset@m(i, 0, E);
|
- memset@m((T2)i, 0, E);
)
